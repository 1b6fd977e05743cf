#!/bin/sh
# scale_test.sh: coding with several threads gives byte for byte the output of one thread, in
# input order, from files and from a pipe; nothing on standard error when it is not a
# terminal; the same store with ingest -j 1 and -j 3; with MPI (when mpirun is installed),
# `mpirun -np 2|3 entente code --mpi` (the ranks read spans of the input's bytes) gives the output
# of -j 1.
# usage: scale_test.sh ENTENTE ROOT
set -u
E=$1
ROOT=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/entente-scale.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
fails=0
n=0
check() { name=$1; shift; n=$((n + 1)); if "$@"; then echo "ok $n - $name"; else echo "not ok $n - $name"; fails=$((fails + 1)); fi; }

# a corpus of real text: the examples' paragraphs and the timeline, 3,000 documents with
# distinct ids and dates, one of them bad JSON and one in German (identified, not coded)
python3 "$ROOT/tests/example_corpus.py" "$ROOT" "$T/corpus.jsonl" 3000 s 40 \
    --insert 1234 '{"id": "broken", "text": ' \
    --insert 2000 '{"id": "de", "text": "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen."}'
"$E" code -j 1 "$T/corpus.jsonl" >"$T/j1" 2>"$T/e1"
rc1=$?
"$E" code -j 2 "$T/corpus.jsonl" >"$T/j2" 2>"$T/e2"
rc2=$?
"$E" code -j 5 "$T/corpus.jsonl" >"$T/j5" 2>"$T/e5"
check "-j 1 codes the corpus (and reports the bad line: exit 1)" sh -c "[ $rc1 -eq 1 ] && [ \$(wc -l <'$T/j1') -gt 5000 ]"
check "-j 2: byte for byte the output of -j 1" cmp -s "$T/j1" "$T/j2"
check "-j 5: byte for byte the output of -j 1" cmp -s "$T/j1" "$T/j5"
check "-j 2: the same exit code and messages" sh -c "[ $rc2 -eq $rc1 ] && cmp -s '$T/e1' '$T/e2'"
check "stderr has only the bad line's message (no progress when not a terminal)" sh -c "[ \$(wc -l <'$T/e2') -eq 1 ] && grep -q 'corpus.jsonl:1235:' '$T/e2'"
cat "$T/corpus.jsonl" | "$E" code -j 2 >"$T/pipe" 2>/dev/null
check "a pipe as input, -j 2: the same output" cmp -s "$T/j1" "$T/pipe"
"$E" code -j 2 --format tsv "$T/corpus.jsonl" >"$T/t2" 2>/dev/null
"$E" code -j 1 --format tsv "$T/corpus.jsonl" >"$T/t1" 2>/dev/null
check "-j 2 --format tsv: the same as -j 1" cmp -s "$T/t1" "$T/t2"
"$E" code -j 2 -o "$T/o2" "$T/corpus.jsonl" >"$T/o2.stdout" 2>/dev/null
check "-o FILE: the output of -j 1 in FILE, nothing on standard output" sh -c "cmp -s '$T/j1' '$T/o2' && [ ! -s '$T/o2.stdout' ]"
"$E" code -o "$T/nodir/x" "$T/corpus.jsonl" >/dev/null 2>"$T/oe"
check "-o into a missing directory: an error naming the file" sh -c "[ $? -ne 0 ] && grep -q 'nodir/x' '$T/oe'"
"$E" ingest -j 1 --db "$T/i1.db" "$T/corpus.jsonl" >/dev/null 2>&1
"$E" ingest -j 3 --db "$T/i3.db" "$T/corpus.jsonl" >/dev/null 2>&1
"$E" events --db "$T/i1.db" --dedup none --format tsv --limit 100000 >"$T/s1"
"$E" events --db "$T/i3.db" --dedup none --format tsv --limit 100000 >"$T/s3"
check "ingest -j 3: the same store as -j 1" sh -c "cmp -s '$T/s1' '$T/s3' && [ \$(wc -l <'$T/s1') -gt 1000 ]"

if command -v mpirun >/dev/null 2>&1 && "$E" code --help | grep -q -- --mpi; then
    MPI="mpirun -np 2 --oversubscribe"
    [ "$(id -u)" -eq 0 ] && MPI="$MPI --allow-run-as-root"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0 $MPI "$E" code --mpi "$T/corpus.jsonl" >"$T/m2" 2>"$T/me"
    check "mpirun -np 2 entente code --mpi: the output of -j 1" cmp -s "$T/j1" "$T/m2"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0 $MPI "$E" code --mpi -o "$T/m2o" "$T/corpus.jsonl" >"$T/m2o.stdout" 2>/dev/null
    check "mpirun -np 2 entente code --mpi -o FILE: the output of -j 1 in FILE" sh -c "cmp -s '$T/j1' '$T/m2o' && [ ! -s '$T/m2o.stdout' ]"
    # three ranks: the bad line (1235) falls in the second rank's span of bytes; it reports it
    # once, with its line number counted from the top of the file
    MPI3=$(echo "$MPI" | sed 's/-np 2/-np 3/')
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0 $MPI3 "$E" code --mpi "$T/corpus.jsonl" >"$T/m3r" 2>"$T/me3"
    rc3=$?
    check "mpirun -np 3: the output of -j 1, and exit 1 for the bad line" sh -c "cmp -s '$T/j1' '$T/m3r' && [ $rc3 -ne 0 ]"
    check "mpirun -np 3: the bad line reported once, as corpus.jsonl:1235" sh -c "[ \$(grep -c 'corpus.jsonl:' '$T/me3') -eq 1 ] && grep -q 'corpus.jsonl:1235:' '$T/me3'"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0 $MPI "$E" code --mpi "$T/corpus.jsonl" "$ROOT/docs/examples" >"$T/m3" 2>/dev/null
    "$E" code -j 1 "$T/corpus.jsonl" "$ROOT/docs/examples" >"$T/j1b" 2>/dev/null
    check "--mpi with several inputs: the output of -j 1" cmp -s "$T/j1b" "$T/m3"
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=0 $MPI "$E" code --mpi "$T/nonexistent.jsonl" >/dev/null 2>"$T/mf"
    check "--mpi: a failing rank fails the run with its message" sh -c "[ $? -ne 0 ] && grep -q nonexistent '$T/mf'"
else
    echo "# mpirun or --mpi absent: MPI checks skipped"
fi
echo "$n tests, $fails failed"
[ $fails -eq 0 ]
