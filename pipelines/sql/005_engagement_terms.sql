-- Engagement rows of the day's terms: the terms of each piece of content, on the day it was engaged
-- with, carrying that day's plays, likes, shares, purchases and GMV by the engaging user's segment.
-- Which action counts toward which measure is the landing contract's (contract_actions).
-- In: engagement_day (raw engagement of the day), content_terms (content_id → term, any day), contract_actions.
INSERT INTO terms_day
SELECT 'engagement' AS source,
       e.content_id AS doc_id,
       ct.term,
       ct.term_type,
       ct.category,
       e.age_band,
       e.gender,
       e.city_tier,
       0 AS mentions,
       e.plays,
       e.likes,
       e.shares,
       e.purchases,
       e.gmv
FROM (
    SELECT d.content_id,
           coalesce(d.age_band, 'unknown') AS age_band,
           coalesce(d.gender, 'unknown') AS gender,
           coalesce(d.city_tier, 'unknown') AS city_tier,
           coalesce(sum(d.count) FILTER (WHERE a.measure = 'plays'), 0)::BIGINT AS plays,
           coalesce(sum(d.count) FILTER (WHERE a.measure = 'likes'), 0)::BIGINT AS likes,
           coalesce(sum(d.count) FILTER (WHERE a.measure = 'shares'), 0)::BIGINT AS shares,
           coalesce(sum(d.count) FILTER (WHERE a.measure = 'purchases'), 0)::BIGINT AS purchases,
           coalesce(sum(d.gmv), 0)::DECIMAL(18, 2) AS gmv
    FROM engagement_day d
    LEFT JOIN contract_actions a ON a.action = d.action
    GROUP BY ALL
) e
JOIN (SELECT DISTINCT doc_id AS content_id, term, term_type, category FROM content_terms) ct
  ON ct.content_id = e.content_id
WHERE e.plays + e.likes + e.shares + e.purchases > 0 OR e.gmv > 0;
