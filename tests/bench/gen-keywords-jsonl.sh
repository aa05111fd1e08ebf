#!/bin/sh
# Writes a Dutch-like JSON Lines corpus of about SIZE_MB megabytes to stdout
# with a realistic vocabulary for keyword counting: about 45% function words
# (Zipf-distributed over a fixed list of real Dutch ones) and 55% content
# words drawn from 200,000 made-up Dutch-looking words with a 1/rank (Zipf)
# distribution, so the type count grows with the size as in real text;
# sentences of 6-30 words with commas, capitalised sentence starts, some
# names, hyphenated compounds, numbers and accented letters, paragraphs;
# articles with comments (kind, parent, author). Deterministic (fixed seed).
# Usage: tests/bench/gen-keywords-jsonl.sh SIZE_MB > corpus.jsonl
set -eu
size_mb=${1:?usage: gen-keywords-jsonl.sh SIZE_MB}
LC_ALL=C awk -v target="$((size_mb * 1024 * 1024))" '
function zipf(n) { return int(exp(rand() * log(n + 1))) }
# A made-up word for a rank: syllables picked by the digits of the rank,
# so each rank always gives the same word.
function word(r,   s, k, x) {
  if (r in cache) return cache[r]
  x = r; s = ""
  for (k = 0; k == 0 || x > 0; k++) {
    s = s on[1 + x % non] nu[1 + int(x / non) % nnu]
    x = int(x / (non * nnu))
  }
  if (r % 7 == 0) s = s suf[1 + r % nsuf]
  cache[r] = s
  return s
}
BEGIN {
  srand(20261128)
  nf = split("de het een en van in is dat op te zijn met voor niet aan er " \
    "die ook als bij maar om dan naar wordt nog wel uit door over kan " \
    "zich hun ze we je ik hij zij wij u men dit deze wat wie waar hoe " \
    "of want dus omdat toen terwijl hoewel tot sinds tegen tussen onder " \
    "na zonder volgens al meer veel zo heel erg nu hier daar wordt worden " \
    "werd heeft hebben had waren was zal zullen moet moeten mag kunnen " \
    "zou zouden gaat gaan komt geen iets niets alles iedereen elk elke", fw, " ")
  non = split("b d g h k l m n p r s t v w z st sch br gr kl pr tr sl sp str ver be ge ont", on, " ")
  nnu = split("a e i o u aa ee oo uu ie oe eu ui ij ou ei an en in on er el ar or ing heid", nu, " ")
  nsuf = split("ing en heid lijk schap baar tje s te ster", suf, " ")
  nn = split("Rotterdam Utrecht Amsterdam Witte Jansen Bakker Visser Smit " \
    "Hogeschool Gemeente Nederland Europa Zorg-en-Welzijn", names, " ")
  nx = split("co-creatie e-mail T-shaped welzijnszorgsector oud-wethouder " \
    "één café ideeën coördinatie reünie financiële zo’n ’s-Hertogenbosch " \
    "2026 15% €25,50 3,5 1.200", extra, " ")
  bytes = 0; doc = 0; article = 0
  while (bytes < target) {
    doc++
    nw = 50 + int(rand() * 350)
    text = ""; sl = 0; cap = 1
    for (k = 0; k < nw; k++) {
      r = rand()
      if (r < 0.45) w = fw[zipf(nf)]
      else if (r < 0.47) w = names[1 + int(rand() * nn)]
      else if (r < 0.48) w = extra[1 + int(rand() * nx)]
      else w = word(zipf(200000))
      if (cap) { w = toupper(substr(w, 1, 1)) substr(w, 2); cap = 0 }
      text = text (k ? " " : "") w
      sl++
      if (sl > 6 && rand() < 0.08) {
        r = rand()
        text = text (r < 0.85 ? "." : r < 0.95 ? "?" : "!")
        if (rand() < 0.15) text = text "\\n\\n"
        else text = text ""
        sl = 0; cap = 1
      } else if (rand() < 0.06) text = text ","
    }
    text = text "."
    if (doc % 8 == 1) {
      article = doc
      line = sprintf("{\"id\":\"a%d\",\"kind\":\"article\",\"title\":\"Artikel %d\",\"author\":\"Auteur %d\",\"text\":\"%s\"}", doc, doc, doc % 97, text)
    } else {
      line = sprintf("{\"id\":\"c%d\",\"kind\":\"comment\",\"parent\":\"a%d\",\"author\":\"Lezer %d\",\"text\":\"%s\"}", doc, article, doc % 211, text)
    }
    print line
    bytes += length(line) + 1
  }
}'
