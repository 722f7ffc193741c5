-- Topics of one analysis ($files: the topics mart files of the report date), best rank first.
SELECT topic_id, name, CAST(rank AS INTEGER) AS rank, stage,
       CAST(growth AS DOUBLE) AS growth, CAST(growth_shrunk AS DOUBLE) AS growth_shrunk, CAST(z AS DOUBLE) AS z,
       CAST(score AS DOUBLE) AS score, CAST(recent_total AS DOUBLE) AS recent_total, CAST(baseline_total AS DOUBLE) AS baseline_total,
       CAST(recent_search AS BIGINT) AS recent_search, CAST(recent_content AS BIGINT) AS recent_content,
       CAST(recent_comment AS BIGINT) AS recent_comment, CAST(recent_listings AS BIGINT) AS recent_listings, breakout
FROM read_parquet($files, hive_partitioning = true)
ORDER BY rank NULLS LAST, score DESC NULLS LAST, name
