#!/usr/bin/env python3
"""Fills an entente SQLite store (schema made by `entente db info --db STORE`) with a SYNTHETIC
set of N events, for query benchmarks at scale. Not real data: 200 country codes (real ISO
codes) split into three camps; pairs inside a camp mostly cooperate, pairs across mostly
quarrel; actor activity skewed (a few countries in most events); days over 2015-2024; codes
drawn from a list of common CAMEO codes with their Goldstein weights. Ten events per document.
usage: gen_store.py STORE N"""
import random
import sqlite3
import sys

COOP = [("010", 0.0, 1), ("036", 4.0, 1), ("040", 1.0, 1), ("042", 1.9, 1), ("043", 2.8, 1),
        ("046", 7.0, 1), ("051", 3.4, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("071", 7.4, 2),
        ("072", 8.3, 2)]
CONF = [("111", -2.0, 3), ("112", -2.0, 3), ("114", -2.0, 3), ("1125", -2.0, 3), ("120", -4.0, 3),
        ("129", -5.0, 3), ("138", -7.0, 3), ("163", -8.0, 4), ("173", -5.0, 4), ("190", -10.0, 4),
        ("195", -10.0, 4)]
AGENTS = ["", "", "GOV", "GOV", "GOV", "MIL", "COP", "JUD"]


def countries():
    codes = []
    seen = set()
    for line in open(sys.path[0] + "/../dict/countries.generated.txt", encoding="utf-8"):
        if "=>" not in line or line.lstrip().startswith("#"):
            continue
        code = line.split("=>")[1].split()[0]
        if len(code) == 3 and code not in seen:
            seen.add(code)
            codes.append(code)
    return codes[:200]


def main():
    store, n = sys.argv[1], int(sys.argv[2])
    rnd = random.Random(2009)
    cty = countries()
    camp = {c: i % 3 for i, c in enumerate(cty)}
    c = sqlite3.connect(store)
    c.execute("PRAGMA synchronous=OFF")
    c.execute("PRAGMA cache_size=-2000000")   # 2 GB: the indexes stay in memory while they grow
    c.execute("PRAGMA foreign_keys=OFF")
    ndocs = (n + 9) // 10
    c.executemany("INSERT INTO document (id, doc_id, hash, date, lang) VALUES (?, ?, 'synthetic', NULL, 'en')",
                  ((i, f"synthetic-{i}") for i in range(1, ndocs + 1)))
    base = 16436  # 2015-01-01 in days since 1970-01-01
    import datetime
    days = [(datetime.date(1970, 1, 1) + datetime.timedelta(days=base + k)).isoformat() for k in range(3652)]

    def actor():
        # skewed: low indices much more active
        return cty[min(int(rnd.paretovariate(1.1)) - 1, 199) if rnd.random() < 0.7 else rnd.randrange(200)]

    def rows():
        for i in range(n):
            s = actor()
            t = actor()
            while t == s:
                t = cty[rnd.randrange(200)]
            same = camp[s] == camp[t]
            code, g, q = rnd.choice(COOP if (rnd.random() < 0.85) == same else CONF)
            sa, ta = s + rnd.choice(AGENTS), t + rnd.choice(AGENTS)
            yield (1 + i // 10, i % 10, days[rnd.randrange(3652)], sa, ta, s, t, code, code[:2], g, q, "verbal")

    batch = []
    done = 0
    for r in rows():
        batch.append(r)
        if len(batch) == 100000:
            c.executemany("INSERT INTO event (doc, sent, day, source, target, src_cty, tgt_cty, code, root,"
                          " goldstein, quad, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                          " ON CONFLICT DO NOTHING", batch)
            done += len(batch)
            batch = []
            if done % 1000000 == 0:
                c.commit()
                print(f"gen_store: {done:,} events", file=sys.stderr, flush=True)
    if batch:
        c.executemany("INSERT INTO event (doc, sent, day, source, target, src_cty, tgt_cty, code, root,"
                      " goldstein, quad, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      " ON CONFLICT DO NOTHING", batch)
    c.commit()
    c.close()


if __name__ == "__main__":
    main()
