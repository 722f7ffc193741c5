-- Content titles of the history window ($files: raw content Parquet files) for the top topics' items, for evidence.
INSERT INTO raw_content
SELECT content_id, ts, title FROM read_parquet($files)
WHERE content_id IN (SELECT id FROM set_items)
