-- TGI per topic and segment (age band, gender, city tier) in the recent window, each segment's
-- growth against the topic's, and the "segment leads" flag. A topic's activity by segment is that of
-- its document sets (search mentions, comments, engagement units by segment: the doc_sets columns
-- age_lt18 … tier_unknown, and set_segments for any value outside the contract), weighted. A segment
-- leads when it is over-represented significantly (z ≥ min_z after a Bonferroni correction for the
-- segments tested), by at least segment_lead_ratio and by at least 5 percentage points.
-- In: topics, topic_sets, doc_sets, set_segments, segment_daily_hist, contract_segments, params.
CREATE OR REPLACE TABLE topic_segments AS
WITH top AS (
    SELECT t.topic_id, t.growth_shrunk AS topic_growth
    FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
segment_columns AS (SELECT column_name AS name, dimension, value FROM contract_segments),
tsets AS (
    SELECT ts.topic_id, s.*
    FROM topic_sets ts
    JOIN top ON top.topic_id = ts.topic_id
    JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id
    WHERE s.source IN ('search', 'comment', 'engagement')
),
units AS (
    -- a segment column is NULL where no document of the set has that value
    SELECT u.topic_id, u.dt, u.set_id, u.docs, u.source, c.dimension, c.value, u.units
    FROM (
        UNPIVOT (SELECT topic_id, dt, set_id, docs, source, COLUMNS('^(age|gender|tier)_') FROM tsets)
        ON COLUMNS('^(age|gender|tier)_') INTO NAME name VALUE units
    ) u
    JOIN segment_columns c ON c.name = u.name
    UNION ALL
    SELECT t.topic_id, t.dt, t.set_id, t.docs, t.source, g.dimension, g.value, g.units
    FROM tsets t JOIN set_segments g ON g.dt = t.dt AND g.set_id = t.set_id
),
long AS (
    SELECT u.topic_id, u.dt, u.set_id, u.docs, u.source, u.dt >= p.recent_start AS is_recent, u.dimension, u.value,
           CASE u.source WHEN 'search' THEN p.w_search WHEN 'comment' THEN p.w_comment ELSE p.w_engagement END * u.units AS activity
    FROM units u, params p
    WHERE u.dt >= p.baseline_start
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
overall_totals AS (SELECT dimension, sum(activity) AS total FROM overall GROUP BY dimension),
set_units AS (
    SELECT topic_id, dimension, dt, set_id, source, sum(activity) AS units, any_value(docs) AS docs
    FROM long
    WHERE is_recent AND value <> 'unknown'
    GROUP BY topic_id, dimension, dt, set_id, source
),
topic_docs AS (
    -- Kish's effective number of documents behind the topic's weighted activity: the documents are the
    -- independent draws (a query event's count, or a post's many plays, come from one person and one
    -- segment), each weighing its set's units ÷ documents
    SELECT topic_id, dimension, sum(units) * sum(units) / nullif(sum(units * units / docs), 0) AS docs
    FROM set_units
    WHERE docs > 0
    GROUP BY topic_id, dimension
),
shares AS (
    SELECT s.topic_id, s.dimension, s.value, s.activity, s.baseline_activity, tt.topic_activity, d.docs,
           s.activity / nullif(tt.topic_activity, 0) AS share,
           o.activity / nullif(ot.total, 0) AS overall_share
    FROM seg s
    JOIN topic_totals tt ON tt.topic_id = s.topic_id AND tt.dimension = s.dimension
    LEFT JOIN overall o ON o.dimension = s.dimension AND o.value = s.value
    LEFT JOIN overall_totals ot ON ot.dimension = s.dimension
    LEFT JOIN topic_docs d ON d.topic_id = s.topic_id AND d.dimension = s.dimension
    WHERE s.value <> 'unknown'
),
tests AS (
    -- segments tested per topic: min_z holds for each test, so the bar rises with their number
    -- (Bonferroni; sqrt(z² + 2 ln m) is about the normal quantile of a tail m times smaller)
    SELECT topic_id, count(*) AS m FROM shares GROUP BY topic_id
)
SELECT s.topic_id, s.dimension, s.value,
       s.activity,
       s.share,
       s.overall_share,
       100.0 * s.share / nullif(s.overall_share, 0) AS tgi,
       (s.activity + p.prior_strength)
           / (s.baseline_activity * p.recent_days / p.baseline_days + p.prior_strength) AS growth,
       top.topic_growth,
       -- binomial z of the segment's share of the topic against its share of all activity, the
       -- topic's effective number of recent documents taken as its trials
       (s.share - s.overall_share) / nullif(sqrt(s.overall_share * (1 - s.overall_share) / s.docs), 0) AS z,
       sqrt(p.min_z * p.min_z + 2 * ln(m.m)) AS z_needed,
       coalesce(
           (s.share - s.overall_share) / nullif(sqrt(s.overall_share * (1 - s.overall_share) / s.docs), 0) >= sqrt(p.min_z * p.min_z + 2 * ln(m.m))
           AND s.share >= s.overall_share * p.segment_lead_ratio
           -- and a difference a merchandiser can act on: 6.9% of a topic against 5.7% of everyone is not a lead
           AND s.share - s.overall_share >= 0.05,
           false) AS leads
FROM shares s
JOIN top ON top.topic_id = s.topic_id
JOIN tests m ON m.topic_id = s.topic_id,
params p;
