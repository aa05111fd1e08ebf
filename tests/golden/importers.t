# Every importer on good input: what is read, in which order, with which
# fields. `tussen corpus` writes the loaded corpus as canonical JSONL.

# JSON Lines: known fields, other metadata of every JSON type kept in
# source order, numeric ids as their spelling, escapes decoded, blank lines
# ignored, parents resolved (c-2 answers c-1).
$ tussen corpus tests/data/importers/basic.jsonl
| {"id":"art-1","kind":"article","title":"Fietsen in de stad","author":"Anne de Vries","date":"2026-03-14","views":1204,"tags":["verkeer","stad"],"featured":true,"note":null,"text":"De gemeente wil meer fietspaden.\n\nNiet iedereen is het daarmee eens."}
| {"id":"c-1","kind":"comment","parent":"art-1","author":"Piet","number":1,"text":"Eindelijk! Ik fiets elke dag naar m'n werk."}
| {"id":"c-2","kind":"comment","parent":"c-1","author":"Sanne","number":2,"text":"Maar waar moeten de auto's dan heen? \"Autoluw\" klinkt mooi, maar…"}
| {"id":"42","kind":"comment","parent":"art-1","score":-0.5,"text":"Een numeriek id wordt als tekst “42” bewaard."}
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0

# The same file gzipped gives the same corpus.
$ tussen corpus -q tests/data/importers/basic.jsonl.gz > $T/gz.out && tussen corpus -q tests/data/importers/basic.jsonl | cmp - $T/gz.out && echo same
| same

# CSV with ',': quoted fields with commas, blank lines inside ("paragraphs"),
# doubled quotes; an empty cell is an absent field; extra columns are
# metadata strings, kept as written.
$ tussen corpus tests/data/importers/comma.csv
| {"id":"a1","kind":"article","title":"Wonen, werken en reizen","score":" 3.5","text":"Eerste alinea.\n\nTweede alinea, met een komma."}
| {"id":"r1","kind":"comment","parent":"a1","score":"","text":"Hij zei: \"Dat klopt niet.\" En ging weg."}
| {"id":"r2","kind":"comment","parent":"a1","score":"7","text":"Zonder aanhalingstekens"}
! tussen: corpus: read 3 documents from 1 file: used 3, skipped 0

# CSV as Dutch Excel writes it: ';', a UTF-8 BOM, CRLF, a quoted field with
# a ';' and a CRLF inside, decimal commas. The columns are named in Dutch,
# so the options choose them; the next record's line number counts the line
# inside the quotes.
$ tussen corpus --id-column=nr --kind-column=soort --parent-column='reactie op' --text-column=tekst tests/data/importers/excel-nl.csv
| {"id":"1","kind":"artikel","cijfer":"7,5","text":"Gemeente kiest voor \"streetwise\" ambtenaren"}
| {"id":"2","kind":"reactie","parent":"1","cijfer":"6,0","text":"Goed idee;\nmaar wie betaalt het?"}
| {"id":"3","kind":"reactie","parent":"1","cijfer":"","text":"Café-praat, meer niet"}
! tussen: corpus: read 3 documents from 1 file: used 3, skipped 0

# Without those options the text column is missing: a clear error.
$ tussen corpus tests/data/importers/excel-nl.csv
! tussen: tests/data/importers/excel-nl.csv:1: no column named "text" (the columns are "nr", "soort", "reactie op", "tekst", "cijfer"); choose one with --text-column
? 1

# --delimiter forces the separator; the wrong one makes every row one field.
$ tussen corpus --delimiter=, --text-column=tekst tests/data/importers/excel-nl.csv
! tussen: tests/data/importers/excel-nl.csv:1: no column named "tekst" (the columns are "nr;soort;reactie op;tekst;cijfer"); choose one with --text-column
? 1

# TSV; quotes work as in CSV.
$ tussen corpus tests/data/importers/reacties.tsv
| {"id":"t1","author":"Redactie","text":"Wat vindt u van de nieuwe regels?"}
| {"id":"t2","parent":"t1","author":"Kees","text":"Te streng. Al zeg ik het zelf."}
| {"id":"t3","parent":"t1","author":"Fatima","text":"Prima, met \"tabs\" en al"}
! tussen: corpus: read 3 documents from 1 file: used 3, skipped 0

# Column options in both spellings (--opt=value and --opt value).
$ tussen corpus --id-column nr --text-column=body --parent-column reply_to --title-column=headline --author-column by --date-column=when --kind-column type tests/data/importers/columns.csv
| {"id":"10","kind":"post","title":"Kop","author":"Jan","date":"2026-01-01","text":"Eerste bericht"}
| {"id":"11","kind":"reply","parent":"10","author":"Els","date":"2026-01-02","text":"Tweede bericht"}
! tussen: corpus: read 2 documents from 1 file: used 2, skipped 0

# Plain text: one document, its id the file name without extension,
# paragraphs and line breaks kept; --kind names its kind.
$ tussen corpus --kind=article tests/data/importers/artikel.txt
| {"id":"artikel","kind":"article","text":"Streetwise ambtenaren\n\nEerste alinea van het stuk.\nNog een regel.\n\n\nTweede alinea na twee witregels.\n"}
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# A directory: supported files in sorted order, subdirectories included,
# hidden files and other types left out (with a note naming them).
$ tussen corpus tests/data/importers/dir
| {"id":"a1","text":"uit a.csv"}
| {"id":"b1","text":"uit b.jsonl"}
| {"id":"c","text":"Tekst uit sub/c.txt\n"}
| {"id":"d1","text":"uit sub/deeper/d.tsv"}
! tussen: note: tests/data/importers/dir/sub: ignored 1 file of other types (notes.odt)
! tussen: note: tests/data/importers/dir: ignored 1 file of other types (README.md)
! tussen: corpus: read 4 documents from 4 files: used 4, skipped 0

# Several CORPUS arguments form one corpus: replies in the second file find
# their parents in the first.
$ tussen corpus tests/data/importers/basic.jsonl tests/data/importers/replies-to-basic.jsonl
| {"id":"art-1","kind":"article","title":"Fietsen in de stad","author":"Anne de Vries","date":"2026-03-14","views":1204,"tags":["verkeer","stad"],"featured":true,"note":null,"text":"De gemeente wil meer fietspaden.\n\nNiet iedereen is het daarmee eens."}
| {"id":"c-1","kind":"comment","parent":"art-1","author":"Piet","number":1,"text":"Eindelijk! Ik fiets elke dag naar m'n werk."}
| {"id":"c-2","kind":"comment","parent":"c-1","author":"Sanne","number":2,"text":"Maar waar moeten de auto's dan heen? \"Autoluw\" klinkt mooi, maar…"}
| {"id":"42","kind":"comment","parent":"art-1","score":-0.5,"text":"Een numeriek id wordt als tekst “42” bewaard."}
| {"id":"c-3","kind":"comment","parent":"art-1","text":"Een reactie uit een tweede bestand."}
| {"id":"c-4","kind":"comment","parent":"c-3","text":"En een reactie daarop."}
! tussen: corpus: read 6 documents from 2 files: used 6, skipped 0

# Alone, the replies are orphans: skipped by default (c-4 with them, since
# its parent c-3 is skipped), kept with a warning under --orphans=keep.
$ tussen corpus tests/data/importers/replies-to-basic.jsonl
! tussen: skipped: tests/data/importers/replies-to-basic.jsonl:1: document "c-3": parent "art-1" is not in the corpus; load the file that holds it, or pass --orphans=keep
! tussen: skipped: tests/data/importers/replies-to-basic.jsonl:2: document "c-4": parent "c-3" is not in the corpus (it was skipped); load the file that holds it, or pass --orphans=keep
! tussen: corpus: read 2 documents from 1 file: used 0, skipped 2 (2 unknown parents)
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus --orphans=keep tests/data/importers/replies-to-basic.jsonl
| {"id":"c-3","kind":"comment","parent":"art-1","text":"Een reactie uit een tweede bestand."}
| {"id":"c-4","kind":"comment","parent":"c-3","text":"En een reactie daarop."}
! tussen: warning: tests/data/importers/replies-to-basic.jsonl:1: document "c-3": parent "art-1" is not in the corpus; kept without a parent (--orphans=keep)
! tussen: corpus: read 2 documents from 1 file: used 2, skipped 0

# --check loads and reports only; -q drops the summary when nothing was
# skipped; -- ends the options.
$ tussen corpus --check tests/data/importers/basic.jsonl
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0
$ tussen corpus --check -q -- tests/data/importers/basic.jsonl

# The bundled corpus: the article and its seven comments.
$ tussen corpus --check corpus/streetwise
! tussen: note: corpus/streetwise: ignored 1 file of other types (README.md)
! tussen: corpus: read 8 documents from 1 file: used 8, skipped 0
