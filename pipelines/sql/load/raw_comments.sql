-- Comment text of the recent window ($files: raw comments Parquet files) for the top topics' items, for evidence.
INSERT INTO raw_comments
SELECT event_id, text, likes FROM read_parquet($files)
WHERE event_id IN (SELECT id FROM set_items)
