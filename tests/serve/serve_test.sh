#!/bin/sh
# serve_test.sh: the HTTP API against a real server on 127.0.0.1: every endpoint and every
# error status; then the dashboard in headless Chromium (dashboard_test.mjs) when node and
# chromium are there (exit 77, skip, when they are not).
# usage: serve_test.sh api|dashboard ENTENTE ROOT BUILD_DIR
set -u
WHAT=$1
E=$2
ROOT=$3
BUILD=$4
T=$(mktemp -d "${TMPDIR:-/tmp}/entente-serve.XXXXXX")
PIDS=""
# stops the servers (SIGTERM: a clean stop) and fails when one reported a sanitizer error
stop_all() {
    for p in $PIDS; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    PIDS=""
    if cat "$T"/*.err 2>/dev/null | grep -E "Sanitizer|runtime error" >&2; then
        echo "not ok - a server reported a sanitizer error"
        return 1
    fi
    return 0
}
cleanup() { stop_all >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT INT TERM

if [ "$WHAT" = dashboard ]; then
    command -v node >/dev/null 2>&1 || { echo "skip: node not installed (make deps)"; exit 77; }
    [ -d "$ROOT/node_modules/playwright-core" ] || { echo "skip: node_modules absent (make deps)"; exit 77; }
    [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || { echo "skip: chromium not installed (make deps)"; exit 77; }
fi

"$E" ingest --db "$T/s.db" --date 2024-06-20 "$ROOT/docs/examples" >/dev/null 2>&1 || { echo "ingest failed"; exit 1; }

# start NAME ARGS...: a server on a free port; sets PORT
start() {
    name=$1; shift
    "$E" serve --db "$T/s.db" --port 0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    PIDS="$PIDS $!"
    i=0
    while [ $i -lt 200 ] && ! grep -q "serving" "$T/$name.out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
    PORT=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\)\/.*/\1/p' "$T/$name.out")
    [ -n "$PORT" ] || { echo "server did not start:"; cat "$T/$name.err"; exit 1; }
}

if [ "$WHAT" = dashboard ]; then
    start dash
    mkdir -p "$BUILD/screenshots"
    node "$ROOT/tests/serve/dashboard_test.mjs" "http://127.0.0.1:$PORT/" "$BUILD/screenshots"
    rc=$?
    stop_all || rc=1
    exit $rc
fi

start main
MAIN=$PORT
start cors --cors https://example.org --max-body 1000 --timeout 1
CORS=$PORT
start cap --max-connections 3 --threads 1
CAP=$PORT
python3 - "$MAIN" "$CORS" "$CAP" <<'PY'
import json, socket, sys, time, urllib.request, urllib.error
main, cors, cap = sys.argv[1], sys.argv[2], sys.argv[3]
fails = n = 0
def check(name, ok):
    global fails, n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", name)
    fails += not ok

def req(port, path, data=None, method=None, ctype=None):
    r = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if ctype: r.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(r, timeout=10) as f:
            return f.status, dict(f.headers), f.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()

def get_json(path, port=None):
    st, h, b = req(port or main, path)
    return st, h, json.loads(b) if b else None

st, h, j = get_json("/api/health")
check("health: 200 ok", st == 200 and j["status"] == "ok" and j["store"]["schema_version"] >= 1)
st, h, j = get_json("/api/openapi.json")
check("openapi.json describes every endpoint", st == 200 and j["openapi"].startswith("3.") and
      all(p in j["paths"] for p in ["/api/events", "/api/dyads", "/api/actors", "/api/network", "/api/blocs", "/api/code", "/api/health"]))
st, h, j = get_json("/api/events")
check("events: default page of at most 100", st == 200 and 0 < len(j["events"]) <= 100 and j["events"][0]["sentence"])
_, _, all_ = get_json("/api/events?limit=10000")
_, _, page = get_json("/api/events?limit=5&offset=3")
check("events: limit and offset page through", [r["code"] + r["day"] + r["source"] for r in page["events"]] ==
      [r["code"] + r["day"] + r["source"] for r in all_["events"][3:8]])
_, _, j = get_json("/api/events?actor=PRK&code=07*&from=2024-01-01")
check("events: filters", j["events"] and all(r["code"].startswith("07") and r["day"] >= "2024-01-01" for r in j["events"]))
st, h, j = get_json("/api/dyads?source=RUS&target=PRK&by=year")
check("dyads: a series both ways", st == 200 and {(r["source"], r["target"]) for r in j["series"]} == {("RUS", "PRK"), ("PRK", "RUS")})
st, h, j = get_json("/api/dyads")
check("dyads: without actors, the most active", st == 200 and len(j["dyads"]) > 3)
st, h, j = get_json("/api/actors?limit=3")
check("actors: ranked and limited", st == 200 and len(j["actors"]) == 3 and j["actors"][0]["events"] >= j["actors"][1]["events"])
st, h, j = get_json("/api/network")
check("network: nodes and signed edges", st == 200 and len(j["nodes"]) > 5 and all(e["sign"] in (-1, 0, 1) for e in j["edges"]))
st, h, b = req(main, "/api/network?format=graphml")
check("network: GraphML on request", st == 200 and b.startswith(b"<?xml") and b"graphml" in b)
st, h, j = get_json("/api/blocs?from=2017-01-01&to=2019-12-31&compare=2022-01-01:2024-12-31")
check("blocs: two periods and who changed", st == 200 and len(j["periods"]) == 2 and any(c["actor"] == "PRK" for c in j["changes"]))
body = json.dumps({"text": "Vladimir Poutine a rencontré Kim Jong-un mercredi à Pyongyang.", "date": "2024-06-19"}).encode()
st, h, b = req(main, "/api/code", body, "POST", "application/json")
j = json.loads(b)
check("code: events with provenance and explanation", st == 200 and any(e["code"] == "040" and e["entries"]["pattern"] for e in j["events"])
      and "EVENT" in j["sentences"][0]["explain"])
st, h, b = req(main, "/api/code", "Putin met Xi in Beijing on Thursday.".encode(), "POST", "text/plain")
j = json.loads(b)
check("code: plain text body, language identified", st == 200 and j["lang"] == "en" and j["events"])
# errors
for path, want, name in [("/api/dyads?bogus=1", 400, "unknown parameter"), ("/api/events?from=2024-13-01", 400, "bad date"),
                         ("/api/events?limit=20000", 400, "limit over 10000"), ("/api/events?actor=rus", 400, "bad actor code"),
                         ("/api/dyads?source=RUS", 400, "dyad with one actor"), ("/api/network?format=tsv", 400, "bad format"),
                         ("/api/nothing", 404, "unknown path"), ("/../../etc/passwd", 404, "path outside the embedded files"),
                         ("/etc/passwd", 404, "file system path")]:
    st, h, b = req(main, path)
    try: j = json.loads(b)
    except Exception: j = {}
    check(f"{name}: {want} with a JSON message", st == want and j.get("status") == want and j.get("error"))
st, h, b = req(main, "/api/events", b"x", "DELETE")
check("DELETE: 405 with Allow", st == 405 and "GET" in h.get("Allow", ""))
st, h, b = req(main, "/api/code")
check("GET /api/code: 405, Allow: POST", st == 405 and h.get("Allow") == "POST")
st, h, b = req(main, "/api/code", b'{"text": 3}', "POST", "application/json")
check("code: bad JSON body, 400", st == 400)
st, h, b = req(main, "/api/code", b"a" * 2_000_000, "POST", "text/plain")
check("code: a body over the limit, 413", st == 413 and json.loads(b)["status"] == 413)
st, h, b = req(main, "/")
check("the dashboard is served at /", st == 200 and b"<html" in b and h.get("Content-Type", "").startswith("text/html"))
st, h, b = req(main, "/lib/cytoscape.min.js")
check("its libraries are embedded", st == 200 and len(b) > 100000)
check("no CORS header by default", "Access-Control-Allow-Origin" not in h)
st, h, b = req(cors, "/api/health")
check("--cors: the origin is allowed", h.get("Access-Control-Allow-Origin") == "https://example.org")
st, h, b = req(cors, "/api/code", b"x" * 2000, "POST", "text/plain")
check("--max-body: 413 above it", st == 413)
# an idle connection is closed after --timeout
s = socket.create_connection(("127.0.0.1", int(cors)))
time.sleep(2.5)
s.settimeout(3)
try: closed = s.recv(1) == b""
except Exception: closed = True
check("an idle connection is closed after the timeout", closed)
s.close()
# --max-connections 3: a fourth connection is refused (closed at once)
held = [socket.create_connection(("127.0.0.1", int(cap))) for _ in range(3)]
time.sleep(0.5)   # let the server accept them
extra = socket.create_connection(("127.0.0.1", int(cap)))
extra.settimeout(3)
try:
    extra.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
    got = extra.recv(100)
except Exception:
    got = b""
check("connections over the cap are refused", not got.startswith(b"HTTP/1.1 200"))
for c in held + [extra]: c.close()
print(f"{n} tests, {fails} failed")
sys.exit(1 if fails else 0)
PY
rc=$?
stop_all || rc=1
exit $rc
