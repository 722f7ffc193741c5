-- Supply gap: is the topic's demand served by product listings? Judged on growth (demand growth
-- against the growth of the topic's listings) and on level (listings per 1k searches against the median
-- of the top topics). Level is judged on search queries, not on talk: a listing answers a shopper's
-- query, while reviews and comments pile up on some kinds of topic (露营 gear gets many 测评 posts) and
-- would make them look under-supplied. It is read over the whole history window, as a small lake sells
-- only a few items a week, and a gap counts only beyond two standard errors of the listing counts. The
-- one opportunity score of the report (pipelines/README.md, "supply_gap"); every format shows this column
-- and no other figure as the opportunity; supply_pressure is the same figure without the gap test
-- (negative where supply runs ahead), for ordering topics. Listings that grow faster than demand are
-- sellers catching up: they do not cancel a shortfall that is still there at the level, so only demand
-- outgrowing listings adds to the gap (pressure = level gap + the growth gap where positive).
-- In: topics, topic_members, topic_daily, supply_sets, term_daily_hist, params.
CREATE OR REPLACE TABLE supply_gap AS
WITH top AS (
    SELECT t.* FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
-- the words of the query and listing sets of the history window that are topic members or product
-- types (every join below is on one of those), and the lexicon types of words
set_words AS (
    SELECT dt, set_id, source, docs, mentions, term FROM supply_sets
),
word_types AS MATERIALIZED (
    SELECT term, max(term_type) AS term_type FROM term_daily_hist WHERE term_type IS NOT NULL GROUP BY term
),
-- a set that names a member of some topic is the topic's; it says what the topic is when it names the
-- topic's name or a member that is a product type, style or material
named AS MATERIALIZED (
    SELECT w.dt, w.set_id, w.source, any_value(w.docs) AS docs, any_value(w.mentions) AS mentions, m.topic_id,
           bool_or(w.term = m.name OR ty.term_type IN ('category', 'style', 'material')) AS says_what
    FROM set_words w
    JOIN topic_members m ON m.term = w.term
    LEFT JOIN word_types ty ON ty.term = w.term
    GROUP BY w.dt, w.set_id, w.source, m.topic_id
),
-- a topic's product words: a product type of the lexicon (category) that is no topic's member and that
-- at least half of the queries naming it (and at least 3) say together with what the topic is (折叠椅
-- in "折叠椅 露营 便携"); words that say how or for whom (便携, 宝妈) are said with many kinds of product
word_queries AS (
    SELECT w.term, sum(w.docs) AS n
    FROM set_words w
    JOIN word_types ty ON ty.term = w.term AND ty.term_type = 'category'
    WHERE w.source = 'search' AND w.term NOT IN (SELECT term FROM topic_members)
    GROUP BY w.term
),
product_words AS (
    SELECT n.topic_id, w.term
    FROM set_words w
    JOIN named n ON n.dt = w.dt AND n.set_id = w.set_id AND n.source = w.source
    JOIN word_queries q ON q.term = w.term
    WHERE w.source = 'search' AND n.says_what AND n.topic_id IN (SELECT topic_id FROM top)
    GROUP BY n.topic_id, w.term, q.n
    HAVING sum(w.docs) >= 3 AND sum(w.docs) >= 0.5 * q.n
),
-- a set that reaches a topic only by a scene or an attribute (通勤, 户外, 百搭) and names a product type
-- that is not the topic's is another product's query or listing ("连衣裙 通勤 长款" is a dress): it
-- counts for neither the topic's demand nor its supply
elsewhere AS (
    SELECT DISTINCT n.dt, n.set_id, n.source, n.topic_id
    FROM named n
    JOIN set_words w ON w.dt = n.dt AND w.set_id = n.set_id AND w.source = n.source
    JOIN word_types ty ON ty.term = w.term AND ty.term_type = 'category'
    LEFT JOIN topic_members m ON m.topic_id = n.topic_id AND m.term = w.term
    LEFT JOIN product_words pw ON pw.topic_id = n.topic_id AND pw.term = w.term
    WHERE NOT n.says_what AND m.term IS NULL AND pw.term IS NULL
),
own AS (
    SELECT n.* FROM named n
    ANTI JOIN elsewhere e ON e.dt = n.dt AND e.set_id = n.set_id AND e.source = n.source AND e.topic_id = n.topic_id
    WHERE n.topic_id IN (SELECT topic_id FROM top)
),
-- a topic's listings: its own, and those that name no topic but one of its product words: a shopper's
-- query names the trend (露营) and the product (折叠椅), the listing that answers it only the product,
-- and the query counts for the topic's demand
topic_listings AS (
    SELECT topic_id, dt, docs FROM own WHERE source = 'product'
    UNION ALL
    SELECT pw.topic_id, w.dt, any_value(w.docs)
    FROM set_words w JOIN product_words pw ON pw.term = w.term
    WHERE w.source = 'product'
      AND NOT EXISTS (SELECT 1 FROM named n WHERE n.dt = w.dt AND n.set_id = w.set_id AND n.source = 'product')
    GROUP BY pw.topic_id, w.dt, w.set_id
),
listings AS (
    SELECT top.topic_id,
           coalesce((SELECT sum(l.docs) FROM topic_listings l WHERE l.topic_id = top.topic_id AND l.dt >= p.recent_start), 0) AS listings_recent,
           coalesce((SELECT sum(l.docs) FROM topic_listings l WHERE l.topic_id = top.topic_id AND l.dt < p.recent_start AND l.dt >= p.baseline_start), 0) AS listings_baseline,
           coalesce((SELECT sum(l.docs) FROM topic_listings l WHERE l.topic_id = top.topic_id AND l.dt >= p.baseline_start), 0) AS listings_level,
           coalesce((SELECT sum(o.mentions) FROM own o WHERE o.topic_id = top.topic_id AND o.source = 'search' AND o.dt >= p.baseline_start), 0) AS searches_level,
           coalesce((SELECT sum(d.interest_index) FROM topic_daily d WHERE d.topic_id = top.topic_id AND d.day >= p.baseline_start), 0) AS interest_level
    FROM top, params p
),
g0 AS (
    SELECT top.topic_id, top.name,
           top.recent_total AS demand_recent,
           top.expected_recent AS demand_expected,
           top.growth_shrunk AS demand_growth,
           coalesce(l.listings_recent, 0)::BIGINT AS listings_recent,
           coalesce(l.listings_baseline, 0)::BIGINT AS listings_baseline,
           (coalesce(l.listings_recent, 0) + p.listing_prior)
               / (coalesce(l.listings_baseline, 0) * p.recent_days / p.baseline_days + p.listing_prior) AS supply_growth,
           coalesce(l.listings_level, 0) AS listings_level,
           -- a lake without search data judges level on the topic's interest instead
           CASE WHEN (SELECT sum(searches_level) FROM listings) > 0 THEN coalesce(l.searches_level, 0)
                ELSE coalesce(l.interest_level, 0) END AS demand_level
    FROM top LEFT JOIN listings l ON l.topic_id = top.topic_id, params p
),
g AS (
    SELECT g0.*, 1000.0 * g0.listings_level / nullif(g0.demand_level, 0) AS listings_per_1k_demand FROM g0
),
reference AS (
    -- the typical supply level of this analysis' rising topics
    SELECT coalesce(median(listings_per_1k_demand), 0) AS median_per_1k FROM g WHERE listings_per_1k_demand IS NOT NULL
),
gaps AS (
    SELECT g.*, r.median_per_1k AS median_listings_per_1k,
           r.median_per_1k * g.demand_level / 1000.0 AS listings_expected,
           ln(g.demand_growth / g.supply_growth) AS growth_gap,
           -- listings short of the typical level (positive) or above it (negative), in log units
           ln((r.median_per_1k * g.demand_level / 1000.0 + p.listing_prior) / (g.listings_level + p.listing_prior)) AS level_gap,
           -- the standard error of each gap where there is none (Poisson counts, in log units): listings at
           -- the pace of the topic's earlier weeks grown with its demand, and at the typical level of its
           -- demand. On a small lake a few listings more or less move a gap as far as a real shortfall would.
           sqrt(1.0 / (g.listings_baseline * p.recent_days / p.baseline_days * g.demand_growth + p.listing_prior)
                + 1.0 / (g.listings_baseline + p.listing_prior)) AS growth_gap_se,
           sqrt(1.0 / (r.median_per_1k * g.demand_level / 1000.0 + p.listing_prior)) AS level_gap_se,
           -- a small topic's figures rest on few events: the score fades below ~10 × k of demand
           1 - exp(-g.demand_recent / (10 * p.prior_strength)) AS confidence
    FROM g, reference r, params p
),
-- what of each gap stands beyond two standard errors (a gap within them is no gap)
sure AS (
    SELECT gaps.*,
           sign(growth_gap) * greatest(abs(growth_gap) - 2 * growth_gap_se, 0) AS growth_sure,
           sign(level_gap) * greatest(abs(level_gap) - 2 * level_gap_se, 0) AS level_sure
    FROM gaps
),
judged AS (
    SELECT sure.*,
           sure.demand_growth > 1
               AND greatest(sure.growth_sure, 0) + sure.level_sure > 0
               AND (sure.growth_sure >= ln(p.gap_ratio) OR sure.level_sure >= ln(p.gap_ratio)) AS gap
    FROM sure, params p
)
SELECT topic_id, name, demand_recent, demand_expected, demand_growth, listings_recent, listings_baseline, supply_growth,
       listings_level, demand_level, listings_per_1k_demand, median_listings_per_1k, listings_expected, growth_gap, level_gap,
       growth_gap_se, level_gap_se,
       CASE WHEN gap THEN round(100.0 * (greatest(growth_sure, 0) + level_sure) * confidence, 1) ELSE 0.0 END AS opportunity_score,
       round(100.0 * (greatest(growth_sure, 0) + level_sure) * confidence, 1) AS supply_pressure,
       gap,
       CASE
           WHEN NOT gap THEN NULL
           WHEN growth_sure >= ln(p.gap_ratio) AND level_sure >= ln(p.gap_ratio) THEN 'growth_and_level'
           WHEN growth_sure >= ln(p.gap_ratio) THEN 'growth'
           ELSE 'level'
       END AS gap_reason
FROM judged, params p;
