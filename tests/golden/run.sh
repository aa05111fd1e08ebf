#!/bin/sh
# Golden test runner: runs the commands of each .t file and compares their
# stdout, stderr and exit status with the expectations written in the file.
# The format is described in tests/golden/README.md.
#
# Usage: tests/golden/run.sh [--update] [--bin PATH/TO/tussen] FILE.t...
#   --bin     the tussen binary to test (default: build/tussen); it is put
#             first on PATH under the name `tussen`
#   --update  rewrite each FILE.t with the actual output (review the diff!)
# Exit status: 0 all passed, 1 a mismatch, 2 usage error, 77 skipped (only
# when every file given was skipped).
set -u

usage() {
  echo "usage: $0 [--update] [--bin PATH/TO/tussen] FILE.t..." >&2
  exit 2
}

update=0
bin=
while [ $# -gt 0 ]; do
  case $1 in
  --update) update=1; shift ;;
  --bin) [ $# -ge 2 ] || usage; bin=$2; shift 2 ;;
  --bin=*) bin=${1#--bin=}; shift ;;
  --) shift; break ;;
  -*) usage ;;
  *) break ;;
  esac
done
[ $# -gt 0 ] || usage

# The repository root: commands run from there, whatever the caller's cwd.
root=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
[ -n "$bin" ] || bin=$root/build/tussen
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x "$bin" ]; then
  echo "$0: no tussen binary at $bin; build first or pass --bin" >&2
  exit 2
fi

# Per-command time limit, so a hang fails the test instead of blocking CI.
limit=${TUSSEN_GOLDEN_TIMEOUT:-120}
if command -v timeout >/dev/null 2>&1; then
  run_limited() { timeout -k 5 "$limit" sh -c "$1"; }
else
  run_limited() { sh -c "$1"; }
fi

# Prefixes each line of file $2 with $1; a last line without a newline gets
# " (no-eol)" so the difference shows.
render() {
  [ -s "$2" ] || return 0
  LC_ALL=C sed -e "s/^/$1 /" -e "s/^$1 \$/$1/" "$2"
  if [ "$(tail -c 1 "$2" | od -An -c | tr -d ' ')" != '\n' ]; then
    printf ' (no-eol)\n'
  fi
}

# Replaces the scratch directory's path by $T so output is reproducible.
unscratch() {
  LC_ALL=C awk -v t="$T" '{
    out = ""; s = $0
    while ((i = index(s, t)) > 0) { out = out substr(s, 1, i - 1) "$T"; s = substr(s, i + length(t)) }
    print out s
  }'
}

run_command() {
  cmd=$1
  printf '%s\n' "$cmd" | sed -e '1s/^/$ /' -e '2,$s/^/> /'
  (cd "$root" && run_limited "$cmd") >"$work/out" 2>"$work/err" </dev/null
  rc=$?
  render '|' "$work/out" | unscratch
  render '!' "$work/err" | unscratch
  [ "$rc" -eq 0 ] || echo "? $rc"
}

# Rewrites a .t file with the actual results: comments, blank lines and
# directives are copied, expected-output lines are replaced.
regenerate() {
  cmd=
  incmd=0
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
    '$ '*)
      [ $incmd -eq 1 ] && run_command "$cmd"
      cmd=${line#'$ '}
      incmd=1 ;;
    '> '*)
      if [ $incmd -eq 1 ]; then
        cmd=$(printf '%s\n%s' "$cmd" "${line#'> '}")
      else
        printf '%s\n' "$line"
      fi ;;
    '| '* | '|' | '! '* | '!' | '? '*) ;;
    *)
      [ $incmd -eq 1 ] && run_command "$cmd"
      incmd=0
      printf '%s\n' "$line" ;;
    esac
  done <"$1"
  [ $incmd -eq 1 ] && run_command "$cmd"
  return 0
}

# File-level directives: "% skip-if-root" and "% require PROGRAM".
skip_reason() {
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
    '% skip-if-root')
      [ "$(id -u)" -eq 0 ] && { echo "runs as root (permissions do not apply)"; return; } ;;
    '% require '*)
      prog=${line#'% require '}
      command -v "$prog" >/dev/null 2>&1 || { echo "needs $prog"; return; } ;;
    '%'*)
      echo "$0: $1: unknown directive: $line" >&2
      echo "unknown directive"
      return ;;
    esac
  done <"$1"
}

status=0
ran=0
for t in "$@"; do
  case $t in /*) ;; *) t=$(pwd)/$t ;; esac
  name=${t#"$root"/}
  if [ ! -f "$t" ]; then
    echo "$0: no such test file: $t" >&2
    status=1
    continue
  fi
  why=$(skip_reason "$t")
  if [ -n "$why" ]; then
    echo "SKIP $name: $why"
    continue
  fi
  ran=$((ran + 1))
  work=$(mktemp -d "${TMPDIR:-/tmp}/tussen-golden.XXXXXX") || exit 1
  # Traversable by others, so a test can drop privileges (unprivileged.sh).
  chmod 755 "$work"
  T=$work/scratch
  mkdir "$T" "$work/bin"
  chmod 755 "$T"
  ln -s "$bin" "$work/bin/tussen"
  export T
  # A fixed environment: the binary first on PATH, C locale, UTC.
  (PATH=$work/bin:$PATH LC_ALL=C TZ=UTC
    export PATH LC_ALL TZ
    regenerate "$t") >"$work/actual"
  if cmp -s "$t" "$work/actual"; then
    echo "PASS $name"
  elif [ $update -eq 1 ]; then
    diff -u "$t" "$work/actual" | sed "1,2s|$work/actual|$name (updated)|"
    cp "$work/actual" "$t"
    echo "UPDATED $name: review the diff above"
  else
    diff -u --label "$name (expected)" --label "$name (actual)" "$t" "$work/actual"
    echo "FAIL $name"
    status=1
  fi
  chmod -R u+rwx "$work" 2>/dev/null
  rm -rf "$work"
done
[ $ran -eq 0 ] && [ $status -eq 0 ] && exit 77
exit $status
