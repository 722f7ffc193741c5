-- The document sets of each topic: the sets that hold one of its member terms, each once, so a
-- document that mentions two members counts once for the topic. In: set_terms, topic_members.
CREATE OR REPLACE TABLE topic_sets AS
SELECT DISTINCT m.topic_id, t.dt, t.set_id
FROM set_terms t JOIN topic_members m ON m.term = t.term;
