#!/usr/bin/env python3
"""Writes the committed sample landing files (deterministic; run from this folder).

The rows are hand-written in the style of Chinese interest e-commerce feeds (Xiaohongshu / Douyin
style comments, Taobao style listings); the bad rows are deliberate, one per contract rule.
"""
import gzip, json, os

ROOT = os.path.dirname(os.path.abspath(__file__))

def write(rel, data: bytes):
    path = os.path.join(ROOT, "landing", rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)

def jl(rows):
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)

# search: JSONL, UTF-8 without BOM, LF
search = [
    {"event_id": "s-0001", "ts": "2026-11-10T09:15:00+08:00", "query": "国风汉服 秋冬", "count": 37, "age_band": "18-23", "gender": "f", "city_tier": "new1", "platform": "xhs"},
    {"event_id": "s-0002", "ts": "2026-11-10 21:40:00", "query": "露营装备 推荐", "count": 12, "age_band": "24-30", "gender": "m", "city_tier": "2"},
    {"event_id": "s-0003", "ts": 1794297600000, "query": "多巴胺穿搭", "age_band": "teen", "gender": "x", "city_tier": "9"},
    {"event_id": "s-0004", "ts": "2026-11-11T02:00:00Z", "query": "Citywalk 路线 上海"},
    {"event_id": "s-0005", "ts": "2026-11-11T10:00:00+08:00", "query": "復古 燈芯絨 外套", "count": "5"},
    {"event_id": "s-0002", "ts": "2026-11-10 21:40:00", "query": "露营装备 推荐", "count": 12},
    '{"event_id": "s-0006", "ts": "2026-11-11T10:00:00+08:00", "query": "美拉德',
    {"event_id": "s-0007", "ts": "not a time", "query": "美拉德穿搭"},
    {"event_id": "s-0008", "ts": "2030-01-01T00:00:00+08:00", "query": "未来感穿搭"},
    {"event_id": "s-0009", "ts": "2026-11-12T08:00:00+08:00", "query": "露营灯", "count": 0},
    {"event_id": "s-0010", "ts": "2026-11-12T08:00:00+08:00"},
    {"event_id": "s-0011", "ts": "2026-11-12T08:30:00+08:00", "query": ["露营"]},
]
write("search/search-2026-11-12.jsonl", jl(search).encode("utf-8"))

# comments: JSONL with BOM and CRLF; emoji, traditional, HTML/script, NUL, very long text
long_text = "露营" * 6000
comments = [
    {"event_id": "c-0001", "ts": "2026-11-10T12:00:00+08:00", "content_id": "n-100", "text": "这套国风汉服太好看了😍 求链接！", "likes": 230, "age_band": "18-23", "gender": "f", "city_tier": "1", "platform": "xhs"},
    {"event_id": "c-0002", "ts": "2026-11-10T12:05:00+08:00", "content_id": "n-100", "text": "國風真的回來了，燈芯絨配馬面裙", "likes": "12", "gender": "女"},
    {"event_id": "c-0003", "ts": "2026-11-10T13:00:00+08:00", "content_id": "n-101", "text": "<b>露营</b>必备<script>alert('x')</script> 天幕🏕️", "likes": 3},
    {"event_id": "c-0004", "ts": "2026-11-11T20:00:00+08:00", "content_id": "n-102", "text": "多巴胺穿搭\u0000 夏天的快乐", "likes": 8},
    {"event_id": "c-0005", "ts": "2026-11-11T20:01:00+08:00", "content_id": "n-102", "text": long_text},
    {"event_id": "c-0006", "ts": "2026-11-11T20:02:00+08:00", "content_id": "n-103", "text": "ｃｉｔｙｗａｌｋ　好适合秋天", "likes": -1},
    {"event_id": "c-0007", "ts": "2026-11-11T20:03:00+08:00", "text": "没有 content_id 的评论"},
    {"event_id": "c-0008", "ts": "2026-11-11T20:04:00+08:00", "content_id": "n-103", "text": 12345},
    {"event_id": "c-0001", "ts": "2026-11-10T12:00:00+08:00", "content_id": "n-100", "text": "这套国风汉服太好看了😍 求链接！"},
]
data = "\ufeff" + jl(comments).replace("\n", "\r\n")
# a raw NUL byte inside a JSON string (escaped above as \u0000 by json.dumps; add one raw too)
data += '{"event_id": "c-0009", "ts": "2026-11-12T09:00:00+08:00", "content_id": "n-104", "text": "复古\x00风 露营椅"}\r\n'
write("comments/comments-2026-11-12.jsonl", data.encode("utf-8"))

# engagement: gzip JSONL, plus a truncated gzip
engagement = [
    {"event_id": "e-0001", "ts": "2026-11-10T12:00:00+08:00", "content_id": "n-100", "action": "play", "count": 1200},
    {"event_id": "e-0002", "ts": "2026-11-10T12:00:00+08:00", "content_id": "n-100", "action": "LIKE", "count": 80, "age_band": "24-30"},
    {"event_id": "e-0003", "ts": "2026-11-10T12:30:00+08:00", "content_id": "n-101", "action": "purchase", "count": 2, "gmv": "399.00"},
    {"event_id": "e-0004", "ts": "2026-11-10T12:31:00+08:00", "content_id": "n-101", "action": "teleport"},
    {"event_id": "e-0005", "ts": "2026-11-10T12:32:00+08:00", "content_id": "n-101", "action": "share", "count": "lots"},
    {"event_id": "e-0006", "ts": "2026-11-10T12:33:00+08:00", "content_id": "n-102", "action": "favorite", "gmv": 12.345},
]
write("engagement/engagement-2026-11-10.jsonl.gz", gzip.compress(jl(engagement).encode("utf-8"), mtime=0))
more = [{"event_id": f"e-1{i:03d}", "ts": "2026-11-11T08:00:00+08:00", "content_id": "n-105", "action": "click", "count": 1} for i in range(200)]
full = gzip.compress(jl(more).encode("utf-8"), mtime=0)
write("engagement/engagement-2026-11-11-truncated.jsonl.gz", full[: len(full) * 2 // 3])

# content: JSONL, tags as array and as "#a #b" text, a newer version of n-100
content = [
    {"content_id": "n-100", "ts": "2026-11-09T18:00:00+08:00", "title": "国风汉服秋冬穿搭｜马面裙这样配", "tags": ["国风", "汉服", "马面裙"], "author_id": "u-1", "category": "apparel", "platform": "xhs"},
    {"content_id": "n-101", "ts": "2026-11-09T19:00:00+08:00", "title": "第一次露营🏕️ 装备清单", "tags": "#露营 #天幕 #户外", "category": "outdoor"},
    {"content_id": "n-102", "ts": "2026-11-10T08:00:00+08:00", "title": "多巴胺穿搭 一周不重样", "tags": []},
    {"content_id": "n-100", "ts": "2026-11-10T09:00:00+08:00", "title": "国风汉服秋冬穿搭｜马面裙这样配（更新）", "tags": ["国风", "汉服"], "category": "apparel"},
    {"content_id": "n-103", "title": "没有时间的内容"},
]
write("content/content-2026-11-10.jsonl", jl(content).encode("utf-8"))

# products: GBK (GB18030) CSV with CRLF, Chinese values, a quoted field with comma and newline
rows = [
    "product_id,ts,title,category,price,sales,shop_id",
    "p-1,2026-11-10 10:00:00,新中式国风马面裙 秋冬加厚,女装,\"299.00\",120,shop-7",
    "p-2,2026/11/10 11:00,\"户外露营椅, 折叠便携\",户外,\"¥89.90\",3400,shop-9",
    "p-3,2026-11-10T12:00:00+08:00,\"复古灯芯绒外套\n男女同款\",男装,459,15,shop-2",
    "p-4,2026-11-10 12:30:00,多巴胺配色卫衣,女装,abc,10,shop-2",
    "p-5,,无时间商品,女装,10,1,shop-2",
    "p-1,2026-11-11 10:00:00,新中式国风马面裙 秋冬加厚 (新款),女装,279.00,180,shop-7",
]
write("products/products-2026-11-11.csv", ("\r\n".join(rows) + "\r\n").encode("gb18030"))

# the same search file delivered again under another name, an empty file, a header-only CSV
write("search/search-2026-11-12-resent.jsonl", jl(search).encode("utf-8"))
write("search/search-empty.jsonl", b"")
write("products/products-header-only.csv", "product_id,ts,title,category,price,sales,shop_id\n".encode("utf-8"))
print("samples written under", os.path.join(ROOT, "landing"))
