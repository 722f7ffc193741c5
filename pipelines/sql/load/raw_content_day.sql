-- Content of one raw partition ($files: its Parquet files), for segmentation: title and tags.
SELECT content_id, title_norm, tags_norm, category
FROM read_parquet($files)
