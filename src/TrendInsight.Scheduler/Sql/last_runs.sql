-- The latest runs of each job, newest first.
SELECT job, day, attempt, instance, started_utc, ended_utc, outcome, error
FROM (
    SELECT r.*, row_number() OVER (PARTITION BY job ORDER BY id DESC) AS rn
    FROM job_runs r
)
WHERE rn <= $per_job
ORDER BY job, id DESC;
