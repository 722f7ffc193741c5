SELECT max(started_utc) FROM job_runs WHERE job = $job AND outcome = 'succeeded';
