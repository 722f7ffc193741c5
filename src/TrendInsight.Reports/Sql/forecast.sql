-- Forecast days per topic ($files: forecast mart files of the report date), with the backtest error and
-- interval coverage of the method and whether the forecast carries useful information.
SELECT topic_id, day, yhat, lo, hi, CAST(backtest_mape AS DOUBLE) AS backtest_mape,
       CAST(backtest_coverage AS DOUBLE) AS backtest_coverage, coalesce(informative, true) AS informative
FROM read_parquet($files, hive_partitioning = true)
ORDER BY topic_id, day
