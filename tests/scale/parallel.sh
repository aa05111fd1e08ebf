#!/bin/sh
# The README recipe with GNU parallel (local job slots): map the parts in
# parallel, merge, and get the bytes of one run, partial and report.
. "$(dirname "$0")/lib.sh"
if ! command -v parallel >/dev/null 2>&1; then
  echo "SKIP: GNU parallel is not installed (Debian package parallel)"
  exit 77
fi
split_corpus 4
ls "$work"/part-*.jsonl | parallel --will-cite -j2 "'$bin' map -q {} > {.}.tnp"
"$bin" merge "$work"/part-*.tnp >"$work/merged.tnp"
same "$work/merged.tnp" "$work/one.tnp" "partials merged after GNU parallel"
"$bin" merge --report --top 50 --format csv --table groups "$work"/part-*.tnp >"$work/m.csv"
same "$work/m.csv" "$work/one.csv" "report of the GNU parallel run"
# the --sshlogin form of the recipe, with ":" (this machine, 2 slots)
# standing in for user@host: the same command line as across machines
rm -f "$work"/part-*.tnp
ls "$work"/part-*.jsonl | parallel --will-cite --sshlogin 2/: "'$bin' map -q {} > {.}.tnp"
"$bin" merge "$work"/part-*.tnp >"$work/merged2.tnp"
same "$work/merged2.tnp" "$work/one.tnp" "partials merged after parallel --sshlogin"
echo "parallel: ok"
