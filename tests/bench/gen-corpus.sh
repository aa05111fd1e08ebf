#!/bin/sh
# Writes about SIZE_MB megabytes of Dutch-like text to stdout, as JSON Lines
# (articles, each followed by comments with a parent) or as plain text
# (paragraphs). Sentences are drawn from the bundled corpus (corpus/*.jsonl),
# plus the raw text of CoNLL-U files when TUSSEN_BENCH_UD names a directory
# of them (their "# text = " lines); one word in six is swapped for a
# made-up Dutch-looking word with a Zipf (1/rank) distribution over 200,000
# ranks, so the vocabulary grows with the size as in real text.
# Deterministic: the same arguments and sources give the same bytes.
# Usage: tests/bench/gen-corpus.sh jsonl|txt SIZE_MB > FILE
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:?usage: gen-corpus.sh jsonl|txt SIZE_MB}
size_mb=${2:?usage: gen-corpus.sh jsonl|txt SIZE_MB}
case $mode in jsonl | txt) ;; *) echo "gen-corpus.sh: mode is jsonl or txt" >&2; exit 2 ;; esac
ud=${TUSSEN_BENCH_UD:-}
{
  # the "text" values of the bundled corpus, JSON escapes kept
  for f in "$root"/corpus/*/*.jsonl; do
    LC_ALL=C awk '{
      i = index($0, "\"text\":"); if (!i) next
      r = substr($0, i + 7); sub(/^ *"/, "", r)
      # up to the closing quote: the first one not escaped
      out = ""
      while (match(r, /^[^"\\]*\\./)) { out = out substr(r, 1, RLENGTH); r = substr(r, RLENGTH + 1) }
      match(r, /^[^"\\]*/); print out substr(r, 1, RLENGTH)
    }' "$f"
  done | LC_ALL=C awk '{ gsub(/\\n/, " "); n = split($0, s, /[.?!] /)
    for (i = 1; i <= n; i++) if (length(s[i]) > 20) print s[i] "." }'
  if [ -n "$ud" ] && [ -d "$ud" ]; then
    for f in "$ud"/*.conllu; do
      [ -f "$f" ] && LC_ALL=C sed -n 's/^# text = //p' "$f" |
        LC_ALL=C sed 's/\\/\\\\/g; s/"/\\"/g'
    done
  fi
} | LC_ALL=C awk -v target="$((size_mb * 1024 * 1024))" -v mode="$mode" '
function zipf(n) { return int(exp(rand() * log(n + 1))) }
function made_up(r,   s, x, k) {
  if (r in cache) return cache[r]
  x = r; s = ""
  for (k = 0; k == 0 || x > 0; k++) {
    s = s on[1 + x % non] nu[1 + int(x / non) % nnu]
    x = int(x / (non * nnu))
  }
  return cache[r] = s
}
{ pool[++np] = $0 }
END {
  srand(20261128)
  non = split("b d g h k l m n p r s t v w z st sch br gr kl pr tr sl sp str ver be ge ont", on, " ")
  nnu = split("a e i o u aa ee oo uu ie oe eu ui ij ou ei an en in on er el ar or ing heid", nu, " ")
  bytes = 0; doc = 0; article = 0
  while (bytes < target) {
    doc++
    ns = 2 + int(rand() * 10)
    text = ""
    for (k = 0; k < ns; k++) {
      nw = split(pool[1 + int(rand() * np)], w, " ")
      sent = ""
      for (i = 1; i <= nw; i++) {
        x = w[i]
        if (i > 1 && x ~ /^[a-z]+$/ && rand() < 0.17) x = made_up(zipf(200000))
        sent = sent (i > 1 ? " " : "") x
      }
      sep = k == 0 ? "" : (rand() < 0.2 ? (mode == "txt" ? "\n\n" : "\\n\\n") : " ")
      text = text sep sent
    }
    if (mode == "txt") {
      gsub(/\\"/, "\"", text); gsub(/\\\\/, "\\", text)
      line = text "\n"
    } else if (doc % 8 == 1) {
      article = doc
      line = sprintf("{\"id\":\"a%d\",\"kind\":\"article\",\"title\":\"Artikel %d\",\"author\":\"Auteur %d\",\"text\":\"%s\"}", doc, doc, doc % 97, text)
    } else {
      line = sprintf("{\"id\":\"c%d\",\"kind\":\"comment\",\"parent\":\"a%d\",\"author\":\"Lezer %d\",\"text\":\"%s\"}", doc, article, doc % 211, text)
    }
    print line
    bytes += length(line) + 1
  }
}'
