-- Segment skew per topic ($files: topic_segments mart files of the report date), with the mart's lead flag.
SELECT topic_id, dimension, value, CAST(activity AS BIGINT) AS activity, share, tgi, coalesce(leads, false) AS leads,
       CAST(z AS DOUBLE) AS z
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, dimension, value
