-- Comments and content of the top topics' document sets ($files: doc_set_items Parquet files of the recent
-- window), for evidence.
INSERT INTO set_items BY NAME
SELECT i.*
FROM read_parquet($files, hive_partitioning = true) i
SEMI JOIN top_sets t ON t.dt = i.dt AND t.set_id = i.set_id
