-- All activity of one day by segment (each document once, whatever its terms): the denominator
-- of TGI. In: terms_day, params.
CREATE OR REPLACE TABLE segment_daily_day AS
WITH docs AS (
    SELECT source, doc_id, age_band, gender, city_tier,
           max(mentions) AS mentions, max(plays) AS plays, max(likes) AS likes,
           max(shares) AS shares, max(purchases) AS purchases
    FROM terms_day
    WHERE source IN ('search', 'comment', 'engagement')
    GROUP BY ALL
),
weighted AS (
    SELECT d.age_band, d.gender, d.city_tier,
           CASE d.source
               WHEN 'search' THEN p.w_search * d.mentions
               WHEN 'comment' THEN p.w_comment
               ELSE p.w_engagement * engagement_units(d.plays, d.likes, d.shares, d.purchases)
           END AS activity
    FROM docs d, params p
)
SELECT 'age_band' AS dimension, age_band AS value, sum(activity) AS activity FROM weighted GROUP BY age_band
UNION ALL
SELECT 'gender', gender, sum(activity) FROM weighted GROUP BY gender
UNION ALL
SELECT 'city_tier', city_tier, sum(activity) FROM weighted GROUP BY city_tier;
