-- C2M attributes per topic ($files: topic_attributes mart files of the report date).
SELECT topic_id, attribute_type, term, CAST(co_docs AS BIGINT) AS co_docs, lift
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, attribute_type, rank
