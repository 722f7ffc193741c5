-- Normalised texts of the recent window for new-word discovery, with the feed each comes from ($1: search,
-- $2: comments, $3: content Parquet files; $4: at most this many lines of each, the most repeated first).
SELECT 'search' AS source, text FROM (
    SELECT query_norm AS text, sum(coalesce(count, 1)) AS weight FROM read_parquet($1) GROUP BY ALL
    ORDER BY weight DESC, text LIMIT $4
)
UNION ALL
SELECT 'comment' AS source, text FROM (SELECT text_norm AS text FROM read_parquet($2) ORDER BY hash(event_id) LIMIT $4)
UNION ALL
SELECT 'content' AS source, text FROM (SELECT title_norm AS text FROM read_parquet($3) ORDER BY hash(content_id) LIMIT $4)
