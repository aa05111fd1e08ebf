#!/bin/sh
# The benchmark suite: every speed and memory number of the README in one
# reproducible run, on data it generates itself (tests/bench/gen-corpus.sh),
# each next to a baseline timed in the same run on the same file, so the
# ratios mean something on any machine:
#   tokenizer MB/s            tussen tokenize   vs  wc -w  (and ucto -L nld)
#   keywords report MB/s      tussen run keywords  vs
#                             tr -cs '[:alpha:]' '\n' | sort | uniq -c | sort -rn
#   stance, arguments docs/s  tussen run stance|arguments  vs  wc -w
#   map (counting, streamed)  tussen map, --jobs 1 and 2  vs  the pipeline
#   peak memory per MB        GNU time's maximum RSS / input size
#   start-up                  tussen run overview on the bundled corpus  vs  wc -w
# Times are medians of RUNS runs (hyperfine when installed, else a loop);
# the page cache is warmed first. Prints a Markdown table.
#
# Usage: tests/bench/run.sh [BUILD_DIR|TUSSEN [SIZE_MB [RUNS]]]
#   BUILD_DIR  a build directory holding tussen, or the binary (default: build);
#              use an optimised build
#   SIZE_MB    size of the generated corpus for tokenizer, keywords and map
#              (default 50; stance and arguments get SIZE_MB/10)
#   RUNS       runs per command (default 5)
# TUSSEN_BENCH_UD: a directory of CoNLL-U files whose text joins the
# sentence pool (optional). TUSSEN_BENCH_DIR: keep the data there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-build}
[ -d "$bin" ] && bin=$bin/tussen
size=${2:-50}
runs=${3:-5}
[ -x "$bin" ] || { echo "run.sh: no binary at $bin; run make first" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  echo "run.sh: needs GNU time (/usr/bin/time; Debian package time)" >&2
  exit 2
fi
export TUSSEN_SCRIPTS="$root/scripts"
dir=${TUSSEN_BENCH_DIR:-}
cleanup=
if [ -z "$dir" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-bench.XXXXXX")
  cleanup=$dir
fi
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT
small=$(( size / 10 > 0 ? size / 10 : 1 ))
gen() { # MODE SIZE -> file name
  f=$dir/bench-$2mb.$1
  [ -s "$f" ] || sh "$here/gen-corpus.sh" "$1" "$2" >"$f"
  echo "$f"
}
echo "generating $size MB of Dutch-like text ..." >&2
txt=$(gen txt "$size")
jsonl=$(gen jsonl "$size")
sjsonl=$(gen jsonl "$small")
cat "$txt" "$jsonl" "$sjsonl" >/dev/null

now_ns() { date +%s%N; }
# median_seconds and peak RSS (kB) of "$@" over $runs runs
measure() {
  rss=0
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 1 -r "$runs" --export-json "$dir/hf.json" "$(printf '%s ' "$@")" \
      >/dev/null 2>&1 || { echo "run.sh: failed: $*" >&2; echo "fail 0"; return 0; }
    med=$(sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$dir/hf.json" | head -n 1)
    /usr/bin/time -f '%M' -o "$dir/rss" "$@" >/dev/null 2>"$dir/err"
    rss=$(tail -n 1 "$dir/rss")
  else
    times=
    i=0
    while [ $i -lt "$runs" ]; do
      t0=$(now_ns)
      if ! /usr/bin/time -f '%M' -o "$dir/rss" "$@" >/dev/null 2>"$dir/err"; then
        # a failing command is a row that says so, not the end of the run
        echo "run.sh: failed: $*" >&2
        sed 's/^/  /' "$dir/err" | head -n 5 >&2
        echo "fail 0"
        return 0
      fi
      t1=$(now_ns)
      times="$times $((t1 - t0))"
      r=$(tail -n 1 "$dir/rss")
      [ "$r" -gt "$rss" ] && rss=$r
      i=$((i + 1))
    done
    med=$(printf '%s\n' $times | sort -n |
      awk '{ a[NR] = $1 } END { printf "%.6f", a[int((NR + 1) / 2)] / 1e9 }')
  fi
  echo "$med $rss"
}
mb() { LC_ALL=C awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }
docs() { wc -l <"$1" | tr -d ' '; }
pipeline='LC_ALL=C tr -cs "[:alpha:]" "\n" <"$1" | LC_ALL=C sort | LC_ALL=C uniq -c | LC_ALL=C sort -rn'

rows=$dir/rows
: >"$rows"
# row NAME UNIT SIZE TIME RSS BASE_NAME BASE_TIME: UNIT is MB or docs
row() {
  LC_ALL=C awk -v name="$1" -v unit="$2" -v n="$3" -v t="$4" -v rss="$5" \
    -v bname="$6" -v bt="$7" -v mbin="$8" 'BEGIN {
    if (t == "fail") {
      printf "| %s | failed (message on stderr) | | | %s | |\n", name, bname
      exit
    }
    rate = unit == "run" ? "" : sprintf("%.1f %s/s", n / t, unit)
    mem = rss <= 0 ? "" : unit == "run" ? sprintf("%.1f MB in all", rss / 1024) : sprintf("%.2f", rss / 1024 / mbin)
    r = bt / t
    ratio = r >= 0.95 ? sprintf("%.1fx faster", r) : sprintf("%.1fx slower", 1 / r)
    printf "| %s | %.3f s | %s | %s | %s | %s |\n", name, t, rate, mem,
      bname, ratio
  }' >>"$rows"
}

echo "timing (median of $runs runs each) ..." >&2
M=$(mb "$txt")
set -- $(measure wc -w "$txt"); t_wc=$1
set -- $(measure "$bin" tokenize --format tokens "$txt"); row "tussen tokenize" MB "$M" "$1" "$2" "wc -w $t_wc s" "$t_wc" "$M"
if command -v ucto >/dev/null 2>&1; then
  # Ucto is slow: a fiftieth of the text (at least 1 MB), both timed on it.
  head -c $(( (size / 50 > 0 ? size / 50 : 1) * 1048576 )) "$txt" >"$dir/ucto.txt"
  Mu=$(mb "$dir/ucto.txt")
  set -- $(measure "$bin" tokenize --format tokens "$dir/ucto.txt"); t_tu=$1
  set -- $(measure ucto -L nld -Q "$dir/ucto.txt" "$dir/ucto.out"); t_uc=$1
  row "tussen tokenize ($Mu MB)" MB "$Mu" "$t_tu" 0 "ucto -L nld $t_uc s" "$t_uc" "$Mu"
fi

J=$(mb "$jsonl")
set -- $(measure sh -c "$pipeline" sh "$jsonl"); t_pipe=$1
set -- $(measure "$bin" run -q keywords "$jsonl"); row "tussen run keywords" MB "$J" "$1" "$2" "tr\\|sort\\|uniq $t_pipe s" "$t_pipe" "$J"
set -- $(measure "$bin" map -q --jobs 1 "$jsonl"); row "tussen map --jobs 1" MB "$J" "$1" "$2" "tr\\|sort\\|uniq $t_pipe s" "$t_pipe" "$J"
set -- $(measure "$bin" map -q --jobs 2 "$jsonl"); row "tussen map --jobs 2" MB "$J" "$1" "$2" "tr\\|sort\\|uniq $t_pipe s" "$t_pipe" "$J"
set -- $(measure "$bin" corpus --check -q "$jsonl"); row "tussen corpus --check" MB "$J" "$1" "$2" "tr\\|sort\\|uniq $t_pipe s" "$t_pipe" "$J"

S=$(mb "$sjsonl")
D=$(docs "$sjsonl")
set -- $(measure wc -w "$sjsonl"); t_wcs=$1
for report in stance arguments; do
  set -- $(measure "$bin" run -q "$report" "$sjsonl")
  row "tussen run $report ($S MB)" docs "$D" "$1" "$2" "wc -w $t_wcs s" "$t_wcs" "$S"
done

sw=$root/corpus/streetwise
set -- $(measure wc -w "$sw/streetwise.jsonl"); t_wc0=$1
set -- $(measure "$bin" --version); row "start-up: tussen --version" run 1 "$1" "$2" "wc -w $t_wc0 s" "$t_wc0" 1
set -- $(measure "$bin" run -q overview "$sw"); row "start-up: run overview on corpus/streetwise" run 1 "$1" "$2" "wc -w $t_wc0 s" "$t_wc0" 1

cores=$(nproc 2>/dev/null || echo '?')
echo "Corpus: $J MB of generated JSON Lines ($(docs "$jsonl") documents), $M MB of text; $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'); median of $runs runs."
echo
echo "| Command | Median | Throughput | Peak RSS per MB of input | Baseline (same run) | Against the baseline |"
echo "| --- | --- | --- | --- | --- | --- |"
cat "$rows"
