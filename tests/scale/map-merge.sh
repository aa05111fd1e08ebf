#!/bin/sh
# tussen map / merge without any cluster: any split, any order, any number
# of threads and batch size give the bytes of one run; the merged report is
# the report of tussen run counts; bad partials are refused with a message.
. "$(dirname "$0")/lib.sh"

# threads and batches: the same bytes as one thread reading the file whole
for jobs in 1 2 3; do
  for batch in 1000 65536 100000000; do
    "$bin" map -q --jobs "$jobs" --batch-size "$batch" "$corpus" >"$work/t.tnp"
    same "$work/t.tnp" "$work/one.tnp" "map --jobs $jobs --batch-size $batch"
  done
done
gzip -c "$corpus" >"$work/corpus.jsonl.gz"
"$bin" map -q --batch-size 5000 "$work/corpus.jsonl.gz" >"$work/t.tnp"
same "$work/t.tnp" "$work/one.tnp" "map of the gzipped corpus"

# splits into 2 and 5 parts, merged in two orders and in a tree
split_corpus 5
for k in 1 2 3 4 5; do "$bin" map -q "$work/part-$k.jsonl" >"$work/p$k.tnp"; done
"$bin" merge "$work"/p1.tnp "$work"/p2.tnp "$work"/p3.tnp "$work"/p4.tnp "$work"/p5.tnp >"$work/m.tnp"
same "$work/m.tnp" "$work/one.tnp" "merge of 5 parts"
"$bin" merge "$work"/p5.tnp "$work"/p3.tnp "$work"/p1.tnp "$work"/p4.tnp "$work"/p2.tnp >"$work/m.tnp"
same "$work/m.tnp" "$work/one.tnp" "merge of 5 parts in another order"
"$bin" merge "$work"/p4.tnp "$work"/p2.tnp >"$work/a.tnp"
"$bin" merge "$work"/p5.tnp "$work"/p1.tnp | "$bin" merge - "$work"/p3.tnp "$work/a.tnp" >"$work/m.tnp"
same "$work/m.tnp" "$work/one.tnp" "merge as a tree"
"$bin" merge --report --top 50 --format csv --table groups "$work"/p*.tnp >"$work/m.csv"
same "$work/m.csv" "$work/one.csv" "merged report against tussen run counts"
for by in form stem; do
  "$bin" run -q counts --arg by=$by --format json "$corpus" >"$work/r1"
  "$bin" merge --report --by $by --format json "$work"/p*.tnp >"$work/r2"
  same "$work/r2" "$work/r1" "merged report by $by"
done

# refusals: a document in two parts, other options, not a partial
if "$bin" merge "$work/p1.tnp" "$work/p1.tnp" >/dev/null 2>"$work/err"; then
  fail "a document in two parts was merged"
fi
grep -q 'is also in .*p1.tnp; each document must be in one part only' "$work/err" ||
  fail "message for a document in two parts: $(cat "$work/err")"
"$bin" map -q --group author "$work/part-1.jsonl" >"$work/other.tnp"
if "$bin" merge "$work/p2.tnp" "$work/other.tnp" >/dev/null 2>"$work/err"; then
  fail "partials of other options were merged"
fi
grep -q 'made with other options' "$work/err" || fail "options message: $(cat "$work/err")"
if "$bin" merge "$corpus" >/dev/null 2>"$work/err"; then fail "a corpus was merged"; fi
grep -q 'not a partial result' "$work/err" || fail "not-a-partial message: $(cat "$work/err")"
printf '#tussen-partials\t1\tkinds=word,hashtag,mention\tgroup=kind\tbigrams=no\tdocs=yes\nc\tnorm\tx\tb\t1\t1\nc\tnorm\tx\ta\t1\t1\n' >"$work/unsorted.tnp"
if "$bin" merge "$work/unsorted.tnp" >/dev/null 2>"$work/err"; then fail "unsorted input merged"; fi
grep -q 'unsorted.tnp:3: records out of order' "$work/err" || fail "order message: $(cat "$work/err")"

if "$bin" merge --report --by norm2 "$work/p1.tnp" >/dev/null 2>"$work/err"; then
  fail "a report of pairs from partials without pairs"
fi
grep -q 'map with --bigrams' "$work/err" || fail "pairs message: $(cat "$work/err")"
"$bin" map -q --bigrams "$corpus" >"$work/bi.tnp"
"$bin" map -q --bigrams "$work/part-2.jsonl" "$work/part-1.jsonl" >"$work/bi12.tnp"
"$bin" map -q --bigrams --jobs 2 --batch-size 3000 "$work/part-5.jsonl" "$work/part-3.jsonl" "$work/part-4.jsonl" >"$work/bi345.tnp"
"$bin" merge "$work/bi345.tnp" "$work/bi12.tnp" >"$work/m.tnp"
same "$work/m.tnp" "$work/bi.tnp" "pairs of norms merged"
"$bin" run -q counts --arg by=norm2 --format csv --table groups "$corpus" >"$work/r1"
"$bin" merge --report --by norm2 --format csv --table groups "$work/m.tnp" >"$work/r2"
same "$work/r2" "$work/r1" "merged report of pairs"

# streamed diagnostics name the same lines and byte offsets as a whole load
{
  head -n 30 "$corpus"
  printf '{"id": "kapot", "text": "ongesloten\n'
  head -n 60 "$corpus" | tail -n 30 | sed 's/"id":"\([a-z]*[0-9]*\)"/"id":"x\1"/'
  printf '{"text": "zonder id, op regel 62"}\n'
  printf '{"id": "latin", "text": "caf\351"}\n'
} >"$work/bad.jsonl"
"$bin" corpus --check --orphans=keep "$work/bad.jsonl" 2>&1 | grep '^tussen: skipped' >"$work/want" || true
"$bin" map --batch-size 700 "$work/bad.jsonl" 2>&1 >"$work/bad.tnp" | grep '^tussen: skipped' >"$work/got" || true
[ -s "$work/want" ] || fail "the bad corpus gave no skips"
same "$work/got" "$work/want" "skip messages of a streamed load"
grep -q "^d	bad.jsonl:62	" "$work/bad.tnp" || fail "a document without id is not named by its line"
echo "map-merge: ok"
