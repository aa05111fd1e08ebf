#!/bin/sh
# Tests of `tussen tokenize`: formats, invalid UTF-8 (rejected with its byte
# offset, or repaired), usage errors, and streaming: a file larger than the
# 1 MiB read piece gives the same tokens and sentences as its paragraphs
# tokenized one by one.
# Usage: tokenize_cli.sh TUSSEN
set -u
bin=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/tussen-tokcli.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# tokens: one a line, a blank line after each sentence
printf 'Dhr. Jansen kwam. Hij zei: ,,Ja.'"''"'\n' >"$dir/a.txt"
"$bin" tokenize "$dir/a.txt" >"$dir/out" || fail "tokens exit status"
printf 'Dhr.\nJansen\nkwam\n.\n\nHij\nzei\n:\n,,\nJa\n.\n'"''"'\n\n' >"$dir/want"
cmp -s "$dir/out" "$dir/want" || fail "tokens output: $(cat "$dir/out")"

# standard input, and - for it
printf 'Een zin.' | "$bin" tokenize >"$dir/out1" || fail "stdin exit status"
printf 'Een zin.' | "$bin" tokenize - >"$dir/out2" || fail "- exit status"
printf 'Een\nzin\n.\n\n' >"$dir/want"
cmp -s "$dir/out1" "$dir/want" || fail "stdin output"
cmp -s "$dir/out2" "$dir/want" || fail "- output"

# conllu: # text, SpaceAfter=No, # newpar
printf 'Ja, nee.\n\nTwee.' | "$bin" tokenize --format conllu >"$dir/out"
grep -q '^# text = Ja, nee\.$' "$dir/out" || fail "conllu # text"
grep -c '^# newpar$' "$dir/out" | grep -q '^2$' || fail "conllu # newpar count"
grep -q "^1	Ja	_	_	_	_	_	_	_	SpaceAfter=No$" "$dir/out" || fail "conllu SpaceAfter"
grep -q "^1	Twee	" "$dir/out" || fail "conllu sentence ids restart tokens"

# tsv: byte and character offsets, norm, space
printf 'Één CAFÉ’s.' | "$bin" tokenize -f tsv >"$dir/out"
head -n 1 "$dir/out" | grep -q '^sent	para	form	kind	start	len	cstart	clen	norm	space$' ||
  fail "tsv header"
grep -q "^1	1	CAFÉ’s	word	6	9	4	6	café's	0$" "$dir/out" || fail "tsv row: $(cat "$dir/out")"

# jsonl: one object a token
printf 'Zie www.nos.nl!' | "$bin" tokenize -f jsonl >"$dir/out"
grep -q '"form":"www.nos.nl","norm":"www.nos.nl","kind":"url","start":4,"len":10' "$dir/out" ||
  fail "jsonl url: $(cat "$dir/out")"
[ "$(wc -l <"$dir/out")" -eq 3 ] || fail "jsonl line count"

# invalid UTF-8: exit 1 naming the byte offset; --repair-utf8 goes on
printf 'goed\nslecht \377 hier' >"$dir/bad.txt"
"$bin" tokenize "$dir/bad.txt" >"$dir/out" 2>"$dir/err"
[ $? -eq 1 ] || fail "invalid UTF-8 exit status"
grep -q 'byte 12: invalid UTF-8 (byte 0xFF)' "$dir/err" || fail "invalid UTF-8 message: $(cat "$dir/err")"
grep -q 'repair-utf8' "$dir/err" || fail "message names the way out"
"$bin" tokenize --repair-utf8 "$dir/bad.txt" >"$dir/out" 2>"$dir/err" || fail "repair exit status"
grep -q "$(printf '\357\277\275')" "$dir/out" || fail "repair puts U+FFFD"
grep -q 'replaced 1 invalid' "$dir/err" || fail "repair warns"

# usage errors exit 2; a missing file exits 1
"$bin" tokenize --format xml "$dir/a.txt" >/dev/null 2>&1
[ $? -eq 2 ] || fail "bad format is a usage error"
"$bin" tokenize "$dir/a.txt" "$dir/a.txt" >/dev/null 2>&1
[ $? -eq 2 ] || fail "two files is a usage error"
"$bin" tokenize "$dir/none.txt" >/dev/null 2>&1
[ $? -eq 1 ] || fail "missing file exit status"

# streaming: 3 MB of paragraphs (and one long paragraph of 1.5 MB without
# a blank line) read in 1 MiB pieces equals the same text in one piece,
# character offsets included
awk 'BEGIN {
  for (i = 0; i < 30000; i++) {
    printf "Dhr. P. de Boer (nr. %d) zei: ,,Het café is dicht.%s Daarna ging hij. ", i, "\047\047"
    if (i % 7 == 0) printf "\n\n"
  }
  for (i = 0; i < 20000; i++) printf "Een lange alinea zonder witregel, zin %d. En nog één ", i
}' >"$dir/big.txt"
"$bin" tokenize -f tsv "$dir/big.txt" >"$dir/stream" || fail "streaming exit status"
# the last token ends at the file's end (before one space), no character is lost, and every
# sentence is found: 2 per line of the first part, 20001 in the long one
tail -n 1 "$dir/stream" | awk -F'\t' -v size="$(wc -c <"$dir/big.txt")" \
  '{ if ($5 + $6 != size - 1) exit 1 }' || fail "last token does not end at the file end (one space)"
bytes=$(awk -F'\t' 'NR > 1 { n += $6 } END { print n }' "$dir/stream")
nonspace=$(tr -d ' \n' <"$dir/big.txt" | wc -c)
[ "$bytes" -eq "$nonspace" ] || fail "streamed tokens lose characters ($bytes vs $nonspace)"
sents=$(awk -F'\t' 'NR > 1 { s = $1 } END { print s }' "$dir/stream")
[ "$sents" -eq 80001 ] || fail "streamed sentence count $sents, want 80001"

[ $fails -eq 0 ] && echo "tokenize_cli: all passed"
[ $fails -eq 0 ]
