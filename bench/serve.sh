#!/bin/sh
# bench/serve.sh: the HTTP API under load (called by bench/run, or alone after make): wrk with
# 64 connections for 10 s on /api/dyads (a month series of Russia and North Korea) and on
# POST /api/code (one French sentence), on the demo store (docs/examples) and on the
# synthetic 10-million-event store when bench/store.sh has made it; then the server's
# memory with 1,000 idle connections held open. Writes bench/results-serve.md.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
E="$here/build/entente"
B="$here/build/bench"
OUT="$here/bench/results-serve.md"
command -v wrk >/dev/null 2>&1 || { echo "bench/serve: wrk not installed (make deps)"; exit 0; }
mkdir -p "$B"
rm -f "$B/demo.db"*
"$E" ingest --quiet --db "$B/demo.db" --date 2024-06-20 "$here/docs/examples" >/dev/null
cat >"$B/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body   = '{"text":"Vladimir Poutine a rencontré Kim Jong-un mercredi à Pyongyang.","date":"2024-06-19"}'
wrk.headers["Content-Type"] = "application/json"
LUA
PID=""
serve() {   # starts a server on STORE; sets PORT and PID
    "$E" serve --db "$1" --port 0 >"$B/serve.out" 2>&1 &
    PID=$!
    i=0
    while [ $i -lt 400 ] && ! grep -q serving "$B/serve.out"; do sleep 0.05; i=$((i + 1)); done
    PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$B/serve.out")
}
stop() { [ -z "$PID" ] || kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop EXIT INT TERM
# wrk's summary as "req/s p50 p99"
load() {
    wrk -t2 -c64 -d10s --latency "$@" | awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
        END {printf "%s %s %s %s\n", r, p50, p99, bad ? bad : 0}'
}
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

serve "$B/demo.db"
U="http://127.0.0.1:$PORT"
curl -s -o /dev/null "$U/api/code" -d 'warm up' || true
DY_DEMO=$(load "$U/api/dyads?source=RUS&target=PRK&by=month")
CODE=$(load -s "$B/post.lua" "$U/api/code")
RSS0=$(rss "$PID")
python3 - "$PORT" "$PID" >"$B/idle.txt" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(1000)]
time.sleep(2)
rss = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS"))
print(rss)
for s in socks: s.close()
PY
RSS1=$(cat "$B/idle.txt")
stop
DY_SYN="- - - -"
if [ -f "$B/synthetic-10m.db" ]; then
    serve "$B/synthetic-10m.db"
    DY_SYN=$(load "http://127.0.0.1:$PORT/api/dyads?source=NLD&target=POL&by=month")
    stop
fi
python3 - "$OUT" "$DY_DEMO" "$DY_SYN" "$CODE" "$RSS0" "$RSS1" <<'PY'
import os, platform, sys
out, dy_demo, dy_syn, code, rss0, rss1 = sys.argv[1:7]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
def row(label, stats):
    r, p50, p99, bad = stats.split()
    return f"| {label} | {r} | {p50} | {p99} | {bad} |"
text = f"""# HTTP API benchmarks (bench/serve.sh)

Machine: {cpu}, {os.cpu_count()} cores (wrk and the server share them), {platform.system()} {platform.release()}.
wrk, 2 threads, 64 connections, 10 s, loopback; the server with its default thread pool
(one thread per core).

| request | requests/s | p50 | p99 | non-2xx |
|---|---|---|---|---|
{row("`GET /api/dyads?source=RUS&target=PRK&by=month` (demo store)", dy_demo)}
{row("`GET /api/dyads?source=NLD&target=POL&by=month` (synthetic 10M store)", dy_syn)}
{row("`POST /api/code` (one French sentence)", code)}

Memory: {int(rss0) / 1024:.1f} MB resident after the load; {int(rss1) / 1024:.1f} MB with 1,000 idle
connections held open (they are closed after the timeout, 30 s by default; at most 4,096
connections are served at once).

Targets (issue 7): >= 10,000 requests/s for /api/dyads, p99 under 10 ms, memory bounded.
"""
open(out, "w").write(text)
print(text)
PY
