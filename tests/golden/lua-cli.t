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
| Categories: corpus, summary
| Author: tussen
| License: MIT
|
| Arguments (--arg NAME=VALUE):
|   kind (string)
|       only documents of this kind (e.g. comment)
|
| Usage: tussen run overview [--arg NAME=VALUE]... [--format text|csv|json|md] CORPUS...
$ tussen help tests/data/lua/args.lua
| tests/data/lua/args.lua: Shows the arguments it was given.
|
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
| Usage: tussen run tests/data/lua/args.lua [--arg NAME=VALUE]... [--format text|csv|json|md] CORPUS...
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
! tussen: tests/data/lua/errors/unknown-key.lua: the script table has an unknown key 'decription'; did you mean 'description'? (valid: description, categories, author, license, args, run, setup, document, finish)
? 1
$ tussen list extra
! tussen: list takes no arguments
! Try 'tussen list --help'.
? 2

# The README's first command, and the other formats.
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
$ tussen run -q overview corpus/streetwise --format json
| {
|   "documents": [
|     {
|       "id": "artikel",
|       "kind": "article",
|       "parent": null,
|       "title": "Streetwise ambtenaren gezocht!",
|       "author": "Toby Witte",
|       "sentences": 38,
|       "tokens": 884,
|       "characters": 5772
|     },
|     {
|       "id": "reactie-1",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 4,
|       "tokens": 73,
|       "characters": 441
|     },
|     {
|       "id": "reactie-2",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 4,
|       "tokens": 66,
|       "characters": 387
|     },
|     {
|       "id": "reactie-3",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 1,
|       "tokens": 51,
|       "characters": 333
|     },
|     {
|       "id": "reactie-4",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 10,
|       "tokens": 144,
|       "characters": 757
|     },
|     {
|       "id": "reactie-5",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 18,
|       "tokens": 306,
|       "characters": 1644
|     },
|     {
|       "id": "reactie-6",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 1,
|       "tokens": 31,
|       "characters": 133
|     },
|     {
|       "id": "reactie-7",
|       "kind": "comment",
|       "parent": "artikel",
|       "title": null,
|       "author": null,
|       "sentences": 4,
|       "tokens": 64,
|       "characters": 365
|     }
|   ],
|   "kinds": [
|     {
|       "kind": "article",
|       "documents": 1
|     },
|     {
|       "kind": "comment",
|       "documents": 7
|     }
|   ],
|   "totals": {
|     "documents": 8,
|     "sentences": 80,
|     "tokens": 1619,
|     "characters": 9832
|   }
| }
$ tussen run -q overview corpus/streetwise --format csv
| id,kind,parent,title,author,sentences,tokens,characters
| artikel,article,,Streetwise ambtenaren gezocht!,Toby Witte,38,884,5772
| reactie-1,comment,artikel,,,4,73,441
| reactie-2,comment,artikel,,,4,66,387
| reactie-3,comment,artikel,,,1,51,333
| reactie-4,comment,artikel,,,10,144,757
| reactie-5,comment,artikel,,,18,306,1644
| reactie-6,comment,artikel,,,1,31,133
| reactie-7,comment,artikel,,,4,64,365
$ tussen run -q overview corpus/streetwise --format md
| ## documents
|
| | id | kind | parent | title | author | sentences | tokens | characters |
| | --- | --- | --- | --- | --- | ---: | ---: | ---: |
| | artikel | article |  | Streetwise ambtenaren gezocht! | Toby Witte | 38 | 884 | 5772 |
| | reactie-1 | comment | artikel |  |  | 4 | 73 | 441 |
| | reactie-2 | comment | artikel |  |  | 4 | 66 | 387 |
| | reactie-3 | comment | artikel |  |  | 1 | 51 | 333 |
| | reactie-4 | comment | artikel |  |  | 10 | 144 | 757 |
| | reactie-5 | comment | artikel |  |  | 18 | 306 | 1644 |
| | reactie-6 | comment | artikel |  |  | 1 | 31 | 133 |
| | reactie-7 | comment | artikel |  |  | 4 | 64 | 365 |
|
| ## kinds
|
| | kind | documents |
| | --- | ---: |
| | article | 1 |
| | comment | 7 |
|
| ## totals
|
| - documents: 8
| - sentences: 80
| - tokens: 1619
| - characters: 9832
$ tussen run -q overview --arg kind=article corpus/streetwise
| == documents ==
| id       kind     parent  title                           author      sentences  tokens  characters
| -------  -------  ------  ------------------------------  ----------  ---------  ------  ----------
| artikel  article          Streetwise ambtenaren gezocht!  Toby Witte         38     884        5772
|
| == kinds ==
| kind     documents
| -------  ---------
| article          1
|
| == totals ==
| documents:  1
| sentences:  38
| tokens:     884
| characters: 5772

# A user copies the overview, changes it, and runs the copy by its path.
$ cp scripts/overview.lua $T/my-overview.lua
$ sed -i 's/title = doc.title,/title = doc.title, first = tussen.text.sub(doc.text, 1, 12),/; s/"title", "author",/"title", "first", "author",/' $T/my-overview.lua
$ tussen run -q $T/my-overview.lua corpus/streetwise --arg kind=comment
| == documents ==
| id         kind     parent   title  first         author  sentences  tokens  characters
| ---------  -------  -------  -----  ------------  ------  ---------  ------  ----------
| reactie-1  comment  artikel         Betrek ook d                  4      73         441
| reactie-2  comment  artikel         Dit is al la                  4      66         387
| reactie-3  comment  artikel         Mag je na ee                  1      51         333
| reactie-4  comment  artikel         Allereerst,                  10     144         757
| reactie-5  comment  artikel         Een broodnod                 18     306        1644
| reactie-6  comment  artikel         Ik lees “Hel                  1      31         133
| reactie-7  comment  artikel         Dit artikel                   4      64         365
|
| == kinds ==
| kind     documents
| -------  ---------
| comment          7
|
| == totals ==
| documents:  7
| sentences:  42
| tokens:     735
| characters: 4060

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
