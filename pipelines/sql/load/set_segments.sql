-- Segment units of the top topics' document sets for segment values outside the contract ($files:
-- doc_set_segments Parquet files of the history window; usually empty), for topic segments.
INSERT INTO set_segments BY NAME
SELECT g.*
FROM read_parquet($files, hive_partitioning = true) g
SEMI JOIN top_sets t ON t.dt = g.dt AND t.set_id = g.set_id
