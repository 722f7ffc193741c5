-- Search events of one raw partition ($files: its Parquet files), for segmentation: one document per
-- distinct normalised query and segment, carrying the summed count (the same terms either way, cut
-- once); its doc_id is the group's smallest event_id.
SELECT min(event_id) AS event_id, query_norm, sum(coalesce(count, 1))::BIGINT AS count, age_band, gender, city_tier
FROM read_parquet($files)
GROUP BY query_norm, age_band, gender, city_tier
