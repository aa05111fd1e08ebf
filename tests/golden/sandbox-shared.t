# Objects shared by the whole run (the corpus, documents, frequency lists,
# the string metatable) keep their metatables to themselves, so a script
# cannot swap their methods or free them by hand (lua-sandbox.t has the
# string and document cases). Scripts: tests/data/escapes/.

$ tussen run -q tests/data/escapes/metatables.lua tests/data/lua/meta.jsonl
| object     metatable
| ---------  ---------
| boolean    nil
| coroutine  nil
| corpus     false
| doc        false
| freq       false
| function   nil
| number     nil
| string     false
$ tussen run -q tests/data/escapes/freq-metatable.lua tests/data/lua/meta.jsonl
! tussen: tests/data/escapes/freq-metatable.lua:5: attempt to index a boolean value
! traceback:
!   tests/data/escapes/freq-metatable.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/escapes/corpus-metatable.lua tests/data/lua/meta.jsonl
! tussen: tests/data/escapes/corpus-metatable.lua:5: attempt to index a boolean value
! traceback:
!   tests/data/escapes/corpus-metatable.lua:5: in function 'run'
? 1
