-- The opportunity score of each topic of one analysis date ($1: supply_gap mart files), for evaluate.
SELECT topic_id, opportunity_score FROM read_parquet($1, hive_partitioning = true)
