-- source_daily partitions of the history window ($1: Parquet files).
INSERT INTO source_daily_hist BY NAME
SELECT * FROM read_parquet($1, hive_partitioning = true)
