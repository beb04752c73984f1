#!/usr/bin/env bash
# Checks that diffsec installs and runs outside its checkout, as a new user would:
#   npm pack  ->  npm install -g <tarball> into a fresh prefix  ->  diffsec scan / npx diffsec
#   in a fresh git repository holding one finding.
# Too slow for the test suite (the pack builds dist/, the install resolves ~130 packages), so it
# is run by hand or in CI:  bash scripts/check-install.sh   (exit 0 when every step passed).
# NPM_INSTALL_FLAGS adds install flags, e.g. --offline when the npm cache holds every package.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '== %s\n' "$*"; }

step "npm pack (runs prepare: the build)"
tarball=$(cd "$here" && npm pack --silent --pack-destination "$work")
tar -tzf "$work/$tarball" > "$work/listing"
for needed in package/bin/diffsec.js package/dist/cli.js package/dist/scan-thread.js package/dist/action.js package/dist/src/cli/main.js package/dist/src/action/main.js package/dist/bundled-rules.json package/rules/; do
  grep -q "^$needed" "$work/listing" || { echo "missing from the package: $needed"; exit 1; }
done

step "npm install -g $tarball into a fresh prefix"
start=$(date +%s)
npm install -g --prefix "$work/prefix" --prefer-offline --no-audit --no-fund ${NPM_INSTALL_FLAGS:-} "$work/$tarball" > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; exit 1; }
echo "installed in $(( $(date +%s) - start )) s"

step "diffsec scan in a fresh repository"
repo="$work/repo"
mkdir -p "$repo/app"
printf 'import subprocess\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n' > "$repo/app/run.py"
git -C "$repo" init -q && git -C "$repo" add . && git -C "$repo" -c user.name=t -c user.email=t@t commit -qm init
export PATH="$work/prefix/bin:$PATH"
"$work/prefix/bin/diffsec" --version
set +e
(cd "$repo" && diffsec scan app/run.py > "$work/scan.txt"); code=$?
set -e
cat "$work/scan.txt"
[ "$code" = 1 ] && grep -q 'DS101' "$work/scan.txt" || { echo "expected DS101 and exit 1, got exit $code"; exit 1; }

step "npx diffsec (the global install) in the repository"
set +e
(cd "$repo" && npm_config_prefix="$work/prefix" npx --no-install diffsec scan --format sarif . > "$work/scan.sarif"); code=$?
set -e
[ "$code" = 1 ] && grep -q '"uri": "app/run.py"' "$work/scan.sarif" || { echo "npx diffsec: expected a SARIF finding in app/run.py, got exit $code"; exit 1; }
echo "install check passed"
