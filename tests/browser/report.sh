#!/bin/sh
# Renders `tussen run overview --format html` in headless Chromium and checks
# what a reader gets: the charts (svg) and tables in the rendered DOM, the
# marked evidence, the argument map (drawn by dot, or as an outline without
# it), accessibility basics, nothing loaded from the network, and no page-wide
# sideways scrolling at phone width. Keeps the page and two screenshots
# (desktop and phone width) in the --out directory as artifacts.
# Exit 0 pass, 1 fail, 77 skipped (no Chromium).
set -u
bin=tussen
out=tests/artifacts
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "report.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

browser=
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "SKIP: Chromium is not installed (Debian: apt-get install chromium);" \
       "the HTML report was not checked in a browser"
  exit 77
fi

mkdir -p "$out" || exit 1
scratch=$(mktemp -d) || exit 1
trap 'rm -rf "$scratch"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# Headless, offline, no profile state: a fresh user-data-dir per call.
browse() {
  udd=$(mktemp -d "$scratch/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$udd" \
    "$@" 2>>"$scratch/browser.log"
}

count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }

page="$out/report.html"
if ! "$bin" run -q overview --format html corpus/streetwise >"$page"; then
  fail "tussen run overview --format html failed"
  exit 1
fi

# Offline: no scripts, and no src/href that leaves the page (xmlns is a name).
if grep -qi '<script' "$page"; then fail "the page has a script"; fi
if grep -Eo '(src|href)="[^"#][^"]*"' "$page" | grep -q .; then
  fail "the page loads something: $(grep -Eo '(src|href)="[^"#][^"]*"' "$page" | head -3)"
else
  ok "nothing loaded from elsewhere"
fi

dom="$scratch/dom.html"
browse --dump-dom "file://$(cd "$(dirname "$page")" && pwd)/report.html" >"$dom"
[ -s "$dom" ] || fail "Chromium rendered nothing (see its log below)"

check_min() { # what pattern minimum
  n=$(count "$2" "$dom")
  if [ "$n" -ge "$3" ]; then ok "$1: $n"; else fail "$1: $n, expected at least $3"; fi
}
check_min "svg charts in the DOM" '<svg' 4
check_min "bars drawn" '<rect' 20
check_min "tables" '<table' 5
check_min "column headers with scope" '<th scope="col"' 20
check_min "row headers with scope" '<th scope="row"' 10
check_min "captions" '<caption' 5
check_min "marked evidence" '<mark class="\(pos\|neg\|zero\)"' 10
check_min "signs printed on the marks" '<sup>' 10
check_min "headings h2" '<h2' 5
check_min "Dutch page" '<html lang="nl"' 1
check_min "viewport for phones" 'name="viewport"' 1
[ "$(count '<h1' "$dom")" -eq 1 ] && ok "one h1" || fail "expected exactly one h1"
if command -v "${TUSSEN_DOT:-dot}" >/dev/null 2>&1 && [ "${TUSSEN_DOT:-}" != none ]; then
  check_min "argument map drawn by Graphviz" 'class="graph"' 1
  check_min "its nodes" 'class="node"' 10
else
  echo "note: Graphviz dot is not installed: the argument map is checked as an outline only"
fi

# Without dot: the map as a nested outline.
TUSSEN_DOT=none "$bin" run -q overview --format html corpus/streetwise >"$scratch/nodot.html"
if grep -q 'class="outline"' "$scratch/nodot.html" && grep -q '<ul>' "$scratch/nodot.html" &&
   ! grep -q 'class="graph"' "$scratch/nodot.html"; then
  ok "without dot: the argument map as an outline"
else
  fail "without dot: no outline"
fi

# Phone width: the page itself must not scroll sideways (wide tables and
# the map scroll inside their own box). Headless windows are at least 500 px
# wide, so a copy pins the body to 360 px (a small phone) and a script
# writes how wide its content is into the DOM, which --dump-dom shows.
sed -e 's#</style>#body{width:360px}</style>#' \
    -e 's#</body>#<script>document.body.setAttribute("data-scroll-width", document.body.scrollWidth)</script></body>#' \
  "$page" >"$scratch/phone.html"
browse --window-size=500,800 --dump-dom "file://$scratch/phone.html" >"$scratch/phone-dom.html"
sw=$(grep -o 'data-scroll-width="[0-9]*"' "$scratch/phone-dom.html" | tr -dc 0-9)
if [ -n "$sw" ] && [ "$sw" -le 360 ]; then
  ok "phone width: the content is $sw px wide in a 360 px page"
else
  fail "phone width: the content is ${sw:-?} px wide in a 360 px page (it scrolls sideways)"
fi

# Screenshots, kept as artifacts: look at them.
rm -f "$out/report.png" "$out/report-phone.png"
browse --window-size=1280,2400 --screenshot="$out/report.png" "file://$(cd "$out" && pwd)/report.html" >/dev/null
browse --window-size=390,1600 --screenshot="$out/report-phone.png" "file://$(cd "$out" && pwd)/report.html" >/dev/null
for f in "$out/report.png" "$out/report-phone.png"; do
  if [ -s "$f" ] && [ "$(od -An -tx1 -N4 "$f" | tr -d ' ')" = 89504e47 ]; then
    ok "screenshot $f"
  else
    fail "no screenshot $f"
  fi
done

if [ "$fails" -gt 0 ]; then
  echo "--- browser log (last lines) ---"
  tail -20 "$scratch/browser.log"
  exit 1
fi
exit 0
