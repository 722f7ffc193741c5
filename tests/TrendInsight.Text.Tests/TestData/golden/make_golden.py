#!/usr/bin/python3
"""Builds the segmentation golden files from templates, vocabulary and handwritten lines.

Run from this folder with Debian's python3-jieba (0.42.1) and libopencc1.1 installed:

    /usr/bin/python3 make_golden.py

Writes input.txt (one sentence a line) and, one JSON array of words a line:
precise.jsonl  = jieba.lcut(s, HMM=True)
search.jsonl   = jieba.lcut_for_search(s, HMM=True)
nohmm.jsonl    = jieba.lcut(s, HMM=False)
lexicon_precise.jsonl, lexicon_search.jsonl = the same with lexicon/*.txt loaded as user dictionaries,
    and TrendInsight's one rule on top of jieba (RunKeepingTokenizer): a run of ASCII letters and digits
    is never cut inside by a dictionary word (jieba would cut vintaget恤 into vintage + t恤 once t恤 is a word)
The sentences are deterministic (fixed seed); jieba's default dictionary and finalseg model are used.
"""
import ctypes
import io
import os
import json
import random
import re
import unicodedata

import jieba

assert jieba.__version__ == "0.42.1", jieba.__version__

_cc = ctypes.CDLL("libopencc.so.1.1")
_cc.opencc_open.restype = ctypes.c_void_p
_cc.opencc_open.argtypes = [ctypes.c_char_p]
_cc.opencc_convert_utf8.restype = ctypes.c_void_p
_cc.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
_cc.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
S2T = _cc.opencc_open(b"/usr/share/opencc/s2t.json")
T2S = _cc.opencc_open(b"/usr/share/opencc/t2s.json")


def convert(handle, text):
    data = text.encode("utf-8")
    ptr = _cc.opencc_convert_utf8(handle, data, len(data))
    out = ctypes.string_at(ptr).decode("utf-8")
    _cc.opencc_convert_utf8_free(ptr)
    return out


def normalize(text):
    """What TextNormalizer does: NFKC, invisible characters out, t2s, Latin lower case, spaces folded."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if c.isspace() else c for c in text
                   if c.isspace() or unicodedata.category(c) not in ("Cc", "Cf"))
    text = convert(T2S, text)
    text = "".join(c.lower() if ord(c) < 0x24F else c for c in text)
    return " ".join(text.split())


R = random.Random(20260601)

STYLE = ["国风", "国潮", "复古", "新中式", "多巴胺", "美拉德", "极简", "高级感", "老钱风", "法式", "港风", "日系",
         "韩系", "美式复古", "山系", "工装风", "千金风", "学院风", "甜酷", "松弛感", "氛围感", "慵懒风", "盐系",
         "静奢风", "废土风", "赛博朋克", "原宿风", "ins风", "vintage", "y2k", "戶外風", "中古风", "芭蕾风", "bm风"]
MATERIAL = ["灯芯绒", "真丝", "羊毛", "亚麻", "纯棉", "桑蚕丝", "醋酸", "羊绒", "牛仔", "皮革", "摇粒绒", "冲锋衣面料",
            "涤纶", "莫代尔", "天丝", "雪纺", "针织", "灯芯绒面料", "gore-tex", "蕾丝", "麂皮绒", "马海毛"]
COLOUR = ["克莱因蓝", "焦糖色", "薄荷绿", "奶油白", "雾霾蓝", "酒红色", "牛油果绿", "燕麦色", "莫兰迪色", "多巴胺粉",
          "卡其色", "藏青", "香芋紫", "黑色", "白色", "米白", "咖啡色", "蒂芙尼蓝", "爱马仕橙", "芭比粉"]
SCENE = ["露营", "通勤", "citywalk", "徒步", "飞盘", "骑行", "约会", "旅行", "上班", "逛街", "野餐", "爬山", "滑雪",
         "钓鱼", "冲浪", "桨板", "陆冲", "腰旅", "city walk", "演唱会", "拍照", "居家", "健身", "瑜伽", "跑步"]
CATEGORY = ["马面裙", "冲锋衣", "帐篷", "天幕", "露营灯", "卫衣", "口红", "汉服", "旗袍", "连衣裙", "半身裙", "西装",
            "衬衫", "针织开衫", "羽绒服", "大衣", "风衣", "牛仔裤", "阔腿裤", "运动鞋", "马丁靴", "帆布鞋", "双肩包",
            "托特包", "折叠椅", "蛋卷桌", "睡袋", "防潮垫", "保温杯", "遮阳帽", "渔夫帽", "发夹", "耳环", "香水",
            "粉底液", "眼影盘", "T恤", "POLO衫", "卫裤", "冲锋裤", "软壳", "抓绒衣", "登山鞋", "骑行服", "瑜伽裤"]
CROWD = ["学生党", "宝妈", "打工人", "95后", "00后", "小个子", "微胖女生", "梨形身材", "上班族", "情侣", "男生",
         "女生", "新手", "小白", "中年", "大学生", "00后女生", "职场新人"]
BRAND = ["骆驼", "李宁", "安踏", "波司登", "花西子", "完美日记", "蕉下", "牧高笛", "探路者", "北面", "始祖鸟", "优衣库",
         "ZARA", "Nike", "Adidas", "MLB", "Lululemon", "Snow Peak", "迪卡侬", "小米", "华为", "Apple", "OPPO"]
PRAISE = ["真的绝了", "太好看了", "质量很好", "性价比超高", "显白显瘦", "上身效果很棒", "做工精细", "面料舒服",
          "颜值在线", "物流很快", "客服态度好", "和图片一样", "一点色差都没有", "闭眼入", "无限回购", "强烈推荐",
          "yyds", "绝绝子", "爱了爱了", "种草了", "已经安利给闺蜜", "穿上就不想脱", "很有质感", "超级百搭"]
COMPLAINT = ["有点起球", "色差有点大", "尺码偏小", "线头很多", "味道很重", "物流太慢", "退货了", "一般般吧",
             "跟宣传不符", "洗了一次就缩水", "拉链不太好拉", "有点透", "版型不好", "价格虚高", "客服不理人"]
OPENER = ["", "", "姐妹们", "家人们", "救命", "说实话", "第一次买", "回购第三次了", "收到货了", "蹲了好久",
          "朋友推荐的", "看了直播买的", "双十一囤的", "618入手的", "等了半个月", "宝子们", "刚拆开"]
ENDING = ["", "", "", "！", "！！", "～", "。", "…", "?", "！！！", "😍", "👍👍", "🔥", "❤️", "😭", "🏕️", "💯", "[赞]",
          "[笑哭]", "hhh", "哈哈哈哈", "。。。", "~~", "!!!"]
MODIFIER = ["新款", "爆款", "同款", "春秋", "秋冬", "夏季", "2024", "2025年", "加厚", "宽松", "修身", "oversize",
            "高腰", "显瘦", "百搭", "ins", "网红", "明星同款", "大码", "小众设计", "原创", "正品", "官方旗舰店"]
NUMBERS = ["99元", "3.5折", "618", "双11", "12.12", "1件", "2件套", "3人", "4-6人", "200ml", "xl", "160cm", "50kg",
           "36码", "第2件半价", "满300减50", "5折", "100%", "99.9%", "24h", "1.8m", "3室", "5G", "4k", "2米",
           "0.5kg", "iphone15", "p60", "a4", "3d", "no.1", "top10", "c位", "b站", "k歌", "t台", "u型", "v领", "x型"]
QUERY = ["{s}{c}", "{c} {s}", "{s}{c}女", "{c}推荐", "{sc}{c}", "{sc} 穿搭", "{co}{c}", "{m}{c}", "{cr}{c}",
         "{s}{m}{c}", "{c}怎么选", "{sc}必备", "{c}平替", "{b}{c}", "{c}哪个牌子好", "{s} {sc} 穿搭 {cr}",
         "适合{cr}的{c}", "{c} {n}", "{s}风格{c}", "{sc}装备清单"]
COMMENT = ["{o}{c}{p}{e}", "{o}这件{co}的{c}{p}，{cr}也能穿{e}", "{o}{sc}的时候穿{p}{e}", "{o}买的{s}{c}，{p}，就是{x}{e}",
           "{o}{m}的{c}{p}{e}", "{c}{x}，{p}{e}", "{o}，{sc}穿这个{s}{c}{p}{e}", "{p}！{s}{c}配{co}{c2}{e}",
           "{o}{cr}表示{p}{e}", "{o}{n}买的{c}{p}{e}", "{s}yyds，{c}{p}{e}", "今天去{sc}，穿了{co}{c}，{p}{e}",
           "{o}第一次{sc}，{b}的{c}{p}{e}", "<br>{p}{e}<br/>", "{p}&nbsp;{x}{e}", "<img src=\"a.jpg\">{c}{p}{e}",
           "@{cr}小王 {c}{p}{e}", "#{s}# #{sc}# {c}{p}", "{o}{s}{sc}風格的{c}{p}{e}", "{c}  {p}\t{x}{e}",
           "{o}（{n}）{c}{p}【{s}】{e}", "{c}:{p};{x}.", "{p}——{s}{c}《{sc}指南》{e}", "\"{c}\"{p}'{x}'{e}"]
TITLE = ["{b}{md}{s}{m}{c}{cr}{md2}", "{md}{s}{co}{c}{sc}{md2}{n}", "{b} {c} {md} {s} {cr}", "【{md}】{s}{c}{m}{co}",
         "{s}{m}{c}女{md}{sc}{md2}", "{b}{c}{n}{md}{co}", "{sc}{c}{md}便携{m}{n}", "{md}{s}风{c}{cr}{md2}{co}"]


def pick(items):
    return R.choice(items)


def fill(template):
    return template.format(
        s=pick(STYLE), m=pick(MATERIAL), co=pick(COLOUR), sc=pick(SCENE), c=pick(CATEGORY), c2=pick(CATEGORY),
        cr=pick(CROWD), b=pick(BRAND), p=pick(PRAISE), x=pick(COMPLAINT), o=pick(OPENER), e=pick(ENDING),
        md=pick(MODIFIER), md2=pick(MODIFIER), n=pick(NUMBERS))


def handwritten():
    with open("handwritten.txt", encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


ASCII_RUN = re.compile(r"[a-zA-Z0-9]+|.", re.S)


def is_ascii_alnum(c):
    return c.isascii() and c.isalnum()


def cuts_run(text, start, end):
    """True when text[start:end] begins or ends inside a run of ASCII letters and digits."""
    return (start > 0 and is_ascii_alnum(text[start - 1]) and is_ascii_alnum(text[start])) or \
        (end < len(text) and is_ascii_alnum(text[end - 1]) and is_ascii_alnum(text[end]))


class RunKeepingTokenizer(jieba.Tokenizer):
    """jieba 0.42.1 where no dictionary word may begin or end inside a Latin or digit run."""

    def get_DAG(self, sentence):
        dag = jieba.Tokenizer.get_DAG(self, sentence)
        for k, ends in dag.items():
            kept = [j for j in ends if j == k or not cuts_run(sentence, k, j + 1)]
            dag[k] = kept or [k]
        return dag

    def _Tokenizer__cut_DAG(self, sentence):
        dag = self.get_DAG(sentence)
        route = {}
        self.calc(sentence, dag, route)
        x, buf, n = 0, "", len(sentence)

        def flush(buf):
            if len(buf) == 1:
                yield buf
            elif not self.FREQ.get(buf):
                yield from jieba.finalseg.cut(buf)
            else:
                yield from ASCII_RUN.findall(buf)

        while x < n:
            y = route[x][1] + 1
            if y - x == 1:
                buf += sentence[x:y]
            else:
                if buf:
                    yield from flush(buf)
                    buf = ""
                yield sentence[x:y]
            x = y
        if buf:
            yield from flush(buf)

    def cut_for_search(self, sentence, HMM=True):
        for w in self.cut(sentence, HMM=HMM):
            for size in (2, 3):
                if len(w) > size:
                    for i in range(len(w) - size + 1):
                        if self.FREQ.get(w[i:i + size]) and not cuts_run(w, i, i + size):
                            yield w[i:i + size]
            yield w


def main():
    lines = []
    hand = handwritten()
    lines.extend(normalize(h) for h in hand)
    lines.extend(hand)  # raw too: full-width, upper case, traditional, HTML as typed
    for _ in range(1500):
        lines.append(normalize(fill(pick(COMMENT))))
    for _ in range(900):
        lines.append(normalize(fill(pick(TITLE))))
    for _ in range(900):
        lines.append(normalize(fill(pick(QUERY))))
    for _ in range(500):
        # Traditional text as a source types it, then normalised.
        lines.append(normalize(convert(S2T, fill(pick(COMMENT + TITLE)))))
    for _ in range(200):
        # Raw, not normalised: mixed case, full-width, traditional, tabs.
        raw = fill(pick(COMMENT + TITLE + QUERY))
        if R.random() < 0.5:
            raw = convert(S2T, raw)
        if R.random() < 0.5:
            raw = raw.upper()
        lines.append(raw.replace("\n", " "))
    seen = set()
    unique = []
    for line in lines:
        if line and line not in seen and "\r" not in line:
            seen.add(line)
            unique.append(line)
    with open("input.txt", "w", encoding="utf-8", newline="\n") as f:
        for line in unique:
            f.write(line + "\n")
    with open("precise.jsonl", "w", encoding="utf-8", newline="\n") as p, \
            open("search.jsonl", "w", encoding="utf-8", newline="\n") as s, \
            open("nohmm.jsonl", "w", encoding="utf-8", newline="\n") as n:
        for line in unique:
            p.write(json.dumps(jieba.lcut(line, HMM=True), ensure_ascii=False) + "\n")
            s.write(json.dumps(jieba.lcut_for_search(line, HMM=True), ensure_ascii=False) + "\n")
            n.write(json.dumps(jieba.lcut(line, HMM=False), ensure_ascii=False) + "\n")
    # The same sentences with a user dictionary: the snapshot of the domain lexicon in lexicon/,
    # loaded file by file in name order (comment lines dropped, as Lexicon.Load drops them).
    tok = RunKeepingTokenizer()
    for name in sorted(os.listdir("lexicon")):
        with open(os.path.join("lexicon", name), encoding="utf-8") as f:
            words = io.StringIO("".join(l for l in f if l.strip() and not l.startswith("#")))
        tok.load_userdict(words)
    with open("lexicon_precise.jsonl", "w", encoding="utf-8", newline="\n") as p, \
            open("lexicon_search.jsonl", "w", encoding="utf-8", newline="\n") as s:
        for line in unique:
            p.write(json.dumps(tok.lcut(line, HMM=True), ensure_ascii=False) + "\n")
            s.write(json.dumps(tok.lcut_for_search(line, HMM=True), ensure_ascii=False) + "\n")
    print(len(unique), "lines")


if __name__ == "__main__":
    main()
