-- The landing entries not read by the latest committed run that looked at them, for `status`: an entry at the landing
-- root (feed '') is looked at by every run without a feed filter, one in a feed folder also by a run for that feed
-- (`ingest --feed`). So a warning stays through an `ingest --feed` that never looked at the root, and goes once the
-- entries are moved and a run has looked again. Runs are ordered by start, then id.
-- Tables unqualified: the manifest is the opened database.
SELECT l.feed, l.path, l.reason
FROM landing_refusals AS l
JOIN runs AS r ON r.run_id = l.run_id
WHERE NOT EXISTS (
    SELECT 1 FROM runs AS later
    WHERE (later.started_at > r.started_at OR (later.started_at = r.started_at AND later.run_id > r.run_id))
      AND (later.feed_filter IS NULL OR later.feed_filter = l.feed))
ORDER BY l.path
