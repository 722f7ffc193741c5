-- Comment text of the recent window ($1: raw comments Parquet files), for evidence.
INSERT INTO raw_comments
SELECT event_id, text, likes FROM read_parquet($1)
WHERE event_id IN (SELECT doc_id FROM terms_cand WHERE source = 'comment')
