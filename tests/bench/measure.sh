# measure.sh: the timing loop the benchmarks share (sourced, not run).
# Set $runs (how many runs) and $dir (a scratch directory) first; set
# $measure_out to keep the command's stdout (default: /dev/null).
# `measure CMD ARG...` runs the command $runs times and prints
# "median_wall_seconds median_cpu_seconds peak_rss_kb". CPU is user + system
# of the command and its children: on a busy machine the steadier number.

now_ns() { date +%s%N; }

measure() {
  times=
  cpus=
  rss=0
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(now_ns)
    /usr/bin/time -f '%M %U %S' -o "$dir/rss" "$@" >"${measure_out:-/dev/null}" 2>"$dir/err" ||
      { cat "$dir/err" >&2; echo "${0##*/}: failed: $*" >&2; exit 1; }
    t1=$(now_ns)
    times="$times $((t1 - t0))"
    line=$(tail -n 1 "$dir/rss")
    r=${line%% *}
    [ "$r" -gt "$rss" ] && rss=$r
    cpus="$cpus $(echo "$line" | awk '{ printf "%d", ($2 + $3) * 1000 }')"
    i=$((i + 1))
  done
  wall=$(printf '%s\n' $times | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] / 1e9 }')
  cpu=$(printf '%s\n' $cpus | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] / 1e3 }')
  echo "$wall $cpu $rss"
}
