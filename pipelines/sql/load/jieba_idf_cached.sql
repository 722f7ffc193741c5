-- jieba's IDF table as kept in data/state/vocabulary ($path: the Parquet copy written from idf.txt).
INSERT INTO jieba_idf
SELECT word, idf FROM read_parquet($path)
