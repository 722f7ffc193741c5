-- Segment skew per topic ($1: topic_segments mart files of the report date), with the mart's lead flag.
SELECT topic_id, dimension, value, CAST(activity AS BIGINT) AS activity, share, tgi, coalesce(leads, false) AS leads,
       CAST(z AS DOUBLE) AS z
FROM read_parquet($1, hive_partitioning = true)
ORDER BY topic_id, dimension, value
