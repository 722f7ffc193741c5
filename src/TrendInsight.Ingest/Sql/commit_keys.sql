-- Inside the commit transaction: remember what this run put into the lake. $1 = feed.
INSERT INTO state.seen_ids
SELECT feed, id FROM accepted_keys WHERE feed = $1 AND NOT latest_wins;

DELETE FROM state.latest
WHERE feed = $1 AND id IN (SELECT id FROM accepted_keys WHERE feed = $1 AND latest_wins);

INSERT INTO state.latest
SELECT feed, id, ts, dt FROM accepted_keys WHERE feed = $1 AND latest_wins;
