-- Empties the per-day working tables before a day's terms are built.
DELETE FROM terms_day;
DELETE FROM engagement_day;
DELETE FROM content_terms;
DELETE FROM doc_sets_day;
DELETE FROM doc_set_segments_day;
DELETE FROM doc_set_items_day;
