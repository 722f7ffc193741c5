-- repair: the accepted event ids of a feed, read back from the lake files that hold them. $feed = feed;
-- lake_ids (id, ts, dt) is a view over the feed's committed Parquet.
DELETE FROM state.seen_ids WHERE feed = $feed;
INSERT INTO state.seen_ids SELECT DISTINCT $feed, id FROM lake_ids;
