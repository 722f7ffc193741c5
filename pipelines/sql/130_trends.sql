-- Term scores as of params.as_of, ranked: a rank for terms that grow (score > 0) significantly
-- (z ≥ min_z) and are not generic words: single characters never rank, and a word whose jieba IDF
-- is below idf_floor ranks only when it is a lexicon word or a discovered word (pipelines/README.md,
-- "Scores and the rank"). In: scores (of terms), term_daily_hist, jieba_idf, known_words, params.
CREATE OR REPLACE TABLE trends AS
WITH types AS (
    SELECT term, max(term_type) AS term_type FROM term_daily_hist GROUP BY term
),
median_idf AS (
    SELECT median(idf) AS idf FROM jieba_idf
),
vocab AS (
    SELECT s.key AS term,
           -- words outside jieba's IDF table get its median, as jieba's keyword extraction does
           coalesce(i.idf, m.idf) AS idf,
           length(s.key) = 1
               OR (t.term_type IS NULL AND k.word IS NULL AND coalesce(i.idf, m.idf) < p.idf_floor) AS generic
    FROM scores s
    CROSS JOIN params p
    CROSS JOIN median_idf m
    LEFT JOIN types t ON t.term = s.key
    LEFT JOIN jieba_idf i ON i.word = s.key
    LEFT JOIN (SELECT DISTINCT word FROM known_words) k ON k.word = s.key
),
ranked AS (
    SELECT s.key AS term,
           s.score > 0 AND s.z >= p.min_z AND NOT coalesce(v.generic, false) AS rankable,
           v.idf, coalesce(v.generic, false) AS generic,
           s.*
    FROM scores s JOIN vocab v ON v.term = s.key, params p
)
SELECT r.term,
       t.term_type,
       CAST(NULL AS VARCHAR) AS topic_id,
       r.recent_total, r.baseline_total, r.expected_recent, r.recent_mentions, r.expected_mentions, r.phi,
       r.recent_search, r.recent_content, r.recent_comment, r.recent_listings,
       r.recent_days_active, r.baseline_days_active,
       r.growth, r.growth_shrunk, r.z, r.llr, r.breakout, r.score,
       CASE WHEN r.rankable THEN row_number() OVER (PARTITION BY r.rankable ORDER BY r.score DESC, r.term) END::INTEGER AS rank,
       r.stage, r.level, r.slope, r.accel,
       r.idf, r.generic
FROM ranked r LEFT JOIN types t ON t.term = r.term;
