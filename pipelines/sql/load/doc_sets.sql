-- The document sets that hold a candidate term ($1: doc_sets Parquet files of the history window), for
-- the topic models; their terms are in set_terms.
INSERT INTO doc_sets BY NAME
SELECT s.* EXCLUDE (terms)
FROM read_parquet($1, hive_partitioning = true) s
SEMI JOIN (SELECT DISTINCT dt, set_id FROM set_terms) t ON t.dt = s.dt AND t.set_id = s.set_id
