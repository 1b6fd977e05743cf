#!/usr/bin/env python3
"""Writes a JSON-lines corpus of real text for the tests: the paragraphs of docs/examples/*.txt
longer than MINLEN characters and the texts of docs/examples/timeline.jsonl, taken in turn,
COUNT documents with ids PREFIX00000... and dates spread over 2017-2024.

usage: example_corpus.py ROOT OUT COUNT PREFIX MINLEN [--insert AT LINE]...
--insert writes LINE as it is before document AT (a bad line, a document in another language).
"""
import glob
import json
import sys


def main(argv):
    root, out, count, prefix, minlen = argv[1], argv[2], int(argv[3]), argv[4], int(argv[5])
    inserts = {}
    rest = argv[6:]
    while rest:
        if rest[0] != "--insert" or len(rest) < 3:
            sys.exit(__doc__)
        inserts[int(rest[1])] = rest[2]
        rest = rest[3:]
    texts = []
    for f in sorted(glob.glob(root + "/docs/examples/*.txt")):
        paras = open(f, encoding="utf-8").read().split("\n\n")
        texts += [p.strip() for p in paras if len(p.strip()) > minlen]
    for line in open(root + "/docs/examples/timeline.jsonl", encoding="utf-8"):
        texts.append(json.loads(line)["text"])
    with open(out, "w", encoding="utf-8") as o:
        for i in range(count):
            if i in inserts:
                o.write(inserts[i] + "\n")
            o.write(json.dumps({"id": f"{prefix}{i:05d}",
                                "date": f"20{17 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
