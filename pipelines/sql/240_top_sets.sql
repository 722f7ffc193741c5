-- The document sets of the top topics (rank ≤ top_topics): the sets whose segments and items are
-- loaded for topic segments and evidence. In: topics, topic_sets, params.
CREATE OR REPLACE TABLE top_sets AS
SELECT DISTINCT s.dt, s.set_id
FROM topic_sets s JOIN topics t ON t.topic_id = s.topic_id, params p
WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics;
