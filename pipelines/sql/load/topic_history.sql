-- The topics of the earlier analyses within the look-back ($files: topics mart files of the days before the
-- analysis date), for topic tracking and movement; partitions written before a column existed give NULL.
INSERT INTO topic_history BY NAME
SELECT COLUMNS(c -> c IN ('dt', 'topic_id', 'name', 'members', 'rank', 'days_on_list', 'listed_since', 'first_seen'))
FROM read_parquet($files, hive_partitioning = true, union_by_name = true)
