-- Lexicon-typed terms of the recent window ($1: terms Parquet files), for C2M attributes.
INSERT INTO terms_attr
SELECT dt, source, doc_id, term, term_type
FROM read_parquet($1, hive_partitioning = true)
WHERE term_type IS NOT NULL AND source IN ('search', 'comment', 'content', 'product')
