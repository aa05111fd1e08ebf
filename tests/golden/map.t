# tussen map reads JSON Lines in batches (tests/scale/ proves the counts;
# this file shows what a user sees). A batch ends at the first line end
# after --batch-size bytes; lines, byte offsets, the FILE:LINE names of
# documents without an id and the "first used at" line of a duplicate count
# from the start of the file in every batch, as in a load of the whole file.

$ printf '\357\273\277{"text":"een"}\r\n{"text":"twee"}\r{"text":"drie"}\r\n{"text":"vier"}\n{"text":"kapot\n{"id":"x","text":"vijf"}\r\n{"text":"zes"}\n' > $T/cr.jsonl
$ tussen corpus --check --orphans=keep $T/cr.jsonl
! tussen: skipped: $T/cr.jsonl:5: byte 82: malformed JSON: unterminated string; fix or remove the line
! tussen: corpus: read 7 documents from 1 file: used 6, skipped 1 (1 broken record)
$ tussen map --batch-size 1 $T/cr.jsonl > $T/b1.tnp
! tussen: skipped: $T/cr.jsonl:5: byte 82: malformed JSON: unterminated string; fix or remove the line
! tussen: corpus: read 7 documents from 1 file: used 6, skipped 1 (1 broken record)
$ tussen map --batch-size 100000 $T/cr.jsonl > $T/big.tnp
! tussen: skipped: $T/cr.jsonl:5: byte 82: malformed JSON: unterminated string; fix or remove the line
! tussen: corpus: read 7 documents from 1 file: used 6, skipped 1 (1 broken record)
$ cmp $T/b1.tnp $T/big.tnp && grep '^d' $T/b1.tnp
| d	cr.jsonl:1	(none)	-	1	1
| d	cr.jsonl:2	(none)	-	1	1
| d	cr.jsonl:3	(none)	-	1	1
| d	cr.jsonl:4	(none)	-	1	1
| d	cr.jsonl:7	(none)	-	1	1
| d	x	(none)	-	1	1

# A file over 1 MiB, read in batches of about 100 kB: the duplicate on line
# 29000 (of the id of line 28999, in the same batch) names the lines of the
# file, not of its batch.
$ awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "{\"id\":\"d%d\",\"text\":\"Regel %d van het bestand.\"}\n", (i == 29000 ? 28999 : i), i }' > $T/big.jsonl
$ tussen map --batch-size 100000 $T/big.jsonl | tail -n 1
| t	29999	119996	179994	29999
! tussen: skipped: $T/big.jsonl:29000: document "d28999": duplicate id (first used at $T/big.jsonl:28999); give each document a unique id
! tussen: corpus: read 30000 documents from 1 file: used 29999, skipped 1 (1 duplicate id)

# A JSON Lines file without documents (0 bytes, only blank lines, gzipped
# or not) gets the warning of a whole-file load, once, whatever the batch
# size, and is counted among the files read.
$ : > $T/empty.jsonl; printf '\n\n  \n\r\n' > $T/blank.jsonl; gzip -c $T/empty.jsonl > $T/leeg.jsonl.gz; printf '{"id":"a","text":"Hallo wereld."}\n' > $T/one.jsonl
$ tussen corpus --check $T/empty.jsonl $T/blank.jsonl $T/leeg.jsonl.gz $T/one.jsonl
! tussen: warning: $T/empty.jsonl: empty file: no documents
! tussen: warning: $T/blank.jsonl: no documents in this file
! tussen: warning: $T/leeg.jsonl.gz: empty file: no documents
! tussen: corpus: read 1 document from 4 files: used 1, skipped 0
$ tussen map --batch-size 1 $T/empty.jsonl $T/blank.jsonl $T/leeg.jsonl.gz $T/one.jsonl | grep -c .
| 10
! tussen: warning: $T/empty.jsonl: empty file: no documents
! tussen: warning: $T/blank.jsonl: no documents in this file
! tussen: warning: $T/leeg.jsonl.gz: empty file: no documents
! tussen: corpus: read 1 document from 4 files: used 1, skipped 0
$ tussen map $T/empty.jsonl $T/blank.jsonl
! tussen: warning: $T/empty.jsonl: empty file: no documents
! tussen: warning: $T/blank.jsonl: no documents in this file
! tussen: corpus: read 0 documents from 2 files: used 0, skipped 0
! tussen: no documents to analyse
? 1

# A document id used twice across batches or files of one map run: the
# later document is skipped with the message of a whole load (file, line,
# where the id was first used) and counted as skipped; the run goes on.
# With batches of 2000 bytes (a line or two of streetwise each), the
# repeats of "reactie-2" and "artikel" fall in later batches than their
# first use, and "reactie-5" in another file. The partial is then the
# bytes of the corpus without the repeats, with or without --no-docs and
# on any number of threads, and merging keeps it so.
$ cp corpus/streetwise/streetwise.jsonl $T/dup.jsonl
> printf '{"id":"reactie-2","kind":"comment","text":"Een tweede reactie-2 die niet mag tellen."}\n{"id":"artikel","text":"Nog een artikel."}\n' >> $T/dup.jsonl
> printf '{"id":"reactie-5","kind":"comment","text":"Ook deze telt niet."}\n{"id":"reactie-8","kind":"comment","parent":"artikel","text":"Een nieuwe reactie, die wel telt."}\n' > $T/part2.jsonl
> { cat corpus/streetwise/streetwise.jsonl; tail -n 1 $T/part2.jsonl; } > $T/dedup.jsonl
$ tussen corpus --check $T/dup.jsonl $T/part2.jsonl
! tussen: skipped: $T/dup.jsonl:9: document "reactie-2": duplicate id (first used at $T/dup.jsonl:3); give each document a unique id
! tussen: skipped: $T/dup.jsonl:10: document "artikel": duplicate id (first used at $T/dup.jsonl:1); give each document a unique id
! tussen: skipped: $T/part2.jsonl:1: document "reactie-5": duplicate id (first used at $T/dup.jsonl:6); give each document a unique id
! tussen: corpus: read 12 documents from 2 files: used 9, skipped 3 (3 duplicate ids)
$ tussen map --batch-size 2000 $T/dup.jsonl $T/part2.jsonl > $T/a.tnp
! tussen: skipped: $T/dup.jsonl:9: document "reactie-2": duplicate id (first used at $T/dup.jsonl:3); give each document a unique id
! tussen: skipped: $T/dup.jsonl:10: document "artikel": duplicate id (first used at $T/dup.jsonl:1); give each document a unique id
! tussen: skipped: $T/part2.jsonl:1: document "reactie-5": duplicate id (first used at $T/dup.jsonl:6); give each document a unique id
! tussen: corpus: read 12 documents from 2 files: used 9, skipped 3 (3 duplicate ids)
$ tussen map -q $T/dedup.jsonl > $T/d.tnp; cmp $T/a.tnp $T/d.tnp && grep -c '^d' $T/a.tnp
| 9
$ tussen map -q --no-docs --jobs 3 --batch-size 1 $T/dup.jsonl $T/part2.jsonl > $T/n.tnp
! tussen: skipped: $T/dup.jsonl:9: document "reactie-2": duplicate id (first used at $T/dup.jsonl:3); give each document a unique id
! tussen: skipped: $T/dup.jsonl:10: document "artikel": duplicate id (first used at $T/dup.jsonl:1); give each document a unique id
! tussen: skipped: $T/part2.jsonl:1: document "reactie-5": duplicate id (first used at $T/dup.jsonl:6); give each document a unique id
! tussen: corpus: read 12 documents from 2 files: used 9, skipped 3 (3 duplicate ids)
$ tussen map -q --no-docs $T/dedup.jsonl | cmp - $T/n.tnp && tail -n 1 $T/n.tnp
| t	9	1452	1627	81
$ tussen map -q --batch-size 2000 $T/dup.jsonl > $T/p1.tnp; tail -n 1 $T/part2.jsonl > $T/p2.jsonl; tussen map -q $T/p2.jsonl > $T/p2.tnp
! tussen: skipped: $T/dup.jsonl:9: document "reactie-2": duplicate id (first used at $T/dup.jsonl:3); give each document a unique id
! tussen: skipped: $T/dup.jsonl:10: document "artikel": duplicate id (first used at $T/dup.jsonl:1); give each document a unique id
! tussen: corpus: read 10 documents from 1 file: used 8, skipped 2 (2 duplicate ids)
$ tussen merge $T/p2.tnp $T/p1.tnp | cmp - $T/d.tnp && echo merged: same bytes
| merged: same bytes
$ tussen merge --report --format csv --table groups $T/p1.tnp $T/p2.tnp > $T/m.csv; tussen run -q counts --format csv --table groups $T/dedup.jsonl | cmp - $T/m.csv && wc -l < $T/m.csv
| 41

# CSV and TSV are read in batches of whole records too (the header once):
# a quoted cell may hold line ends (LF, CRLF, a lone CR) and doubled
# quotes, so batches end only where a record ends. With batches of 1 byte
# the partial and every message (line, byte offset, FILE:ROW names, a
# repeated id in a later batch) are those of one batch holding the whole
# file, and of a whole load by tussen corpus.
$ printf '\357\273\277nr;tekst;soort\r\n1;"Eerste regel\r\ntweede; regel";artikel\r\n;"Zonder ""nummer""\rop twee regels";reactie\r\n\r\n3;"te veel";x;y\r\n4;"dicht" en dan tekst;x\r\n1;"Nummer 1 nog eens";reactie\n5;caf\351;reactie\n6;"Laatste,\nzonder regeleinde";reactie' > $T/r.csv
$ tussen corpus --check --orphans=keep --id-column=nr --text-column=tekst --kind-column=soort $T/r.csv
! tussen: skipped: $T/r.csv:7: byte 107: row has 4 fields but the header has 3; check the separator (';') and the quoting
! tussen: skipped: $T/r.csv:8: byte 133: text after a closing quote; a quote inside a quoted field is written ""
! tussen: skipped: $T/r.csv:9: document "1": duplicate id (first used at $T/r.csv:2); give each document a unique id
! tussen: skipped: $T/r.csv:10: byte 185: document "5": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 7 documents from 1 file: used 3, skipped 4 (1 duplicate id, 1 invalid UTF-8, 2 broken records)
$ tussen map --batch-size 1 --id-column=nr --text-column=tekst --kind-column=soort $T/r.csv > $T/small.tnp
! tussen: skipped: $T/r.csv:7: byte 107: row has 4 fields but the header has 3; check the separator (';') and the quoting
! tussen: skipped: $T/r.csv:8: byte 133: text after a closing quote; a quote inside a quoted field is written ""
! tussen: skipped: $T/r.csv:9: document "1": duplicate id (first used at $T/r.csv:2); give each document a unique id
! tussen: skipped: $T/r.csv:10: byte 185: document "5": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 7 documents from 1 file: used 3, skipped 4 (1 duplicate id, 1 invalid UTF-8, 2 broken records)
$ tussen map -q --batch-size 100000000 --id-column=nr --text-column=tekst --kind-column=soort $T/r.csv > $T/large.tnp; cmp $T/small.tnp $T/large.tnp && grep '^[dt]' $T/small.tnp
| d	1	artikel	-	4	1
| d	6	reactie	-	3	1
| d	r.csv:2	reactie	-	5	1
| t	3	12	16	3
! tussen: skipped: $T/r.csv:7: byte 107: row has 4 fields but the header has 3; check the separator (';') and the quoting
! tussen: skipped: $T/r.csv:8: byte 133: text after a closing quote; a quote inside a quoted field is written ""
! tussen: skipped: $T/r.csv:9: document "1": duplicate id (first used at $T/r.csv:2); give each document a unique id
! tussen: skipped: $T/r.csv:10: byte 185: document "5": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 7 documents from 1 file: used 3, skipped 4 (1 duplicate id, 1 invalid UTF-8, 2 broken records)

# The importers' examples, gzipped too, on 1, 2 and 3 threads.
$ for f in tests/data/importers/reacties.tsv tests/data/importers/comma.csv tests/data/importers/excel-nl.csv; do o="--text-column=tekst --id-column=nr"; [ ${f##*/} = excel-nl.csv ] || o=; tussen map -q $o $f > $T/whole.tnp; gzip -c $f > $T/f.${f##*.}.gz; for j in 1 2 3; do tussen map -q $o -j $j --batch-size 1 $f | cmp - $T/whole.tnp || echo "$f -j $j differs"; tussen map -q $o -j $j --batch-size 40 $T/f.${f##*.}.gz | cmp - $T/whole.tnp || echo "$f.gz -j $j differs"; done; echo "$f: $(grep -c '^d' $T/whole.tnp) documents"; done
| tests/data/importers/reacties.tsv: 3 documents
| tests/data/importers/comma.csv: 3 documents
| tests/data/importers/excel-nl.csv: 3 documents

# About 1 MB of CSV whose cells span lines, with long unquoted cells
# too, in batches of 1000 and 4000 bytes (read 4 KiB at a time, so records
# are cut by the end of what was read, inside quotes and outside) and in
# one: the same bytes.
$ awk 'BEGIN { print "id,extra,text"; for (i = 1; i <= 5000; i++) printf "d%d,onbeschermde cel %d met veel woorden die niet tussen aanhalingstekens staan en toch lang is,\"Regel %d, met \"\"aanhalingen\"\"\nen een tweede regel die ook wat langer is dan de eerste.\"\n", i, i, i }' > $T/big.csv
$ tussen map -q --batch-size 1000 $T/big.csv > $T/b1.tnp; tussen map -q --batch-size 4000 $T/big.csv > $T/b4.tnp; tussen map -q $T/big.csv | cmp - $T/b1.tnp && cmp $T/b1.tnp $T/b4.tnp && tail -n 1 $T/b1.tnp && wc -c < $T/big.csv
| t	5000	75000	100000	5000
| 951693

# The same file named twice, or through a link, is read once, as a whole
# load reads it, instead of making each of its documents a repeated id.
$ ln -s "$(pwd)/tests/data/importers/basic.jsonl" $T/link.jsonl
$ tussen map tests/data/importers/basic.jsonl $T/link.jsonl tests/data/importers/basic.jsonl > $T/twice.tnp; tussen map -q tests/data/importers/basic.jsonl | cmp - $T/twice.tnp && grep -c '^d' $T/twice.tnp
| 4
! tussen: warning: $T/link.jsonl: this file was already read; not read again
! tussen: warning: tests/data/importers/basic.jsonl: this file was already read; not read again
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0

# UTF-16 (or UTF-32) is refused as a whole load refuses it, not read as
# lines of broken JSON.
$ tussen corpus --check tests/data/bad-inputs/utf16.jsonl
! tussen: tests/data/bad-inputs/utf16.jsonl: the file is UTF-16LE (it starts with that byte order mark); tussen reads UTF-8: convert it with iconv -f UTF-16LE -t UTF-8
? 1
$ tussen map tests/data/bad-inputs/utf16.jsonl
! tussen: tests/data/bad-inputs/utf16.jsonl: the file is UTF-16LE (it starts with that byte order mark); tussen reads UTF-8: convert it with iconv -f UTF-16LE -t UTF-8
? 1
