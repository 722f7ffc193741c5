-- Demand against supply per topic ($files: supply_gap mart files of the report date).
SELECT topic_id, demand_growth, supply_growth, CAST(listings_recent AS BIGINT) AS listings_recent,
       CAST(listings_baseline AS DOUBLE) AS listings_baseline, CAST(opportunity_score AS DOUBLE) AS opportunity_score, gap,
       gap_reason, CAST(listings_per_1k_demand AS DOUBLE) AS listings_per_1k_demand,
       CAST(median_listings_per_1k AS DOUBLE) AS median_listings_per_1k
FROM read_parquet($files, hive_partitioning = true)
