# Every sandbox escape attempt fails cleanly: exit 1, the script's file:line,
# the message and a traceback of the script's own frames. The scripts are
# in tests/data/lua/escape/ (one attempt each). Limits: --time-limit and
# --memory-limit end the run even when the script catches errors with pcall
# or runs in a coroutine.

$ tussen run -q tests/data/lua/escape/io.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/io.lua:5: 'io' is not available in the sandbox: tussen.data reads data files, tussen.corpus.load corpora
! traceback:
!   tests/data/lua/escape/io.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/os-execute.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/os-execute.lua:5: attempt to call a nil value (field 'execute')
! traceback:
!   tests/data/lua/escape/os-execute.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/os-remove.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/os-remove.lua:5: attempt to call a nil value (field 'remove')
! traceback:
!   tests/data/lua/escape/os-remove.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/os-getenv.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/os-getenv.lua:5: attempt to call a nil value (field 'getenv')
! traceback:
!   tests/data/lua/escape/os-getenv.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/debug.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/debug.lua:5: 'debug' is not available in the sandbox: errors come with a traceback of your frames already
! traceback:
!   tests/data/lua/escape/debug.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/package.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/package.lua:5: 'package' is not available in the sandbox: use require for Lua modules
! traceback:
!   tests/data/lua/escape/package.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/require-c.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/require-c.lua:5: require: module 'lpeg' not found in the script's directory (tests/data/lua/escape/lpeg.lua) or scripts/lib/lpeg.lua
! traceback:
!   tests/data/lua/escape/require-c.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/dofile.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/dofile.lua:5: 'dofile' is not available in the sandbox: use require for Lua modules
! traceback:
!   tests/data/lua/escape/dofile.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/load-binary.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/load-binary.lua:5: load: binary chunks are not allowed in tussen scripts (mode must be "t")
! traceback:
!   tests/data/lua/escape/load-binary.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/load-binary-default.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/load-binary-default.lua:5: attempt to load a binary chunk (mode is 't')
! traceback:
!   tests/data/lua/escape/load-binary-default.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/load-global.lua tests/data/lua/meta.jsonl
! tussen: [string "return io"]:1: 'io' is not available in the sandbox: tussen.data reads data files, tussen.corpus.load corpora
? 1
$ tussen run -q tests/data/lua/escape/string-dump.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/string-dump.lua:5: attempt to call a nil value (field 'dump')
! traceback:
!   tests/data/lua/escape/string-dump.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/string-metatable.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/string-metatable.lua:5: attempt to index a boolean value
! traceback:
!   tests/data/lua/escape/string-metatable.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/setmetatable-env.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/setmetatable-env.lua:5: cannot change a protected metatable
! traceback:
!   tests/data/lua/escape/setmetatable-env.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/doc-metatable.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/doc-metatable.lua:5: attempt to index a boolean value
! traceback:
!   tests/data/lua/escape/doc-metatable.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/global-read.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/global-read.lua:5: undeclared global 'totl' (declare it with 'local')
! traceback:
!   tests/data/lua/escape/global-read.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/global-write.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/global-write.lua:5: assignment to undeclared global 'total' (declare it with 'local')
! traceback:
!   tests/data/lua/escape/global-write.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/collectgarbage.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/collectgarbage.lua:5: collectgarbage: only "count" is available in tussen scripts
! traceback:
!   tests/data/lua/escape/collectgarbage.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/escape/data-escape.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/data-escape.lua:5: data: '../../../etc/passwd' is outside the data directories: name a file in scripts/lexicons/ or the script's own directory, or pass it as an argument of type "file"
! traceback:
!   tests/data/lua/escape/data-escape.lua:5: in function 'run'
? 1

# Code that would run outside the limits: finalizers (Lua runs them with
# hooks off) are refused; metamethods met while the runner checks the script
# raise at once; the result is read raw.
$ tussen run -q --time-limit=2 tests/data/lua/escape/finalizer.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/finalizer.lua:5: setmetatable: __gc (finalizers) is not allowed in tussen scripts
! traceback:
!   tests/data/lua/escape/finalizer.lua:5: in the main chunk
? 1
$ tussen run -q --time-limit=2 tests/data/lua/escape/decl-metamethod.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/decl-metamethod.lua:5: a metamethod of the script ran outside its run (while the runner checked the script or read the result); keep metamethods out of the script table and the result
? 1
$ tussen run -q --time-limit=2 tests/data/lua/escape/result-metamethod.lua tests/data/lua/meta.jsonl
| n
| -
| 1

# Limits.
$ tussen run -q --time-limit=1 tests/data/lua/escape/loop.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/loop.lua:5: time limit of 1 s reached; raise it with --time-limit=SECONDS (0: no limit)
! traceback:
!   tests/data/lua/escape/loop.lua:5: in function 'run'
? 1
$ tussen run -q --time-limit=1 tests/data/lua/escape/loop-pcall.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/loop-pcall.lua:5: time limit of 1 s reached; raise it with --time-limit=SECONDS (0: no limit)
! traceback:
!   tests/data/lua/escape/loop-pcall.lua:5: in function 'run'
? 1
$ tussen run -q --time-limit=1 tests/data/lua/escape/coroutine.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/coroutine.lua:6: time limit of 1 s reached; raise it with --time-limit=SECONDS (0: no limit)
! traceback:
!   tests/data/lua/escape/coroutine.lua:6: in function 'run'
? 1
$ tussen run -q --time-limit=1 tests/data/lua/escape/coroutine-create.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/coroutine-create.lua: time limit of 1 s reached; raise it with --time-limit=SECONDS (0: no limit)
? 1
$ tussen run -q --memory-limit=64 tests/data/lua/escape/memory.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/memory.lua: memory limit of 64 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1
$ tussen run -q --memory-limit=64 tests/data/lua/escape/memory-pcall.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/memory-pcall.lua:6: memory limit of 64 MB reached; raise it with --memory-limit=MB (0: no limit)
! traceback:
!   tests/data/lua/escape/memory-pcall.lua:6: in function 'run'
? 1
$ tussen run -q --memory-limit=64 tests/data/lua/escape/string-rep.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/string-rep.lua: memory limit of 64 MB reached; raise it with --memory-limit=MB (0: no limit)
? 1

# One C call that never returns (a pattern with many '.-') cannot see the
# hook; a timer two seconds past the limit ends the process.
$ tussen run -q --time-limit=1 tests/data/lua/escape/pattern.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/escape/pattern.lua: time limit of 1 s reached inside a function that cannot be interrupted (a pattern match on a long string?); stopped
? 1

# Ctrl-C (SIGINT) stops the script with a message and exit status 130. (A
# second signal after 3 s covers a slow start: before the script runs,
# SIGINT is ignored in a background job; after the first one it has ended.)
$ tussen run -q --time-limit=30 tests/data/lua/escape/loop.lua tests/data/lua/meta.jsonl & pid=$!; sleep 1; kill -INT $pid; sleep 3; kill -INT $pid 2>/dev/null; wait $pid
! tussen: tests/data/lua/escape/loop.lua:5: interrupted
! traceback:
!   tests/data/lua/escape/loop.lua:5: in function 'run'
? 130

# Bad limit values are usage errors.
$ tussen run --time-limit=-1 overview corpus/streetwise
! tussen: --time-limit takes a number from 0 to 1000000000, not '-1'
! Try 'tussen run --help'.
? 2
$ tussen run --memory-limit=lots overview corpus/streetwise
! tussen: --memory-limit takes a number from 0 to 1048576, not 'lots'
! Try 'tussen run --help'.
? 2
