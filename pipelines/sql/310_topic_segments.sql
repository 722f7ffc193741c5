-- TGI per topic and segment (age band, gender, city tier) in the recent window, each segment's
-- growth against the topic's, and the "segment leads" flag.
-- In: topics, topic_members, terms_cand, segment_daily_hist, params.
CREATE OR REPLACE TABLE topic_segments AS
WITH top AS (
    SELECT t.topic_id, t.growth_shrunk AS topic_growth
    FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
docs AS (
    SELECT DISTINCT m.topic_id, t.dt, t.source, t.doc_id, t.age_band, t.gender, t.city_tier,
           t.mentions, t.plays, t.likes, t.shares, t.purchases
    FROM terms_cand t
    JOIN topic_members m ON m.term = t.term
    JOIN top ON top.topic_id = m.topic_id
    WHERE t.source IN ('search', 'comment', 'engagement')
),
weighted AS (
    SELECT d.topic_id, d.dt >= p.recent_start AS is_recent, d.age_band, d.gender, d.city_tier,
           CASE d.source
               WHEN 'search' THEN p.w_search * d.mentions
               WHEN 'comment' THEN p.w_comment
               ELSE p.w_engagement * (d.plays / 100.0 + d.likes + 3.0 * d.shares + 10.0 * d.purchases)
           END AS activity
    FROM docs d, params p
    WHERE d.dt >= p.baseline_start
),
long AS (
    SELECT topic_id, is_recent, 'age_band' AS dimension, age_band AS value, activity FROM weighted
    UNION ALL SELECT topic_id, is_recent, 'gender', gender, activity FROM weighted
    UNION ALL SELECT topic_id, is_recent, 'city_tier', city_tier, activity FROM weighted
),
seg AS (
    SELECT topic_id, dimension, value,
           coalesce(sum(activity) FILTER (WHERE is_recent), 0) AS activity,
           coalesce(sum(activity) FILTER (WHERE NOT is_recent), 0) AS baseline_activity
    FROM long
    GROUP BY topic_id, dimension, value
),
topic_totals AS (
    SELECT topic_id, dimension, sum(activity) AS topic_activity
    FROM seg WHERE value <> 'unknown' GROUP BY topic_id, dimension
),
overall AS (
    SELECT s.dimension, s.value, sum(s.activity) AS activity
    FROM segment_daily_hist s, params p
    WHERE s.dt >= p.recent_start AND s.value <> 'unknown'
    GROUP BY s.dimension, s.value
),
overall_totals AS (SELECT dimension, sum(activity) AS total FROM overall GROUP BY dimension)
SELECT s.topic_id, s.dimension, s.value,
       s.activity,
       s.activity / nullif(tt.topic_activity, 0) AS share,
       o.activity / nullif(ot.total, 0) AS overall_share,
       100.0 * (s.activity / nullif(tt.topic_activity, 0)) / nullif(o.activity / nullif(ot.total, 0), 0) AS tgi,
       (s.activity + p.prior_strength)
           / (s.baseline_activity * p.recent_days / p.baseline_days + p.prior_strength) AS growth,
       top.topic_growth,
       coalesce(
           (s.activity + p.prior_strength) / (s.baseline_activity * p.recent_days / p.baseline_days + p.prior_strength)
               > top.topic_growth * p.segment_lead_ratio
           AND 100.0 * (s.activity / nullif(tt.topic_activity, 0)) / nullif(o.activity / nullif(ot.total, 0), 0) >= 100,
           false) AS leads
FROM seg s
JOIN top ON top.topic_id = s.topic_id
JOIN topic_totals tt ON tt.topic_id = s.topic_id AND tt.dimension = s.dimension
LEFT JOIN overall o ON o.dimension = s.dimension AND o.value = s.value
LEFT JOIN overall_totals ot ON ot.dimension = s.dimension,
params p
WHERE s.value <> 'unknown';
