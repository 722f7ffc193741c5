-- The opportunity score of each topic of one analysis date ($files: supply_gap mart files), for evaluate.
SELECT topic_id, opportunity_score FROM read_parquet($files, hive_partitioning = true)
