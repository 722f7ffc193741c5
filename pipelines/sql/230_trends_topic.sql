-- Marks each ranked term with the topic it belongs to. In: trends, topic_members.
UPDATE trends
SET topic_id = m.topic_id
FROM topic_members m
WHERE m.term = trends.term;
