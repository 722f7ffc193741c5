-- Every file of the lake and quarantine that a committed run added and no later run removed, with the
-- size and checksum kept at commit, and the landing files that fed it: those that gave rows to its
-- partition in its run (lake_sources), else every landing file of the same run and feed.
-- Tables unqualified: the manifest is the opened database (or the default one, after USE).
SELECT a.run_id, a.feed, a.kind, a.dt, a.path, a.rows, a.size_bytes, a.sha256,
       coalesce(
           (SELECT list(DISTINCT s.file_name ORDER BY s.file_name) FROM lake_sources AS s WHERE s.run_id = a.run_id AND s.feed = a.feed AND s.dt = a.dt),
           (SELECT list(f.file_name ORDER BY f.file_name) FROM files AS f WHERE f.run_id = a.run_id AND f.feed = a.feed),
           []) AS fed_by
FROM lake_files AS a
SEMI JOIN runs AS r ON r.run_id = a.run_id
WHERE a.action = 'added'
  AND NOT EXISTS (SELECT 1 FROM lake_files AS x WHERE x.action = 'removed' AND x.path = a.path)
ORDER BY a.kind, a.feed, a.dt, a.path
