-- Document-level terms of the history window ($1: terms Parquet files) for the candidate terms.
INSERT INTO terms_cand BY NAME
SELECT * FROM read_parquet($1, hive_partitioning = true)
WHERE term IN (SELECT term FROM candidates)
