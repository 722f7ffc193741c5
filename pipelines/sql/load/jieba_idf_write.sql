-- Keeps a Parquet copy of jieba's IDF table ($1: the file in data/state/vocabulary to write).
COPY jieba_idf TO $1 (FORMAT parquet, COMPRESSION zstd)
