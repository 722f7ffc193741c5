-- The top rising terms that are clustered into topics. In: trends, params.
CREATE OR REPLACE TABLE candidates AS
SELECT t.term, t.term_type, t.score, t.rank, t.recent_total
FROM trends t, params p
WHERE t.rank IS NOT NULL AND t.rank <= p.topic_candidates;
