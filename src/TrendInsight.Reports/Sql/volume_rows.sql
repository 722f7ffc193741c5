-- Rows of a feed ($files: raw Parquet files of the period).
SELECT count(*) FROM read_parquet($files, hive_partitioning = true)
