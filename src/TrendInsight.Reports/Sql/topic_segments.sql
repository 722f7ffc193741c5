-- Segment skew per topic ($1: topic_segments mart files of the report date).
SELECT topic_id, dimension, value, CAST(activity AS BIGINT) AS activity, share, tgi
FROM read_parquet($1, hive_partitioning = true)
ORDER BY topic_id, dimension, value
