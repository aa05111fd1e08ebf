# Script errors: the user's file:line, the message, a traceback of the
# script's own frames; exit 1. Contract errors (the table a script returns)
# name the key and suggest the nearest valid one. Scripts: tests/data/lua/errors/.

$ tussen run -q tests/data/lua/errors/syntax.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/syntax.lua:5: unexpected symbol near '='
? 1
$ tussen run -q tests/data/lua/errors/runtime.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/runtime.lua:3: tussen.Doc has no field 'txt'; did you mean 'text'? (other metadata is in doc.meta)
! traceback:
!   tests/data/lua/errors/runtime.lua:3: in upvalue 'count_words'
!   tests/data/lua/errors/runtime.lua:8: in upvalue 'per_doc'
!   tests/data/lua/errors/runtime.lua:15: in function 'run'
? 1
$ tussen run -q tests/data/lua/errors/nil-index.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/nil-index.lua:6: attempt to index a nil value (local 'doc')
! traceback:
!   tests/data/lua/errors/nil-index.lua:6: in function 'run'
? 1
$ tussen run -q tests/data/lua/errors/in-lib.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/helper.lua:5: average of an empty list
! traceback:
!   tests/data/lua/errors/helper.lua:5: in function <tests/data/lua/errors/helper.lua:4>
? 1
$ tussen run -q tests/data/lua/errors/table-error.lua tests/data/lua/meta.jsonl
! tussen: (error object is a table value)
! traceback:
!   tests/data/lua/errors/table-error.lua:5: in function 'run'
? 1
$ tussen run -q tests/data/lua/errors/top-level.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/top-level.lua:2: attempt to perform arithmetic on a nil value
! traceback:
!   tests/data/lua/errors/top-level.lua:2: in the main chunk
? 1
$ tussen run -q tests/data/lua/errors/hooks.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/hooks.lua:5: cannot handle c
! traceback:
!   tests/data/lua/errors/hooks.lua:5: in function 'document'
? 1
$ tussen run -q tests/data/lua/errors/results-replaced.lua tests/data/lua/meta.jsonl
! tussen: ctx.results must stay a table (document() appends to it)
? 1
$ tussen run -q tests/data/lua/errors/returns-nil.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-nil.lua: the script must return a table (description, args, run, ...), not a nil value
? 1
$ tussen run -q tests/data/lua/errors/unknown-key.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/unknown-key.lua: the script table has an unknown key 'decription'; did you mean 'description'? (valid: description, categories, author, license, args, run, setup, document, finish, corpus)
? 1
$ tussen run -q tests/data/lua/errors/no-description.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/no-description.lua: the script table needs a description (a string; its first line is what 'tussen list' shows)
? 1
$ tussen run -q tests/data/lua/errors/both-styles.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/both-styles.lua: the script has both run and setup/document/finish; use one style
? 1
$ tussen run -q tests/data/lua/errors/no-run.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/no-run.lua: the script table needs run(ctx), or document(doc, ctx) (with optional setup and finish)
? 1
$ tussen run -q tests/data/lua/errors/arg-type.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/arg-type.lua: args.top has an unknown type 'integr'; did you mean 'integer'? (valid: string, number, integer, boolean, file)
? 1
$ tussen run -q tests/data/lua/errors/arg-default.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/arg-default.lua: args.top.default must be an integer (the type is "integer")
? 1
$ tussen run -q tests/data/lua/errors/arg-choice.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/arg-choice.lua: args.by.default is not one of its choices
? 1
$ tussen run -q tests/data/lua/errors/arg-key.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/arg-key.lua: args.top has an unknown key 'defualt'; did you mean 'default'? (valid: type, default, choices, help)
? 1
$ tussen run -q tests/data/lua/errors/returns-doc.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-doc.lua: result.documents[1].doc: cannot show a tussen.Doc; return strings, numbers, booleans and tables of them (e.g. doc.id)
? 1
$ tussen run -q tests/data/lua/errors/returns-mixed.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-mixed.lua: result.summary: a table mixes list items and named fields; return them separately (e.g. {rows = list, total = n})
? 1
$ tussen run -q tests/data/lua/errors/returns-holes.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-holes.lua: result.rows: the list has holes (2 items, the last at [3]); nil cannot be a list item
? 1
$ tussen run -q tests/data/lua/errors/returns-bad-columns.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-bad-columns.lua: result.rows: the column names must be strings (use tussen.table)
? 1
$ tussen run -q tests/data/lua/errors/returns-cycle.lua tests/data/lua/meta.jsonl
! tussen: tests/data/lua/errors/returns-cycle.lua: result.self.self.self.self.self.self.sel...: nested more than 100 deep (does a table contain itself?)
? 1

# Unknown reports and scripts are usage errors (exit 2), checked before the
# corpus is read.
$ tussen run overveiw corpus/streetwise
! tussen: unknown report 'overveiw'; did you mean 'overview'? ('tussen list' shows the reports; a script of your own is run by its path, e.g. ./overveiw.lua)
! Try 'tussen run --help'.
? 2
$ tussen run ./no-such-script.lua corpus/streetwise
! tussen: cannot open script './no-such-script.lua': No such file or directory
! Try 'tussen run --help'.
? 2
$ tussen run overview.lua corpus/streetwise
! tussen: cannot open script 'overview.lua': No such file or directory (the canned report is run by its name: 'overview')
! Try 'tussen run --help'.
? 2
$ tussen run tests/data/lua corpus/streetwise
! tussen: cannot run 'tests/data/lua': not a regular file
! Try 'tussen run --help'.
? 2
$ tussen run overview/x corpus/streetwise
! tussen: cannot open script 'overview/x': No such file or directory
! Try 'tussen run --help'.
? 2

# --arg NAME=VALUE: checked against the declaration, converted to its type.
$ tussen run -q tests/data/lua/args.lua tests/data/lua/meta.jsonl
| name:       world
| top:        10
| top_type:   integer
| ratio:      0.5
| verbose:    false
| by:         norm
| words:
| first_word:
$ tussen run -q -a name=Ina --arg top=3 -a ratio=1e-3 -a verbose=yes -a by=form -a words=tests/lua/data/words.txt tests/data/lua/args.lua tests/data/lua/meta.jsonl
| name:       Ina
| top:        3
| top_type:   integer
| ratio:      0.001
| verbose:    true
| by:         form
| words:      tests/lua/data/words.txt
| first_word: één
$ tussen run -q --arg top=3.0 tests/data/lua/args.lua tests/data/lua/meta.jsonl --format json
| {
|   "name": "world",
|   "top": 3,
|   "top_type": "integer",
|   "ratio": 0.5,
|   "verbose": false,
|   "by": "norm",
|   "words": null,
|   "first_word": null
| }
$ tussen run -q --arg tpo=3 tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg tpo: tests/data/lua/args.lua has no argument 'tpo'; did you mean 'top'? (valid: by, name, ratio, top, verbose, words; see 'tussen help tests/data/lua/args.lua')
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg top=three tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg top=three: expected an integer
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg top=2.5 tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg top=2.5: expected an integer
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg ratio= tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg ratio=: expected a number
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg verbose=maybe tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg verbose=maybe: expected a boolean (true/false, yes/no, on/off, 1/0)
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg by=lemma tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg by=lemma: expected one of: form, norm
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg words=no/such/file.txt tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg words=no/such/file.txt: cannot read 'no/such/file.txt': No such file or directory
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg top tests/data/lua/args.lua tests/data/lua/meta.jsonl
! tussen: --arg takes NAME=VALUE, not 'top'
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg x=1 tests/data/lua/errors/hooks.lua tests/data/lua/meta.jsonl
! tussen: --arg x: tests/data/lua/errors/hooks.lua takes no arguments
! Try 'tussen run --help'.
? 2
$ tussen run -q --arg top=3 tests/data/lua/args.lua
! tussen: no corpus given; name one or more files or directories (e.g. corpus/streetwise)
! Try 'tussen run --help'.
? 2
