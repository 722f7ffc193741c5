-- The query and listing sets of the history window (window_sets) with all their terms: supply_gap counts a
-- topic's listings on them, also those named by a product word of its queries.
INSERT INTO supply_sets
SELECT dt, set_id, source, docs, mentions, terms
FROM window_sets
WHERE source IN ('search', 'product')
