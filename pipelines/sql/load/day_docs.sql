-- The documents of the day being built with their distinct terms ($source: one source, or NULL for every
-- source), for the doc_sets rollup.
SELECT source, doc_id, category, age_band, gender, city_tier,
       max(mentions), max(plays), max(likes), max(shares), max(purchases), max(gmv), list(term)
FROM terms_day
WHERE $source::VARCHAR IS NULL OR source = $source::VARCHAR
GROUP BY source, doc_id, category, age_band, gender, city_tier
