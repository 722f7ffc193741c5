-- Links between candidate terms that share documents in the recent window. Similarity = the weighted
-- overlap coefficient of their document sets, shared ÷ the smaller set (a document = one query event,
-- comment or piece of content; a query event weighs its `count`, so pre-aggregated search volume
-- counts fully): a small term always said together with a big one (复古 with 露营) belongs to it,
-- which Jaccard would miss. Documents come grouped by their set of terms (doc_sets): two terms share
-- every document of a set that holds both. In: set_terms, doc_sets, params.
CREATE OR REPLACE TABLE topic_edges AS
WITH sets AS (
    SELECT s.dt, s.set_id, s.docs, CASE WHEN s.source = 'search' THEN s.mentions ELSE s.docs END AS weight
    FROM doc_sets s, params p
    WHERE s.dt >= p.recent_start AND s.source IN ('search', 'comment', 'content')
),
docs AS (
    SELECT t.term, s.dt, s.set_id, s.docs, s.weight
    FROM set_terms t JOIN sets s ON s.dt = t.dt AND s.set_id = t.set_id
),
df AS (SELECT term, sum(weight) AS n FROM docs GROUP BY term),
co AS (
    SELECT a.term AS term_a, b.term AS term_b, sum(a.docs) AS co_docs, sum(a.weight) AS co_weight
    FROM docs a JOIN docs b ON a.dt = b.dt AND a.set_id = b.set_id AND a.term < b.term
    GROUP BY a.term, b.term
)
SELECT co.term_a, co.term_b, co.co_docs::BIGINT AS co_docs,
       co.co_weight / least(da.n, db.n)::DOUBLE AS similarity
FROM co
JOIN df da ON da.term = co.term_a
JOIN df db ON db.term = co.term_b,
params p
WHERE co.co_docs >= p.min_co_docs
  AND co.co_weight / least(da.n, db.n)::DOUBLE >= p.topic_min_similarity;
