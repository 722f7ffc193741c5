-- The series 120_scores.sql scores: one row per term and day. In: term_daily_hist.
CREATE OR REPLACE TABLE series AS
SELECT term AS key,
       dt AS day,
       interest_index AS interest,
       search_part, content_part, comment_part, engagement_part,
       search_volume, content_mentions, comment_mentions, product_listings
FROM term_daily_hist;
