-- New-word corpus: normalised content titles since $since (a business date).
SELECT title_norm FROM content WHERE dt >= $since AND title_norm IS NOT NULL AND title_norm <> ''
