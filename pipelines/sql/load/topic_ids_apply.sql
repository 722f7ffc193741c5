-- The tracked ids (topic_ids) replace the cluster ids the members were written with.
UPDATE topic_members m SET topic_id = i.topic_id FROM topic_ids i WHERE m.topic_id = i.cluster_id
