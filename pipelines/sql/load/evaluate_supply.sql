-- The opportunity score and supply pressure of each topic of one analysis date ($1: supply_gap mart
-- files), for evaluate.
SELECT topic_id, opportunity_score, supply_pressure FROM read_parquet($1, hive_partitioning = true)
