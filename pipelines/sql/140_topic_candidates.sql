-- The terms that are clustered into topics: the top rising terms (by rank), and apart from them the
-- most falling terms (declining, significantly below their baseline, not generic; `rank` here is their
-- order by score, most negative first). Crowd words (学生党, 女生 …) say who is interested, not in
-- what: they are a topic's audience and attributes, never a topic or a member of one. In: trends, params.
CREATE OR REPLACE TABLE candidates AS
SELECT t.term, t.term_type, t.score, t.rank, t.recent_total, false AS falling
FROM trends t, params p
WHERE t.rank IS NOT NULL AND t.rank <= p.topic_candidates AND t.term_type IS DISTINCT FROM 'crowd'
UNION ALL
SELECT term, term_type, score, falling_rank AS rank, recent_total, true AS falling
FROM (
    SELECT t.term, t.term_type, t.score, t.recent_total,
           row_number() OVER (ORDER BY t.score, t.term)::INTEGER AS falling_rank
    FROM trends t, params p
    WHERE t.rank IS NULL AND t.stage = 'declining' AND t.score < 0 AND t.z <= -p.min_z AND NOT t.generic
      AND t.term_type IS DISTINCT FROM 'crowd'
) f, params p
WHERE f.falling_rank <= p.topic_candidates;
