-- The query and listing sets of the history window ($files: doc_sets Parquet files), a row per set and
-- word that supply_gap can use: a member of some topic, or a word the lexicon types as a product type
-- (category); it counts a topic's listings on them, also those named by a product word of its queries.
INSERT INTO supply_sets
SELECT dt, set_id, source, docs, mentions, term
FROM (
    SELECT dt, set_id, source, docs, mentions, unnest(terms) AS term
    FROM read_parquet($files, hive_partitioning = true)
    WHERE source IN ('search', 'product')
)
WHERE term IN (SELECT term FROM topic_members UNION SELECT term FROM term_daily_hist WHERE term_type = 'category')
