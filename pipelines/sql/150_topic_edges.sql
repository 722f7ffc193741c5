-- Links between candidate terms: the evidence that two words name one interest. Per source of the
-- recent window (search queries, content titles with their tags, comments), the weighted overlap
-- coefficient of their documents, shared ÷ the smaller side (a query weighs its `count`, so
-- pre-aggregated search volume counts fully): a small term always said together with a big one
-- (焦糖色 in "焦糖色灯芯绒外套 #美拉德") belongs to it, which Jaccard would miss. Each source counts
-- on its own, so the few titles that tag 焦糖色 with #美拉德 are not drowned by the many queries that
-- name one of them alone; comments, loosely written, weigh less. The link is the best source's.
-- Co-movement of the two daily series over the history window only scales a link that co-mentions
-- made (at most by a fifth): two words that merely rise in the same season get no link at all.
-- Documents come grouped by their set of terms (doc_sets): two terms share every document of a set
-- that holds both. Containment (美拉德 ⊂ 美拉德穿搭) is added by the clusterer. In: set_terms,
-- doc_sets, source_daily_hist, term_daily_hist, params.
CREATE OR REPLACE TABLE topic_edges AS
WITH sets AS (
    SELECT s.dt, s.set_id, s.source, s.docs, CASE WHEN s.source = 'search' THEN s.mentions ELSE s.docs END AS weight
    FROM doc_sets s, params p
    WHERE s.dt >= p.recent_start AND s.source IN ('search', 'comment', 'content')
),
docs AS (
    SELECT t.term, s.dt, s.set_id, s.source, s.docs, s.weight
    FROM set_terms t JOIN sets s ON s.dt = t.dt AND s.set_id = t.set_id
),
df AS (SELECT term, source, sum(weight) AS n, sum(docs) AS nd FROM docs GROUP BY term, source),
universe AS (
    SELECT h.source, greatest(sum(h.docs), 1) AS docs
    FROM source_daily_hist h, params p
    WHERE h.dt >= p.recent_start
    GROUP BY h.source
),
co AS (
    SELECT a.term AS term_a, b.term AS term_b, a.source, sum(a.docs) AS co_docs, sum(a.weight) AS co_weight
    FROM docs a JOIN docs b ON a.dt = b.dt AND a.set_id = b.set_id AND a.term < b.term
    GROUP BY a.term, b.term, a.source
),
per_source AS (
    SELECT co.term_a, co.term_b, co.source, co.co_docs,
           co.co_weight / least(da.n, db.n)::DOUBLE
               * CASE co.source WHEN 'comment' THEN 0.7 ELSE 1.0 END AS similarity
    FROM co
    JOIN df da ON da.term = co.term_a AND da.source = co.source
    JOIN df db ON db.term = co.term_b AND db.source = co.source
    LEFT JOIN universe u ON u.source = co.source,
    params p
    -- enough shared documents: min_co_docs, or on a small lake at least 3 that are far more than
    -- chance would give (4 × the expected n_a · n_b / N), so the threshold scales with the corpus
    WHERE co.co_docs >= p.min_co_docs
       OR (co.co_docs >= 3 AND co.co_docs >= 4.0 * da.nd * db.nd / coalesce(u.docs, greatest(da.nd, db.nd)))
),
linked AS (
    SELECT term_a, term_b, sum(co_docs)::BIGINT AS co_docs, max(similarity) AS similarity
    FROM per_source
    GROUP BY term_a, term_b
),
comove AS (
    SELECT l.term_a, l.term_b, corr(a.interest_index, b.interest_index) AS r
    FROM linked l
    JOIN term_daily_hist a ON a.term = l.term_a
    JOIN term_daily_hist b ON b.term = l.term_b AND b.dt = a.dt
    GROUP BY l.term_a, l.term_b
)
SELECT l.term_a, l.term_b, l.co_docs,
       l.similarity * (0.8 + 0.2 * greatest(coalesce(c.r, 0), 0)) AS similarity
FROM linked l LEFT JOIN comove c ON c.term_a = l.term_a AND c.term_b = l.term_b;
