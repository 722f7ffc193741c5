INSERT INTO job_runs (job, day, attempt, instance, started_utc, outcome)
VALUES ($job, $day, $attempt, $instance, $started, 'running')
RETURNING id;
