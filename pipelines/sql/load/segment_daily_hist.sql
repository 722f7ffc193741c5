-- segment_daily partitions of the history window ($files: Parquet files).
INSERT INTO segment_daily_hist BY NAME
SELECT * FROM read_parquet($files, hive_partitioning = true)
