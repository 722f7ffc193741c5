-- Ranked topics of earlier analyses for the movement against the previous report ($files: topics mart files).
INSERT INTO prev_topics
SELECT CAST(dt AS DATE) AS dt, topic_id, CAST(rank AS INTEGER) AS rank
FROM read_parquet($files, hive_partitioning = true)
WHERE rank IS NOT NULL
