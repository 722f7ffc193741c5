#!/usr/bin/python3
"""Oracle of the "segment" benchmark: python jieba 0.42.1 (Debian python3-jieba), jieba.lcut(line, HMM=True).

usage: /usr/bin/python3 segmentation-python-jieba.py <corpus.txt> <out.jsonl>
Writes one JSON array of words a line to out.jsonl; prints one JSON object with load and cut seconds.
"""
import json
import sys
import time

import jieba

corpus, out = sys.argv[1], sys.argv[2]
with open(corpus, encoding="utf-8") as f:
    lines = [l.rstrip("\n") for l in f if l.rstrip("\n")]
jieba.setLogLevel(60)
t = time.perf_counter()
jieba.initialize()
load = time.perf_counter() - t
t = time.perf_counter()
cuts = [jieba.lcut(line, HMM=True) for line in lines]
seconds = time.perf_counter() - t
with open(out, "w", encoding="utf-8", newline="\n") as f:
    for words in cuts:
        f.write(json.dumps(words, ensure_ascii=False) + "\n")
print(json.dumps({"loadMs": load * 1000, "seconds": seconds, "lines": len(lines)}))
