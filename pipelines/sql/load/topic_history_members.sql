-- Each earlier topic's members, for topic tracking.
SELECT dt, topic_id, members FROM topic_history ORDER BY dt, topic_id
