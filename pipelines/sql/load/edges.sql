-- Links between candidate terms, with their similarity.
SELECT term_a, term_b, similarity FROM topic_edges
