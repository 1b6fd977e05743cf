#!/bin/sh
# bench/store.sh: benchmarks of the store (called by bench/run, or alone after make).
#  1. ingest rate of documents (coded and stored) into SQLite and PostgreSQL: the first 8,000
#     documents of the bench corpus (dev set sentences, 8 per document);
#  2. ingest rate of events already coded (--events): the events of those documents
#     replicated with distinct document ids to 1,000,000;
#  3. query times on a SYNTHETIC store of 10 million events (bench/gen_store.py: 200 country
#     actors in three camps, ten years): a dyad series (the busiest dyad and a median one),
#     median of 5; blocs over one year, median of 3.
# Writes bench/results-store.md. Needs ../shared for the corpus (skips cleanly without it).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
E="$here/build/entente"
B="$here/build/bench"
CORPUS="$B/devset-64mb.jsonl"
DEV="$here/../shared/devset/events.jsonl"
OUT="$here/bench/results-store.md"
if [ ! -f "$DEV" ]; then
    echo "bench/store: $DEV absent; skipped"
    exit 0
fi
mkdir -p "$B"
[ -f "$CORPUS" ] || python3 "$here/bench/make_corpus.py" "$DEV" "$CORPUS" 64
. "$here/tests/store/pg.sh"
trap pg_stop EXIT INT TERM
head -n 8000 "$CORPUS" >"$B/docs8k.jsonl"
"$E" code --date 2024-06-20 "$B/docs8k.jsonl" >"$B/events8k.jsonl"
python3 - "$B/events8k.jsonl" "$B/events1m.jsonl" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in open(src, encoding="utf-8")]
n = 0
with open(out, "w", encoding="utf-8") as f:
    copy = 0
    while n < 1000000:
        for e in lines:
            e = dict(e, doc_id=f"{e['doc_id']}-{copy}")
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
            if n == 1000000:
                break
        copy += 1
PY
secs() { python3 -c 'import time; print(time.monotonic())'; }

ingest_time() {   # URI ARGS... : seconds for one ingest
    t0=$(secs)
    "$E" ingest --quiet --db "$@" >/dev/null
    t1=$(secs)
    python3 -c "print(round($t1 - $t0, 3))"
}

# SQLite first, median of 3, with no PostgreSQL server running beside it
median3() {   # NAME ARGS... : median seconds of three ingests into fresh stores
    name=$1; shift
    for k in 1 2 3; do rm -f "$B/$name.db"*; ingest_time "$B/$name.db" "$@"; done | sort -n | sed -n 2p
}
DOCS=8000
NEV=$(wc -l <"$B/events8k.jsonl" | tr -d ' ')
t_lite_docs=$(median3 ing-docs --date 2024-06-20 "$B/docs8k.jsonl")
t_lite_ev=$(median3 ing-ev --events "$B/events1m.jsonl")
pg_start || { echo "bench/store: cannot start PostgreSQL"; exit 1; }
t_pg_docs=$(ingest_time "$PG_URI" --date 2024-06-20 "$B/docs8k.jsonl")
PGEV=$(pg_newdb evbench)
t_pg_ev=$(ingest_time "$PGEV" --events "$B/events1m.jsonl")
pg_stop

STORE="$B/synthetic-10m.db"
if [ ! -f "$STORE" ]; then
    "$E" db info --db "$STORE" >/dev/null
    python3 "$here/bench/gen_store.py" "$STORE" 10000000
fi
python3 - "$E" "$STORE" "$OUT" "$DOCS" "$NEV" "$t_lite_docs" "$t_pg_docs" "$t_lite_ev" "$t_pg_ev" <<'PY'
import os, platform, sqlite3, statistics, subprocess, sys, time
E, store, out, docs, nev = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
t_lite_docs, t_pg_docs, t_lite_ev, t_pg_ev = map(float, sys.argv[6:10])
c = sqlite3.connect(store)
total = c.execute("select count(*) from event").fetchone()[0]
dy = c.execute("select src_cty, tgt_cty, count(*) n from event group by 1, 2 order by n desc").fetchall()
busiest, median = dy[0], dy[len(dy) // 2]
c.close()

def timed(args, runs):
    ts = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run([E] + args + ["--db", store], check=True, stdout=subprocess.DEVNULL)
        ts.append(time.monotonic() - t0)
    return statistics.median(ts), min(ts), max(ts)

q_busy = timed(["dyads", "--source", busiest[0], "--target", busiest[1], "--by", "month"], 5)
q_med = timed(["dyads", "--source", median[0], "--target", median[1], "--by", "month"], 5)
q_blocs = timed(["blocs", "--from", "2023-01-01", "--to", "2023-12-31"], 3)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
ms = lambda t: f"{t[0] * 1000:.0f} ms (range {t[1] * 1000:.0f}-{t[2] * 1000:.0f})"
text = f"""# Store benchmarks (bench/store.sh)

Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}.
Times are wall-clock, one process, including start-up (dictionary load for ingest).

## Ingest

| input | SQLite | PostgreSQL 15 (127.0.0.1, fsync off) |
|---|---|---|
| {docs:,} documents coded and stored ({nev:,} events); SQLite: median of 3 | {docs / t_lite_docs:,.0f} docs/s, {nev / t_lite_docs:,.0f} events/s ({t_lite_docs:.1f} s) | {docs / t_pg_docs:,.0f} docs/s, {nev / t_pg_docs:,.0f} events/s ({t_pg_docs:.1f} s) |
| 1,000,000 events already coded (`--events`); SQLite: median of 3 | {1e6 / t_lite_ev:,.0f} events/s ({t_lite_ev:.1f} s) | {1e6 / t_pg_ev:,.0f} events/s ({t_pg_ev:.1f} s) |

Documents: the first 8,000 documents of the bench corpus (dev set sentences, 8 per document).
Events: the events `entente code` gives for them, replicated with distinct document ids.

## Queries on a synthetic store of {total:,} events (SQLite)

The store is SYNTHETIC (bench/gen_store.py): 200 country codes with agents, three camps that
cooperate inside and quarrel across, ten years of days, code frequencies skewed as in news.

| query | median of runs |
|---|---|
| `dyads --source {busiest[0]} --target {busiest[1]} --by month` (busiest dyad, {busiest[2]:,} events) | {ms(q_busy)} |
| `dyads --source {median[0]} --target {median[1]} --by month` (median dyad, {median[2]:,} events) | {ms(q_med)} |
| `blocs --from 2023-01-01 --to 2023-12-31` (one year, ~{total // 10:,} events) | {ms(q_blocs)} |

Targets (issue 6): ingest >= 50,000 events/s into SQLite; a dyad series over 10 million events
under 100 ms; blocs over a year of 200 actors under 2 s.
"""
open(out, "w").write(text)
print(text)
PY
