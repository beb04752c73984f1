#!/usr/bin/env bash
# Fetches the benchmark corpus: real OpenStack code from Debian's python3-nova, python3-ironic and
# python3-cinder packages (downloaded with `apt-get download`, unpacked with `dpkg -x`; nothing is installed).
#
# Result: bench/.cache/corpus/{cinder,ironic,nova}/ holding only the non-test .py files (every .py under
# usr/lib/python3/dist-packages/<pkg>/ except those inside a tests/ directory), so diffsec, the
# floor and Bandit all see exactly the same files. Idempotent: a corpus already present is kept.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="$here/.cache"
mkdir -p "$cache/debs" "$cache/corpus"

fetch() {
  local pkg="$1" name="$2"
  local dest="$cache/corpus/$name"
  if [[ -f "$dest/.complete" ]]; then
    return 0
  fi
  local deb
  deb="$(ls "$cache/debs/${pkg}_"*.deb 2>/dev/null | head -n1 || true)"
  if [[ -z "$deb" ]]; then
    echo "fetch-corpus: downloading $pkg" >&2
    if ! (cd "$cache/debs" && apt-get download "$pkg" >&2); then
      echo "fetch-corpus: download failed; running apt-get update and retrying" >&2
      apt-get update >&2
      (cd "$cache/debs" && apt-get download "$pkg" >&2)
    fi
    deb="$(ls "$cache/debs/${pkg}_"*.deb | head -n1)"
  fi
  local root="$cache/root/$pkg"
  rm -rf "$root" "$dest"
  mkdir -p "$root"
  dpkg -x "$deb" "$root"
  local src="$root/usr/lib/python3/dist-packages/$name"
  [[ -d "$src" ]] || { echo "fetch-corpus: $src not found in $deb" >&2; exit 1; }
  mkdir -p "$dest"
  # Keep the package path (nova/..., ironic/...) so findings read like real paths.
  (cd "$root/usr/lib/python3/dist-packages" &&
    find "$name" -type f -name '*.py' -not -path '*/tests/*' -print0 |
    xargs -0 cp --parents -t "$dest")
  rm -rf "$root"
  rmdir "$cache/root" 2> /dev/null || true
  basename "$deb" > "$dest/.complete"
}

fetch python3-ironic ironic
fetch python3-nova nova
fetch python3-cinder cinder

for name in cinder ironic nova; do
  dir="$cache/corpus/$name"
  files=$(find "$dir" -type f -name '*.py' | wc -l)
  lines=$(find "$dir" -type f -name '*.py' -print0 | xargs -0 cat | wc -l)
  echo "fetch-corpus: $name: $files files, $lines lines ($(cat "$dir/.complete"))" >&2
done
