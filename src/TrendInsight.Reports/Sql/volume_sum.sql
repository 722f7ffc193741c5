-- Events of a feed with a count column ($1: raw Parquet files of the period).
SELECT CAST(coalesce(sum(count), 0) AS BIGINT) FROM read_parquet($1, hive_partitioning = true)
