-- Daily series per topic: every document that mentions any member term counts once for the topic
-- (the topic's document sets, each once). In: topic_sets, doc_sets, topic_members, params.
CREATE OR REPLACE TABLE topic_daily AS
WITH counts AS (
    SELECT ts.topic_id, ts.dt AS day,
           coalesce(sum(s.mentions) FILTER (WHERE s.source = 'search'), 0)::BIGINT AS search_volume,
           coalesce(sum(s.docs) FILTER (WHERE s.source = 'content'), 0)::BIGINT AS content_mentions,
           coalesce(sum(s.docs) FILTER (WHERE s.source = 'comment'), 0)::BIGINT AS comment_mentions,
           coalesce(sum(s.docs) FILTER (WHERE s.source = 'product'), 0)::BIGINT AS product_listings,
           coalesce(sum(s.plays) FILTER (WHERE s.source = 'engagement'), 0)::BIGINT AS plays,
           coalesce(sum(s.likes) FILTER (WHERE s.source = 'engagement'), 0)::BIGINT AS likes,
           coalesce(sum(s.shares) FILTER (WHERE s.source = 'engagement'), 0)::BIGINT AS shares,
           coalesce(sum(s.purchases) FILTER (WHERE s.source = 'engagement'), 0)::BIGINT AS purchases,
           coalesce(sum(s.gmv) FILTER (WHERE s.source = 'engagement'), 0)::DECIMAL(18, 2) AS gmv
    FROM topic_sets ts JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id
    GROUP BY ts.topic_id, ts.dt
),
parts AS (
    SELECT c.*,
           p.w_search * c.search_volume AS search_part,
           p.w_content * c.content_mentions AS content_part,
           p.w_comment * c.comment_mentions AS comment_part,
           p.w_engagement * engagement_units(c.plays, c.likes, c.shares, c.purchases) AS engagement_part
    FROM counts c, params p
)
SELECT pt.topic_id, n.name, pt.day,
       pt.search_volume, pt.content_mentions, pt.comment_mentions, pt.product_listings,
       pt.plays, pt.likes, pt.shares, pt.purchases, pt.gmv,
       pt.search_part, pt.content_part, pt.comment_part, pt.engagement_part,
       pt.search_part + pt.content_part + pt.comment_part + pt.engagement_part AS interest_index
FROM parts pt
JOIN (SELECT DISTINCT topic_id, name FROM topic_members) n ON n.topic_id = pt.topic_id;
