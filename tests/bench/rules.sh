#!/bin/sh
# Rules benchmark: a coding scheme of 1,000 patterns applied to ~100 MB of
# text (`tussen run codes`: load, tokenize, match, count) next to the
# tokenizer alone (`tussen tokenize --format tokens FILE > /dev/null`) on
# the same file in the same run; medians of several runs and their ratio.
# The issue asks the rules run to reach at least 1/3 of the tokenizer's
# throughput, i.e. a time ratio of at most 3.
#
# Usage: tests/bench/rules.sh [TUSSEN [SIZE_MB [RUNS]]]
#   TUSSEN   the binary (default: build/tussen; use an optimised build)
#   SIZE_MB  size of the generated text (default 100)
#   RUNS     runs per command (default 5)
# The text is generated: sentences of the UD Dutch dev sets (raw text, via
# ../shared/tools/tokeval/conllu2txt.py) or else of corpus/, shuffled with
# a fixed seed and repeated into paragraphs up to the size. The 1,000
# patterns are drawn from its vocabulary: 600 words, 200 phrases of two or
# three words with an optional or alternative part, 120 prefix wildcards,
# 40 suffix wildcards, 20 stems, 10 regular expressions, 10 gaps, in 40
# categories nested two deep.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-build/tussen}
size=${2:-100}
runs=${3:-5}
[ -x "$bin" ] || { echo "rules.sh: no binary at $bin; run make first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "rules.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-rulesbench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
seed=$dir/seed.txt
if [ -d "$root/../shared/data/ud-dev" ] && command -v python3 >/dev/null; then
  for f in "$root"/../shared/data/ud-dev/*.conllu; do
    python3 "$root/../shared/tools/tokeval/conllu2txt.py" "$f"
    echo
  done >"$seed"
  source="UD Dutch dev sets"
else
  # the texts of the bundled corpora, through tussen itself
  cat >"$dir/texts.lua" <<'EOF'
return {
  description = "the texts of a corpus, one paragraph apart",
  run = function(ctx)
    local t = {}
    for doc in ctx.corpus:docs() do t[#t + 1] = doc.text end
    return table.concat(t, "\n\n")
  end,
}
EOF
  "$bin" run -q "$dir/texts.lua" "$root/corpus" >"$seed"
  source="corpus/"
fi
[ -s "$seed" ] || { echo "rules.sh: no seed text" >&2; exit 2; }

# Text: the seed's lines shuffled (fixed seed), 5 lines a paragraph,
# repeated until the size is reached.
file=$dir/bench.txt
LC_ALL=C awk -v limit=$((size * 1000000)) '
  NF { line[n++] = $0 }
  END {
    srand(20261128)
    total = 0
    while (total < limit) {
      for (i = n - 1; i > 0; i--) { j = int(rand() * (i + 1)); t = line[i]; line[i] = line[j]; line[j] = t }
      for (i = 0; i < n && total < limit; i++) {
        printf "%s", line[i]; total += length(line[i]) + 1
        if (i % 5 == 4) { printf "\n\n"; total++ } else printf " "
      }
    }
    printf "\n"
  }' "$seed" >"$file"
bytes=$(wc -c <"$file")

# The scheme, from the seed's vocabulary (lowercased words of 4+ letters
# by frequency, and its bigrams).
"$bin" tokenize --format tokens "$seed" >"$dir/seed.tok"
scheme=$dir/scheme.csv
LC_ALL=C awk '
  function cat(i) { return "thema" (i % 10) "/sub" (i % 4) }
  NF == 0 { prev = ""; next }
  {
    w = tolower($1)
    if (w ~ /^[a-z]+$/ && length(w) >= 4) {
      freq[w]++
      if (prev != "") big[prev " " w]++
      prev = w
    } else prev = ""
  }
  END {
    print "category,pattern"
    n = 0
    for (w in freq) words[n++] = w
    # deterministic order: by frequency, then by word
    for (i = 1; i < n; i++) { v = words[i]; j = i - 1
      while (j >= 0 && (freq[words[j]] < freq[v] || (freq[words[j]] == freq[v] && words[j] > v))) { words[j + 1] = words[j]; j-- }
      words[j + 1] = v }
    m = 0
    for (b in big) if (big[b] >= 2) bigs[m++] = b
    for (i = 1; i < m; i++) { v = bigs[i]; j = i - 1
      while (j >= 0 && bigs[j] > v) { bigs[j + 1] = bigs[j]; j-- }
      bigs[j + 1] = v }
    k = 0
    for (i = 0; i < 600 && i < n; i++) print cat(k++) "," words[i * 3 % n]
    for (i = 0; i < 200 && i < m; i++) {
      split(bigs[(i * 7) % m], p, " ")
      if (i % 3 == 0) print cat(k++) "," p[1] " (" p[2] ")? " words[(i * 11) % n]
      else if (i % 3 == 1) print cat(k++) ",\"(" p[1] "|" words[(i * 5) % n] ") " p[2] "\""
      else print cat(k++) "," p[1] " " p[2]
    }
    for (i = 0; i < 120; i++) print cat(k++) "," substr(words[(i * 13) % n], 1, 5) "*"
    for (i = 0; i < 40; i++) { w = words[(i * 17) % n]; print cat(k++) ",*" substr(w, length(w) - 3) }
    for (i = 0; i < 20; i++) print cat(k++) ",stem:" words[(i * 19) % n]
    for (i = 0; i < 10; i++) print cat(k++) ",\"/" substr(words[(i * 23) % n], 1, 3) "[a-z]{2,4}en/\""
    for (i = 0; i < 10; i++) print cat(k++) ",\"niet []{0,3} " words[(i * 29) % n] "\""
  }' "$dir/seed.tok" >"$scheme"
patterns=$(($(wc -l <"$scheme") - 1))
cat "$file" >/dev/null # warm the page cache

measure_out=$dir/out
. "$here/measure.sh"

set -- $(measure "$bin" tokenize --format tokens "$file"); t_tok=$1 c_tok=$2
set -- $(measure "$bin" run codes -q --arg "scheme=$scheme" --arg examples=0 \
  --format json "$file"); t_rules=$1 c_rules=$2
matches=$(LC_ALL=C awk -F': ' '/"thema[0-9]":/ { gsub(/[^0-9]/, "", $2); s += $2 } END { print s }' "$dir/out")

LC_ALL=C awk -v bytes="$bytes" -v runs="$runs" -v tt="$t_tok" -v tr="$t_rules" \
  -v ct="$c_tok" -v cr="$c_rules" -v np="$patterns" -v source="$source" \
  -v matches="$matches" '
BEGIN {
  mb = bytes / 1e6
  printf "text: %.1f MB generated from %s; scheme: %d patterns; median of %d runs\n", mb, source, np, runs
  printf "                           wall       MB/s     cpu       MB/s\n"
  printf "tokenize --format tokens  %7.3f s  %7.1f  %7.3f s  %7.1f\n", tt, mb / tt, ct, mb / ct
  printf "run codes (%4d rules)    %7.3f s  %7.1f  %7.3f s  %7.1f\n", np, tr, mb / tr, cr, mb / cr
  printf "(%s codes counted in the top categories)\n", matches
  printf "rules throughput / tokenizer throughput: %.2f wall, %.2f cpu (target >= 0.33)\n", tt / tr, ct / cr
}'
