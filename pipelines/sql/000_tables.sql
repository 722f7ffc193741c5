-- Working tables of one analysis run (an in-memory database; the lake holds the results).
CREATE OR REPLACE TABLE terms_day (
    source VARCHAR, doc_id VARCHAR, term VARCHAR, term_type VARCHAR, category VARCHAR,
    age_band VARCHAR, gender VARCHAR, city_tier VARCHAR,
    mentions BIGINT, plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT, gmv DECIMAL(18, 2)
);
CREATE OR REPLACE TABLE engagement_day (
    content_id VARCHAR, action VARCHAR, count BIGINT, gmv DECIMAL(18, 2),
    age_band VARCHAR, gender VARCHAR, city_tier VARCHAR
);
CREATE OR REPLACE TABLE content_terms (doc_id VARCHAR, term VARCHAR, term_type VARCHAR, category VARCHAR);
CREATE OR REPLACE TABLE term_daily_hist (
    dt DATE, term VARCHAR, term_type VARCHAR,
    search_volume BIGINT, content_mentions BIGINT, comment_mentions BIGINT, product_listings BIGINT,
    plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT, gmv DECIMAL(18, 2),
    search_part DOUBLE, content_part DOUBLE, comment_part DOUBLE, engagement_part DOUBLE, interest_index DOUBLE
);
CREATE OR REPLACE TABLE segment_daily_hist (dt DATE, dimension VARCHAR, value VARCHAR, activity DOUBLE);
CREATE OR REPLACE TABLE source_daily_hist (dt DATE, source VARCHAR, docs BIGINT);
-- The doc_sets rollup of the day being built (pipelines/README.md, "doc_sets"), appended by DocSetRollup. Its
-- activity columns by segment value (contract_segments.column_name: age_lt18 … tier_unknown) are added to this
-- table and to doc_sets from the landing contract once these tables exist.
CREATE OR REPLACE TABLE doc_sets_day (
    set_id INTEGER, source VARCHAR, category VARCHAR, terms VARCHAR[], docs BIGINT, mentions BIGINT,
    plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT, gmv DECIMAL(18, 2)
);
CREATE OR REPLACE TABLE doc_set_segments_day (set_id INTEGER, dimension VARCHAR, value VARCHAR, units DOUBLE);
CREATE OR REPLACE TABLE doc_set_items_day (
    set_id INTEGER, id VARCHAR, plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT
);
-- What the topic models read of the doc_sets rollup: the sets that hold a candidate term over the
-- history window (doc_sets, without their terms) and which candidates they hold (set_terms), the typed
-- terms of every recent set (typed_set_terms), and the segments and items of the top topics' sets.
CREATE OR REPLACE TABLE doc_sets (
    dt DATE, set_id INTEGER, source VARCHAR, category VARCHAR, docs BIGINT, mentions BIGINT,
    plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT, gmv DECIMAL(18, 2)
);
CREATE OR REPLACE TABLE set_terms (dt DATE, set_id INTEGER, term VARCHAR);
CREATE OR REPLACE TABLE typed_set_terms (dt DATE, set_id INTEGER, docs BIGINT, term VARCHAR, term_type VARCHAR);
-- the query and listing sets of the history window, a row per set and word that is a topic member or a
-- product type (the only words supply_gap looks at)
CREATE OR REPLACE TABLE supply_sets (dt DATE, set_id INTEGER, source VARCHAR, docs BIGINT, mentions BIGINT, term VARCHAR);
CREATE OR REPLACE TABLE set_segments (dt DATE, set_id INTEGER, dimension VARCHAR, value VARCHAR, units DOUBLE);
CREATE OR REPLACE TABLE set_items (
    dt DATE, set_id INTEGER, id VARCHAR, plays BIGINT, likes BIGINT, shares BIGINT, purchases BIGINT
);
CREATE OR REPLACE TABLE raw_comments (event_id VARCHAR, text VARCHAR, likes BIGINT);
CREATE OR REPLACE TABLE raw_content (content_id VARCHAR, ts TIMESTAMPTZ, title VARCHAR);
-- jieba's IDF table (idf.txt) and the discovered words of text.user_dictionaries: which terms may rank
CREATE OR REPLACE TABLE jieba_idf (word VARCHAR, idf DOUBLE);
CREATE OR REPLACE TABLE known_words (word VARCHAR);
-- ranked topics of the weekly analyses before this one (dt = as_of − 7k), for topic_movement
CREATE OR REPLACE TABLE prev_topics (dt DATE, topic_id VARCHAR, rank INTEGER);
CREATE OR REPLACE TABLE movement_params AS SELECT 10 AS list_size;
CREATE OR REPLACE TABLE topic_members (topic_id VARCHAR, name VARCHAR, term VARCHAR, member_rank INTEGER);
-- the id topic tracking gave each cluster (TopicTracker), applied to topic_members
CREATE OR REPLACE TABLE topic_ids (cluster_id VARCHAR, topic_id VARCHAR);
-- topics of the earlier analyses (topics mart of the look-back), for tracking ids and movement
CREATE OR REPLACE TABLE topic_history (
    dt DATE, topic_id VARCHAR, name VARCHAR, members VARCHAR[], rank INTEGER,
    days_on_list INTEGER, listed_since DATE, first_seen DATE
);
CREATE OR REPLACE TABLE forecast (
    topic_id VARCHAR, day DATE, horizon INTEGER, yhat DOUBLE, lo DOUBLE, hi DOUBLE, method VARCHAR,
    backtest_mape DOUBLE, backtest_coverage DOUBLE, informative BOOLEAN, interval_multiplier DOUBLE, backtest_days INTEGER
);
CREATE OR REPLACE TABLE new_words (
    word VARCHAR, freq BIGINT, pmi DOUBLE, left_entropy DOUBLE, right_entropy DOUBLE, score DOUBLE,
    query_lines INTEGER, title_lines INTEGER, comment_lines INTEGER
);
