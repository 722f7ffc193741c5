-- Term scores as of params.as_of, ranked: a rank for terms that grow (score > 0) significantly
-- (z ≥ min_z). In: scores (of terms), term_daily_hist, params.
CREATE OR REPLACE TABLE trends AS
WITH types AS (
    SELECT term, max(term_type) AS term_type FROM term_daily_hist GROUP BY term
),
ranked AS (
    SELECT s.key AS term,
           s.score > 0 AND s.z >= p.min_z AS rankable,
           s.*
    FROM scores s, params p
)
SELECT r.term,
       t.term_type,
       CAST(NULL AS VARCHAR) AS topic_id,
       r.recent_total, r.baseline_total, r.expected_recent, r.recent_mentions, r.expected_mentions, r.phi,
       r.recent_search, r.recent_content, r.recent_comment, r.recent_listings,
       r.recent_days_active, r.baseline_days_active,
       r.growth, r.growth_shrunk, r.z, r.llr, r.breakout, r.score,
       CASE WHEN r.rankable THEN row_number() OVER (PARTITION BY r.rankable ORDER BY r.score DESC, r.term) END::INTEGER AS rank,
       r.stage, r.level, r.slope, r.accel
FROM ranked r LEFT JOIN types t ON t.term = r.term;
