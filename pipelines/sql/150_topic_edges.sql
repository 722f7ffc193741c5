-- Links between candidate terms that share documents in the recent window: Jaccard similarity of
-- their document sets (a document = one query, comment or piece of content). In: terms_cand, params.
CREATE OR REPLACE TABLE topic_edges AS
WITH docs AS (
    SELECT DISTINCT t.source, t.doc_id, t.term
    FROM terms_cand t, params p
    WHERE t.dt >= p.recent_start AND t.source IN ('search', 'comment', 'content')
),
df AS (SELECT term, count(*) AS n FROM docs GROUP BY term),
co AS (
    SELECT a.term AS term_a, b.term AS term_b, count(*) AS co_docs
    FROM docs a JOIN docs b ON a.source = b.source AND a.doc_id = b.doc_id AND a.term < b.term
    GROUP BY a.term, b.term
)
SELECT co.term_a, co.term_b, co.co_docs::BIGINT AS co_docs,
       co.co_docs / (da.n + db.n - co.co_docs)::DOUBLE AS jaccard
FROM co
JOIN df da ON da.term = co.term_a
JOIN df db ON db.term = co.term_b,
params p
WHERE co.co_docs >= p.min_co_docs
  AND co.co_docs / (da.n + db.n - co.co_docs)::DOUBLE >= p.topic_min_jaccard;
