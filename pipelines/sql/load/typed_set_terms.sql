-- Lexicon-typed terms of every document set of the recent window ($files: doc_sets Parquet files) from
-- search, comments, content and listings, for C2M attributes; the types are those of term_daily_hist.
INSERT INTO typed_set_terms
SELECT u.dt, u.set_id, u.docs, u.term, ty.term_type
FROM (
    SELECT dt, set_id, docs, unnest(terms) AS term
    FROM read_parquet($files, hive_partitioning = true)
    WHERE source IN ('search', 'comment', 'content', 'product')
) u
JOIN (SELECT term, max(term_type) AS term_type FROM term_daily_hist WHERE term_type IS NOT NULL GROUP BY term) ty
  ON ty.term = u.term
