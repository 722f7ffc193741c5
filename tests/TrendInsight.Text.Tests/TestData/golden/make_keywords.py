#!/usr/bin/python3
"""Golden TF-IDF keywords: jieba.analyse.extract_tags with jieba.NET's idf.txt and stopwords.txt.

Run from this folder after make_golden.py and a restore (the jieba.NET package in the NuGet cache):
    /usr/bin/python3 make_keywords.py
Each document is 20 consecutive lines of input.txt joined with a newline; writes keywords.jsonl
with [[word, weight], ...] (top 10) per document.
"""
import json
import os
import tempfile

import jieba
import jieba.analyse

RESOURCES = os.path.expanduser("~/.nuget/packages/jieba.net/0.42.2/Resources/")
jieba.analyse.set_idf_path(RESOURCES + "idf.txt")
# stopwords.txt starts with a byte-order mark, which TrendInsight's reader drops and python's keeps
with open(RESOURCES + "stopwords.txt", encoding="utf-8-sig") as f, \
        tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as stop:
    stop.write(f.read())
jieba.analyse.set_stop_words(stop.name)
os.unlink(stop.name)

with open("input.txt", encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f]
docs = ["\n".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]
with open("keywords.jsonl", "w", encoding="utf-8", newline="\n") as out:
    for doc in docs:
        tags = jieba.analyse.extract_tags(doc, topK=10, withWeight=True)
        out.write(json.dumps([[w, round(x, 9)] for w, x in tags], ensure_ascii=False) + "\n")
print(len(docs), "documents")
