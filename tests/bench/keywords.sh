#!/bin/sh
# Keywords benchmark: the `keywords` report end to end (load, tokenize,
# build the token store, count, DP, keyness, collocations, KWIC, write the
# text report) on a generated JSON Lines corpus, next to the classic shell
# pipeline
#   tr -cs '[:alpha:]' '\n' | sort | uniq -c | sort -rn
# on the same file in the same run (so the ratio means something on any
# machine), medians of several runs, and the peak resident memory per MB of
# input. The pipeline runs with LC_ALL=C, its fastest setting (byte
# comparisons in sort); it also tokenizes far worse (no numbers, no
# compounds with hyphens, no accents in C locale, JSON keys counted).
#
# Usage: tests/bench/keywords.sh [TUSSEN [SIZE_MB [RUNS]]]
#   TUSSEN   the binary (default: build/tussen; use an optimised build)
#   SIZE_MB  corpus size (default 100), made by gen-keywords-jsonl.sh
#            (Zipf vocabulary of about 200,000 words) into $TUSSEN_BENCH_DIR
#            (default: a temporary directory, removed afterwards)
#   RUNS     runs per command (default 5)
# Target (issue 5): tussen at least 10x faster than the pipeline.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-build/tussen}
size=${2:-100}
runs=${3:-5}
[ -x "$bin" ] || { echo "keywords.sh: no binary at $bin; run make first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "keywords.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

dir=${TUSSEN_BENCH_DIR:-}
cleanup=
if [ -z "$dir" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-kwbench.XXXXXX")
  cleanup=$dir
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT
file=$dir/keywords-${size}mb.jsonl
if [ ! -s "$file" ]; then
  echo "generating $size MB of Dutch-like JSONL ..." >&2
  sh "$here/gen-keywords-jsonl.sh" "$size" >"$file"
fi
bytes=$(wc -c <"$file")
cat "$file" >/dev/null # warm the page cache for every contender

. "$here/measure.sh"

export TUSSEN_SCRIPTS="$root/scripts"
set -- $(measure "$bin" run -q keywords "$file"); t_kw=$1 c_kw=$2 rss_kw=$3
set -- $(measure sh -c 'LC_ALL=C tr -cs "[:alpha:]" "\n" < "$1" | LC_ALL=C sort |
  LC_ALL=C uniq -c | LC_ALL=C sort -rn' sh "$file"); t_sh=$1 c_sh=$2

LC_ALL=C awk -v bytes="$bytes" -v runs="$runs" -v tk="$t_kw" -v ts="$t_sh" \
  -v ck="$c_kw" -v cs="$c_sh" -v rss="$rss_kw" \
  -v cores="$(nproc 2>/dev/null || echo '?')" \
  -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" '
BEGIN {
  mb = bytes / 1048576
  printf "corpus: %.1f MB of JSON Lines; median of %d runs; %s cores, load average %s\n", mb, runs, cores, load
  printf "  tussen run keywords      wall %7.3f s (%6.1f MB/s)  cpu %7.3f s  peak RSS %.1f MB (%.2f MB per MB of input)\n", tk, mb / tk, ck, rss / 1024, rss / 1024 / mb
  printf "  tr | sort | uniq | sort  wall %7.3f s (%6.1f MB/s)  cpu %7.3f s\n", ts, mb / ts, cs
  printf "  ratio: tussen is %.1fx faster by wall time, %.1fx by CPU time (target: 10x)\n", ts / tk, cs / ck
}'
