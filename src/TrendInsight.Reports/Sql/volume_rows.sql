-- Rows of a feed ($1: raw Parquet files of the period).
SELECT count(*) FROM read_parquet($1, hive_partitioning = true)
