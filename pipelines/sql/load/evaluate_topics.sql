-- The ranked topics of one analysis date ($1: topics mart files), for evaluate.
SELECT rank, topic_id, name, members FROM read_parquet($1, hive_partitioning = true) WHERE rank IS NOT NULL ORDER BY rank
