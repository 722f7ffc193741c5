-- The ingest manifest in data/state/ingest.duckdb (attached as "state"). A run exists here only
-- once it is committed; its lake and quarantine files are named by run id. A run is journaled in
-- started_runs before it moves any file into the lake, so files of a run that started and never
-- committed are known leftovers of a crash, which the next start deletes; files of no known run are
-- moved aside to data/orphans/, never deleted.
CREATE TABLE IF NOT EXISTS state.runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    feed_filter VARCHAR,
    rows_read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    replaced BIGINT NOT NULL,
    files_processed INTEGER NOT NULL,
    files_skipped INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS state.run_feeds (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    rows_read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    replaced BIGINT NOT NULL,
    files_processed INTEGER NOT NULL,
    files_skipped INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS state.run_reasons (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    rows BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS state.files (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    encoding VARCHAR NOT NULL,
    truncated BOOLEAN NOT NULL,
    rows_read BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    duplicates BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS state.skipped_files (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    same_as VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS state.lake_files (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,      -- parquet | quarantine
    dt DATE NOT NULL,
    path VARCHAR NOT NULL,      -- relative to the data folder
    rows BIGINT NOT NULL,
    action VARCHAR NOT NULL     -- added | removed (a partition rewritten by a later version of content/products)
);
-- When a landing file was last written (UTC ticks), so a file rewritten in place under the same name
-- and size is read again; NULL for files recorded before the column existed (name and size decide).
ALTER TABLE state.files ADD COLUMN IF NOT EXISTS modified_ticks BIGINT;
ALTER TABLE state.skipped_files ADD COLUMN IF NOT EXISTS modified_ticks BIGINT;
-- Accepted event_ids per feed (no index: an anti-join scans it, so it scales to tens of millions): those of
-- runs folded in from their id files (see id_files), of repairs, and of runs before id files existed.
CREATE TABLE IF NOT EXISTS state.seen_ids (
    feed VARCHAR NOT NULL,
    id VARCHAR NOT NULL
);
-- The version of each content_id / product_id that is in the lake, and its partition.
CREATE TABLE IF NOT EXISTS state.latest (
    feed VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    ts TIMESTAMPTZ NOT NULL,
    dt DATE NOT NULL
);
-- Size and SHA-256 of each lake and quarantine file at commit, which `trendinsight verify` checks;
-- NULL for files committed before the columns existed.
ALTER TABLE state.lake_files ADD COLUMN IF NOT EXISTS size_bytes BIGINT;
ALTER TABLE state.lake_files ADD COLUMN IF NOT EXISTS sha256 VARCHAR;
-- Runs that started, written (and committed on its own) before a run moves anything into the lake.
CREATE TABLE IF NOT EXISTS state.started_runs (
    run_id VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    pid INTEGER NOT NULL
);
-- Which landing files gave rows to which partition in a run: `verify` names them for a lost file.
CREATE TABLE IF NOT EXISTS state.lake_sources (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    dt DATE NOT NULL,
    file_name VARCHAR NOT NULL,
    rows BIGINT NOT NULL
);
-- Raw-line hashes (first 8 bytes of SHA-256) of the rows quarantined per landing file name: a file read
-- again (rewritten in place) counts the bad rows it had before as duplicates, not as new quarantine.
CREATE TABLE IF NOT EXISTS state.quarantined_lines (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    line_hash BIGINT NOT NULL
);
-- Landing files rejected whole (not_gzip, not_text, vanished, unreadable; a Parquet file not_parquet, cut short,
-- corrupt or missing_column:<c>). One rejected for what it holds
-- (not_gzip, not_text) is not read again until its size or write time changes.
CREATE TABLE IF NOT EXISTS state.rejected_files (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    modified_ticks BIGINT NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR NOT NULL
);
-- Segment values outside the contract (after the spelling map) per run, feed and field, as delivered, with the
-- accepted rows that had them (before deduplication): the lake holds them as 'unknown'. `status` shows them.
CREATE TABLE IF NOT EXISTS state.unknown_segment_values (
    run_id VARCHAR,
    feed VARCHAR,
    field VARCHAR,
    value VARCHAR,
    rows BIGINT
);
-- Landing entries a run did not read (an unknown feed folder, a file at the landing root, an unsupported extension,
-- a symlink …) with the reason, as the run printed them: `status` names those of the last run, so a misplaced
-- delivery shows there even when a scheduled ingest only logged it.
CREATE TABLE IF NOT EXISTS state.landing_refusals (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,      -- '' for an entry at the landing root
    path VARCHAR NOT NULL,
    reason VARCHAR NOT NULL
);
-- The accepted event ids of a run and feed, as a Parquet file under state/ids/ (path relative to the data
-- folder) rather than rows of seen_ids: inserting a million unique ids into this database took as long as
-- writing the run's lake files. An ingest counts the ids of seen_ids and of these files as duplicates; once a
-- feed has many files, a run folds them into seen_ids and deletes them after its commit. A file under
-- state/ids/ that this table does not list is a crash's leftover or a folded file, and is deleted.
CREATE TABLE IF NOT EXISTS state.id_files (
    run_id VARCHAR NOT NULL,
    feed VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    rows BIGINT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL
);
