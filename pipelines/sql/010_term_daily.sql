-- term_daily for one day (params.day): the day's counts per term and the weighted parts of the
-- interest index (pipelines/README.md, "Interest index"). In: terms_day, params.
CREATE OR REPLACE TABLE term_daily_day AS
WITH counts AS (
    SELECT term,
           max(term_type) AS term_type,
           coalesce(sum(mentions) FILTER (WHERE source = 'search'), 0)::BIGINT AS search_volume,
           count(DISTINCT doc_id) FILTER (WHERE source = 'content')::BIGINT AS content_mentions,
           count(DISTINCT doc_id) FILTER (WHERE source = 'comment')::BIGINT AS comment_mentions,
           count(DISTINCT doc_id) FILTER (WHERE source = 'product')::BIGINT AS product_listings,
           coalesce(sum(plays) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS plays,
           coalesce(sum(likes) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS likes,
           coalesce(sum(shares) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS shares,
           coalesce(sum(purchases) FILTER (WHERE source = 'engagement'), 0)::BIGINT AS purchases,
           coalesce(sum(gmv) FILTER (WHERE source = 'engagement'), 0)::DECIMAL(18, 2) AS gmv
    FROM terms_day
    GROUP BY term
),
parts AS (
    SELECT c.*,
           p.w_search * c.search_volume AS search_part,
           p.w_content * c.content_mentions AS content_part,
           p.w_comment * c.comment_mentions AS comment_part,
           p.w_engagement * engagement_units(c.plays, c.likes, c.shares, c.purchases) AS engagement_part
    FROM counts c, params p
)
SELECT *, search_part + content_part + comment_part + engagement_part AS interest_index
FROM parts;
