#!/bin/sh
# Writes a Dutch-like JSON Lines corpus of about SIZE_MB megabytes to stdout:
# articles with comments (kind, parent, title, author, date, a number and a
# list as extra metadata), words drawn from a fixed list with Zipf-like
# frequencies, a few escapes and accented letters. Deterministic (fixed seed).
# Usage: tests/bench/gen-jsonl.sh SIZE_MB > corpus.jsonl
set -eu
size_mb=${1:?usage: gen-jsonl.sh SIZE_MB}
LC_ALL=C awk -v target="$((size_mb * 1024 * 1024))" '
BEGIN {
  srand(20261128)
  n = split("de het een en van in is dat op te zijn met voor niet aan er " \
    "die ook als bij maar om dan naar wordt nog wel uit door over kan " \
    "gemeente ambtenaren wijk bewoners beleid jongeren zorg politiek " \
    "sociale professionals streetwise gezocht raad wethouder burgers " \
    "vertrouwen overheid participatie buurt straat probleem oplossing " \
    "samenwerking onderzoek rapport cijfers begroting subsidie " \
    "café ideeën coördinatie financiële één reünie geïnteresseerd " \
    "’s-Hertogenbosch zo’n co-creatie e-mail 2026 15% €25,50", w, " ")
  for (i = 1; i <= n; i++) cum[i] = (i > 1 ? cum[i - 1] : 0) + 1 / i
  total = cum[n]
  bytes = 0; doc = 0; article = 0
  while (bytes < target) {
    doc++
    nw = 20 + int(rand() * 180)
    text = ""
    for (k = 0; k < nw; k++) {
      r = rand() * total
      lo = 1; hi = n
      while (lo < hi) { mid = int((lo + hi) / 2); if (cum[mid] < r) lo = mid + 1; else hi = mid }
      word = w[lo]
      if (k == 0) word = toupper(substr(word, 1, 1)) substr(word, 2)
      text = text (k ? " " : "") word
      if (rand() < 0.06) text = text (rand() < 0.5 ? "," : ".")
    }
    if (rand() < 0.05) text = text " \\\"citaat\\\"\\n\\nNieuwe alinea."
    if (doc % 8 == 1) {
      article = doc
      line = sprintf("{\"id\":\"a%d\",\"kind\":\"article\",\"title\":\"Artikel %d\",\"author\":\"Auteur %d\",\"date\":\"2026-%02d-%02d\",\"views\":%d,\"tags\":[\"politiek\",\"zorg\"],\"text\":\"%s.\"}", doc, doc, doc % 97, 1 + doc % 12, 1 + doc % 28, doc * 7 % 5000, text)
    } else {
      line = sprintf("{\"id\":\"c%d\",\"kind\":\"comment\",\"parent\":\"a%d\",\"author\":\"Lezer %d\",\"number\":%d,\"text\":\"%s.\"}", doc, article, doc % 211, doc - article, text)
    }
    print line
    bytes += length(line) + 1
  }
}'
