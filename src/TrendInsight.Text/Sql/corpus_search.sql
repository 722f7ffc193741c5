-- New-word corpus: normalised search queries since $1 (a business date), one row per query event.
SELECT query_norm FROM search WHERE dt >= $1 AND query_norm IS NOT NULL AND query_norm <> ''
