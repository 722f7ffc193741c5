-- The members each cluster keeps (180_topic_members), by cluster id, before topic tracking names the clusters.
SELECT topic_id, term FROM topic_members
