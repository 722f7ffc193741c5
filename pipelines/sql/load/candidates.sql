-- Candidate terms for topics, best first, with their recent interest.
SELECT term, rank, recent_total FROM candidates ORDER BY rank
