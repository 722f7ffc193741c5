-- New-word corpus: normalised content titles since $1 (a business date).
SELECT title_norm FROM content WHERE dt >= $1 AND title_norm IS NOT NULL AND title_norm <> ''
