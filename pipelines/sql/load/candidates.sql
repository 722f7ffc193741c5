-- Candidate terms for topics, best first, with their recent interest and whether the lexicon types them.
SELECT term, rank, recent_total, term_type IS NOT NULL AS typed FROM candidates ORDER BY rank
