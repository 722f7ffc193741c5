-- The terms that are clustered into topics: the top rising terms (by rank); then, as members only,
-- rising terms not yet significant on their own (score > 0, z ≥ 1, not generic, ranked after them by
-- score): a trend's side words (冲锋衣 beside 山系) are each thinner than the trend, which they make
-- up together, and on a small lake they are what is lost first. Apart from them the most falling
-- terms (declining, significantly below their baseline, not generic; `rank` here is their order by
-- score, most negative first). Crowd words (学生党, 女生 …) say who is interested, not in what: they
-- are a topic's audience and attributes, never a topic or a member of one. In: trends, params.
CREATE OR REPLACE TABLE candidates AS
SELECT t.term, t.term_type, t.score, t.rank, t.recent_total, false AS falling
FROM trends t, params p
WHERE t.rank IS NOT NULL AND t.rank <= p.topic_candidates AND t.term_type IS DISTINCT FROM 'crowd'
UNION ALL
SELECT term, term_type, score, (SELECT count(*) FROM trends WHERE rank IS NOT NULL)::INTEGER + side_rank AS rank, recent_total, false AS falling
FROM (
    SELECT t.term, t.term_type, t.score, t.recent_total,
           row_number() OVER (ORDER BY t.score DESC, t.term)::INTEGER AS side_rank
    FROM trends t, params p
    WHERE t.rank IS NULL AND t.score > 0 AND t.z >= 1 AND NOT t.generic AND t.stage <> 'declining'
      AND t.term_type IS DISTINCT FROM 'crowd'
) s, params p
WHERE s.side_rank <= p.topic_candidates
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
