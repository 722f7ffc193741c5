-- One landing entry the run did not read, in the run's manifest transaction.
INSERT INTO state.landing_refusals (run_id, feed, path, reason) VALUES ($run_id, $feed, $path, $reason)
