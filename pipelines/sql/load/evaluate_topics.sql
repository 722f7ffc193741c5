-- The ranked topics of one analysis date ($files: topics mart files), for evaluate.
SELECT rank, topic_id, name, members FROM read_parquet($files, hive_partitioning = true) WHERE rank IS NOT NULL ORDER BY rank
