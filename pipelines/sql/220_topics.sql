-- Topics as of params.as_of with their scores and lifecycle; ranked among the topics that grow
-- significantly and are in focus; with their movement against the earlier analyses (topic_history:
-- the same topic_id, kept by topic tracking). In: scores (of topics), topic_members, topic_sets,
-- doc_sets, source_daily_hist, term_daily_hist, topic_history, trends (of terms), topic_edges, params.
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
head AS (
    -- the word a topic is named by must itself rise and not be a generic word: an evergreen word
    -- (口红, 连衣裙) that side words are said with does not make a trend of them
    SELECT m.topic_id,
           coalesce(bool_or(NOT tr.generic AND tr.score > 0 AND tr.z >= 1 AND tr.growth_shrunk >= 1 + p.rise_slope), false) AS rising
    FROM members m LEFT JOIN trends tr ON tr.term = m.name, params p
    GROUP BY m.topic_id
),
pairs AS (
    -- pairs of members that name one interest: a co-mention link, or a compound of the other
    SELECT a.topic_id, count(*) AS linked
    FROM topic_members a
    JOIN topic_members b ON b.topic_id = a.topic_id AND a.term < b.term
    WHERE EXISTS (SELECT 1 FROM topic_edges e WHERE e.term_a = a.term AND e.term_b = b.term)
       OR starts_with(b.term, a.term) OR starts_with(a.term, b.term)
    GROUP BY a.topic_id
),
cohesion AS (
    -- link density: the share of member pairs that are linked; a grab-bag of words each said with the
    -- head alone (防晒, 发夹, 牛仔裤 beside 口红) is a star, not a topic
    SELECT m.topic_id,
           CASE WHEN m.member_count < 5 THEN 1.0
                ELSE coalesce(pr.linked, 0) / (m.member_count * (m.member_count - 1) / 2.0) END AS density
    FROM members m LEFT JOIN pairs pr ON pr.topic_id = m.topic_id
),
tested AS (
    -- a topic of one word stands for one of the terms scored, and among that many some rise by chance
    SELECT sqrt(p.min_z * p.min_z + 2 * ln(greatest(count(*), 1))) AS z_lone
    FROM trends t, params p
    WHERE t.score IS NOT NULL
    GROUP BY p.min_z
),
scored AS (
    SELECT s.*, m.name, m.members, m.member_count, coalesce(f.in_focus, false) AS in_focus, c.density AS link_density,
           -- comment chatter alone (头发怎么弄的, 显瘦吗) grows with every rising topic's comments: a
           -- topic needs a fifth of its mentions from queries or titles to rank
           s.score > 0 AND s.z >= p.min_z AND coalesce(f.in_focus, false)
               AND s.recent_search + s.recent_content >= 0.2 * s.recent_mentions
               AND h.rising AND c.density >= 0.2
               -- a lone word that no compound or co-mention supports and that was there on most days of
               -- the baseline (保温杯, an everyday noisy word) needs the z of the best of all the terms
               -- scored (Bonferroni, as for segment leads), not of one term tested alone
               AND NOT (m.member_count = 1 AND NOT s.breakout AND s.baseline_days_active >= 0.75 * p.baseline_days
                        AND s.z < coalesce((SELECT z_lone FROM tested), p.min_z)) AS rankable0
    FROM scores s
    JOIN members m ON m.topic_id = s.key
    JOIN head h ON h.topic_id = s.key
    JOIN cohesion c ON c.topic_id = s.key
    LEFT JOIN focus f ON f.topic_id = s.key,
    params p
),
recent_docs AS (
    -- the documents of each topic (queries, titles, comments) since the baseline start, by document
    -- set: a side word is said with its trend too seldom for one week of a small lake to show it
    SELECT ts.topic_id, ts.dt, ts.set_id, d.source, d.docs
    FROM topic_sets ts JOIN doc_sets d ON d.dt = ts.dt AND d.set_id = ts.set_id, params p
    WHERE ts.dt >= p.baseline_start AND d.source IN ('search', 'content', 'comment')
),
topic_docs AS (SELECT topic_id, source, sum(docs) AS n FROM recent_docs GROUP BY topic_id, source),
universe AS (
    SELECT h.source, greatest(sum(h.docs), 1) AS n FROM source_daily_hist h, params p
    WHERE h.dt >= p.baseline_start AND h.source IN ('search', 'content', 'comment')
    GROUP BY h.source
),
co AS (
    SELECT a.topic_id AS small, b.topic_id AS big, a.source, sum(a.docs) AS co_docs,
           any_value(sa.recent_total * 3 <= sb.recent_total) AS far_smaller
    FROM recent_docs a
    JOIN recent_docs b ON b.dt = a.dt AND b.set_id = a.set_id AND b.topic_id <> a.topic_id
    JOIN scored sa ON sa.key = a.topic_id
    JOIN scored sb ON sb.key = b.topic_id AND sb.rankable0
         AND (sa.recent_total < sb.recent_total OR (sa.recent_total = sb.recent_total AND sa.key > sb.key))
    GROUP BY a.topic_id, b.topic_id, a.source
),
side AS (
    -- a small topic said together with a ranked one far more than chance in one source (4 × n_a · n_b
    -- / N, as for a link; each source on its own, as titles and comments pair words that queries name
    -- apart) is a side word of it (焦糖色 of 美拉德, 汉服 of 新中式) that the clusterer could not place
    -- on thin data: it does not rank as a row of its own. A smaller topic of more than a third of the
    -- other's interest is a side of it only when they are said together far more often still (16 × chance:
    -- 面包服 beside 羽绒服, which a thin week of titles split in two; trends that merely share a season or a
    -- hashtag come to a few times chance at most)
    SELECT DISTINCT co.small AS topic_id
    FROM co
    JOIN topic_docs da ON da.topic_id = co.small AND da.source = co.source
    JOIN topic_docs db ON db.topic_id = co.big AND db.source = co.source
    JOIN universe u ON u.source = co.source
    WHERE co.co_docs >= 3 AND co.co_docs >= CASE WHEN co.far_smaller THEN 4.0 ELSE 16.0 END * da.n * db.n / u.n
),
titled AS (
    -- the share of a ranked topic's queries that titles echo, typically (0 on a lake without content)
    SELECT coalesce(median(recent_content / recent_search), 0) AS ratio FROM scored WHERE rankable0 AND recent_search > 0
),
chatter AS (
    -- a word that people type and comment (显瘦 穿搭, 透气吗) but no title names is chatter riding on
    -- other topics, not a trend: titles echo it at under a quarter of the typical share, where that
    -- share would give at least 3 titles (none seen then is a 5% chance)
    SELECT sc.key AS topic_id
    FROM scored sc, titled t
    WHERE t.ratio * sc.recent_search >= 3 AND sc.recent_content < 0.25 * t.ratio * sc.recent_search
),
ranked AS (
    SELECT key AS topic_id, name, members, member_count,
           recent_total, baseline_total, expected_recent, recent_mentions, expected_mentions, phi, growth, growth_shrunk, z, llr, breakout, score,
           CASE WHEN rankable THEN row_number() OVER (PARTITION BY rankable ORDER BY score DESC, key) END::INTEGER AS rank,
           stage, level, slope, accel,
           recent_search, recent_content, recent_comment, recent_listings,
           in_focus, link_density
    FROM (SELECT sc.*, sc.rankable0 AND NOT EXISTS (SELECT 1 FROM side WHERE side.topic_id = sc.key)
                      AND NOT EXISTS (SELECT 1 FROM chatter WHERE chatter.topic_id = sc.key) AS rankable FROM scored sc)
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
