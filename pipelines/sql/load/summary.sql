-- Counts for the run summary: terms scored, topics ranked.
SELECT (SELECT count(*) FROM trends), (SELECT count(*) FROM topics WHERE rank IS NOT NULL)
