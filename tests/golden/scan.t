# Scripts that declare corpus = "stream" (keywords does): a JSON Lines file is
# read in one streaming pass instead of being loaded, and that must change
# nothing a user sees but the note and the memory. Each streamed run below is
# compared byte for byte with the same corpus loaded (given as a directory,
# which is always loaded); skipped documents are named and counted as a load
# names and counts them; a script of our own checks tussen.Source.

# keywords on a file (streamed: the note says so) and on its directory
# (loaded): the same stdout in text, JSON and CSV.
$ tussen run keywords corpus/streetwise/streetwise.jsonl > $T/stream.txt
! tussen: keywords: by=norm n=1 min=2 top=20 over 1619 tokens in 8 documents
! tussen: note: read corpus/streetwise/streetwise.jsonl in one streaming pass: parents were not checked (a document whose parent is missing was kept, as with --orphans=keep)
! tussen: corpus: read 8 documents from 1 file: used 8, skipped 0
$ tussen run -q keywords corpus/streetwise > $T/loaded.txt
$ cmp $T/stream.txt $T/loaded.txt && wc -l < $T/stream.txt
| 202
$ tussen run -q keywords --format json corpus/streetwise/streetwise.jsonl > $T/stream.json
$ tussen run -q keywords --format json corpus/streetwise > $T/loaded.json
$ cmp $T/stream.json $T/loaded.json && wc -l < $T/stream.json
| 1504
$ for t in summary top_terms groups documents keyness collocations kwic; do
>   tussen run -q keywords --format csv --table $t corpus/streetwise/streetwise.jsonl > $T/stream.csv &&
>   tussen run -q keywords --format csv --table $t corpus/streetwise > $T/loaded.csv &&
>   cmp $T/stream.csv $T/loaded.csv && echo "$t: $(wc -l < $T/stream.csv) lines, identical"
> done
| summary: 2 lines, identical
| top_terms: 21 lines, identical
| groups: 41 lines, identical
| documents: 41 lines, identical
| keyness: 41 lines, identical
| collocations: 22 lines, identical
| kwic: 8 lines, identical

# Several files stream as one corpus, in the order given (a directory
# loads its files in name order): an id of the first file used again in
# the second is skipped, as a load of the directory skips it.
$ mkdir $T/two && head -n 5 corpus/streetwise/streetwise.jsonl > $T/two/a.jsonl &&
> tail -n 3 corpus/streetwise/streetwise.jsonl > $T/two/b.jsonl &&
> head -n 1 corpus/streetwise/streetwise.jsonl >> $T/two/b.jsonl &&
> tussen run keywords --format json $T/two/a.jsonl $T/two/b.jsonl > $T/s.json 2> $T/s.err &&
> tussen run keywords --format json $T/two > $T/l.json 2> $T/l.err &&
> grep -v 'in one streaming pass' $T/s.err | sort > $T/a && grep -v 'note: ignored' $T/l.err | sort > $T/b &&
> cmp $T/s.json $T/l.json && cmp $T/a $T/b && cat $T/s.err
| tussen: keywords: by=norm n=1 min=2 top=20 over 1619 tokens in 8 documents
| tussen: note: read the files in one streaming pass: parents were not checked (a document whose parent is missing was kept, as with --orphans=keep)
| tussen: skipped: $T/two/b.jsonl:4: document "artikel": duplicate id (first used at $T/two/a.jsonl:1); give each document a unique id
| tussen: corpus: read 9 documents from 2 files: used 8, skipped 1 (1 duplicate id)

# Skipped documents while streaming: a duplicate id more than a batch (2 MB)
# after its first use, a line that is not JSON, invalid UTF-8, a document
# without text. The streamed run names each with file:line and counts them
# exactly as the loaded run does.
$ mkdir $T/skips && awk 'BEGIN {
>   print "{\"id\":\"dup\",\"kind\":\"article\",\"text\":\"De eerste tekst over ambtenaren en bewoners.\"}"
>   for (i = 0; i < 2600; i++) {
>     s = ""
>     for (j = 0; j < 90; j++) s = s " woord" (i * 7 + j) % 500
>     printf "{\"id\":\"f%d\",\"kind\":\"comment\",\"text\":\"Tekst%s.\"}\n", i, s
>   } }' > $T/skips/skips.jsonl &&
> printf '%s\n' '{"id":"broken","text":"no end"' '{"id":"dup","kind":"comment","text":"Dubbel."}' '{"id":"leeg","kind":"comment"}' >> $T/skips/skips.jsonl &&
> printf '{"id":"utf","text":"bad \377 byte"}\n{"id":"last","kind":"comment","text":"Het einde."}\n' >> $T/skips/skips.jsonl &&
> wc -c < $T/skips/skips.jsonl
| 2178287
$ tussen run keywords --format csv --table summary $T/skips/skips.jsonl 2> $T/stream.err
| documents,sentences,tokens,counted,types,by,n,stopwords,group
| 2602,2602,239211,236609,505,norm,1,on,kind
$ tussen run keywords --format csv --table summary $T/skips 2> $T/loaded.err
| documents,sentences,tokens,counted,types,by,n,stopwords,group
| 2602,2602,239211,236609,505,norm,1,on,kind
$ cat $T/stream.err
| tussen: keywords: by=norm n=1 min=2 top=20 over 239211 tokens in 2602 documents
| tussen: keywords: 2602 documents: per-document lists left out (raise --arg max_docs to see them)
| tussen: note: read $T/skips/skips.jsonl in one streaming pass: parents were not checked (a document whose parent is missing was kept, as with --orphans=keep)
| tussen: skipped: $T/skips/skips.jsonl:2602: byte 2178124: malformed JSON: unexpected end: missing '}'; fix or remove the line
| tussen: skipped: $T/skips/skips.jsonl:2603: document "dup": duplicate id (first used at $T/skips/skips.jsonl:1); give each document a unique id
| tussen: skipped: $T/skips/skips.jsonl:2604: document "leeg": document has no text field; give it a "text" (or choose the column with --text-column)
| tussen: skipped: $T/skips/skips.jsonl:2605: byte 2178227: document "utf": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
| tussen: corpus: read 2606 documents from 1 file: used 2602, skipped 4 (1 duplicate id, 1 missing text, 1 invalid UTF-8, 1 broken record)
| tussen: note: CSV holds one table; left out: top_terms, groups, documents, keyness, collocations, kwic (choose one with --table NAME, or use --format json)
$ grep -v 'in one streaming pass' $T/stream.err | sort > $T/a && grep -v 'note: ignored' $T/loaded.err | sort > $T/b && cmp $T/a $T/b && echo same messages
| same messages

# CSV and gzipped JSON Lines stream too, and the corpus options apply as
# they do to a load: --repair-utf8 keeps a document with a warning, --kind
# gives documents without a kind one. Each file is run streamed and in a
# directory of its own (loaded): the same stdout, the same messages.
$ for d in csv gz utf; do mkdir -p $T/opts/$d; done &&
> cp tests/data/importers/comma.csv $T/opts/csv/ &&
> gzip -c corpus/streetwise/streetwise.jsonl > $T/opts/gz/sw.jsonl.gz &&
> printf '{"id":"u","text":"Het caf\351 aan de stad."}\n{"id":"k","kind":"opinie","text":"Een tekst over de stad."}\n{"id":"n","text":"Zonder soort, over de stad."}\n' > $T/opts/utf/x.jsonl &&
> for f in csv/comma.csv gz/sw.jsonl.gz utf/x.jsonl; do
>   tussen run keywords --repair-utf8 --kind=reactie --format json $T/opts/$f > $T/s.json 2> $T/s.err
>   tussen run keywords --repair-utf8 --kind=reactie --format json $T/opts/${f%/*} > $T/l.json 2> $T/l.err
>   grep -v 'in one streaming pass' $T/s.err | sort > $T/a; grep -v 'note: ignored' $T/l.err | sort > $T/b
>   grep -q 'in one streaming pass' $T/s.err && cmp $T/s.json $T/l.json && cmp $T/a $T/b &&
>   echo "$f: streamed, identical"
> done
| csv/comma.csv: streamed, identical
| gz/sw.jsonl.gz: streamed, identical
| utf/x.jsonl: streamed, identical
$ cat $T/s.err
| tussen: keywords: by=norm n=1 min=2 top=20 over 19 tokens in 3 documents
| tussen: note: read $T/opts/utf/x.jsonl in one streaming pass: parents were not checked (a document whose parent is missing was kept, as with --orphans=keep)
| tussen: warning: $T/opts/utf/x.jsonl:1: byte 25: document "u": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
| tussen: corpus: read 3 documents from 1 file: used 3, skipped 0; repaired invalid UTF-8 in 1 document
$ grep -A3 '"groups"' $T/s.json | head -8
|   "groups": [
|     {
|       "group": "reactie",
|       "rank": 1,

# --strict fails when the stream skipped a document, as a load does.
$ tussen run -q --strict keywords --format csv --table summary $T/skips/skips.jsonl
! tussen: skipped: $T/skips/skips.jsonl:2602: byte 2178124: malformed JSON: unexpected end: missing '}'; fix or remove the line
! tussen: skipped: $T/skips/skips.jsonl:2603: document "dup": duplicate id (first used at $T/skips/skips.jsonl:1); give each document a unique id
! tussen: skipped: $T/skips/skips.jsonl:2604: document "leeg": document has no text field; give it a "text" (or choose the column with --text-column)
! tussen: skipped: $T/skips/skips.jsonl:2605: byte 2178227: document "utf": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 2606 documents from 1 file: used 2602, skipped 4 (1 duplicate id, 1 missing text, 1 invalid UTF-8, 1 broken record)
! tussen: 4 documents were skipped and --strict is on
? 1
$ tussen run -q --strict keywords --format csv --table summary $T/skips
! tussen: skipped: $T/skips/skips.jsonl:2602: byte 2178124: malformed JSON: unexpected end: missing '}'; fix or remove the line
! tussen: skipped: $T/skips/skips.jsonl:2603: document "dup": duplicate id (first used at $T/skips/skips.jsonl:1); give each document a unique id
! tussen: skipped: $T/skips/skips.jsonl:2604: document "leeg": document has no text field; give it a "text" (or choose the column with --text-column)
! tussen: skipped: $T/skips/skips.jsonl:2605: byte 2178227: document "utf": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 2606 documents from 1 file: used 2602, skipped 4 (1 duplicate id, 1 missing text, 1 invalid UTF-8, 1 broken record)
! tussen: 4 documents were skipped and --strict is on
? 1

# A streaming script given a directory gets the loaded corpus: its :scan
# and :load work there too. Given a file, it gets a tussen.Source.
$ cat > $T/probe.lua <<'LUA'
> return {
>   description = "what a streaming script is given",
>   corpus = "stream",
>   run = function(ctx)
>     local c = ctx.corpus
>     local s = c:scan{tokens = false}
>     local t = s:totals()
>     local loaded = c:load()
>     local n = 0
>     for _ in loaded:docs() do n = n + 1 end
>     local top = s:count{top = 1}:rows()[1]
>     return tussen.record({type = tostring(c):match("^tussen%.%a+"),
>                           documents = t.documents, tokens = t.tokens,
>                           sentences = t.sentences, loaded = n,
>                           top = top.term .. " " .. top.count},
>                          {"type", "documents", "tokens", "sentences", "loaded", "top"})
>   end,
> }
> LUA
$ tussen run -q $T/probe.lua corpus/streetwise
| type:      tussen.Corpus
| documents: 8
| tokens:    1619
| sentences: 80
| loaded:    8
| top:       de 84
$ tussen run -q $T/probe.lua corpus/streetwise/streetwise.jsonl
| type:      tussen.Source
| documents: 8
| tokens:    1619
| sentences: 80
| loaded:    8
| top:       de 84

# A declaration that is neither "load" nor "stream" is refused, saying what
# it may be.
$ printf 'return {description = "x", corpus = "bogus", run = function() return {} end}\n' > $T/bogus.lua
$ tussen run -q $T/bogus.lua corpus/streetwise
! tussen: $T/bogus.lua: 'corpus' must be "load" (the default: ctx.corpus is the loaded corpus) or "stream" (ctx.corpus:scan reads JSON Lines in one pass)
? 1

# source:scan twice and source:load over a file with skips: the load report
# (printed after the script) counts the file once, not once per pass; both
# passes count the same, the skipped duplicate ("dubbel") in neither, the
# document after the skips ("einde") in both.
$ cat > $T/twice.lua <<'LUA'
> return {
>   description = "two passes over one source",
>   corpus = "stream",
>   run = function(ctx)
>     local rows = {}
>     for pass = 1, 2 do
>       local s = ctx.corpus:scan{tokens = false, by = "form"}
>       local t = s:totals()
>       local f = s:count()
>       if pass == 2 then assert(#ctx.corpus:load() == t.documents) end
>       rows[pass] = {pass = pass, documents = t.documents, tokens = t.tokens,
>                     ambtenaren = f:count("ambtenaren"),
>                     dubbel = f:count("dubbel"), einde = f:count("einde")}
>     end
>     return tussen.table(rows, {"pass", "documents", "tokens", "ambtenaren",
>                                "dubbel", "einde"})
>   end,
> }
> LUA
$ tussen run $T/twice.lua $T/skips/skips.jsonl
| pass  documents  tokens  ambtenaren  dubbel  einde
| ----  ---------  ------  ----------  ------  -----
|    1       2602  239211           1       0      1
|    2       2602  239211           1       0      1
! tussen: note: read $T/skips/skips.jsonl in one streaming pass: parents were not checked (a document whose parent is missing was kept, as with --orphans=keep)
! tussen: skipped: $T/skips/skips.jsonl:2602: byte 2178124: malformed JSON: unexpected end: missing '}'; fix or remove the line
! tussen: skipped: $T/skips/skips.jsonl:2603: document "dup": duplicate id (first used at $T/skips/skips.jsonl:1); give each document a unique id
! tussen: skipped: $T/skips/skips.jsonl:2604: document "leeg": document has no text field; give it a "text" (or choose the column with --text-column)
! tussen: skipped: $T/skips/skips.jsonl:2605: byte 2178227: document "utf": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 2606 documents from 1 file: used 2602, skipped 4 (1 duplicate id, 1 missing text, 1 invalid UTF-8, 1 broken record)

# A file that cannot be read at all fails a streamed run as it fails a load:
# the file, line and byte, and what to do; no script location, no traceback.
$ tussen run -q keywords tests/data/bad-inputs/bad-header.csv
! tussen: tests/data/bad-inputs/bad-header.csv:1: byte 3: the header row does not parse (a quote is never closed); the first row must name the columns
? 1
$ tussen run -q counts tests/data/bad-inputs/truncated.jsonl.gz
! tussen: tests/data/bad-inputs/truncated.jsonl.gz: byte 6771: the gzip file is truncated after 6771 uncompressed bytes; re-create it (gzip -t tells whether it is intact)
? 1
$ tussen run -q keywords tests/data/bad-inputs/utf16.jsonl
! tussen: tests/data/bad-inputs/utf16.jsonl: the file is UTF-16LE (it starts with that byte order mark); tussen reads UTF-8: convert it with iconv -f UTF-16LE -t UTF-8
? 1

# A streaming script that loads its files instead (keywords of word pairs
# needs the token store) says nothing of a streaming pass: parents were
# checked as in any load.
$ tussen run keywords --arg n=2 --arg top=1 corpus/streetwise/streetwise.jsonl > /dev/null
! tussen: keywords: by=norm n=2 min=2 top=1 over 1619 tokens in 8 documents
! tussen: corpus: read 8 documents from 1 file: used 8, skipped 0

# A script that catches that failure and then fails for a reason of its own
# is told its own error, not the file's.
$ cat > $T/catch.lua <<'LUA'
> local tussen = require("tussen")
> return {
>   description = "catches a corpus error, then fails on its own",
>   corpus = "stream",
>   run = function(ctx)
>     local ok = pcall(function() return ctx.corpus:scan() end)
>     if not ok then error("my own error after a caught one", 0) end
>     return tussen.record({x = 1}, {"x"})
>   end,
> }
> LUA
$ tussen run -q $T/catch.lua tests/data/bad-inputs/bad-header.csv
! tussen: my own error after a caught one
! traceback:
!   $T/catch.lua:7: in function 'run'
? 1
