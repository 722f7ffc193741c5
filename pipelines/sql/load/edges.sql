-- Links between candidate terms.
SELECT term_a, term_b FROM topic_edges
