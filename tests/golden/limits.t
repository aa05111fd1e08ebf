# Lua limits beyond the sandbox tests (lua-sandbox.t): recursion depth in
# Lua, through C functions, coroutines and metamethods; results nested too
# deep; the memory cap in one short burst, in the script's own source and
# while a C result is copied into Lua (LeakSanitizer in the sanitizer build
# checks nothing leaks then); the time limit and Ctrl-C against pcall.
# Each ends with a message and exit status 1 (Ctrl-C: 130), never a crash.
# Scripts: tests/data/limits/.

$ tussen run -q tests/data/limits/recursion.lua tests/data/lua/meta.jsonl
! tussen: tests/data/limits/recursion.lua:2: stack overflow
! traceback:
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   tests/data/limits/recursion.lua:2: in upvalue 'f'
!   ...
? 1
$ tussen run -q tests/data/limits/recursion-pcall.lua tests/data/lua/meta.jsonl
! tussen: C stack overflow
! traceback:
!   tests/data/limits/recursion-pcall.lua:5: in upvalue 'f'
!   tests/data/limits/recursion-pcall.lua:8: in function 'run'
? 1
$ tussen run -q tests/data/limits/recursion-coroutine.lua tests/data/lua/meta.jsonl
! tussen: C stack overflow
! traceback:
!   tests/data/limits/recursion-coroutine.lua:3: in function 'run'
? 1
$ tussen run -q tests/data/limits/recursion-gsub.lua tests/data/lua/meta.jsonl
! tussen: C stack overflow
! traceback:
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   tests/data/limits/recursion-gsub.lua:2: in function <tests/data/limits/recursion-gsub.lua:2>
!   ...
? 1
$ tussen run -q tests/data/limits/recursion-tostring.lua tests/data/lua/meta.jsonl
! tussen: C stack overflow
! traceback:
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   tests/data/limits/recursion-tostring.lua:3: in function <tests/data/limits/recursion-tostring.lua:3>
!   ...
? 1
$ tussen run -q tests/data/limits/deep-result.lua tests/data/lua/meta.jsonl
! tussen: tests/data/limits/deep-result.lua: result[1][1][1][1][1][1][1][1][1][1][1][...: nested more than 100 deep (does a table contain itself?)
? 1

# The memory cap.
$ tussen run -q --memory-limit=1 tests/data/limits/short-burst.lua tests/data/lua/meta.jsonl
! tussen: tests/data/limits/short-burst.lua: memory limit of 1 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1
$ awk 'BEGIN { print "return {description = \"big\", run = function() return {} end}"; for (i = 0; i < 100000; i++) print "-- padding padding padding" }' >"$T/big.lua"
$ tussen run -q --memory-limit=1 "$T/big.lua" tests/data/lua/meta.jsonl
! tussen: $T/big.lua: memory limit of 1 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1
$ tussen run -q --memory-limit=2 "$T/big.lua" tests/data/lua/meta.jsonl
! tussen: $T/big.lua: memory limit of 2 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1
$ tussen run -q --memory-limit=12 "$T/big.lua" tests/data/lua/meta.jsonl
| (no rows)
$ tussen run -q --memory-limit=8 tests/data/limits/kwic-memory.lua corpus/streetwise
! tussen: tests/data/limits/kwic-memory.lua: memory limit of 8 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1

# Time and Ctrl-C against a script that catches every error. Ctrl-C is
# sent once the script says it runs (a slow start, as under valgrind, must
# not make the signal arrive before the script does).
$ tussen run -q --time-limit=1 tests/data/limits/endless-pcall.lua tests/data/lua/meta.jsonl
! tussen: tests/data/limits/endless-pcall.lua: warning: running
! tussen: tests/data/limits/endless-pcall.lua:6: time limit of 1 s reached; raise it with --time-limit=SECONDS (0: no limit)
! traceback:
!   tests/data/limits/endless-pcall.lua:6: in function 'run'
? 1
$ tussen run -q --time-limit=0 tests/data/limits/endless-pcall.lua tests/data/lua/meta.jsonl 2>"$T/err" & pid=$!
> i=0; while ! grep -qs running "$T/err" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
> kill -INT $pid; wait $pid; rc=$?; cat "$T/err" >&2; exit $rc
! tussen: tests/data/limits/endless-pcall.lua: warning: running
! tussen: tests/data/limits/endless-pcall.lua:6: interrupted
! traceback:
!   tests/data/limits/endless-pcall.lua:6: in function 'run'
? 130
$ tussen run -q --time-limit=0 tests/data/limits/endless.lua tests/data/lua/meta.jsonl 2>"$T/err" & pid=$!
> i=0; while ! grep -qs running "$T/err" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
> kill -INT $pid; wait $pid; rc=$?; cat "$T/err" >&2; exit $rc
! tussen: tests/data/limits/endless.lua: warning: running
! tussen: tests/data/limits/endless.lua:6: interrupted
! traceback:
!   tests/data/limits/endless.lua:6: in function 'run'
? 130
