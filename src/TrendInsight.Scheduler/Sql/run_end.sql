UPDATE job_runs SET ended_utc = $ended, outcome = $outcome, error = $error WHERE id = $id;
