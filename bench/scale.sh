#!/bin/sh
# bench/scale.sh: entente code at scale (called by bench/run, or alone after make).
# Corpora from real text (bench/make_scale_corpus.py): 100,000 and 1,000,000 sentences, and a
# 2 GB file for memory. Median of 9 runs: sentences/s and MB/s with -j 1 and -j 2, speed-up,
# peak RSS; MPI with 2 ranks against -j 2; time from 100,000 to 1,000,000 sentences; the 2 GB
# file with -j 2 (peak RSS); where the time goes (text layer, actors, the rest of the coder,
# on one core). Writes bench/results-scale.md. Skips cleanly without ../shared.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
SHARED="$here/../shared"
B="$here/build/bench"
if [ ! -f "$SHARED/devset/events.jsonl" ]; then
    echo "bench/scale: $SHARED/devset absent; skipped"
    exit 0
fi
mkdir -p "$B"
[ -f "$B/scale-100k.jsonl" ] || python3 "$here/bench/make_scale_corpus.py" "$SHARED" "$B/scale-100k.jsonl" 100000
[ -f "$B/scale-1m.jsonl" ] || python3 "$here/bench/make_scale_corpus.py" "$SHARED" "$B/scale-1m.jsonl" 1000000
[ -f "$B/scale-2gb.jsonl" ] || python3 "$here/bench/make_scale_corpus.py" "$SHARED" "$B/scale-2gb.jsonl" 2GB
python3 - "$here" "$B" <<'PY'
import os, platform, resource, statistics, subprocess, sys, time
here, B = sys.argv[1], sys.argv[2]
E = here + "/build/entente"
BT = here + "/build/bench_text"
MPI = ["mpirun", "-np", "2", "--oversubscribe"] + (["--allow-run-as-root"] if os.getuid() == 0 else [])

def run(cmd):
    """Wall time and peak RSS (KB) of one run, output to /dev/null."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.monotonic() - t0
    if p.returncode not in (0, 1):
        raise SystemExit(f"bench/scale: {' '.join(cmd)} failed ({p.returncode})")
    return t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

def rss_of(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr.strip().splitlines()
    return int(out[-1])

def median5(cmd):
    ts = [run(cmd)[0] for _ in range(5)]
    return statistics.median(ts), min(ts), max(ts)

def counts(path):
    """bytes, sentences (the text layer's count), one core"""
    out = subprocess.run([BT, path], capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1]), float(out[3])

PAIRS = 9   # with 5, the median speed-up moved by 0.15 from one run of the bench to the next

def paired(a, b):
    """PAIRS runs of a, each followed by one of b: this VM's speed drifts within minutes, and
    runs taken in two separate blocks would charge the drift to the speed-up. Returns the
    (median, min, max) of each and the median of the PAIRS ratios a/b."""
    ta, tb = [], []
    for _ in range(PAIRS):
        ta.append(run(a)[0])
        tb.append(run(b)[0])
    stat = lambda ts: (statistics.median(ts), min(ts), max(ts))
    return stat(ta), stat(tb), statistics.median(x / y for x, y in zip(ta, tb))

rows = {}
for name in ("100k", "1m"):
    path = f"{B}/scale-{name}.jsonl"
    nbytes, nsent, _ = counts(path)
    j1, j2, speedup = paired([E, "code", "-j", "1", path], [E, "code", "-j", "2", path])
    rows[name] = dict(bytes=nbytes, sents=nsent, j1=j1, j2=j2, speedup=speedup,
                      rss1=rss_of([E, "code", "-j", "1", path]), rss2=rss_of([E, "code", "-j", "2", path]))
# -o: mpirun passes the ranks' standard output through itself (about 150 MB/s here)
mpi = median5(MPI + [E, "code", "--mpi", "-o", "/dev/null", f"{B}/scale-1m.jsonl"])
# What two cores of this machine give at best: two independent `-j 1` processes at once against
# one alone (three pairs, one after the other). 2 x alone / together is the throughput the
# second core adds; no threading of ours can beat it.
def together(cmd):
    t0 = time.monotonic()
    ps = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    for p in ps:
        p.wait()
    return time.monotonic() - t0
ceil_runs = []
for _ in range(3):
    alone = run([E, "code", "-j", "1", f"{B}/scale-1m.jsonl"])[0]
    ceil_runs.append((alone, together([E, "code", "-j", "1", f"{B}/scale-1m.jsonl"])))
ceiling = statistics.median(2 * a / b for a, b in ceil_runs)
# start-up and exit alone: an empty input
open(f"{B}/empty.jsonl", "w").close()
startup = {j: median5([E, "code", "-j", j, f"{B}/empty.jsonl"])[0] for j in ("1", "2")}
# where the time goes on one core (100k): text layer, + actors, + the coder's clause analysis and output
p100 = f"{B}/scale-100k.jsonl"
text_t = statistics.median(float(subprocess.run(["taskset", "-c", "0", BT, p100], capture_output=True, text=True).stdout.split()[3]) for _ in range(3))
act_t = statistics.median(float(subprocess.run(["taskset", "-c", "0", BT, "--actors", p100], capture_output=True, text=True).stdout.split()[3]) for _ in range(3))
code_t = statistics.median(run(["taskset", "-c", "0", E, "code", "-j", "1", p100])[0] for _ in range(3))
# instructions per sentence (valgrind callgrind): the same on every run, unlike times on this
# shared VM. Each command runs on the first 3,000 and the first 6,000 documents of the 100k
# corpus; the difference, per sentence, leaves out start-up and the lexicon's first lookups.
def per_sentence(cmd):
    import shutil, tempfile
    if not shutil.which("valgrind"):
        return None
    lines = open(p100, "rb").read().split(b"\n")
    res = []
    with tempfile.TemporaryDirectory() as d:
        for n in (3000, 6000):
            path = f"{d}/slice{n}.jsonl"
            open(path, "wb").write(b"\n".join(lines[:n]) + b"\n")
            r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd + [path],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            ins = next(int(l.split(":")[1].replace(",", "")) for l in r.stderr.splitlines() if "Collected" in l)
            res.append((ins, counts(path)[1]))
    return (res[1][0] - res[0][0]) / (res[1][1] - res[0][1])
ins_text = per_sentence([BT])
ins_act = per_sentence([BT, "--actors"])
ins_sent = per_sentence([E, "code", "-j", "1"])
# 2 GB, two threads: peak RSS
big = f"{B}/scale-2gb.jsonl"
t0 = time.monotonic()
big_rss = rss_of([E, "code", "-j", "2", big])
big_t = time.monotonic() - t0
big_bytes = os.path.getsize(big)

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
def istr(a, b=0):
    return "not counted (no valgrind)" if a is None else f"{a - (b or 0):,.0f}"
def ishare(a, b=0):
    return "" if a is None or ins_sent is None else f"{100 * (a - (b or 0)) / ins_sent:.0f}%"
def line(name, r, k):
    t = r[k]
    return (f"| {name} | -j {k[1:]} | {r['sents']:,} | {t[0]:.2f} s ({t[1]:.2f}-{t[2]:.2f}) | "
            f"{r['sents'] / t[0]:,.0f} | {r['bytes'] / t[0] / 1e6:.1f} | {(r['rss1'] if k == 'j1' else r['rss2']) / 1024:.0f} MB |")
r1, rm = rows["100k"], rows["1m"]
text = f"""# Scale benchmarks (bench/scale.sh)

Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}.
Corpora (bench/make_scale_corpus.py, real text only): the dev set's French and English
sentences and the English sentences of ../shared/peers/ConfliBERT, in documents of 8
sentences, replicated with distinct ids. `entente code`, JSON lines to /dev/null, wall time
including start-up (dictionary load), median of {PAIRS} runs (range); the `-j 1` and `-j 2` runs
alternate.

| corpus | option | sentences | time | sentences/s | MB/s | peak RSS |
|---|---|---|---|---|---|---|
{line("100k", r1, "j1")}
{line("100k", r1, "j2")}
{line("1M", rm, "j1")}
{line("1M", rm, "j2")}

- Speed-up on 2 cores (1M): **{rm['speedup']:.2f}** (100k: {r1['speedup']:.2f}), the median of {PAIRS}
  pairs of runs (`-j 1` then `-j 2`, one after the other).
- What this machine's two cores give at best: two independent `-j 1` runs on 1M at once do
  **{ceiling:.2f}** times the work of one alone in the same time (median of 3 pairs:
  {", ".join(f"{a:.2f} s alone, {b:.2f} s together" for a, b in ceil_runs)}).
- MPI, `mpirun -np 2 entente code --mpi -o /dev/null` on 1M: {mpi[0]:.2f} s ({mpi[1]:.2f}-{mpi[2]:.2f}),
  {rm['sents'] / mpi[0]:,.0f} sentences/s, against {rm['j2'][0]:.2f} s for `-j 2`
  (each rank reads and codes one half of the input's bytes; rank 1 spools its output to a
  temporary file and sends it to rank 0 at the end, which writes it after its own).
- From 100,000 to 1,000,000 sentences ({rm['sents'] / r1['sents']:.1f} times the sentences), `-j 1`
  takes {rm['j1'][0] / r1['j1'][0]:.1f} times as long: linear (start-up and exit, {startup["1"]:.2f} s with `-j 1` and
  {startup["2"]:.2f} s with `-j 2` on an empty input, are in both).
- 2 GB ({big_bytes / 1e9:.2f} GB) with `-j 2`: {big_t:.0f} s, peak RSS **{big_rss / 1024:.0f} MB**.

## Where the time goes (100k, one core)

Times are medians of 3 runs; instructions per sentence are counted by valgrind (callgrind) on
documents 3,001-6,000 of the same corpus and do not move with the load of the machine, which
the times do (this VM's speed drifts by a third within minutes).

| stage | time | share | instructions per sentence | share |
|---|---|---|---|---|
| text layer: read, segment, tokenise, fold, lemmas, parts of speech | {text_t:.2f} s | {100 * text_t / code_t:.0f}% | {istr(ins_text)} | {ishare(ins_text)} |
| actor recognition | {act_t - text_t:.2f} s | {100 * (act_t - text_t) / code_t:.0f}% | {istr(ins_act, ins_text)} | {ishare(ins_act, ins_text)} |
| the coder (triggers, clause analysis, events) and JSON output | {code_t - act_t:.2f} s | {100 * (code_t - act_t) / code_t:.0f}% | {istr(ins_sent, ins_act)} | {ishare(ins_sent, ins_act)} |
| total `entente code -j 1` (with start-up in the time) | {code_t:.2f} s | {r1['sents'] / code_t:,.0f} sentences/s | {istr(ins_sent)} | |

Fastest of the {PAIRS} `-j 1` runs on 1M: {rm['j1'][1]:.2f} s, {rm['sents'] / rm['j1'][1]:,.0f} sentences/s.

Targets (issue 8): 100,000 sentences/s per core; speed-up >= 1.8 on 2 cores; RSS < 300 MB at
any input size.
"""
open(here + "/bench/results-scale.md", "w").write(text)
print(text)
PY
