# The tutorial script of scripts/README.md, so its code keeps working.

$ tussen run -q tests/data/lua/tutorial.lua tests/data/lua/meta.jsonl
| == documents ==
| id  words  sentences  per_sentence
| --  -----  ---------  ------------
| b       2          1             2
| c       5          1             5
| d       2          1             2
|
| == longest ==
| word     length
| -------  ------
| reactie       7
| een           3
| nog           3
|
| == totals ==
| documents: 3
| sentences: 3
| words:     9
$ tussen run -q tests/data/lua/tutorial.lua tests/data/lua/meta.jsonl --arg top=1 --format csv --table longest
| word,length
| reactie,7
$ tussen run -q tests/data/lua/tutorial.lua tests/data/lua/meta.jsonl --arg kind=letter
| == documents ==
| id  words  sentences  per_sentence
| --  -----  ---------  ------------
| (no rows)
|
| == longest ==
| word  length
| ----  ------
| (no rows)
|
| == totals ==
| documents: 0
| sentences: 0
| words:     0
! tussen: tests/data/lua/tutorial.lua: warning: no documents of kind 'letter'
