-- Terms of content published on other days ($files: terms Parquet files), for engagement rows.
INSERT INTO content_terms
SELECT doc_id, term, term_type, category
FROM read_parquet($files, hive_partitioning = true)
WHERE source = 'content'
