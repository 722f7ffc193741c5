-- Events: the first delivery of an event_id wins (file order, then line); ids accepted by an earlier
-- run are duplicates (prior_ids: seen_ids and the committed id files of the feed). The losers are
-- found on narrow columns only (a window over every payload column is several times slower), and
-- "final" is the staging table without them.
CREATE OR REPLACE TABLE losers AS
SELECT file_seq, line
FROM (
    SELECT file_seq, line, row_number() OVER (PARTITION BY row_key ORDER BY file_seq, line) AS rn
    FROM staging
)
WHERE rn > 1
UNION ALL
SELECT s.file_seq, s.line
FROM staging AS s
SEMI JOIN prior_ids AS x ON x.id = s.row_key;

CREATE OR REPLACE VIEW final AS
SELECT s.*
FROM staging AS s
ANTI JOIN (SELECT DISTINCT file_seq, line FROM losers) AS l ON l.file_seq = s.file_seq AND l.line = s.line;
