-- New-word corpus: normalised comment text since $since (a business date).
SELECT text_norm FROM comments WHERE dt >= $since AND text_norm IS NOT NULL AND text_norm <> ''
