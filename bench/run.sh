#!/usr/bin/env bash
# `npm run bench`: diffsec against a parse-and-walk floor and Bandit on real OpenStack code
# (Debian's nova and ironic, non-test files). See docs/performance.md.
#
# Every sample is one process run under /usr/bin/time (wall seconds, peak RSS, and CPU seconds
# user + sys of the whole process tree: on a shared machine CPU time says more than wall time). Tools and corpora
# are interleaved round-robin, the starting tool rotating each round, so machine drift hits all
# of them alike; the report takes medians. Raw samples: bench/.cache/results.json.
#
# Environment: BENCH_ROUNDS (default 5), BENCH_CORPORA (default "ironic nova"), BENCH_DIFFSEC (the
# diffsec command, default "node bin/diffsec.js"; point it at another build to compare), BENCH_RULES
# (where that build's bundled rules are, for the report; default rules/), BENCH_BASELINE (a second
# diffsec scan command run as a fourth tool, e.g. an earlier build's `node OLD/bin/diffsec.js scan`:
# the report gives diffsec's time over it, the bound issue 11 sets at 1.25x), BENCH_CONFIG (a
# --config file for diffsec, e.g. one enabling every rule; the baseline runs its own defaults).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cache="bench/.cache"
rounds="${BENCH_ROUNDS:-5}"
read -r -a corpora <<< "${BENCH_CORPORA:-ironic nova}"
tools=(diffsec floor bandit)
baseline="${BENCH_BASELINE:-}"
[[ -n "$baseline" ]] && tools+=(baseline)
config_option=""
[[ -n "${BENCH_CONFIG:-}" ]] && config_option="--config $(realpath "$BENCH_CONFIG")"

bash bench/fetch-corpus.sh

if [[ ! -x /usr/bin/time ]]; then
  echo "bench: installing GNU time (apt package time)" >&2
  apt-get install -y time >&2 || { apt-get update >&2 && apt-get install -y time >&2; }
fi
if ! command -v bandit > /dev/null; then
  echo "bench: installing Bandit (apt package bandit)" >&2
  apt-get install -y bandit >&2 || { apt-get update >&2 && apt-get install -y bandit >&2; }
fi
diffsec="${BENCH_DIFFSEC:-node bin/diffsec.js}"
if [[ -z "${BENCH_DIFFSEC:-}" ]]; then
  if [[ ! -f dist/src/cli/main.js ]]; then
    echo "bench: dist/ missing; running npm run build" >&2
    npm run build >&2
  elif [[ -n "$(find src -newer dist/src/cli/main.js -type f -print -quit)" ]]; then
    echo "bench: warning: src/ changed since dist/ was built; run npm run build for current figures" >&2
  fi
fi

# The command for one tool on one corpus directory; its output goes to /dev/null.
command_for() {
  local tool="$1" dir="$2" out="${3:-/dev/null}"
  case "$tool" in
    diffsec) echo "$diffsec scan $dir --no-cache $config_option --format json --output $out" ;;
    baseline) echo "$baseline $dir --format json --output $out" ;;
    floor) echo "node bench/floor.mjs $dir" ;;
    bandit) echo "bandit -r -q -f json -o $out $dir" ;;
  esac
}

# Exit codes that mean "ran fine": diffsec and Bandit exit 1 when they report findings, but a crash
# (Node's uncaught error, Python's traceback) exits 1 too; so the check run must leave a fresh,
# valid JSON report, and every timed run must exit as its check run did, without a stack trace.
accepts() {
  local tool="$1" code="$2"
  [[ "$code" == 0 ]] || { [[ "$code" == 1 && "$tool" != floor ]]; }
}
crashed() {
  grep -qE '^Traceback |^    at |^Node\.js v|^Error( \[|:)' "$1"
}
valid_json() {
  node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$1" 2> /dev/null
}
declare -A expected_code

samples="$cache/samples.tsv"
checks="$cache/checks"
: > "$samples"
mkdir -p "$checks"

# One untimed run of each tool per corpus: warms the page cache and the build, and records what each
# tool saw (files, lines, findings) so the table can show they all scanned the same corpus.
for corpus in "${corpora[@]}"; do
  dir="$cache/corpus/$corpus"
  for tool in "${tools[@]}"; do
    out="$checks/$tool-$corpus.json"
    rm -f "$out"
    set +e
    if [[ "$tool" == floor ]]; then
      node bench/floor.mjs "$dir" > "$out" 2> "$checks/$tool-$corpus.err"
    else
      $(command_for "$tool" "$dir" "$out") > /dev/null 2> "$checks/$tool-$corpus.err"
    fi
    code=$?
    set -e
    if ! accepts "$tool" "$code" || crashed "$checks/$tool-$corpus.err" || ! valid_json "$out"; then
      echo "bench: $tool on $corpus failed (exit $code, report ${out#"$root/"} missing or invalid):" >&2
      tail -n 20 "$checks/$tool-$corpus.err" >&2
      exit 1
    fi
    expected_code["$tool-$corpus"]=$code
  done
done

echo "bench: $rounds rounds x ${#corpora[@]} corpora x ${#tools[@]} tools, interleaved" >&2
started=$SECONDS
for ((round = 1; round <= rounds; round++)); do
  for corpus in "${corpora[@]}"; do
    dir="$cache/corpus/$corpus"
    for ((k = 0; k < ${#tools[@]}; k++)); do
      tool="${tools[$(((k + round - 1) % ${#tools[@]}))]}"  # the first tool rotates each round
      timing="$cache/time.txt"
      set +e
      /usr/bin/time -f '%e %M %U %S' -o "$timing" $(command_for "$tool" "$dir") > /dev/null 2> "$cache/stderr.txt"
      code=$?
      set -e
      if [[ "$code" != "${expected_code["$tool-$corpus"]}" ]] || crashed "$cache/stderr.txt"; then
        echo "bench: $tool on $corpus failed in round $round (exit $code; the check run exited ${expected_code["$tool-$corpus"]}):" >&2
        tail -n 20 "$cache/stderr.txt" >&2
        exit 1
      fi
      # time(1) may write "Command exited with non-zero status 1" first; the figures are the last line.
      read -r wall rss user sys < <(tail -n 1 "$timing")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$corpus" "$tool" "$wall" "$rss" "$code" "$user" "$sys" >> "$samples"
      printf 'bench: round %d/%d %-6s %-7s %6ss %7s KB cpu %ss+%ss\n' "$round" "$rounds" "$corpus" "$tool" "$wall" "$rss" "$user" "$sys" >&2
    done
  done
done
echo "bench: timed runs took $((SECONDS - started)) s" >&2

node bench/summarize.mjs "$samples" "$checks" "$cache/results.json"
