-- Evidence per topic: the most-liked comments and the most-engaged content of the recent window
-- that mention it, with their original text; comments that speak of the topic alone come before
-- those with chatter beside it. The topic's comments and content are the items of its
-- document sets (set_items; engagement summed over segments). In: topics, topic_sets, doc_sets,
-- set_items, raw_comments, raw_content, topic_members, params.
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
clauses AS (
    -- the comment cut at punctuation, spaces, line breaks and HTML tags
    SELECT topic_id, id,
           unnest(regexp_split_to_array(lower(regexp_replace(text, '<[^>]*>', ' ', 'g')), '[\s，,。.！!？?~～、；;：:…]+')) AS clause
    FROM comments
),
chatty AS (
    -- a comment with a clause that names no member of the topic carries chatter beside it (美拉德求同款！
    -- 博主身高多少, 哈哈哈，新中式真的好有气质); a clause of emoji alone is no clause
    SELECT DISTINCT c.topic_id, c.id
    FROM clauses c
    WHERE regexp_matches(c.clause, '[\p{L}\p{N}]')
      AND NOT EXISTS (SELECT 1 FROM topic_members m WHERE m.topic_id = c.topic_id AND contains(c.clause, m.term))
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
    SELECT c.topic_id, 'comment' AS kind, c.id, c.text, c.likes, c.likes::DOUBLE AS engagement,
           row_number() OVER (PARTITION BY c.topic_id ORDER BY ch.id IS NOT NULL, c.likes DESC, c.id) AS rank
    FROM comments c LEFT JOIN chatty ch ON ch.topic_id = c.topic_id AND ch.id = c.id
    UNION ALL
    SELECT e.topic_id, 'content', e.content_id, t.title, e.likes, e.engagement,
           row_number() OVER (PARTITION BY e.topic_id ORDER BY e.engagement DESC, e.content_id)
    FROM content_eng e JOIN titles t ON t.content_id = e.content_id
)
SELECT r.topic_id, r.kind, r.id, r.text, r.likes, r.engagement, r.rank::INTEGER AS rank
FROM ranked r, params p
WHERE r.rank <= p.evidence_per_topic;
