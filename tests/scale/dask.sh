#!/bin/sh
# A Dask distributed cluster on loopback (LocalCluster on 127.0.0.1, two
# worker processes) maps the parts through tests/scale/dask_map.py and
# merges them: the bytes of one run, partial and report. Skipped (77)
# without python3-distributed.
. "$(dirname "$0")/lib.sh"
py=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import distributed' 2>/dev/null; then
    py=$p
    break
  fi
done
if [ -z "$py" ]; then
  echo "SKIP: Python's distributed module is missing (Debian package python3-distributed)"
  exit 77
fi
split_corpus 4
timeout 300 "$py" "$root/tests/scale/dask_map.py" --workers 2 "$bin" "$work/merged.tnp" \
  "$work"/part-*.jsonl 2>"$work/dask.err" ||
  { tail -n 30 "$work/dask.err" >&2; fail "the Dask run failed"; }
grep -q 'dask_map: 4 parts on 2 workers (tcp://127.0.0.1:' "$work/dask.err" ||
  { cat "$work/dask.err" >&2; fail "not run on two loopback workers"; }
same "$work/merged.tnp" "$work/one.tnp" "partials merged after the Dask run"
"$bin" merge --report --top 50 --format csv --table groups "$work/merged.tnp" >"$work/m.csv"
same "$work/m.csv" "$work/one.csv" "report of the Dask run"
echo "dask: ok"
