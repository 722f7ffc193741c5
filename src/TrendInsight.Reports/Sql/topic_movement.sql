-- Movement of the ranked topics against the previous report ($files: topic_movement mart files of the report date).
SELECT topic_id, CAST(previous_rank AS INTEGER) AS previous_rank, CAST(rank_change AS INTEGER) AS rank_change, is_new,
       CAST(weeks_on_list AS INTEGER) AS weeks_on_list
FROM read_parquet($files, hive_partitioning = true)
