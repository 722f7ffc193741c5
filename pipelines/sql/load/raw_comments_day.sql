-- Comments of one raw partition ($files: its Parquet files), for segmentation.
SELECT event_id, text_norm, coalesce(likes, 0) AS likes, age_band, gender, city_tier
FROM read_parquet($files)
