-- Run history and per-day completion marks of the scheduler, the run command and backfill.
CREATE TABLE IF NOT EXISTS job_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job         TEXT NOT NULL,
    day         TEXT NULL,
    attempt     INTEGER NOT NULL,
    instance    TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    ended_utc   TEXT NULL,
    outcome     TEXT NOT NULL,
    error       TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_job_runs_job ON job_runs (job, id);
CREATE TABLE IF NOT EXISTS day_done (
    stage        TEXT NOT NULL,
    day          TEXT NOT NULL,
    finished_utc TEXT NOT NULL,
    PRIMARY KEY (stage, day)
);
