-- Engagement of one raw partition ($files: its Parquet files).
INSERT INTO engagement_day
SELECT content_id, action, coalesce(count, 1), coalesce(gmv, 0), age_band, gender, city_tier
FROM read_parquet($files)
