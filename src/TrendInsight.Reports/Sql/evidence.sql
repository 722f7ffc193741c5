-- Evidence per topic ($files: evidence mart files of the report date): top comments and top content.
SELECT topic_id, kind, id, text, CAST(likes AS BIGINT) AS likes, CAST(engagement AS DOUBLE) AS engagement
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, kind, rank
