-- New-word corpus: normalised search queries since $since (a business date), one row per query event.
SELECT query_norm FROM search WHERE dt >= $since AND query_norm IS NOT NULL AND query_norm <> ''
