-- The terms of one day as written ($files: its terms Parquet files), to derive its doc_sets rollup again.
INSERT INTO terms_day BY NAME
SELECT * FROM read_parquet($files, hive_partitioning = false)
