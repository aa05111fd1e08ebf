# The result model and its writers. A list of records is a table (columns
# from tussen.table, else the keys sorted); a record is "key: value" lines
# and one section per list or record inside it; JSON keeps the whole
# structure; CSV holds one table (--table NAME picks a section).

$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format text
|  n  note      word
| --  --------  ----
|  3            huis
| 12  telwoord  één
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format csv
| n,note,word
| 3,,huis
| 12,telwoord,één
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format json
| [
|   {
|     "n": 3,
|     "word": "huis"
|   },
|   {
|     "n": 12,
|     "note": "telwoord",
|     "word": "één"
|   }
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format md
| | n | note | word |
| | ---: | --- | --- |
| | 3 |  | huis |
| | 12 | telwoord | één |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=table --format text
| word  n  extra
| ----  -  -----
| huis  3  true
| 日本  1
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=table --format csv
| word,n,extra
| huis,3,true
| 日本,1,
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=table --format json
| [
|   {
|     "word": "huis",
|     "n": 3,
|     "extra": true
|   },
|   {
|     "word": "日本",
|     "n": 1
|   }
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=table --format md
| | word | n | extra |
| | --- | ---: | --- |
| | huis | 3 | true |
| | 日本 | 1 |  |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format text
| title: Voorbeeld
|
| == documents ==
| id  words
| --  -----
| a       2
| b      10
|
| == totals ==
| documents: 2
| words:     12
|
| == detail ==
| == detail.by_kind ==
| kind     n
| -------  -
| comment  1
|
| note: nested
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv
| id,words
| a,2
| b,10
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format json
| {
|   "title": "Voorbeeld",
|   "documents": [
|     {
|       "id": "a",
|       "words": 2
|     },
|     {
|       "id": "b",
|       "words": 10
|     }
|   ],
|   "totals": {
|     "documents": 2,
|     "words": 12
|   },
|   "detail": {
|     "by_kind": [
|       {
|         "kind": "comment",
|         "n": 1
|       }
|     ],
|     "note": "nested"
|   }
| }
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format md
| - title: Voorbeeld
|
| ## documents
|
| | id | words |
| | --- | ---: |
| | a | 2 |
| | b | 10 |
|
| ## totals
|
| - documents: 2
| - words: 12
|
| ## detail
|
| ### by_kind
|
| | kind | n |
| | --- | ---: |
| | comment | 1 |
|
| - note: nested
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=scalar --format text
| just a line
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=scalar --format csv
| value
| just a line
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=scalar --format json
| "just a line"
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=scalar --format md
| just a line
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=list --format text
| value
| -----
| een
| twee
| 3
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=list --format csv
| value
| een
| twee
| 3
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=list --format json
| [
|   "een",
|   "twee",
|   3
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=list --format md
| | value |
| | --- |
| | een |
| | twee |
| | 3 |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty --format text
| (no rows)
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty --format csv
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty --format json
| []
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty --format md
| _(no rows)_
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty_table --format text
| id  n
| --  -
| (no rows)
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty_table --format csv
| id,n
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty_table --format json
| []
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=empty_table --format md
| | id | n |
| | --- | --- |
|
| _(no rows)_
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=quoting --format text
| text         other
| -----------  --------
| comma, here  say "hi"
| two lines    a | pipe
| tab here     één
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=quoting --format csv
| text,other
| "comma, here","say ""hi"""
| "two
| lines",a | pipe
| tab	here,één
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=quoting --format json
| [
|   {
|     "text": "comma, here",
|     "other": "say \"hi\""
|   },
|   {
|     "text": "two\nlines",
|     "other": "a | pipe"
|   },
|   {
|     "text": "tab\there",
|     "other": "één"
|   }
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=quoting --format md
| | text | other |
| | --- | --- |
| | comma, here | say "hi" |
| | two lines | a \| pipe |
| | tab here | één |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format text
| name                value
| -------  ----------------
| int                    42
| third              0.3333
| sum                   0.3
| tiny                1e-07
| big      9007199254740992
| negzero                 0
| nan                   nan
| inf                   inf
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format csv
| name,value
| int,42
| third,0.3333333333333333
| sum,0.30000000000000004
| tiny,1e-07
| big,9007199254740992
| negzero,0
| nan,nan
| inf,inf
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format json
| [
|   {
|     "name": "int",
|     "value": 42
|   },
|   {
|     "name": "third",
|     "value": 0.3333333333333333
|   },
|   {
|     "name": "sum",
|     "value": 0.30000000000000004
|   },
|   {
|     "name": "tiny",
|     "value": 1e-07
|   },
|   {
|     "name": "big",
|     "value": 9007199254740992
|   },
|   {
|     "name": "negzero",
|     "value": 0
|   },
|   {
|     "name": "nan",
|     "value": null
|   },
|   {
|     "name": "inf",
|     "value": null
|   }
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format md
| | name | value |
| | --- | ---: |
| | int | 42 |
| | third | 0.3333 |
| | sum | 0.3 |
| | tiny | 1e-07 |
| | big | 9007199254740992 |
| | negzero | 0 |
| | nan | nan |
| | inf | inf |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=nested_cells --format text
| id  info                  tags
| --  --------------------  ----------
| a   {"n": 1, "ok": true}  ["x", "y"]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=nested_cells --format csv
| id,info,tags
| a,"{""n"": 1, ""ok"": true}","[""x"", ""y""]"
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=nested_cells --format json
| [
|   {
|     "id": "a",
|     "info": {
|       "n": 1,
|       "ok": true
|     },
|     "tags": [
|       "x",
|       "y"
|     ]
|   }
| ]
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=nested_cells --format md
| | id | info | tags |
| | --- | --- | --- |
| | a | {"n": 1, "ok": true} | ["x", "y"] |
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=none --format text
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=none --format csv
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=none --format json
| null
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=none --format md

# --width N wraps the longest text columns at spaces (a word longer than
# the column is cut); numbers and headers are never cut; 0 never wraps
# (nor does output that is not a terminal, without --width).
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=long --width 40
| id   n  text
| --  --  --------------------------------
| a   12  Een lange zin die over meer
|         regels loopt als de tabel smal
|         is.
| b    3  Kort.
| c    7  Één woord:
|         arbeidsongeschiktheidsverzekerin
|         g, en 日本語 ook.
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=long --width 0
| id   n  text
| --  --  --------------------------------------------------------------
| a   12  Een lange zin die over meer regels loopt als de tabel smal is.
| b    3  Kort.
| c    7  Één woord: arbeidsongeschiktheidsverzekering, en 日本語 ook.
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=long
| id   n  text
| --  --  --------------------------------------------------------------
| a   12  Een lange zin die over meer regels loopt als de tabel smal is.
| b    3  Kort.
| c    7  Één woord: arbeidsongeschiktheidsverzekering, en 日本語 ook.
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=long --width 5
| id   n  text
| --  --  --------
| a   12  Een
|         lange
|         zin die
|         over
|         meer
|         regels
|         loopt
|         als de
|         tabel
|         smal is.
| b    3  Kort.
| c    7  Één
|         woord:
|         arbeidso
|         ngeschik
|         theidsve
|         rzekerin
|         g, en
|         日本語
|         ook.

# CSV of a result with sections: the first table, and a note on stderr.
$ tussen run tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv
| id,words
| a,2
| b,10
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0
! tussen: note: CSV holds one table; left out: title, totals, detail (choose one with --table NAME, or use --format json)
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv --table totals
| documents,words
| 2,12
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv --table detail.by_kind
| kind,n
| comment,1
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv --table title
| value
| Voorbeeld
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format csv --table nothing
! tussen: --table nothing: no such section; the result has: title, documents, totals, detail
! Try 'tussen run --help'.
? 2
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format csv --table x
! tussen: --table x: the result has no sections (it is one table); leave --table out
! Try 'tussen run --help'.
? 2
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=records --format json --table x
! tussen: --table only applies to --format csv and excel (the other formats show every section)
! Try 'tussen run --help'.
? 2
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --format yaml
! tussen: --format takes text, csv, json, md, html, excel or csv-nl, not 'yaml'
! Try 'tussen run --help'.
? 2

# --format excel: CSV for Dutch Excel (';', a byte order mark, decimal commas).
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format excel
| ﻿name;value
| int;42
| third;0,3333333333333333
| sum;0,30000000000000004
| tiny;1e-07
| big;9007199254740992
| negzero;0
| nan;nan
| inf;inf
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=quoting --format excel --table x
! tussen: --table x: the result has no sections (it is one table); leave --table out
! Try 'tussen run --help'.
? 2
$ tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=sections --format excel --table totals
| ﻿documents;words
| 2;12

# The hook style: setup, document per document, finish.
$ tussen run -q tests/data/lua/hooks.lua tests/data/lua/meta.jsonl
| seen: 4
|
| == comments ==
| id  parent
| --  ------
| b   a
| c   b
| d   a
$ tussen run -q tests/data/lua/hooks.lua tests/data/lua/meta.jsonl --arg finish=no --format csv
| id,parent
| b,a
| c,b
| d,a

# Numbers do not follow the locale.
$ LC_ALL=nl_NL.UTF-8 tussen run -q tests/data/lua/results.lua tests/data/lua/meta.jsonl --arg shape=numbers --format csv
| name,value
| int,42
| third,0.3333333333333333
| sum,0.30000000000000004
| tiny,1e-07
| big,9007199254740992
| negzero,0
| nan,nan
| inf,inf
