-- The raw lake as the manifest committed it (attached as "state"): Parquet files added by a committed
-- run and not removed since (a partition rewritten by a later version of content/products).
SELECT a.feed, a.dt, a.path, a.rows, a.size_bytes, a.sha256, a.run_id
FROM state.lake_files AS a
SEMI JOIN state.runs AS r ON r.run_id = a.run_id
WHERE a.kind = 'parquet' AND a.action = 'added'
  AND NOT EXISTS (SELECT 1 FROM state.lake_files AS x WHERE x.action = 'removed' AND x.path = a.path)
ORDER BY a.feed, a.dt, a.path
