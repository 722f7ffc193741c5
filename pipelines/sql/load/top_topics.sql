-- The top rising topics of one analysis ($1: the topics mart files of the date, $2: how many).
SELECT rank, name, stage, score, growth_shrunk, z, recent_total, recent_search, recent_content,
       recent_comment, members
FROM read_parquet($1, hive_partitioning = true)
WHERE rank IS NOT NULL
ORDER BY rank
LIMIT $2
