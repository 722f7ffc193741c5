-- repair: the version of each content/product id that is in the lake, and its partition, read back
-- from the Parquet. $feed = feed; lake_ids (id, ts, dt) is a view over the feed's committed Parquet.
DELETE FROM state.latest WHERE feed = $feed;
INSERT INTO state.latest
SELECT $feed, id, ts, dt FROM lake_ids
QUALIFY row_number() OVER (PARTITION BY id ORDER BY ts DESC, dt DESC) = 1;
