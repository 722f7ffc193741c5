-- Candidate terms for topics, best first, with their recent interest and whether the lexicon types them.
-- Rising candidates first, then falling ones; each set is clustered on its own.
SELECT term, rank, recent_total, term_type IS NOT NULL AS typed, falling FROM candidates ORDER BY falling, rank
