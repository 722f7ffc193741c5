-- The document sets that hold a candidate term ($files: doc_sets Parquet files of the history window), for
-- the topic models; their terms are in set_terms.
INSERT INTO doc_sets BY NAME
SELECT s.* EXCLUDE (terms)
FROM read_parquet($files, hive_partitioning = true) s
SEMI JOIN (SELECT DISTINCT dt, set_id FROM set_terms) t ON t.dt = s.dt AND t.set_id = s.set_id
