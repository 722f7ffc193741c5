-- Term scores of one analysis ($files: trends mart files of the report date), best score first.
SELECT term, term_type, topic_id, CAST(recent_total AS DOUBLE) AS recent_total, CAST(baseline_total AS DOUBLE) AS baseline_total,
       CAST(growth AS DOUBLE) AS growth, CAST(growth_shrunk AS DOUBLE) AS growth_shrunk, CAST(z AS DOUBLE) AS z, breakout,
       CAST(score AS DOUBLE) AS score, CAST(rank AS INTEGER) AS rank, stage,
       CAST(recent_search + recent_content + recent_comment AS BIGINT) AS mentions,
       CAST(recent_search AS BIGINT) AS recent_search, CAST(recent_content AS BIGINT) AS recent_content,
       CAST(recent_comment AS BIGINT) AS recent_comment, CAST(recent_listings AS BIGINT) AS recent_listings,
       coalesce(generic, false) AS generic
FROM read_parquet($files, hive_partitioning = true)
ORDER BY score DESC NULLS LAST, recent_total DESC, term
