# Broken CSV: a quote that never closes swallows the rest of the file, and
# the message says which lines; a row with too few or too many fields, or
# text after a closing quote, is skipped and reading goes on at the next
# line.

$ tussen corpus tests/data/bad-inputs/unbalanced.csv
| {"id":"a","text":"Goed."}
! tussen: skipped: tests/data/bad-inputs/unbalanced.csv:3: byte 18: a quoted field is never closed, so the rest of the file (lines 3-5) was read as part of this record; close the quote (a quote inside a field is written "")
! tussen: corpus: read 2 documents from 1 file: used 1, skipped 1 (1 broken record)
$ tussen corpus tests/data/bad-inputs/fields.csv
| {"id":"a","text":"Goed."}
| {"id":"e","parent":"a","text":"Weer goed."}
! tussen: skipped: tests/data/bad-inputs/fields.csv:3: byte 24: row has 2 fields but the header has 3; check the separator (',') and the quoting
! tussen: skipped: tests/data/bad-inputs/fields.csv:4: byte 43: row has 4 fields but the header has 3; check the separator (',') and the quoting
! tussen: skipped: tests/data/bad-inputs/fields.csv:5: byte 78: text after a closing quote; a quote inside a quoted field is written ""
! tussen: corpus: read 5 documents from 1 file: used 2, skipped 3 (3 broken records)

# A header that does not parse, or lacks the text column, stops the load.
$ tussen corpus tests/data/bad-inputs/bad-header.csv
! tussen: tests/data/bad-inputs/bad-header.csv:1: byte 3: the header row does not parse (a quote is never closed); the first row must name the columns
? 1
$ tussen corpus tests/data/bad-inputs/no-text-column.csv
! tussen: tests/data/bad-inputs/no-text-column.csv:1: no column named "text" (the columns are "id", "body"); choose one with --text-column
? 1
$ tussen corpus --text-column=body tests/data/bad-inputs/no-text-column.csv
| {"id":"1","text":"tekst"}
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# Lone CR line ends, also inside a quoted field (which becomes LF).
$ tussen corpus tests/data/bad-inputs/cr-only.csv
| {"id":"1","text":"een\ntwee"}
| {"id":"2","text":"drie"}
! tussen: corpus: read 2 documents from 1 file: used 2, skipped 0

# Column names that would give a document two fields of one name stop the
# run: a name twice in the header, a column named like a field that another
# column fills, one column chosen for two fields.
$ tussen corpus tests/data/bad-inputs/duplicate-columns.csv
! tussen: tests/data/bad-inputs/duplicate-columns.csv:1: the header names column "Text" twice (columns 2 and 3); rename one of them
? 1
$ tussen corpus --text-column=body tests/data/bad-inputs/field-named-column.csv
! tussen: tests/data/bad-inputs/field-named-column.csv:1: column "text" has the name of a document field, but the text comes from column "body" (--text-column); rename "text" in the header
? 1
$ tussen corpus --title-column=text tests/data/bad-inputs/field-named-column.csv
! tussen: tests/data/bad-inputs/field-named-column.csv:1: column "text" is chosen as both text and title; choose another with --title-column
? 1
