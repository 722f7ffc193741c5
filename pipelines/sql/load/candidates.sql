-- Candidate terms for topics, best first.
SELECT term, rank FROM candidates ORDER BY rank
