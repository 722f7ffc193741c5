-- The members a topic keeps: its name, and the words that are specific to it and name a product or
-- style. Clustering places a word beside the trend it is said with; some such words are said with
-- other things as much (ootd, 通勤, 周末去哪儿 in titles of every kind: co-mention lift with the rest
-- of the topic below 3 in every source), and some are phrases around a trend rather than part of it
-- (色系, 第一套, 攻略, 包包: no lexicon type, and no product listing uses them). A member stays when,
-- in one source (queries, titles, comments) since the baseline start, it shares at least 3 documents
-- with the topic's other members at a lift of at least 3 (`co · N / (n_member · n_rest)`), and it is
-- a lexicon or discovered word, or a word that is not generic and that listings use (any word, on a
-- lake without listings). The series, scores and explanations of a topic are computed on the members
-- kept. In: topic_members, set_terms, doc_sets, source_daily_hist, term_daily_hist, trends,
-- known_words, params.
CREATE OR REPLACE TABLE topic_member_specificity AS
WITH held AS (
    SELECT m.topic_id, m.term, t.dt, t.set_id, s.source, s.docs
    FROM topic_members m
    JOIN set_terms t ON t.term = m.term
    JOIN doc_sets s ON s.dt = t.dt AND s.set_id = t.set_id,
    params p
    WHERE t.dt >= p.baseline_start AND s.source IN ('search', 'content', 'comment')
),
per_set AS (
    SELECT topic_id, dt, set_id, source, any_value(docs) AS docs, count(*) AS members_held
    FROM held GROUP BY topic_id, dt, set_id, source
),
topic_n AS (SELECT topic_id, source, sum(docs) AS n FROM per_set GROUP BY topic_id, source),
member_n AS (
    SELECT h.topic_id, h.term, h.source, sum(h.docs) AS n,
           coalesce(sum(h.docs) FILTER (WHERE ps.members_held >= 2), 0) AS co
    FROM held h JOIN per_set ps ON ps.topic_id = h.topic_id AND ps.dt = h.dt AND ps.set_id = h.set_id AND ps.source = h.source
    GROUP BY h.topic_id, h.term, h.source
),
universe AS (
    SELECT h.source, greatest(sum(h.docs), 1) AS n FROM source_daily_hist h, params p
    WHERE h.dt >= p.baseline_start GROUP BY h.source
)
SELECT mn.topic_id, mn.term,
       max(CASE WHEN mn.co >= 3 THEN mn.co * u.n / (mn.n * greatest(tn.n - (mn.n - mn.co), 1)) ELSE 0 END) AS lift
FROM member_n mn
JOIN topic_n tn ON tn.topic_id = mn.topic_id AND tn.source = mn.source
JOIN universe u ON u.source = mn.source
GROUP BY mn.topic_id, mn.term;

DELETE FROM topic_members m
WHERE m.term <> m.name
  AND (
      coalesce((SELECT s.lift FROM topic_member_specificity s WHERE s.topic_id = m.topic_id AND s.term = m.term), 0) < 3
      OR NOT EXISTS (
          SELECT 1
          FROM trends t
          WHERE t.term = m.term
            AND (t.term_type IS NOT NULL
                 OR t.term IN (SELECT word FROM known_words)
                 OR (NOT t.generic
                     AND (coalesce((SELECT sum(h.product_listings) FROM term_daily_hist h WHERE h.term = m.term), 0) > 0
                          OR coalesce((SELECT sum(h.product_listings) FROM term_daily_hist h), 0) = 0))))
  );
