-- The terms of one day as written ($1: its terms Parquet files), to derive its doc_sets rollup again.
INSERT INTO terms_day BY NAME
SELECT * FROM read_parquet($1, hive_partitioning = false)
