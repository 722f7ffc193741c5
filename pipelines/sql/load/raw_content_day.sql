-- Content of one raw partition ($1: its Parquet files), for segmentation: title and tags.
SELECT content_id, title_norm, tags_norm, category
FROM read_parquet($1)
