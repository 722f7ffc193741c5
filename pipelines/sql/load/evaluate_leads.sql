-- The leading segments of one analysis date ($1: topic_segments mart files), for evaluate.
SELECT topic_id, dimension, value FROM read_parquet($1, hive_partitioning = true) WHERE leads
