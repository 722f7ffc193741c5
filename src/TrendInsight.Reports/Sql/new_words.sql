-- Newly discovered words ($files: new_words mart files of the report date, $limit: how many).
SELECT word, CAST(freq AS BIGINT) AS freq, pmi, least(left_entropy, right_entropy) AS entropy
FROM read_parquet($files, hive_partitioning = true)
ORDER BY score DESC, freq DESC, word
LIMIT $limit
