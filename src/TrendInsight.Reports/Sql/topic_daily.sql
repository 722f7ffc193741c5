-- Daily series of the topics ($files: topic_daily mart files of the report date, $from: first day wanted).
SELECT topic_id, day, interest_index,
       CAST(search_volume + content_mentions + comment_mentions AS BIGINT) AS mentions,
       CAST(plays + likes + shares + purchases AS BIGINT) AS engagements,
       CAST(gmv AS DOUBLE) AS gmv
FROM read_parquet($files, hive_partitioning = true)
WHERE day >= $from
ORDER BY topic_id, day
