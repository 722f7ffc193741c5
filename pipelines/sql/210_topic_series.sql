-- The series 120_scores.sql scores, now one row per topic and day. In: topic_daily.
CREATE OR REPLACE TABLE series AS
SELECT topic_id AS key,
       day,
       interest_index AS interest,
       search_part, content_part, comment_part, engagement_part,
       search_volume, content_mentions, comment_mentions, product_listings
FROM topic_daily;
