# tussen list, tussen help REPORT, and the overview report in every format.

$ tussen list | sed -n "s/^overview  *//p"
| One line per document: id, kind, parent, title, author and size; then totals.
$ tussen help overview
| overview: One line per document: id, kind, parent, title, author and size; then totals.
|
| Size is counted in sentences and tokens (by tussen's Dutch tokenizer) and in
| characters (Unicode code points). The kinds section counts documents per
| kind; totals add everything up.
|
| With --format html it is a fuller report on one page: the totals, keyword
| and keyness charts, the stance of each reaction with its evidence marked in
| the text, the argument map and KWIC lines (scripts/README.md, HTML reports).
|
| Categories: corpus, summary
| Author: tussen
| License: MIT
|
| Arguments (--arg NAME=VALUE):
|   kind (string)
|       only documents of this kind (e.g. comment)
|
| Usage: tussen run overview [--arg NAME=VALUE]... [--format FORMAT] CORPUS...
$ tussen help tests/data/lua/args.lua
| tests/data/lua/args.lua: Shows the arguments it was given.
| Second line of the description.
|
| Categories: test
| Author: tussen tests
| License: MIT
|
| Arguments (--arg NAME=VALUE):
|   by (string, default "norm")
|       what to count
|       (a second help line)
|       choices: "form", "norm"
|   name (string, default "world")
|       who to greet
|   ratio (number, default 0.5)
|   top (integer, default 10)
|       how many
|   verbose (boolean, default false)
|       say more
|   words (file)
|       a word list, one per line
|
| Usage: tussen run tests/data/lua/args.lua [--arg NAME=VALUE]... [--format FORMAT] CORPUS...
$ tussen help
| Usage: tussen help REPORT|FILE.lua
| Describe a canned report (or a script of your own): what it does, its
| arguments with their types, defaults and choices. 'tussen list' shows
| the reports; 'tussen --help' the commands.
$ tussen help run
| 'run' is a command: 'tussen run --help' describes it.
$ tussen help overveiw
! tussen: unknown report 'overveiw'; did you mean 'overview'? ('tussen list' shows the reports; a script of your own is run by its path, e.g. ./overveiw.lua)
! Try 'tussen list'.
? 2
$ tussen help tests/data/lua/errors/unknown-key.lua
! tussen: tests/data/lua/errors/unknown-key.lua: the script table has an unknown key 'decription'; did you mean 'description'? (valid: description, categories, author, license, args, run, setup, document, finish, corpus)
? 1
$ tussen list extra
! tussen: list takes no arguments
! Try 'tussen list --help'.
? 2

# The README's first command; the other formats on a small corpus whose
# sentence and token counts are plain (the tokenizer's own tests judge it).
$ tussen run overview corpus/streetwise
| == documents ==
| id         kind     parent   title                           author      sentences  tokens  characters
| ---------  -------  -------  ------------------------------  ----------  ---------  ------  ----------
| artikel    article           Streetwise ambtenaren gezocht!  Toby Witte         38     884        5772
| reactie-1  comment  artikel                                                      4      73         441
| reactie-2  comment  artikel                                                      4      66         387
| reactie-3  comment  artikel                                                      1      51         333
| reactie-4  comment  artikel                                                     10     144         757
| reactie-5  comment  artikel                                                     18     306        1644
| reactie-6  comment  artikel                                                      1      31         133
| reactie-7  comment  artikel                                                      4      64         365
|
| == kinds ==
| kind     documents
| -------  ---------
| article          1
| comment          7
|
| == totals ==
| documents:  8
| sentences:  80
| tokens:     1619
| characters: 9832
! tussen: note: corpus/streetwise: ignored 1 file of other types (README.md)
! tussen: corpus: read 8 documents from 1 file: used 8, skipped 0
$ tussen run -q overview tests/data/lua/meta.jsonl --format json
| {
|   "documents": [
|     {
|       "id": "a",
|       "kind": "article",
|       "parent": null,
|       "title": "Één titel",
|       "author": null,
|       "sentences": 2,
|       "tokens": 6,
|       "characters": 30
|     },
|     {
|       "id": "b",
|       "kind": "comment",
|       "parent": "a",
|       "title": null,
|       "author": "Piet",
|       "sentences": 1,
|       "tokens": 3,
|       "characters": 12
|     },
|     {
|       "id": "c",
|       "kind": "comment",
|       "parent": "b",
|       "title": null,
|       "author": null,
|       "sentences": 1,
|       "tokens": 6,
|       "characters": 26
|     },
|     {
|       "id": "d",
|       "kind": "comment",
|       "parent": "a",
|       "title": null,
|       "author": null,
|       "sentences": 1,
|       "tokens": 3,
|       "characters": 8
|     }
|   ],
|   "kinds": [
|     {
|       "kind": "article",
|       "documents": 1
|     },
|     {
|       "kind": "comment",
|       "documents": 3
|     }
|   ],
|   "totals": {
|     "documents": 4,
|     "sentences": 5,
|     "tokens": 18,
|     "characters": 76
|   }
| }
$ tussen run -q overview tests/data/lua/meta.jsonl --format csv
| id,kind,parent,title,author,sentences,tokens,characters
| a,article,,Één titel,,2,6,30
| b,comment,a,,Piet,1,3,12
| c,comment,b,,,1,6,26
| d,comment,a,,,1,3,8
$ tussen run -q overview tests/data/lua/meta.jsonl --format md
| ## documents
|
| | id | kind | parent | title | author | sentences | tokens | characters |
| | --- | --- | --- | --- | --- | ---: | ---: | ---: |
| | a | article |  | Één titel |  | 2 | 6 | 30 |
| | b | comment | a |  | Piet | 1 | 3 | 12 |
| | c | comment | b |  |  | 1 | 6 | 26 |
| | d | comment | a |  |  | 1 | 3 | 8 |
|
| ## kinds
|
| | kind | documents |
| | --- | ---: |
| | article | 1 |
| | comment | 3 |
|
| ## totals
|
| - documents: 4
| - sentences: 5
| - tokens: 18
| - characters: 76
$ tussen run -q overview --arg kind=article tests/data/lua/meta.jsonl
| == documents ==
| id  kind     parent  title      author  sentences  tokens  characters
| --  -------  ------  ---------  ------  ---------  ------  ----------
| a   article          Één titel                  2       6          30
|
| == kinds ==
| kind     documents
| -------  ---------
| article          1
|
| == totals ==
| documents:  1
| sentences:  2
| tokens:     6
| characters: 30

# A user copies the overview, changes it, and runs the copy by its path.
$ cp scripts/overview.lua $T/my-overview.lua
$ sed -i 's/title = doc.title,/title = doc.title, first = tussen.text.sub(doc.text, 1, 12),/; s/"title", "author",/"title", "first", "author",/' $T/my-overview.lua
$ tussen run -q $T/my-overview.lua tests/data/lua/meta.jsonl --arg kind=comment
| == documents ==
| id  kind     parent  title  first         author  sentences  tokens  characters
| --  -------  ------  -----  ------------  ------  ---------  ------  ----------
| b   comment  a              Een reactie.  Piet            1       3          12
| c   comment  b              Een reactie                   1       6          26
| d   comment  a              Nog een.                      1       3           8
|
| == kinds ==
| kind     documents
| -------  ---------
| comment          3
|
| == totals ==
| documents:  3
| sentences:  3
| tokens:     12
| characters: 46

# TUSSEN_SCRIPTS points the binary at another scripts directory.
$ mkdir $T/scripts && cp tests/data/lua/hooks.lua $T/scripts/count-comments.lua
$ TUSSEN_SCRIPTS=$T/scripts tussen list
| count-comments  Counts comments per parent with the hook style.
$ TUSSEN_SCRIPTS=$T/scripts tussen run -q count-comments tests/data/lua/meta.jsonl
| seen: 4
|
| == comments ==
| id  parent
| --  ------
| b   a
| c   b
| d   a
