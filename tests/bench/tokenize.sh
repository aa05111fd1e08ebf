#!/bin/sh
# Tokenizer benchmark: `tussen tokenize --format tokens FILE > /dev/null`
# next to `wc -w` on the same file in the same run (so the ratio means
# something on any machine), medians of several runs, peak resident memory.
#
# Usage: tests/bench/tokenize.sh [TUSSEN [TEXT [SIZE_MB [RUNS]]]]
#   TUSSEN   the binary (default: build/tussen; use an optimised build)
#   TEXT     Dutch text to repeat (default: the raw text of the UD Dutch dev
#            sets in ../shared/data/ud-dev, made with
#            ../shared/tools/tokeval/conllu2txt.py; else the .txt files of
#            corpus/)
#   SIZE_MB  repeat TEXT up to at least this size (default 24)
#   RUNS     runs per command (default 7)
# Repeating a small text flatters the caches a little (the same words, the
# same branches); the ratio against wc -w on the same file is the fair
# number. Memory must not grow with the file: the tokenizer streams it in
# 1 MiB pieces.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-build/tussen}
text=${2:-}
size=${3:-24}
runs=${4:-7}
[ -x "$bin" ] || { echo "tokenize.sh: no binary at $bin; run make first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "tokenize.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-tokbench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
seed=$dir/seed.txt
if [ -n "$text" ]; then
  cp "$text" "$seed"
elif [ -d "$root/../shared/data/ud-dev" ] && command -v python3 >/dev/null; then
  for f in "$root"/../shared/data/ud-dev/*.conllu; do
    python3 "$root/../shared/tools/tokeval/conllu2txt.py" "$f"
    echo
  done >"$seed"
  text="UD Dutch dev sets (raw text)"
else
  find "$root/corpus" -name '*.txt' -exec cat {} + >"$seed"
  text="corpus/*.txt"
fi
[ -s "$seed" ] || { echo "tokenize.sh: no text to repeat" >&2; exit 2; }
file=$dir/bench.txt
: >"$file"
limit=$((size * 1048576))
while [ "$(wc -c <"$file")" -lt "$limit" ]; do cat "$seed" >>"$file"; done
bytes=$(wc -c <"$file")
cat "$file" >/dev/null # warm the page cache for both contenders

. "$here/measure.sh"

set -- $(measure "$bin" tokenize --format tokens "$file"); t_tok=$1 rss_tok=$3
set -- $(measure wc -w "$file"); t_wc=$1
tokens=$("$bin" tokenize --format tokens "$file" | grep -c .)

LC_ALL=C awk -v bytes="$bytes" -v runs="$runs" -v tt="$t_tok" -v tw="$t_wc" \
  -v rss="$rss_tok" -v tokens="$tokens" -v text="$text" '
BEGIN {
  mb = bytes / 1e6
  printf "text: %.1f MB (%s, repeated), %d tokens; median of %d runs\n", mb, text, tokens, runs
  printf "  tussen tokenize --format tokens  %7.3f s  %7.1f MB/s  %5.1f M tokens/s  peak RSS %.1f MB\n", tt, mb / tt, tokens / tt / 1e6, rss / 1024
  printf "  wc -w                            %7.3f s  %7.1f MB/s\n", tw, mb / tw
  printf "  ratio: tussen runs at %.2f x the speed of wc -w\n", tw / tt
}'
