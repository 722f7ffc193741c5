-- Content and products: the latest version per id wins (ts, then ingest order: file, line). A row
-- older than the version already in the lake is a duplicate; a newer one replaces it. $feed = feed.
CREATE OR REPLACE TABLE final AS
SELECT s.*
FROM staging AS s
LEFT JOIN state.latest AS l ON l.feed = $feed AND l.id = s.row_key
WHERE l.id IS NULL OR s.ts >= l.ts
QUALIFY row_number() OVER (PARTITION BY s.row_key ORDER BY s.ts DESC, s.file_seq DESC, s.line DESC) = 1;

CREATE OR REPLACE TABLE superseded AS
SELECT l.id, l.dt
FROM state.latest AS l
JOIN final AS f ON f.row_key = l.id
WHERE l.feed = $feed;
