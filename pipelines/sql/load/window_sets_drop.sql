-- The doc_sets rollup of the window is no longer needed once the tables derived from it are filled.
DROP TABLE IF EXISTS window_sets
