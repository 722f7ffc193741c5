-- Content titles of the history window ($1: raw content Parquet files), for evidence.
INSERT INTO raw_content
SELECT content_id, ts, title FROM read_parquet($1)
WHERE content_id IN (SELECT doc_id FROM terms_cand WHERE source IN ('content', 'engagement'))
