-- C2M attributes: lexicon-typed terms (style, material, colour, scene, category, crowd) that occur
-- in the topic's documents more often than chance in the recent window (lift > 1), members included.
-- Documents come grouped by their set of terms (doc_sets). In: topics, topic_members, topic_sets,
-- doc_sets, typed_set_terms, source_daily_hist, params.
CREATE OR REPLACE TABLE topic_attributes AS
WITH top AS (
    SELECT t.topic_id FROM topics t, params p WHERE t.rank IS NOT NULL AND t.rank <= p.top_topics
),
tdocs AS (
    SELECT ts.topic_id, s.dt, s.set_id, s.docs
    FROM topic_sets ts
    JOIN top ON top.topic_id = ts.topic_id
    JOIN doc_sets s ON s.dt = ts.dt AND s.set_id = ts.set_id,
    params p
    WHERE s.dt >= p.recent_start AND s.source IN ('search', 'comment', 'content', 'product')
),
adocs AS (
    SELECT dt, set_id, docs, term, term_type FROM typed_set_terms
),
n_topic AS (SELECT topic_id, sum(docs)::BIGINT AS topic_docs FROM tdocs GROUP BY topic_id),
n_term AS (SELECT term, term_type, sum(docs)::BIGINT AS term_docs FROM adocs GROUP BY term, term_type),
total AS (
    SELECT sum(docs) AS total_docs
    FROM source_daily_hist s, params p
    WHERE s.dt >= p.recent_start AND s.source IN ('search', 'comment', 'content', 'product')
),
co AS (
    SELECT d.topic_id, a.term, a.term_type, sum(a.docs)::BIGINT AS co_docs
    FROM tdocs d JOIN adocs a ON a.dt = d.dt AND a.set_id = d.set_id
    -- the topic's own name is not its attribute; other typed members are (复古 inside a 露营 topic)
    WHERE NOT EXISTS (SELECT 1 FROM topic_members m WHERE m.topic_id = d.topic_id AND m.name = a.term)
    GROUP BY d.topic_id, a.term, a.term_type
),
lifted AS (
    SELECT co.topic_id, co.term_type AS attribute_type, co.term,
           co.co_docs::BIGINT AS co_docs, nt.topic_docs::BIGINT AS topic_docs,
           na.term_docs::BIGINT AS term_docs, total.total_docs::BIGINT AS total_docs,
           co.co_docs * total.total_docs::DOUBLE / (nt.topic_docs * na.term_docs) AS lift
    FROM co
    JOIN n_topic nt ON nt.topic_id = co.topic_id
    JOIN n_term na ON na.term = co.term AND na.term_type = co.term_type,
    total, params p
    WHERE co.co_docs >= p.min_co_docs
)
SELECT *,
       row_number() OVER (PARTITION BY topic_id, attribute_type ORDER BY lift * ln(1 + co_docs) DESC, term)::INTEGER AS rank
FROM lifted
WHERE lift > 1;
