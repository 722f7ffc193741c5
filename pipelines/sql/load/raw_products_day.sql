-- Product listings of one raw partition ($files: its Parquet files), for segmentation.
SELECT product_id, title_norm, coalesce(sales, 0) AS sales, category
FROM read_parquet($files)
