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
