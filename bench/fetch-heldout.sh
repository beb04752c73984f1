#!/usr/bin/env bash
# Builds a held-out corpus for `node bench/noise-audit.mjs SEED --heldout [LIST]`: for each repository
# and commit in LIST (default bench/heldout.txt), the commit's .py files outside test folders (any
# path segment `tests` or `test`), copied with `git archive` from a clone (or bare mirror) in
# CLONES/<repo> (the same clones bench/advisory-replay.mjs reads; nothing here touches the network).
#
# Usage: bash bench/fetch-heldout.sh CLONES [LIST]
# Result: bench/.cache/<LIST's name>/<repo>/ (heldout/, heldout-2/) and a .complete file naming the
# commit. Idempotent.
set -euo pipefail

clones="${1:?usage: bash bench/fetch-heldout.sh CLONES [LIST]}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
list="${2:-$here/heldout.txt}"
dest_root="$here/.cache/$(basename "$list" .txt)"
mkdir -p "$dest_root"

grep -v '^#' "$list" | while read -r repo commit; do
  [[ -n "$repo" ]] || continue
  dest="$dest_root/$repo"
  if [[ -f "$dest/.complete" && "$(cat "$dest/.complete")" == "$commit" ]]; then
    continue
  fi
  [[ -d "$clones/$repo" ]] || { echo "fetch-heldout: no clone at $clones/$repo" >&2; exit 1; }
  echo "fetch-heldout: $repo at ${commit:0:10}" >&2
  rm -rf "$dest"
  mkdir -p "$dest"
  # Only the Python files: a mirror may lack large blobs of other files.
  git -C "$clones/$repo" archive --format=tar "$commit" -- ':(glob)**/*.py' | tar -x -C "$dest"
  # Keep only non-test Python: the audit, like the Debian corpus, reads what ships.
  # -mindepth 1: a project may itself be named `test` (StarlingX's test framework).
  find "$dest" -mindepth 1 -depth -type d \( -name tests -o -name test \) -exec rm -rf {} +
  find "$dest" -type f ! -name '*.py' -delete
  # A symbolic link is no file of its own (StarlingX links scripts across folders, some dangling).
  find "$dest" -type l -delete
  find "$dest" -type d -empty -delete
  mkdir -p "$dest"
  echo "$commit" > "$dest/.complete"
done
