-- Forecast days per topic ($files: forecast mart files of the report date), with the backtest error of the method.
SELECT topic_id, day, yhat, lo, hi, CAST(backtest_mape AS DOUBLE) AS backtest_mape
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, day
