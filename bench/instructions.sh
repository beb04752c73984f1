#!/usr/bin/env bash
# Instructions, not seconds: runs two scan commands over one corpus under valgrind's cachegrind
# (`--cache-sim=no`: instruction counts only) side by side and prints each one's instruction count
# and their ratio, with the functions that differ most. On a shared VM, where a run's wall and CPU
# time move by ±20% from one minute to the next, the count moves by well under 1% between runs of
# one build, so a change of a few percent can be read from one pair. It counts every thread of the
# process (V8's compiler threads too) and weighs every instruction alike (a cache miss costs more
# than it counts): a check beside `npm run bench`, not a replacement. About 2 minutes for ironic.
#
# Usage: bash bench/instructions.sh "A command" "B command" [CORPUS]
#   e.g. bash bench/instructions.sh "env DIFFSEC_JOBS=1 node /tmp/preflow/bin/diffsec.js scan" \
#          "node bin/diffsec.js scan --no-cache --config bench/rule-sets/every-rule.yml" ironic
# Each command is run as `COMMAND bench/.cache/corpus/CORPUS --format json --output /dev/null`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
a="${1:?usage: bash bench/instructions.sh \"A command\" \"B command\" [CORPUS]}"
b="${2:?usage: bash bench/instructions.sh \"A command\" \"B command\" [CORPUS]}"
corpus="${3:-ironic}"
bash bench/fetch-corpus.sh >&2
if ! command -v valgrind > /dev/null; then
  echo "instructions: installing valgrind (apt package valgrind)" >&2
  apt-get install -y valgrind >&2 || { apt-get update >&2 && apt-get install -y valgrind >&2; }
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

run() {
  local name="$1" command="$2"
  # shellcheck disable=SC2086 # the command is words on purpose
  # Children traced (a command may start with `env`, or fork scanners): each process writes its
  # own counts, added up below.
  valgrind --tool=cachegrind --cache-sim=no --trace-children=yes --cachegrind-out-file="$out/$name.%p.cg" \
    $command "bench/.cache/corpus/$corpus" --format json --output /dev/null > "$out/$name.log" 2>&1 || {
    # diffsec exits 1 when it reports findings; anything else is a failure.
    local code=$?
    [[ $code -eq 1 ]] || { echo "instructions: $name failed ($code):" >&2; tail -5 "$out/$name.log" >&2; exit 1; }
  }
  cg_merge -o "$out/$name.cg" "$out/$name".*.cg
}
run a "$a" & pid=$!
run b "$b"
wait "$pid"

# Totals from valgrind's summary line, and the functions whose counts differ most (JIT-compiled
# JavaScript shows as ???).
node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const dir = process.argv[2];
// One summary line per process (an `env` in front execs the scanner: two).
const total = (name) => [...readFileSync(`${dir}/${name}.log`, 'utf8').matchAll(/I\s+refs:\s+([\d,]+)/g)].reduce((sum, m) => sum + Number(m[1].replace(/,/g, '')), 0);
const byFunction = (name) => {
  const text = execFileSync('cg_annotate', [`${dir}/${name}.cg`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = new Map();
  for (const line of text.split('\n')) {
    const m = /^\s*([\d,]+) \([^)]*\)\s+(.+)$/.exec(line);
    if (m && m[2] !== 'PROGRAM TOTALS') out.set(m[2], (out.get(m[2]) ?? 0) + Number(m[1].replace(/,/g, '')));
  }
  return out;
};
const [ia, ib] = [total('a'), total('b')];
const g = (n) => `${(n / 1e9).toFixed(2)} G`;
console.log(`A ${g(ia)}, B ${g(ib)} instructions: B/A ${(ib / ia).toFixed(3)}`);
const [fa, fb] = [byFunction('a'), byFunction('b')];
const rows = [...new Set([...fa.keys(), ...fb.keys()])].map((f) => [f, fa.get(f) ?? 0, fb.get(f) ?? 0]);
rows.sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]));
console.log('functions that differ most (A, B, millions of instructions):');
for (const [f, a, b] of rows.slice(0, 12)) console.log(`${(a / 1e6).toFixed(0).padStart(8)} ${(b / 1e6).toFixed(0).padStart(8)}  ${f.slice(0, 100)}`);
JS
