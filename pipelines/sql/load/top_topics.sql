-- The top rising topics of one analysis ($files: the topics mart files of the date, $count: how many).
SELECT rank, name, stage, score, growth_shrunk, z, recent_total, recent_search, recent_content,
       recent_comment, members
FROM read_parquet($files, hive_partitioning = true)
WHERE rank IS NOT NULL
ORDER BY rank
LIMIT $count
