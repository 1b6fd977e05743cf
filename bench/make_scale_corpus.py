#!/usr/bin/env python3
"""Builds the scale benchmark corpora from real text only: the dev set's French and English
sentences (../shared/devset/events.jsonl) and the English news sentences of the peers' public
data (../shared/peers/ConfliBERT/cameo_class/*.tsv), grouped into documents of 8 sentences of
one language, replicated with distinct document ids and dates until the corpus holds N
sentences (or, with a size suffix "GB", that many bytes). Writes JSON lines.
usage: make_scale_corpus.py SHARED OUT.jsonl N|2GB"""
import csv
import glob
import json
import sys


def sentences(shared):
    by_lang = {}
    for line in open(shared + "/devset/events.jsonl", encoding="utf-8"):
        d = json.loads(line)
        by_lang.setdefault(d["lang"], []).append(d["text"])
    for f in sorted(glob.glob(shared + "/peers/ConfliBERT/cameo_class/*.tsv")):
        with open(f, encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and len(row[0]) > 30:
                    by_lang.setdefault("en", []).append(row[0].strip())
    return by_lang


def main():
    shared, out, want = sys.argv[1], sys.argv[2], sys.argv[3]
    by_lang = sentences(shared)
    docs = []
    for lang, texts in sorted(by_lang.items()):
        for i in range(0, len(texts) - 7, 8):
            docs.append((lang, " ".join(texts[i:i + 8])))
    target_bytes = int(float(want[:-2]) * 1e9) if want.upper().endswith("GB") else 0
    target_sents = 0 if target_bytes else int(want)
    size = sents = copy = 0
    with open(out, "w", encoding="utf-8") as f:
        while (target_bytes and size < target_bytes) or (target_sents and sents < target_sents):
            for k, (lang, text) in enumerate(docs):
                day = 1 + (copy + k) % 28
                line = json.dumps({"id": f"scale-{copy}-{k}", "lang": lang, "date": f"2024-{1 + k % 12:02d}-{day:02d}",
                                   "text": text}, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
                sents += 8
                if (target_bytes and size >= target_bytes) or (target_sents and sents >= target_sents):
                    break
            copy += 1
    print(f"{out}: {size / 1e6:.1f} MB, about {sents:,} sentences ({len(docs)} distinct documents)")


if __name__ == "__main__":
    main()
