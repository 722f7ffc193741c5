-- The document sets that hold a candidate term (window_sets: the doc_sets rollup of the history window), for
-- the topic models; their terms are in set_terms.
INSERT INTO doc_sets BY NAME
SELECT s.* EXCLUDE (terms)
FROM window_sets s
SEMI JOIN (SELECT DISTINCT dt, set_id FROM set_terms) t ON t.dt = s.dt AND t.set_id = s.set_id
