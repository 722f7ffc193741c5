-- source_daily partitions of the history window ($files: Parquet files).
INSERT INTO source_daily_hist BY NAME
SELECT * FROM read_parquet($files, hive_partitioning = true)
