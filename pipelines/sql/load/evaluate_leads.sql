-- The leading segments of one analysis date ($files: topic_segments mart files), for evaluate.
SELECT topic_id, dimension, value FROM read_parquet($files, hive_partitioning = true) WHERE leads
