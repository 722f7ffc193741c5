-- How long the report's list of rising topics is ($list_size: report.top_topics), for the movement model.
CREATE OR REPLACE TABLE movement_params AS SELECT $list_size::INTEGER AS list_size
