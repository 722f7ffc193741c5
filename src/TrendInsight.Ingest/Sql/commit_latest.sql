-- Inside the manifest transaction: the version of each content/product id that this run put into the
-- lake, and its partition. $feed = feed; accepted_keys (id, ts, dt) is a view over the keys file the
-- dedup step wrote.
DELETE FROM state.latest
WHERE feed = $feed AND id IN (SELECT id FROM accepted_keys);

INSERT INTO state.latest
SELECT $feed, id, ts, dt FROM accepted_keys;
