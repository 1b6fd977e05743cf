#!/bin/sh
# readme_examples.sh: runs every ```console block of README.md and compares the output.
# A line starting with "$ " is a command (run by sh with entente on PATH); the lines after it,
# up to the next command or the end of the block, are its expected standard output.
# usage: readme_examples.sh ENTENTE README.md
set -u
E=$1
README=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/entente-readme.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/bin"
ln -s "$(readlink -f "$E")" "$T/bin/entente"
python3 - "$README" "$T" <<'PY'
import os, subprocess, sys
readme, tmp = sys.argv[1], sys.argv[2]
env = dict(os.environ, PATH=tmp + "/bin:" + os.environ["PATH"])
examples, block, cmd, out = [], False, None, []
for n, line in enumerate(open(readme, encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if line.startswith("```"):
        if block and cmd: examples.append((cmd, out))
        block = line == "```console" and not block
        cmd, out = None, []
        continue
    if not block: continue
    if line.startswith("$ "):
        if cmd: examples.append((cmd, out))
        cmd, out = (n, line[2:]), []
    else:
        out.append(line)
failed = 0
# commands run in the temporary folder, where docs/ is the repository's (stores made by the
# examples land there and are removed with it)
os.symlink(os.path.join(os.path.dirname(os.path.abspath(readme)), "docs"), os.path.join(tmp, "docs"))
for (n, c), want in examples:
    got = subprocess.run(["sh", "-c", c], capture_output=True, text=True, env=env, cwd=tmp).stdout
    if got.rstrip("\n").split("\n") != want:
        failed += 1
        print(f"{readme}:{n}: output differs for: {c}\n  want: {want}\n  got:  {got.splitlines()}")
print(f"{len(examples) - failed} passed, {failed} failed")
sys.exit(1 if failed or not examples else 0)
PY
