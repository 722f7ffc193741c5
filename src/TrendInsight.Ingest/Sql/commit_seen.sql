-- Inside the manifest transaction: the event ids this run put into the lake, which later runs count
-- as duplicates. $feed = feed; accepted_keys (id) is a view over the keys file the dedup step wrote.
INSERT INTO state.seen_ids
SELECT $feed, id FROM accepted_keys;
