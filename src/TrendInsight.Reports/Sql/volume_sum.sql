-- Events of a feed with a count column ($files: raw Parquet files of the period).
SELECT CAST(coalesce(sum(count), 0) AS BIGINT) FROM read_parquet($files, hive_partitioning = true)
