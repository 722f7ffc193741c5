-- Topics as of params.as_of with their scores and lifecycle; ranked among the topics that grow
-- significantly and touch a focus category. In: scores (of topics), topic_members, topic_sets, doc_sets, params.
CREATE OR REPLACE TABLE topics AS
WITH members AS (
    SELECT topic_id, any_value(name) AS name,
           list(term ORDER BY member_rank) AS members,
           count(*)::INTEGER AS member_count
    FROM topic_members
    GROUP BY topic_id
),
focus AS (
    -- in focus: no focus list, or at least a fifth of the topic's content and listings that carry a
    -- category are in a focus category
    SELECT m.topic_id,
           (SELECT len(focus) = 0 FROM params)
           OR coalesce(
                  sum(s.docs) FILTER (
                      WHERE list_contains((SELECT list_transform(focus, f -> lower(f)) FROM params), lower(s.category)))
                  / nullif(sum(s.docs), 0),
                  0) >= 0.2 AS in_focus
    FROM (SELECT DISTINCT topic_id FROM topic_members) m
    LEFT JOIN topic_sets ts ON ts.topic_id = m.topic_id
    LEFT JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id AND s.category IS NOT NULL AND s.source IN ('content', 'product')
    GROUP BY m.topic_id
),
scored AS (
    SELECT s.*, m.name, m.members, m.member_count, coalesce(f.in_focus, false) AS in_focus,
           s.score > 0 AND s.z >= p.min_z AND coalesce(f.in_focus, false) AS rankable
    FROM scores s
    JOIN members m ON m.topic_id = s.key
    LEFT JOIN focus f ON f.topic_id = s.key,
    params p
)
SELECT key AS topic_id, name, members, member_count,
       recent_total, baseline_total, expected_recent, recent_mentions, expected_mentions, phi, growth, growth_shrunk, z, llr, breakout, score,
       CASE WHEN rankable THEN row_number() OVER (PARTITION BY rankable ORDER BY score DESC, key) END::INTEGER AS rank,
       stage, level, slope, accel,
       recent_search, recent_content, recent_comment, recent_listings,
       in_focus
FROM scored;
