-- The document sets of the candidate terms ($files: doc_sets Parquet files of the history window): one row
-- per set and candidate term it holds.
INSERT INTO set_terms
SELECT dt, set_id, term
FROM (SELECT dt, set_id, unnest(terms) AS term FROM read_parquet($files, hive_partitioning = true))
WHERE term IN (SELECT term FROM candidates)
