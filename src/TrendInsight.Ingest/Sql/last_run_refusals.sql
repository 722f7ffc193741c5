-- The landing entries the latest committed run (by start, then id) did not read, for `status`; none when that run
-- read them all, so a warning goes once the entries are moved and ingest has run again.
-- Tables unqualified: the manifest is the opened database.
SELECT l.feed, l.path, l.reason
FROM landing_refusals AS l
WHERE l.run_id = (SELECT r.run_id FROM runs AS r ORDER BY r.started_at DESC, r.run_id DESC LIMIT 1)
ORDER BY l.path
