-- The query and listing sets of the history window ($files: doc_sets Parquet files) with all their terms:
-- supply_gap counts a topic's listings on them, also those named by a product word of its queries.
INSERT INTO supply_sets
SELECT dt, set_id, source, docs, mentions, terms
FROM read_parquet($files, hive_partitioning = true)
WHERE source IN ('search', 'product')
