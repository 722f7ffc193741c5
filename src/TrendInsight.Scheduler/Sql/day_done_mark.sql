INSERT INTO day_done (stage, day, finished_utc) VALUES ($stage, $day, $finished)
ON CONFLICT (stage, day) DO UPDATE SET finished_utc = excluded.finished_utc;
