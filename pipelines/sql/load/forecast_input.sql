-- Daily interest of the ranked top topics over the history window, every day present, with the
-- weekday factor of the day. In: topics, topic_daily, weekday_factors, params.
WITH cal AS (
    SELECT unnest(generate_series(baseline_start::TIMESTAMP, as_of::TIMESTAMP, INTERVAL 1 DAY))::DATE AS day
    FROM params
),
top AS (
    SELECT t.topic_id FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
)
SELECT top.topic_id, c.day, coalesce(d.interest_index, 0) AS y, coalesce(w.factor, 1.0) AS factor
FROM top
CROSS JOIN cal c
LEFT JOIN topic_daily d ON d.topic_id = top.topic_id AND d.day = c.day
LEFT JOIN weekday_factors w ON w.wd = isodow(c.day)
ORDER BY top.topic_id, c.day
