#!/bin/sh
# Streaming benchmark: peak memory of `tussen map` and of the keywords
# report (JSON Lines read in batches, each text dropped once counted; the
# report keeps a token stream of 6 bytes a token up to --arg memory MB,
# the rest in a temporary file) on generated corpora of growing size, next
# to the keywords report on the same corpus loaded whole (given as a
# directory) on the smallest, and the slope: what each further GB of input
# costs in memory, so the need of a larger corpus can be read off.
#
# Usage: tests/bench/stream.sh [BUILD_DIR|TUSSEN [SIZE_MB...]]
#   default sizes 200 1000 (MB); the files are made by gen-corpus.sh into
#   $TUSSEN_BENCH_DIR (kept) or a temporary directory (removed).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-build}
[ -d "$bin" ] && bin=$bin/tussen
[ -x "$bin" ] || { echo "stream.sh: no binary at $bin; run make first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "stream.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
sizes=${*:-200 1000}
export TUSSEN_SCRIPTS="$root/scripts"
dir=${TUSSEN_BENCH_DIR:-}
cleanup=
if [ -z "$dir" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-stream.XXXXXX")
  cleanup=$dir
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT

# one run: prints "wall_s user_s peak_kb"
run() {
  /usr/bin/time -f '%e %U %M' -o "$dir/time" "$@" >/dev/null 2>"$dir/err" ||
    { cat "$dir/err" >&2; echo "stream.sh: failed: $*" >&2; exit 1; }
  tail -n 1 "$dir/time"
}
echo "| Command | Input MB | Documents | Wall s | CPU s | Peak RSS MB | RSS per MB of input |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
first=
: >"$dir/points"
for s in $sizes; do
  f=$dir/stream-${s}mb.jsonl
  [ -s "$f" ] || { echo "generating $s MB ..." >&2; sh "$here/gen-corpus.sh" jsonl "$s" >"$f"; }
  mb=$(LC_ALL=C awk -v b="$(wc -c <"$f")" 'BEGIN { printf "%.1f", b / 1048576 }')
  docs=$(wc -l <"$f" | tr -d ' ')
  for variant in "map -q --jobs 1" "map -q --jobs 1 --no-docs" "map -q --jobs 2" \
                 "run -q keywords" "run -q keywords --arg memory=64"; do
    set -- $(run "$bin" $variant "$f")
    LC_ALL=C awk -v c="tussen $variant" -v mb="$mb" -v d="$docs" -v w="$1" -v u="$2" -v k="$3" \
      'BEGIN { printf "| %s | %s | %s | %s | %s | %.1f | %.3f |\n", c, mb, d, w, u, k / 1024, k / 1024 / mb }'
    echo "$variant|$mb|$3" >>"$dir/points"
  done
  if [ -z "$first" ]; then
    first=$s
    mkdir -p "$dir/whole-$s"
    ln -sf "$f" "$dir/whole-$s/corpus.jsonl"
    set -- $(run "$bin" run -q keywords "$dir/whole-$s")
    LC_ALL=C awk -v mb="$mb" -v d="$docs" -v w="$1" -v u="$2" -v k="$3" \
      'BEGIN { printf "| tussen run keywords DIR (loaded whole) | %s | %s | %s | %s | %.1f | %.3f |\n", mb, d, w, u, k / 1024, k / 1024 / mb }'
  fi
done
echo
# slope between the smallest and the largest size, per variant
LC_ALL=C awk -F'|' '
  { if (!($1 in lo)) { lo[$1] = $2; rlo[$1] = $3; order[++n] = $1 } hi[$1] = $2; rhi[$1] = $3 }
  END {
    for (i = 1; i <= n; i++) {
      v = order[i]
      if (hi[v] == lo[v]) continue
      slope = (rhi[v] - rlo[v]) / 1024 / (hi[v] - lo[v])   # MB of RSS per MB of input
      at5 = rhi[v] / 1024 + slope * (5120 - hi[v])
      printf "tussen %s: %+.1f MB of RSS per GB of input beyond %s MB; a 5 GB corpus would peak near %.0f MB\n", v, slope * 1024, lo[v], at5
    }
  }' "$dir/points"
