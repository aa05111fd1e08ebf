# Shared by the scale tests: the binary, a work directory, a small
# generated corpus, and a check that prints what differs.
set -eu
bin=$1
root=$2
export TUSSEN_SCRIPTS="$root/scripts"
work=$(mktemp -d "${TMPDIR:-/tmp}/tussen-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# same FILE1 FILE2 WHAT: byte-identical or fail with the first differences
same() {
  cmp -s "$1" "$2" || { diff "$1" "$2" | head -n 20 >&2; fail "$3"; }
}
# a corpus of about 1 MB (deterministic), and the report of one run on it
corpus=$work/corpus.jsonl
sh "$root/tests/bench/gen-corpus.sh" jsonl 1 >"$corpus"
"$bin" run -q counts --arg top=50 --format csv --table groups "$corpus" >"$work/one.csv"
"$bin" map -q "$corpus" >"$work/one.tnp"
# split the corpus into N files part-1.jsonl ... of about equal line counts
split_corpus() {
  n=$1
  total=$(wc -l <"$corpus")
  LC_ALL=C awk -v n="$n" -v total="$total" -v dir="$work" '
    { k = int((NR - 1) * n / total) + 1; print > (dir "/part-" k ".jsonl") }' "$corpus"
}
