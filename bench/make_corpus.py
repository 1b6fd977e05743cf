#!/usr/bin/env python3
"""Builds the benchmark corpora from real text only: the dev set sentences of
../shared/devset/events.jsonl grouped into documents of 8 sentences of one language, replicated
with distinct document ids until the corpus reaches the size asked for. Writes JSON lines.
usage: make_corpus.py DEVSET OUT.jsonl MEGABYTES"""
import json
import sys


def main():
    devset, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    by_lang = {}
    for line in open(devset, encoding="utf-8"):
        d = json.loads(line)
        by_lang.setdefault(d["lang"], []).append(d["text"])
    docs = []
    for lang, texts in sorted(by_lang.items()):
        for i in range(0, len(texts), 8):
            docs.append((lang, " ".join(texts[i:i + 8])))
    target = int(mb * 1024 * 1024)
    size = copy = 0
    with open(out, "w", encoding="utf-8") as f:
        while size < target:
            for k, (lang, text) in enumerate(docs):
                line = json.dumps({"id": f"bench-{copy}-{k}", "lang": lang, "text": text},
                                  ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode())
            copy += 1
    print(f"{out}: {size / 1e6:.1f} MB, {copy} copies of {len(docs)} documents")


if __name__ == "__main__":
    main()
