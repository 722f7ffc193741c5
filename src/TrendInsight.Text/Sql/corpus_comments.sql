-- New-word corpus: normalised comment text since $1 (a business date).
SELECT text_norm FROM comments WHERE dt >= $1 AND text_norm IS NOT NULL AND text_norm <> ''
