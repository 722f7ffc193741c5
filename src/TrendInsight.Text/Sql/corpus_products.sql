-- New-word corpus: normalised product titles since $since (a business date).
SELECT title_norm FROM products WHERE dt >= $since AND title_norm IS NOT NULL AND title_norm <> ''
