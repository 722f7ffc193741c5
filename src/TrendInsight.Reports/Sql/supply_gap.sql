-- Demand against supply per topic ($files: supply_gap mart files of the report date).
SELECT topic_id, demand_growth, supply_growth, CAST(listings_recent AS BIGINT) AS listings_recent,
       CAST(listings_baseline AS DOUBLE) AS listings_baseline, opportunity_score, gap
FROM read_parquet($files, hive_partitioning = true)
