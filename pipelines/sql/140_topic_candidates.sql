-- The terms that are clustered into topics: the top rising terms (by rank), and apart from them the
-- most falling terms (declining, significantly below their baseline, not generic; `rank` here is their
-- order by score, most negative first). In: trends, params.
CREATE OR REPLACE TABLE candidates AS
SELECT t.term, t.term_type, t.score, t.rank, t.recent_total, false AS falling
FROM trends t, params p
WHERE t.rank IS NOT NULL AND t.rank <= p.topic_candidates
UNION ALL
SELECT term, term_type, score, falling_rank AS rank, recent_total, true AS falling
FROM (
    SELECT t.term, t.term_type, t.score, t.recent_total,
           row_number() OVER (ORDER BY t.score, t.term)::INTEGER AS falling_rank
    FROM trends t, params p
    WHERE t.rank IS NULL AND t.stage = 'declining' AND t.score < 0 AND t.z <= -p.min_z AND NOT t.generic
) f, params p
WHERE f.falling_rank <= p.topic_candidates;
