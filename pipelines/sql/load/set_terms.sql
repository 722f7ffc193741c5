-- The document sets of the candidate terms (window_sets: the doc_sets rollup of the history window): one row
-- per set and candidate term it holds.
INSERT INTO set_terms
SELECT dt, set_id, term
FROM (SELECT dt, set_id, unnest(terms) AS term FROM window_sets)
WHERE term IN (SELECT term FROM candidates)
