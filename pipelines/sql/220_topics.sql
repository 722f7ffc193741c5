-- Topics as of params.as_of with their scores and lifecycle; ranked among the topics that grow
-- significantly and are in focus; with their movement against the earlier analyses (topic_history:
-- the same topic_id, kept by topic tracking). In: scores (of topics), topic_members, topic_sets,
-- doc_sets, term_daily_hist, topic_history, params.
CREATE OR REPLACE TABLE topics AS
WITH members AS (
    SELECT topic_id, any_value(name) AS name,
           list(term ORDER BY member_rank) AS members,
           count(*)::INTEGER AS member_count
    FROM topic_members
    GROUP BY topic_id
),
types AS (
    SELECT term, max(term_type) AS term_type FROM term_daily_hist GROUP BY term
),
product_typed AS (
    -- a member the lexicon types as a kind of product (category, style, material, scene)
    SELECT DISTINCT m.topic_id
    FROM topic_members m JOIN types t ON t.term = m.term
    WHERE t.term_type IN ('category', 'style', 'material', 'scene')
),
categorised AS (
    SELECT ts.topic_id,
           sum(s.docs) AS docs,
           sum(s.docs) FILTER (
               WHERE list_contains((SELECT list_transform(focus, f -> lower(f)) FROM params), lower(s.category))) AS focus_docs
    FROM topic_sets ts
    JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id AND s.category IS NOT NULL AND s.source IN ('content', 'product')
    GROUP BY ts.topic_id
),
focus AS (
    -- in focus: no focus list; or at least a fifth of the topic's content and listings that carry a
    -- category are in a focus category; or, where none of its documents carries a category (a lake
    -- of search data alone), a member is a lexicon product word, so news and gossip stay out
    SELECT m.topic_id,
           (SELECT len(focus) = 0 FROM params)
           OR coalesce(c.focus_docs / nullif(c.docs, 0), 0) >= 0.2
           OR (coalesce(c.docs, 0) = 0 AND pt.topic_id IS NOT NULL) AS in_focus
    FROM members m
    LEFT JOIN categorised c ON c.topic_id = m.topic_id
    LEFT JOIN product_typed pt ON pt.topic_id = m.topic_id
),
scored AS (
    SELECT s.*, m.name, m.members, m.member_count, coalesce(f.in_focus, false) AS in_focus,
           -- comment chatter alone (头发怎么弄的, 显瘦吗) grows with every rising topic's comments: a
           -- topic needs a fifth of its mentions from queries or titles to rank
           s.score > 0 AND s.z >= p.min_z AND coalesce(f.in_focus, false)
               AND s.recent_search + s.recent_content >= 0.2 * s.recent_mentions AS rankable
    FROM scores s
    JOIN members m ON m.topic_id = s.key
    LEFT JOIN focus f ON f.topic_id = s.key,
    params p
),
ranked AS (
    SELECT key AS topic_id, name, members, member_count,
           recent_total, baseline_total, expected_recent, recent_mentions, expected_mentions, phi, growth, growth_shrunk, z, llr, breakout, score,
           CASE WHEN rankable THEN row_number() OVER (PARTITION BY rankable ORDER BY score DESC, key) END::INTEGER AS rank,
           stage, level, slope, accel,
           recent_search, recent_content, recent_comment, recent_listings,
           in_focus
    FROM scored
),
last_analysis AS (
    SELECT max(dt) AS dt FROM topic_history
),
prev AS (
    -- the topic in the latest earlier analysis
    SELECT h.* FROM topic_history h JOIN last_analysis l ON h.dt = l.dt
),
week_ago AS (
    SELECT h.topic_id, h.rank FROM topic_history h, params p WHERE h.dt = p.as_of - 7
),
seen AS (
    SELECT topic_id, min(coalesce(first_seen, dt)) AS first_seen FROM topic_history GROUP BY topic_id
)
SELECT r.*,
       pv.rank AS rank_prev,
       (SELECT dt FROM last_analysis) AS prev_dt,
       w.rank AS rank_week_ago,
       coalesce(sn.first_seen, p.as_of) AS first_seen,
       CASE WHEN r.rank <= p.top_list THEN
           CASE WHEN pv.rank <= p.top_list THEN coalesce(pv.days_on_list, 1) + 1 ELSE 1 END
       ELSE 0 END::INTEGER AS days_on_list,
       CASE WHEN r.rank <= p.top_list THEN
           CASE WHEN pv.rank <= p.top_list THEN coalesce(pv.listed_since, pv.dt) ELSE p.as_of END
       END AS listed_since
FROM ranked r
CROSS JOIN params p
LEFT JOIN prev pv ON pv.topic_id = r.topic_id
LEFT JOIN week_ago w ON w.topic_id = r.topic_id
LEFT JOIN seen sn ON sn.topic_id = r.topic_id;
