-- Terms of content published on other days ($1: terms Parquet files), for engagement rows.
INSERT INTO content_terms
SELECT doc_id, term, term_type, category
FROM read_parquet($1, hive_partitioning = true)
WHERE source = 'content'
