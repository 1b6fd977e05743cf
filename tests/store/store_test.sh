#!/bin/sh
# store_test.sh: the store and analysis test suite, the same for both back ends.
# usage: store_test.sh sqlite|postgresql ENTENTE ROOT
# For postgresql it starts a throwaway cluster (tests/store/pg.sh) on 127.0.0.1 and also
# checks that every analysis gives the same answer as SQLite on the same input.
set -u
BACKEND=$1
E=$2
ROOT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/entente-store.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$T"
. "$HERE/pg.sh"
cleanup() { pg_stop; rm -rf "$T"; }
trap cleanup EXIT INT TERM
fails=0
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); echo "not ok $n - $1"; fails=$((fails + 1)); }
check() { name=$1; shift; if "$@"; then ok "$name"; else no "$name"; fi; }

if [ "$BACKEND" = postgresql ]; then
    pg_start
    rc=$?
    [ $rc -eq 77 ] && { echo "skip: PostgreSQL server programs not installed"; exit 77; }
    [ $rc -ne 0 ] && { echo "cannot start PostgreSQL"; exit 1; }
fi

# A new empty store named $1: prints its URI.
store() {
    if [ "$BACKEND" = postgresql ]; then pg_newdb "$1"; else echo "$T/$1.db"; fi
}

EX="$ROOT/docs/examples"
# counts from `db info`, one line: documents sentences events daily
counts() { "$E" db info --db "$1" | sed -n 's/^\(documents\|sentences\|events\|daily events\): *\([0-9]*\).*/\2/p' | tr '\n' ' '; }

# ---- ingest, idempotence ----
S=$(store main)
"$E" ingest --db "$S" --date 2024-06-20 "$EX" >"$T/out1" 2>"$T/err1"
check "ingest of the examples exits 0" [ $? -eq 0 ]
check "ingest says what it stored" grep -q "new, 0 replaced, 0 unchanged" "$T/out1"
check "nothing on stderr when not a terminal" [ ! -s "$T/err1" ]
C1=$(counts "$S")
"$E" db info --db "$S" >"$T/info"
check "db info gives the schema version" grep -q "^schema version: 3" "$T/info"
check "db info counts documents and events" sh -c "set -- $C1; [ \$1 -ge 3 ] && [ \$3 -gt 50 ] && [ \$4 -lt \$3 ]"
"$E" ingest --db "$S" --date 2024-06-20 "$EX" >"$T/out2" 2>&1
check "ingesting again adds nothing" grep -q "(0 new, 0 replaced, [0-9]* unchanged), 0 sentences, 0 events" "$T/out2"
check "counts unchanged after the second ingest" [ "$(counts "$S")" = "$C1" ]

# ---- a document whose text changed has its events replaced ----
S2=$(store changed)
printf '%s\n' '{"id":"doc-1","date":"2024-03-28","lang":"en","text":"Russia vetoed a UN Security Council resolution on Thursday."}' >"$T/v1.jsonl"
printf '%s\n' '{"id":"doc-1","date":"2024-03-28","lang":"en","text":"The European Union imposed sanctions on Russia on Thursday."}' >"$T/v2.jsonl"
"$E" ingest --db "$S2" "$T/v1.jsonl" >/dev/null 2>&1
"$E" events --db "$S2" --format tsv >"$T/ev1"
"$E" ingest --db "$S2" "$T/v2.jsonl" >"$T/out3" 2>&1
"$E" events --db "$S2" --format tsv >"$T/ev2"
check "first version coded (129)" grep -q "	RUS	IGOUNO	129	" "$T/ev1"
check "changed text reported as replaced" grep -q "(0 new, 1 replaced, 0 unchanged)" "$T/out3"
check "changed text: new events in" grep -q "	IGOEUREEC	RUS	163	" "$T/ev2"
check "changed text: old events gone" sh -c "! grep -q '	129	' '$T/ev2'"
check "changed text: one document" [ "$(counts "$S2" | cut -d' ' -f1)" = 1 ]
"$E" dyads --db "$S2" --top 5 --format tsv >"$T/top2"
check "changed text: the daily counts follow (dyads)" sh -c "grep -q '^IGOEUREEC	RUS	1	' '$T/top2' && ! grep -q IGOUNO '$T/top2'"

# ---- events already coded (--events), bad lines ----
"$E" code --date 2024-06-20 "$EX" >"$T/coded.jsonl"
S3=$(store events)
"$E" ingest --db "$S3" --events "$T/coded.jsonl" >/dev/null 2>&1
check "--events loads every event" [ "$(counts "$S3" | cut -d' ' -f3)" = "$(wc -l <"$T/coded.jsonl" | tr -d ' ')" ]
"$E" ingest --db "$S3" --events "$T/coded.jsonl" >/dev/null 2>&1
check "--events twice adds nothing" [ "$(counts "$S3" | cut -d' ' -f3)" = "$(wc -l <"$T/coded.jsonl" | tr -d ' ')" ]
check "--events gives the same daily view as coding" [ "$(counts "$S3" | cut -d' ' -f4)" = "$(echo "$C1" | cut -d' ' -f4)" ]
S4=$(store badevents)
{ head -n 2 "$T/coded.jsonl"; echo '{"doc_id": "x", broken'; echo '{"doc_id":"x","sent":0,"target":"RUS","code":"042","date":"2024-01-01"}';
  echo '{"doc_id":"x","sent":0,"source":"FRA","target":"RUS","code":"999","date":"2024-01-01"}'; sed -n '3,5p' "$T/coded.jsonl"; } >"$T/bad.jsonl"
"$E" ingest --db "$S4" --events "$T/bad.jsonl" >/dev/null 2>"$T/err4"
check "bad event lines: exit 1" [ $? -eq 1 ]
check "bad event lines: FILE:LINE for each" sh -c "grep -q 'bad.jsonl:3: ' '$T/err4' && grep -q 'bad.jsonl:4: ' '$T/err4' && grep -q 'bad.jsonl:5: ' '$T/err4'"
check "bad event lines: the rest is loaded" [ "$(counts "$S4" | cut -d' ' -f3)" = 5 ]

# ---- analyses ----
"$E" dyads --db "$S" --source RUS --target PRK --by year --format tsv >"$T/dy"
check "dyads: both directions" sh -c "grep -q '	RUS	PRK	' '$T/dy' && grep -q '	PRK	RUS	' '$T/dy'"
check "dyads: Russia-North Korea cooperation in 2024" sh -c "awk -F'\t' '\$1==\"2024\" && \$2==\"RUS\" {exit !(\$5+\$6 > \$7+\$8)}' '$T/dy'"
"$E" dyads --db "$S" --source RUS --target PRK --by week --format csv >"$T/dyw"
check "dyads --by week: periods are Mondays" python3 -c "
import csv, datetime, sys
rows = list(csv.DictReader(open('$T/dyw')))
sys.exit(not rows or any(datetime.date.fromisoformat(r['period']).weekday() for r in rows))"
"$E" dyads --db "$S" --top 3 --format jsonl >"$T/top"
check "dyads --top 3: three dyads" [ "$(wc -l <"$T/top" | tr -d ' ')" = 3 ]
"$E" events --db "$S" --code '19*' --format jsonl >"$T/e19"
check "events --code 19*: only root 19" python3 -c "
import json, sys
rows = [json.loads(l) for l in open('$T/e19')]
sys.exit(not rows or any(not r['code'].startswith('19') for r in rows))"
"$E" events --db "$S" --from 2023-01-01 --to 2023-12-31 --actor PRK --format json >"$T/e23"
check "events --from --to --actor: days and actor respected" python3 -c "
import json, sys
d = json.load(open('$T/e23'))
rows = d['events']
sys.exit(not rows or any(not ('2023-01-01' <= r['day'] <= '2023-12-31') or 'PRK' not in (r['source'][:3], r['target'][:3]) for r in rows))"
"$E" events --db "$S" --format jsonl >"$T/edaily"
"$E" events --db "$S" --format jsonl --dedup none >"$T/enone"
check "dedup: reports of the French and English stories collapse" python3 -c "
import json, sys
daily = [json.loads(l) for l in open('$T/edaily')]
none = [json.loads(l) for l in open('$T/enone')]
sys.exit(not (len(daily) < len(none) and sum(r['reports'] for r in daily) == len(none)
              and any(r['documents'] == 2 for r in daily) and all(r['dedup'] == 'daily' for r in daily)))"
"$E" events --db "$S" --format jsonl --limit 5 --offset 2 >"$T/epage"
check "events --limit --offset: a page" sh -c "[ \$(wc -l <'$T/epage') -eq 5 ] && [ \"\$(sed -n 1p '$T/epage')\" = \"\$(sed -n 3p '$T/edaily')\" ]"
"$E" actors --db "$S" --format csv >"$T/act"
check "actors --db: ranked, Russia first" sh -c "sed -n 2p '$T/act' | grep -q '^RUS,'"
"$E" network --db "$S" --format graphml >"$T/net.graphml"
"$E" network --db "$S" --format gexf >"$T/net.gexf"
"$E" network --db "$S" --format json >"$T/net.json"
check "network: GraphML, GEXF and JSON parse, same graph" python3 -c "
import json, sys, xml.etree.ElementTree as ET
g = ET.parse('$T/net.graphml').getroot()
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
gn = len(g.findall('.//g:node', ns)); ge = len(g.findall('.//g:edge', ns))
x = ET.parse('$T/net.gexf').getroot()
xs = {'x': 'http://gexf.net/1.3'}
xn = len(x.findall('.//x:node', xs)); xe = len(x.findall('.//x:edge', xs))
j = json.load(open('$T/net.json'))
sys.exit(not (gn == xn == len(j['nodes']) > 5 and ge == xe == len(j['edges']) > 5
              and all(e['sign'] in (-1, 0, 1) for e in j['edges'])))"
"$E" blocs --db "$S" --from 2017-01-01 --to 2019-12-31 --compare 2022-01-01:2024-12-31 --format json >"$T/blocs.json"
check "blocs: Russia, North Korea and China together after 2022, the G7 and the US in the other bloc" python3 -c "
import json, sys
d = json.load(open('$T/blocs.json'))
after = d['periods'][1]['blocs']
def bloc(a):
    return next((b['bloc'] for b in after if a in b['members']), None)
ok = bloc('RUS') == bloc('PRK') == bloc('CHN') != None and bloc('USA') not in (None, bloc('RUS')) and bloc('IGOGOS') == bloc('USA')
ok = ok and any(c['actor'] == 'PRK' for c in d['changes'])
sys.exit(not ok)"
"$E" blocs --db "$S" >"$T/blocs.txt"
check "blocs: text lists blocs and cohesion" grep -q "^bloc 1 (.* members; cohesion" "$T/blocs.txt"

# ---- bad queries and stores ----
"$E" dyads --db "$S" --source RUS --target PRK --from 2024-13 >/dev/null 2>"$T/e"
check "bad date: exit 2 with a message" sh -c "[ $? -eq 2 ] && grep -q 'YYYY-MM-DD' '$T/e'"
"$E" events --db "$S" --actor rus >/dev/null 2>"$T/e"
check "bad actor code: exit 2" [ $? -eq 2 ]
"$E" network --db "$S" --format tsv >/dev/null 2>"$T/e"
check "network in TSV: exit 2" [ $? -eq 2 ]

# ---- kill -9 in the middle of an ingest, then run again ----
python3 "$ROOT/tests/example_corpus.py" "$ROOT" "$T/big.jsonl" 20000 k 80
SA=$(store whole)
"$E" ingest --db "$SA" --batch 25 "$T/big.jsonl" >/dev/null 2>&1
WHOLE=$(counts "$SA")
SB=$(store killed)
"$E" ingest --db "$SB" --batch 25 "$T/big.jsonl" >/dev/null 2>&1 &
pid=$!
i=0
while [ $i -lt 600 ]; do
    d=$("$E" db info --db "$SB" 2>/dev/null | sed -n 's/^documents: *//p')
    [ -n "$d" ] && [ "$d" -ge 100 ] && break
    sleep 0.05
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
PART=$(counts "$SB")
check "killed mid-way (some but not all documents stored: $PART / $WHOLE)" sh -c "set -- $PART; [ \$1 -ge 100 ] && [ \$1 -lt 20000 ]"
check "after kill -9: whole batches only (documents a multiple of 25)" sh -c "set -- $PART; [ \$((\$1 % 25)) -eq 0 ]"
"$E" ingest --db "$SB" --batch 25 "$T/big.jsonl" >"$T/resume" 2>&1
check "running again finishes the job" grep -q "unchanged" "$T/resume"
check "same counts as an uninterrupted run ($WHOLE)" [ "$(counts "$SB")" = "$WHOLE" ]
"$E" dyads --db "$SA" --top 20 --format tsv >"$T/topA"
"$E" dyads --db "$SB" --top 20 --format tsv >"$T/topB"
check "same answers as an uninterrupted run" cmp -s "$T/topA" "$T/topB"

# ---- back-end specific failures ----
if [ "$BACKEND" = sqlite ]; then
    head -c 8192 /dev/urandom >"$T/corrupt.db"
    "$E" db info --db "$T/corrupt.db" >/dev/null 2>"$T/e"
    check "corrupt file: exit 3 and a clear message" sh -c "[ $? -eq 3 ] && grep -q 'not an entente store or is damaged' '$T/e'"
    "$E" dyads --db "$T/absent.db" --top 3 >/dev/null 2>"$T/e"
    check "analysis of a missing store: exit 3, no file made" sh -c "[ $? -eq 3 ] && [ ! -e '$T/absent.db' ] && grep -q 'no store at' '$T/e'"
    python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(60)" "$S" >"$T/lock" &
lpid=$!
while ! grep -q locked "$T/lock" 2>/dev/null; do sleep 0.05; done
"$E" ingest --db "$S" --date 2024-06-20 "$EX" >"$T/o" 2>"$T/e0"
rc0=$?
"$E" ingest --db "$S" "$T/v1.jsonl" >/dev/null 2>"$T/e"
rc=$?
kill $lpid 2>/dev/null; wait $lpid 2>/dev/null
check "locked store: unchanged documents need no write, and are checked" sh -c "[ $rc0 -eq 0 ] && grep -q '0 new' '$T/o'"
check "locked store: a new document waits 5 s, then exit 3 and a clear message" sh -c "[ $rc -eq 3 ] && grep -q 'another process is writing' '$T/e'"
    check "locked store: nothing half-written" [ "$(counts "$S")" = "$C1" ]
    sqlite3_py() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()" "$@"; }
    # a store of schema version 1 (before the daily counts) is migrated on open, and the
    # migration fills the counts from the stored events
    cp "$SA" "$T/v1.db"
    "$E" dyads --db "$T/v1.db" --top 20 --format tsv >"$T/topv2"
    sqlite3_py "$T/v1.db" "DROP TABLE dyad_day; DELETE FROM schema_version WHERE version > 1;"
    "$E" db info --db "$T/v1.db" >"$T/info1"
    "$E" dyads --db "$T/v1.db" --top 20 --format tsv >"$T/topv1"
    check "a version-1 store is migrated to the current version on open" grep -q "^schema version: 3" "$T/info1"
    check "the migration rebuilds the daily counts from the events" cmp -s "$T/topv1" "$T/topv2"
    sqlite3_py "$S2" "INSERT INTO schema_version VALUES (99)"
    "$E" db info --db "$S2" >/dev/null 2>"$T/e"
    check "store from a newer entente: exit 3, says so" sh -c "[ $? -eq 3 ] && grep -q 'newer than this entente' '$T/e'"
else
    "$E" db info --db "postgresql://entente@127.0.0.1:1/none?connect_timeout=3" >/dev/null 2>"$T/e"
    check "unreachable server: exit 3 and a clear message" sh -c "[ $? -eq 3 ] && grep -q 'cannot connect' '$T/e'"
    "$E" db info --db "postgresql://entente@127.0.0.1:$PG_PORT/nosuchdb" >/dev/null 2>"$T/e"
    check "no such database: exit 3 and a clear message" sh -c "[ $? -eq 3 ] && grep -q 'nosuchdb' '$T/e'"
    # the same answers as SQLite on the same input
    L="$T/lite.db"
    "$E" ingest --db "$L" --date 2024-06-20 "$EX" >/dev/null 2>&1
    same=1
    for q in "dyads --source RUS --target PRK --by month" "dyads --top 10" "actors" "actors --level actor --dedup none" \
             "events --format tsv" "events --format jsonl --dedup none --actor RUS" "network --format gexf" \
             "network --format json --level actor" "blocs --from 2017-01-01 --to 2019-12-31 --compare 2022-01-01:2024-12-31"; do
        # shellcheck disable=SC2086
        "$E" $q --db "$S" >"$T/pg.out"
        # shellcheck disable=SC2086
        "$E" $q --db "$L" >"$T/lite.out"
        if ! cmp -s "$T/pg.out" "$T/lite.out"; then echo "# differs: $q"; same=0; fi
    done
    check "every analysis gives the same answer as SQLite" [ $same -eq 1 ]
    # MPI: two ranks code and store their shares of the documents in the shared store
    if command -v mpirun >/dev/null 2>&1; then
        SM=$(store mpi)
        MPI="mpirun -np 2 --oversubscribe"
        [ "$(id -u)" -eq 0 ] && MPI="$MPI --allow-run-as-root"
        # shellcheck disable=SC2086
        ASAN_OPTIONS=detect_leaks=0 $MPI "$E" ingest --mpi --db "$SM" --batch 25 "$T/big.jsonl" >"$T/mpi.out" 2>"$T/mpi.err"
        MC=$(counts "$SM")
        check "mpirun -np 2 entente ingest --mpi: the counts of one process ($MC)" [ "$MC" = "$WHOLE" ]
        "$E" dyads --db "$SM" --top 20 --format tsv >"$T/topM"
        check "mpirun -np 2 entente ingest --mpi: the answers of one process" cmp -s "$T/topA" "$T/topM"
        check "ingest --mpi: one summary line, from rank 0" [ "$(grep -c '^ingest:' "$T/mpi.out")" = 1 ]
    fi
fi

echo "$n tests, $fails failed ($BACKEND)"
[ $fails -eq 0 ]
