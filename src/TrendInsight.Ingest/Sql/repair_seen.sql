-- repair: the accepted event ids of a feed, read back from the lake files that hold them. $1 = feed;
-- lake_ids (id, ts, dt) is a view over the feed's committed Parquet.
DELETE FROM state.seen_ids WHERE feed = $1;
INSERT INTO state.seen_ids SELECT DISTINCT $1, id FROM lake_ids;
