-- How long the report's list of rising topics is ($1: report.top_topics), for the movement model.
CREATE OR REPLACE TABLE movement_params AS SELECT $1::INTEGER AS list_size
