#!/bin/sh
# Runs the argument engine over one part of tests/data/arguments/ (tune, heldout or held2) with the real
# binary in its sandbox: joins the part's case files into one file and scores it
# (tests/lua/arguments-cases.lua), failing when a score drops below the given floors.
# Usage: arguments-cases.sh TUSSEN PART UNITS_F1 RELATIONS_F1 MAIN_ACCURACY
set -eu
[ $# -eq 5 ] || { echo "usage: $0 TUSSEN PART UNITS_F1 RELATIONS_F1 MAIN" >&2; exit 2; }
bin=$1 part=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=$root/tests/data/arguments/$part
[ -d "$dir" ] || { echo "$0: no case directory $dir" >&2; exit 2; }
tmp=$(mktemp "${TMPDIR:-/tmp}/tussen-arguments.XXXXXX")
trap 'rm -f "$tmp"' EXIT
for f in "$dir"/*.txt; do
  printf '=== %s\n' "$(basename "$f" .txt)"
  cat "$f"
done >"$tmp"
cd "$root"
TUSSEN_SCRIPTS=$root/scripts "$bin" run -q tests/lua/arguments-cases.lua \
  --arg cases="$tmp" --arg part="$part" --arg units_f1="$3" \
  --arg relations_f1="$4" --arg main="$5" --arg verbose=true corpus/streetwise
