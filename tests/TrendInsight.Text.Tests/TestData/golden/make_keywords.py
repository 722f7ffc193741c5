#!/usr/bin/python3
"""Golden TF-IDF keywords: jieba.analyse.extract_tags with cppjieba's idf.utf8 and stop_words.utf8.

Run from this folder after make_golden.py:  /usr/bin/python3 make_keywords.py
Each document is 20 consecutive lines of input.txt joined with a newline; writes keywords.jsonl
with [[word, weight], ...] (top 10) per document.
"""
import json

import jieba
import jieba.analyse

DICT = "../../../../tools/npm/node_modules/nodejieba/submodules/cppjieba/dict/"
jieba.analyse.set_idf_path(DICT + "idf.utf8")
jieba.analyse.set_stop_words(DICT + "stop_words.utf8")

with open("input.txt", encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f]
docs = ["\n".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]
with open("keywords.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for doc in docs:
        tags = jieba.analyse.extract_tags(doc, topK=10, withWeight=True)
        out.write(json.dumps([[w, round(x, 9)] for w, x in tags], ensure_ascii=False) + "\n")
print(len(docs), "documents")
