-- Normalised texts of the recent window for new-word discovery ($search: search, $comments: comments,
-- $content: content Parquet files; $lines: at most this many lines of each, the most repeated first).
SELECT text FROM (
    SELECT query_norm AS text, sum(coalesce(count, 1)) AS weight FROM read_parquet($search) GROUP BY ALL
    ORDER BY weight DESC, text LIMIT $lines
)
UNION ALL
SELECT text FROM (SELECT text_norm AS text FROM read_parquet($comments) ORDER BY hash(event_id) LIMIT $lines)
UNION ALL
SELECT text FROM (SELECT title_norm AS text FROM read_parquet($content) ORDER BY hash(content_id) LIMIT $lines)
