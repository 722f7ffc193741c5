-- Segment skew per topic ($files: topic_segments mart files of the report date).
SELECT topic_id, dimension, value, CAST(activity AS BIGINT) AS activity, share, tgi
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, dimension, value
