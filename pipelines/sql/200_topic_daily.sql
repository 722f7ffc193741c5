-- Daily series per topic: every document that mentions any member term counts once for the topic.
-- In: terms_cand (history window, candidate terms), topic_members, params.
CREATE OR REPLACE TABLE topic_daily AS
WITH docs AS (
    SELECT m.topic_id, t.dt AS day, t.source, t.doc_id, t.age_band, t.gender, t.city_tier,
           max(t.mentions) AS mentions, max(t.plays) AS plays, max(t.likes) AS likes,
           max(t.shares) AS shares, max(t.purchases) AS purchases, max(t.gmv) AS gmv
    FROM terms_cand t JOIN topic_members m ON m.term = t.term
    GROUP BY ALL
),
counts AS (
    SELECT topic_id, day,
           coalesce(sum(mentions) FILTER (WHERE source = 'search'), 0)::BIGINT AS search_volume,
           count(DISTINCT doc_id) FILTER (WHERE source = 'content')::BIGINT AS content_mentions,
           count(DISTINCT doc_id) FILTER (WHERE source = 'comment')::BIGINT AS comment_mentions,
           count(DISTINCT doc_id) FILTER (WHERE source = 'product')::BIGINT AS product_listings,
           coalesce(sum(plays) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS plays,
           coalesce(sum(likes) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS likes,
           coalesce(sum(shares) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS shares,
           coalesce(sum(purchases) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS purchases,
           coalesce(sum(gmv) FILTER (WHERE source = 'engagement'), 0)::DECIMAL(18, 2) AS gmv
    FROM docs
    GROUP BY topic_id, day
),
parts AS (
    SELECT c.*,
           p.w_search * c.search_volume AS search_part,
           p.w_content * c.content_mentions AS content_part,
           p.w_comment * c.comment_mentions AS comment_part,
           p.w_engagement * (c.plays / 100.0 + c.likes + 3.0 * c.shares + 10.0 * c.purchases) AS engagement_part
    FROM counts c, params p
)
SELECT pt.topic_id, n.name, pt.day,
       pt.search_volume, pt.content_mentions, pt.comment_mentions, pt.product_listings,
       pt.plays, pt.likes, pt.shares, pt.purchases, pt.gmv,
       pt.search_part, pt.content_part, pt.comment_part, pt.engagement_part,
       pt.search_part + pt.content_part + pt.comment_part + pt.engagement_part AS interest_index
FROM parts pt
JOIN (SELECT DISTINCT topic_id, name FROM topic_members) n ON n.topic_id = pt.topic_id;
