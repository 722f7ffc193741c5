-- Evidence per topic: the most-liked comments and the most-engaged content of the recent window
-- that mention it, with their original text. The topic's comments and content are the items of its
-- document sets (set_items; engagement summed over segments). In: topics, topic_sets, doc_sets,
-- set_items, raw_comments, raw_content, params.
CREATE OR REPLACE TABLE evidence AS
WITH top AS (
    SELECT t.topic_id FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
titems AS (
    SELECT ts.topic_id, s.source, i.id, i.plays, i.likes, i.shares, i.purchases
    FROM topic_sets ts
    JOIN top ON top.topic_id = ts.topic_id
    JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id
    JOIN set_items i ON i.dt = ts.dt AND i.set_id = ts.set_id,
    params p
    WHERE ts.dt >= p.recent_start AND s.source IN ('comment', 'content', 'engagement')
),
comments AS (
    SELECT DISTINCT d.topic_id, c.event_id AS id, c.text, coalesce(c.likes, 0)::BIGINT AS likes
    FROM titems d JOIN raw_comments c ON c.event_id = d.id
    WHERE d.source = 'comment'
),
content_eng AS (
    SELECT topic_id, id AS content_id,
           sum(likes)::BIGINT AS likes,
           sum(engagement_units(plays, likes, shares, purchases)) AS engagement
    FROM titems
    WHERE source IN ('content', 'engagement')
    GROUP BY topic_id, id
),
titles AS (
    SELECT content_id, arg_max(title, ts) AS title FROM raw_content GROUP BY content_id
),
ranked AS (
    SELECT topic_id, 'comment' AS kind, id, text, likes, likes::DOUBLE AS engagement,
           row_number() OVER (PARTITION BY topic_id ORDER BY likes DESC, id) AS rank
    FROM comments
    UNION ALL
    SELECT e.topic_id, 'content', e.content_id, t.title, e.likes, e.engagement,
           row_number() OVER (PARTITION BY e.topic_id ORDER BY e.engagement DESC, e.content_id)
    FROM content_eng e JOIN titles t ON t.content_id = e.content_id
)
SELECT r.topic_id, r.kind, r.id, r.text, r.likes, r.engagement, r.rank::INTEGER AS rank
FROM ranked r, params p
WHERE r.rank <= p.evidence_per_topic;
