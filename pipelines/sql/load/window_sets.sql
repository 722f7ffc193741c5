-- The doc_sets rollup of the history window ($files: doc_sets Parquet files), read once: set_terms, doc_sets,
-- supply_sets and typed_set_terms are derived from this table, which is dropped once they are.
CREATE OR REPLACE TEMP TABLE window_sets AS
SELECT * FROM read_parquet($files, hive_partitioning = true)
