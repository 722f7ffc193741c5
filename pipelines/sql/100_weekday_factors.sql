-- Weekday seasonality of all activity in the baseline window: factor = the weekday's mean daily
-- interest ÷ the mean over all baseline days (1 = an average day). In: term_daily_hist, params.
CREATE OR REPLACE TABLE weekday_factors AS
WITH days AS (
    SELECT t.dt AS day, sum(t.interest_index) AS total
    FROM term_daily_hist t, params p
    WHERE t.dt BETWEEN p.baseline_start AND p.recent_start - 1
    GROUP BY t.dt
),
overall AS (SELECT avg(total) AS mean_total FROM days)
SELECT isodow(d.day) AS wd,
       CASE WHEN o.mean_total > 0 THEN avg(d.total) / o.mean_total ELSE 1.0 END AS factor
FROM days d, overall o
GROUP BY isodow(d.day), o.mean_total;
