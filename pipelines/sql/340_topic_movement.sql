-- Movement of the ranked topics against the previous report (the analysis 7 days earlier), keyed by
-- topic_id: the rank then, the change, whether the topic is new on the list (the report's top
-- list_size), and the consecutive weekly analyses it has been on the list, this one included.
-- In: topics, prev_topics (ranked topics of the weekly analyses before, up to 26 weeks), movement_params, params.
CREATE OR REPLACE TABLE topic_movement AS
WITH cur AS (
    SELECT t.topic_id, t.name, t.rank, t.rank <= m.list_size AS on_list
    FROM topics t, movement_params m WHERE t.rank IS NOT NULL
),
previous AS (
    SELECT pt.topic_id, pt.rank
    FROM prev_topics pt, params p WHERE pt.dt = p.as_of - 7
),
has_previous AS (
    SELECT count(*) > 0 AS yes FROM prev_topics pt, params p WHERE pt.dt = p.as_of - 7
),
first_gap AS (
    -- the first week back in which the topic was not on the list (or no analysis was kept)
    SELECT c.topic_id, min(w.k) AS k
    FROM cur c
    CROSS JOIN range(1, 27) w(k)
    CROSS JOIN params p
    CROSS JOIN movement_params m
    LEFT JOIN prev_topics pt ON pt.topic_id = c.topic_id AND pt.dt = p.as_of - CAST(7 * w.k AS INTEGER) AND pt.rank <= m.list_size
    WHERE pt.topic_id IS NULL
    GROUP BY c.topic_id
)
SELECT c.topic_id, c.name, c.rank, c.on_list,
       (p.as_of - 7)::DATE AS previous_date,
       pr.rank::INTEGER AS previous_rank,
       CASE WHEN h.yes AND pr.rank <= m.list_size THEN (pr.rank - c.rank)::INTEGER END AS rank_change,
       CASE WHEN h.yes THEN pr.rank IS NULL OR pr.rank > m.list_size END AS is_new,
       CASE WHEN c.on_list THEN coalesce(g.k, 27)::INTEGER END AS weeks_on_list
FROM cur c
CROSS JOIN params p
CROSS JOIN movement_params m
CROSS JOIN has_previous h
LEFT JOIN previous pr ON pr.topic_id = c.topic_id
LEFT JOIN first_gap g ON g.topic_id = c.topic_id;
