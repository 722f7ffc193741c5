-- Events: the first delivery of an event_id wins (file order, then line); ids accepted by an earlier
-- run are duplicates. $1 = feed.
CREATE OR REPLACE TABLE final AS
SELECT s.*
FROM staging AS s
WHERE NOT EXISTS (SELECT 1 FROM state.seen_ids AS x WHERE x.feed = $1 AND x.id = s.row_key)
QUALIFY row_number() OVER (PARTITION BY s.row_key ORDER BY s.file_seq, s.line) = 1;
