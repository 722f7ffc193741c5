-- Normalised texts of the recent window for new-word discovery, with the feed each comes from ($search: search,
-- $comments: comments, $content: content Parquet files; $lines: at most this many lines of each, the most repeated first).
SELECT 'search' AS source, text FROM (
    SELECT query_norm AS text, sum(coalesce(count, 1)) AS weight FROM read_parquet($search) GROUP BY ALL
    ORDER BY weight DESC, text LIMIT $lines
)
UNION ALL
SELECT 'comment' AS source, text FROM (SELECT text_norm AS text FROM read_parquet($comments) ORDER BY hash(event_id) LIMIT $lines)
UNION ALL
SELECT 'content' AS source, text FROM (SELECT title_norm AS text FROM read_parquet($content) ORDER BY hash(content_id) LIMIT $lines)
