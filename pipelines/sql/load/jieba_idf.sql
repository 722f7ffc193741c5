-- jieba's IDF table ($1: jieba.NET's idf.txt, `word idf` lines) for the generic-word filter of the rank.
INSERT INTO jieba_idf
SELECT word, idf
FROM read_csv($1, delim = ' ', header = false, quote = '', escape = '', auto_detect = false,
              columns = {'word': 'VARCHAR', 'idf': 'DOUBLE'})
