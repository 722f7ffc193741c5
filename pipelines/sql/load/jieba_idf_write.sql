-- Keeps a Parquet copy of jieba's IDF table ($path: the file in data/state/vocabulary to write).
COPY jieba_idf TO $path (FORMAT parquet, COMPRESSION zstd)
