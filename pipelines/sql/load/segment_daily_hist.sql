-- segment_daily partitions of the history window ($1: Parquet files).
INSERT INTO segment_daily_hist BY NAME
SELECT * FROM read_parquet($1, hive_partitioning = true)
