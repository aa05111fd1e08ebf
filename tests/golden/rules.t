# The codes report on a hand-worked corpus (tests/data/rules/texts.jsonl)
# and scheme (scheme.csv; scheme.lua is the same as a Lua table). Worked out
# by hand, with the longest match winning and each span counting once per
# category and once for each ancestor:
#   a: gemeente -> bestuur; jeugdzorg -> *zorg* (zorg) and jeugdzorg
#      (zorg/jeugd) on one span: zorg 1, zorg/jeugd 1; "niet helemaal mee
#      eens" -> stance/oneens (the longer match at "niet" beats "helemaal
#      mee eens", which starts inside it)
#   b: Mantelzorgers -> zorg; jongeren -> zorg/jeugd (+ zorg); Gemeente ->
#      bestuur; "Mee eens" -> stance/eens
#   c: Woningen -> wonen; "Sociale huurwoningen" -> one wonen span (the
#      phrase; huurwoningen is inside it)
#   totals: bestuur 2, stance 2, stance/eens 1, stance/oneens 1, wonen 2,
#   zorg 3, zorg/jeugd 2; by author: Anna = b, Piet = a + c.

$ tussen run codes -q --format json --arg scheme=tests/data/rules/scheme.csv --arg examples=1 --arg width=2 --arg by=author tests/data/rules/texts.jsonl
| {
|   "documents": [
|     {
|       "id": "a",
|       "group": "Piet",
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 0,
|         "stance/oneens": 1,
|         "wonen": 0,
|         "zorg": 1,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "b",
|       "group": "Anna",
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 1,
|         "stance/oneens": 0,
|         "wonen": 0,
|         "zorg": 2,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "c",
|       "group": "Piet",
|       "counts": {
|         "bestuur": 0,
|         "stance": 0,
|         "stance/eens": 0,
|         "stance/oneens": 0,
|         "wonen": 2,
|         "zorg": 0,
|         "zorg/jeugd": 0
|       }
|     }
|   ],
|   "totals": {
|     "bestuur": 2,
|     "stance": 2,
|     "stance/eens": 1,
|     "stance/oneens": 1,
|     "wonen": 2,
|     "zorg": 3,
|     "zorg/jeugd": 2
|   },
|   "groups": [
|     {
|       "group": "Anna",
|       "documents": 1,
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 1,
|         "stance/oneens": 0,
|         "wonen": 0,
|         "zorg": 2,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "group": "Piet",
|       "documents": 2,
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 0,
|         "stance/oneens": 1,
|         "wonen": 2,
|         "zorg": 1,
|         "zorg/jeugd": 1
|       }
|     }
|   ],
|   "examples": [
|     {
|       "category": "bestuur",
|       "id": "a",
|       "left": "De",
|       "match": "gemeente",
|       "right": "moet de"
|     },
|     {
|       "category": "stance/eens",
|       "id": "b",
|       "left": "Gemeente.",
|       "match": "Mee eens",
|       "right": "!"
|     },
|     {
|       "category": "stance/oneens",
|       "id": "a",
|       "left": "het er",
|       "match": "niet helemaal mee eens",
|       "right": "."
|     },
|     {
|       "category": "wonen",
|       "id": "c",
|       "left": "",
|       "match": "Woningen",
|       "right": "in de"
|     },
|     {
|       "category": "zorg",
|       "id": "a",
|       "left": "moet de",
|       "match": "jeugdzorg",
|       "right": "beter regelen"
|     },
|     {
|       "category": "zorg/jeugd",
|       "id": "a",
|       "left": "moet de",
|       "match": "jeugdzorg",
|       "right": "beter regelen"
|     }
|   ]
| }

# The same scheme as a Lua table: the same counts.
$ tussen run codes -q --format json --arg scheme=tests/data/rules/scheme.lua --arg examples=0 tests/data/rules/texts.jsonl
| {
|   "documents": [
|     {
|       "id": "a",
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 0,
|         "stance/oneens": 1,
|         "wonen": 0,
|         "zorg": 1,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "b",
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 1,
|         "stance/oneens": 0,
|         "wonen": 0,
|         "zorg": 2,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "c",
|       "counts": {
|         "bestuur": 0,
|         "stance": 0,
|         "stance/eens": 0,
|         "stance/oneens": 0,
|         "wonen": 2,
|         "zorg": 0,
|         "zorg/jeugd": 0
|       }
|     }
|   ],
|   "totals": {
|     "bestuur": 2,
|     "stance": 2,
|     "stance/eens": 1,
|     "stance/oneens": 1,
|     "wonen": 2,
|     "zorg": 3,
|     "zorg/jeugd": 2
|   }
| }

# overlap=all: each entry's longest match at every token counts. In a,
# "niet helemaal mee eens" (stance/oneens), "helemaal mee eens" and "mee
# eens" (stance/eens twice) are three spans: stance 3, stance/eens 2.
$ tussen run codes -q --format json --arg scheme=tests/data/rules/scheme.csv --arg examples=0 --arg overlap=all tests/data/rules/texts.jsonl
| {
|   "documents": [
|     {
|       "id": "a",
|       "counts": {
|         "bestuur": 1,
|         "stance": 3,
|         "stance/eens": 2,
|         "stance/oneens": 1,
|         "wonen": 0,
|         "zorg": 1,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "b",
|       "counts": {
|         "bestuur": 1,
|         "stance": 1,
|         "stance/eens": 1,
|         "stance/oneens": 0,
|         "wonen": 0,
|         "zorg": 2,
|         "zorg/jeugd": 1
|       }
|     },
|     {
|       "id": "c",
|       "counts": {
|         "bestuur": 0,
|         "stance": 0,
|         "stance/eens": 0,
|         "stance/oneens": 0,
|         "wonen": 2,
|         "zorg": 0,
|         "zorg/jeugd": 0
|       }
|     }
|   ],
|   "totals": {
|     "bestuur": 2,
|     "stance": 4,
|     "stance/eens": 3,
|     "stance/oneens": 1,
|     "wonen": 2,
|     "zorg": 3,
|     "zorg/jeugd": 2
|   }
| }

# Bad schemes: file:line, the rule, the position, what was expected.
$ tussen run codes -q --arg scheme=tests/data/rules/bad-pattern.csv tests/data/rules/texts.jsonl
! tussen: tests/data/rules/bad-pattern.csv:3: rule 'zorg': position 12: expected ')' to close the group opened at 1
! traceback:
!   scripts/codes.lua:45: in function 'run'
? 1
$ tussen run codes -q --arg scheme=tests/data/rules/bad-columns.csv tests/data/rules/texts.jsonl
! tussen: tests/data/rules/bad-columns.csv:2: expected 2 or 3 columns (category,pattern[,weight]), got 1; quote a pattern that holds a comma
! traceback:
!   scripts/codes.lua:45: in function 'run'
? 1
$ tussen run codes -q --arg scheme=tests/data/rules/bad-category.lua tests/data/rules/texts.jsonl
! tussen: tests/data/rules/bad-category.lua: category 'zorg/jeugd': write nested categories as nested tables, not with '/'
! traceback:
!   scripts/codes.lua:45: in function 'run'
? 1
$ tussen run codes -q --arg scheme=tests/data/rules/bad-syntax.lua tests/data/rules/texts.jsonl
! tussen: tests/data/rules/bad-syntax.lua:4: '}' expected (to close '{' at line 1) near <eof>
! traceback:
!   scripts/codes.lua:45: in function 'run'
? 1
$ tussen run codes -q --arg scheme=tests/data/rules/no-such.csv tests/data/rules/texts.jsonl
! tussen: --arg scheme=tests/data/rules/no-such.csv: cannot read 'tests/data/rules/no-such.csv': No such file or directory
! Try 'tussen run --help'.
? 2

# Groups by a metadata field; a document without it is in "(none)".
$ tussen run codes -q --format csv --table groups --arg scheme=tests/data/rules/scheme.csv --arg by=wijk tests/data/rules/texts.jsonl
| group,documents,counts
| (none),1,"{""bestuur"": 0, ""stance"": 0, ""stance/eens"": 0, ""stance/oneens"": 0, ""wonen"": 2, ""zorg"": 0, ""zorg/jeugd"": 0}"
| Noord,1,"{""bestuur"": 1, ""stance"": 1, ""stance/eens"": 0, ""stance/oneens"": 1, ""wonen"": 0, ""zorg"": 1, ""zorg/jeugd"": 1}"
| Zuid,1,"{""bestuur"": 1, ""stance"": 1, ""stance/eens"": 1, ""stance/oneens"": 0, ""wonen"": 0, ""zorg"": 2, ""zorg/jeugd"": 1}"

# layout=wide: a column per category, for spreadsheets.
$ tussen run codes -q --format csv --table documents --arg layout=wide --arg scheme=tests/data/rules/scheme.csv tests/data/rules/texts.jsonl
| id,bestuur,stance,stance/eens,stance/oneens,wonen,zorg,zorg/jeugd
| a,1,1,0,1,0,1,1
| b,1,1,1,0,0,2,1
| c,0,0,0,0,2,0,0
