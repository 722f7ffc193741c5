-- jieba's IDF table ($path: jieba.NET's idf.txt, `word idf` lines) for the generic-word filter of the rank.
INSERT INTO jieba_idf
SELECT word, idf
FROM read_csv($path, delim = ' ', header = false, quote = '', escape = '', auto_detect = false,
              columns = {'word': 'VARCHAR', 'idf': 'DOUBLE'})
