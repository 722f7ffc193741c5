-- Documents of one day per source (the universe for C2M attribute lift). In: terms_day.
CREATE OR REPLACE TABLE source_daily_day AS
SELECT source, count(DISTINCT doc_id)::BIGINT AS docs
FROM terms_day
GROUP BY source;
