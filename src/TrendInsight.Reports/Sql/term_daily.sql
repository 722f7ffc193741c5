-- Daily series of some terms ($files: term_daily mart files of the days wanted, $terms: the terms).
SELECT term, CAST(dt AS DATE) AS day, CAST(interest_index AS DOUBLE) AS interest_index,
       CAST(search_volume + content_mentions + comment_mentions AS BIGINT) AS mentions,
       CAST(plays + likes + shares + purchases AS BIGINT) AS engagements,
       CAST(gmv AS DOUBLE) AS gmv
FROM read_parquet($files, hive_partitioning = true)
WHERE list_contains($terms, term)
ORDER BY term, day
