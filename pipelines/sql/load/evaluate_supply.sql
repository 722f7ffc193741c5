-- The opportunity score and supply pressure of each topic of one analysis date ($files: supply_gap mart
-- files), for evaluate.
SELECT topic_id, opportunity_score, supply_pressure FROM read_parquet($files, hive_partitioning = true)
