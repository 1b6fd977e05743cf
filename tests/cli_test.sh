#!/bin/sh
# cli_test.sh: the entente command on bad and compressed input, its exit codes and its help.
# Every bad input must give a clear FILE[:LINE]: message on stderr while the rest is processed.
# usage: cli_test.sh ENTENTE SOURCE_DIR
set -u
E=$1
T=$(mktemp -d "${TMPDIR:-/tmp}/entente-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect_rc WANT DESCRIPTION -- CMD...
expect_rc() {
    want=$1; what=$2; shift 3
    "$@" >"$T/out" 2>"$T/err"; rc=$?
    if [ "$rc" = "$want" ]; then ok; else ko "$what: exit $rc, want $want"; sed 's/^/    /' "$T/err" | head -5; fi
}
has() { # has FILE PATTERN DESCRIPTION
    if grep -q -- "$2" "$1"; then ok; else ko "$3: no '$2' in $1:"; sed 's/^/    /' "$1" | head -5; fi
}
lines() { # lines FILE N DESCRIPTION
    n=$(wc -l <"$1"); if [ "$n" -eq "$2" ]; then ok; else ko "$3: $n lines, want $2"; fi
}

good='{"id":"g1","lang":"fr","text":"Le président russe est arrivé à Pyongyang. Il a rencontré Kim Jong-un."}'
printf '%s\n' "$good" >"$T/good.jsonl"

# --- help and usage
expect_rc 0 "help" -- "$E" --help
has "$T/out" "sentences" "help lists commands"
expect_rc 0 "tokens --help" -- "$E" tokens --help
has "$T/out" "usage: entente tokens" "tokens help"
expect_rc 2 "no command" -- "$E"
expect_rc 2 "unknown command" -- "$E" frobnicate
has "$T/err" "unknown command" "unknown command message"
expect_rc 2 "unknown option" -- "$E" sentences --bogus
expect_rc 0 "version" -- "$E" version

# --- a clean run
expect_rc 0 "good jsonl" -- "$E" sentences "$T/good.jsonl"
lines "$T/out" 2 "two sentences"
has "$T/out" '"doc_id":"g1","sent":1' "sentence index"

# --- empty file
: >"$T/empty.txt"
expect_rc 1 "empty file" -- "$E" sentences "$T/empty.txt" "$T/good.jsonl"
has "$T/err" "empty.txt: empty file" "empty file message"
lines "$T/out" 2 "rest processed after empty file"

# --- binary garbage
head -c 65536 /dev/urandom >"$T/garbage.txt"
printf '\0' >>"$T/garbage.txt"
dd if=/dev/zero bs=1 count=16 2>/dev/null >>"$T/garbage.txt"
head -c 100 /dev/urandom | tr '\000' 'x' >"$T/noise.txt"
expect_rc 1 "binary garbage" -- "$E" tokens "$T/garbage.txt" "$T/noise.txt" "$T/good.jsonl"
has "$T/err" "garbage.txt: binary data" "binary message"
grep -q '"doc_id":"g1"' "$T/out" && ok || ko "rest processed after garbage"

# --- invalid UTF-8 in plain text and JSON lines
printf 'Le pr\351sident est arriv\351 \340 Kiev.\n' >"$T/latin1.txt"
printf '{"id":"u1","text":"caf\303 cr\350me"}\n%s\n' "$good" >"$T/badutf.jsonl"
expect_rc 1 "invalid utf-8" -- "$E" sentences "$T/latin1.txt" "$T/badutf.jsonl"
has "$T/err" "latin1.txt:1: invalid UTF-8" "utf-8 message with line (text)"
has "$T/err" "badutf.jsonl:1: invalid UTF-8" "utf-8 message with line (jsonl)"
has "$T/out" "$(printf '\357\277\275')" "replacement character in output"
lines "$T/out" 4 "all documents segmented"

# --- malformed JSON: reported with its line, the rest read
{ printf '%s\n' "$good"; printf '{"id":"bad", "text": }\n'; printf 'not json at all\n';
  printf '{"id":"x"}\n'; printf '%s\n' "$good"; } >"$T/mixed.jsonl"
expect_rc 1 "malformed json" -- "$E" sentences "$T/mixed.jsonl"
has "$T/err" "mixed.jsonl:2: malformed JSON" "malformed line 2"
has "$T/err" "mixed.jsonl:3: malformed JSON" "malformed line 3"
has "$T/err" "mixed.jsonl:4: missing \"text\"" "missing text line 4"
lines "$T/out" 4 "good lines processed"

# --- a 50 MB single line (plain text and JSON lines)
python3 - "$T" <<'PY'
import sys
t = sys.argv[1]
unit = "Le ministre a signé l'accord avec la Russie, puis il est reparti vers Kiev. "
n = 50 * 1024 * 1024 // len(unit.encode()) + 1
body = unit * n
open(t + "/big.txt", "w").write(body)
import json
open(t + "/big.jsonl", "w").write(json.dumps({"id": "big", "text": body}, ensure_ascii=False) + "\n")
PY
expect_rc 0 "50 MB single line (text)" -- "$E" sentences "$T/big.txt"
[ "$(wc -l <"$T/out")" -gt 600000 ] && ok || ko "50 MB text: too few sentences"
expect_rc 0 "50 MB single line (jsonl)" -- "$E" sentences --lang fr "$T/big.jsonl"
[ "$(wc -l <"$T/out")" -gt 600000 ] && ok || ko "50 MB jsonl: too few sentences"
rm -f "$T/big.txt" "$T/big.jsonl"

# --- compressed inputs, and a truncated gzip
printf '%s\n%s\n' "$good" "$(echo "$good" | sed 's/g1/g2/')" >"$T/two.jsonl"
gzip -c "$T/two.jsonl" >"$T/two.jsonl.gz"
zstd -q -c "$T/two.jsonl" >"$T/two.jsonl.zst"
expect_rc 0 "gzip" -- "$E" sentences "$T/two.jsonl.gz"
lines "$T/out" 4 "gzip documents"
expect_rc 0 "zstd" -- "$E" sentences "$T/two.jsonl.zst"
lines "$T/out" 4 "zstd documents"
python3 -c "
import gzip, sys
docs = ''.join('{\"id\":\"t%d\",\"text\":\"Kiev a protesté contre la frappe numéro %d.\"}\n' % (i, i) for i in range(20000))
data = gzip.compress(docs.encode())
open(sys.argv[1], 'wb').write(data[: len(data) * 2 // 3])
" "$T/trunc.jsonl.gz"
expect_rc 1 "truncated gzip" -- "$E" sentences "$T/trunc.jsonl.gz" "$T/good.jsonl"
has "$T/err" "trunc.jsonl.gz: truncated or corrupt compressed data" "truncated message"
grep -q '"doc_id":"t100"' "$T/out" && ok || ko "documents before the truncation kept"
grep -q '"doc_id":"g1"' "$T/out" && ok || ko "next file read after truncation"

# --- standard input: JSON lines sniffed, plain text otherwise; directories
printf '%s\n' "$good" | "$E" sentences >"$T/out" 2>"$T/err" && lines "$T/out" 2 "stdin jsonl" || ko "stdin jsonl"
printf 'The U.S. envoy met Kim. He left.\n' | "$E" sentences - >"$T/out" 2>"$T/err"
has "$T/out" '"doc_id":"<stdin>"' "stdin text id"
has "$T/out" '"lang":"en"' "stdin text language identified"
lines "$T/out" 2 "stdin text sentences"
mkdir -p "$T/d/sub"; cp "$T/good.jsonl" "$T/d/sub/"; cp "$T/two.jsonl.gz" "$T/d/"
expect_rc 0 "directory" -- "$E" sentences "$T/d"
lines "$T/out" 6 "directory documents"

# --- a missing file does not stop the others
expect_rc 1 "missing file" -- "$E" sentences "$T/nope.jsonl" "$T/good.jsonl"
has "$T/err" "nope.jsonl: cannot read" "missing file message"
lines "$T/out" 2 "rest after missing file"

# --- actors: codes with their dictionary lines; a broken dictionary names its file and line
printf '%s\n' '{"id":"a1","lang":"fr","date":"2024-06-19","text":"L'"'"'armée russe a frappé Kiev."}' >"$T/act.jsonl"
expect_rc 0 "actors" -- "$E" actors "$T/act.jsonl"
has "$T/out" '"code":"RUSMIL"' "actor code"
has "$T/out" '"entries":\["dict/agents.txt:[0-9]*","dict/countries' "actor provenance"
mkdir -p "$T/dict"
printf '[country]\nRussie => RUS\nChine CHN\n' >"$T/dict/x.txt"
expect_rc 3 "broken dictionary" -- "$E" actors --dict "$T/dict" "$T/act.jsonl"
has "$T/err" "dict/x.txt:3: no '=>'" "dictionary error with file:line"
printf '[country]\nRussie => RUS\nrussie => RUS\n' >"$T/dict/x.txt"
expect_rc 1 "dict lint finds a duplicate" -- "$E" dict lint "$T/dict"
has "$T/err" "x.txt:3: duplicate" "lint message"
expect_rc 0 "dict lint on the shipped dictionaries" -- "$E" dict lint
expect_rc 0 "dict info" -- "$E" dict info
has "$T/out" "loaded in" "dict info load time"

# --- events: a bad pattern line names its file and line; pathological sentences stay linear
mkdir -p "$T/dict2/events"
printf '[country]\nRussie => RUS\n' >"$T/dict2/a.txt"
printf '[verb]\n@lang fr\nrencontrer => 040\nattaquer => 999\n' >"$T/dict2/events/v.txt"
expect_rc 3 "bad event pattern" -- "$E" code --dict "$T/dict2" "$T/act.jsonl"
has "$T/err" "events/v.txt:4: unknown CAMEO code '999'" "pattern error with file:line"
python3 - "$T" <<'PY'
import json, sys
t = sys.argv[1]
long = " ".join(["la Russie a attaqué l'Ukraine ,"] * 12500) + " ."          # 100,000 tokens
only = " ".join(["Russie Chine Iran Moscou Kremlin ONU"] * 17000) + "."     # only actors
with open(t + "/patho.jsonl", "w") as f:
    for i, s in enumerate((long, only)):
        f.write(json.dumps({"id": f"p{i}", "lang": "fr", "date": "2024-06-19", "text": s},
                           ensure_ascii=False) + "\n")
PY
start=$(date +%s)
expect_rc 0 "100,000-token sentence and a sentence of actors only" -- "$E" code "$T/patho.jsonl"
secs=$(( $(date +%s) - start ))
[ "$secs" -lt 60 ] && ok || ko "pathological sentences took ${secs}s"
has "$T/out" '"source":"RUS","target":"UKR","code":"190"' "long sentence coded"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
