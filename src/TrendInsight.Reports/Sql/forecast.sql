-- Forecast days per topic ($1: forecast mart files of the report date).
SELECT topic_id, day, yhat, lo, hi
FROM read_parquet($1, hive_partitioning = true)
ORDER BY topic_id, day
