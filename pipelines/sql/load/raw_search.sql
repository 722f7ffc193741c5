-- Search events of one raw partition ($1: its Parquet files), for segmentation.
SELECT event_id, query_norm, coalesce(count, 1) AS count, age_band, gender, city_tier
FROM read_parquet($1)
