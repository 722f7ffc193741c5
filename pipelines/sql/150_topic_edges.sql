-- Links between candidate terms that share documents in the recent window. Similarity = the weighted
-- overlap coefficient of their document sets, shared ÷ the smaller set (a document = one query event,
-- comment or piece of content; a query event weighs its `count`, so pre-aggregated search volume
-- counts fully): a small term always said together with a big one (复古 with 露营) belongs to it,
-- which Jaccard would miss. In: terms_cand, params.
CREATE OR REPLACE TABLE topic_edges AS
WITH docs AS (
    SELECT t.source, t.doc_id, t.term, max(CASE WHEN t.source = 'search' THEN t.mentions ELSE 1 END) AS weight
    FROM terms_cand t, params p
    WHERE t.dt >= p.recent_start AND t.source IN ('search', 'comment', 'content')
    GROUP BY t.source, t.doc_id, t.term
),
df AS (SELECT term, sum(weight) AS n FROM docs GROUP BY term),
co AS (
    SELECT a.term AS term_a, b.term AS term_b, count(*) AS co_docs, sum(a.weight) AS co_weight
    FROM docs a JOIN docs b ON a.source = b.source AND a.doc_id = b.doc_id AND a.term < b.term
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
