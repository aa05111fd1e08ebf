#!/bin/sh
# Runs the golden tests with every tussen command under valgrind memcheck:
# a memory error or a leak changes the command's stderr and exit status, so
# the golden comparison fails on it. Use a build without sanitizers
# (valgrind and ASan do not mix).
#
# Usage: tests/valgrind.sh [--bin PATH/TO/tussen] [FILE.t...]
#   --bin   the tussen binary (default: build/tussen)
#   FILE.t  golden files to run (default: every tests/golden/*.t)
# Exit status: 0 clean, 1 a finding or a mismatch, 2 usage error.
set -u
root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
bin=$root/build/tussen
case ${1:-} in
--bin) [ $# -ge 2 ] || exit 2; bin=$2; shift 2 ;;
--bin=*) bin=${1#--bin=}; shift ;;
esac
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if [ ! -x "$bin" ]; then
  echo "$0: no tussen binary at $bin; build first or pass --bin" >&2
  exit 2
fi
command -v valgrind >/dev/null 2>&1 || { echo "$0: valgrind is not installed" >&2; exit 2; }
[ $# -gt 0 ] || set -- "$root"/tests/golden/*.t

work=$(mktemp -d "${TMPDIR:-/tmp}/tussen-valgrind.XXXXXX") || exit 2
# Readable by all: the permission tests run commands as another user.
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT INT TERM
# The wrapper the golden runner puts on PATH as `tussen`. Exit status 99
# and valgrind's report on stderr are what a finding looks like.
cat >"$work/tussen" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full \\
  --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \\
  "$bin" "\$@"
WRAP
chmod +x "$work/tussen"

# Valgrind runs programs some 20-50 times slower.
TUSSEN_GOLDEN_TIMEOUT=${TUSSEN_GOLDEN_TIMEOUT:-900}
export TUSSEN_GOLDEN_TIMEOUT
failed=0
for t in "$@"; do
  start=$(date +%s)
  sh "$root/tests/golden/run.sh" --bin "$work/tussen" "$t" >"$work/log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  case $rc in
  0) echo "clean    $(basename "$t") (${secs}s)" ;;
  77) echo "skipped  $(basename "$t")" ;;
  *) echo "FAILED   $(basename "$t") (${secs}s)"; cat "$work/log"; failed=1 ;;
  esac
done
exit $failed
