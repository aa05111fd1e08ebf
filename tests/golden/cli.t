# The command line: getopt_long conventions (--opt=value and --opt value,
# clustered short options, -- ends the options); usage errors exit 2 with a
# hint on stderr; data on stdout, diagnostics on stderr.

$ tussen
! tussen: no command given; try 'tussen run overview corpus/streetwise'
! Try 'tussen --help'.
? 2
$ tussen --bogus
! tussen: unknown option '--bogus'
! Try 'tussen --help'.
? 2
$ tussen frobnicate
! tussen: unknown command 'frobnicate'
! Try 'tussen --help'.
? 2
$ tussen corpus --help
| Usage: tussen corpus [OPTION]... CORPUS...
| Load a corpus and write it to stdout as JSON Lines, the canonical format:
| one object per document with id, kind, parent, title, author, date, the
| other metadata in source order, then text. Converts CSV, TSV and text
| files, and shows exactly what a report would see.
|
| Options:
|   -c, --check            load and report only; write no documents
|   -h, --help             show this help
|
| Corpus options:
|   --repair-utf8          replace invalid UTF-8 by U+FFFD (with a warning)
|                          instead of skipping the document
|   --orphans=skip|keep    a document whose parent is not in the corpus is
|                          skipped (default) or kept without a parent
|   --text-column=NAME     CSV/TSV column with the text (default: text)
|   --id-column=NAME       ... with the id (default: id; else FILE:ROW)
|   --parent-column=NAME   ... with the parent id (default: parent)
|   --kind-column=NAME, --title-column=NAME, --author-column=NAME,
|   --date-column=NAME     ... with the other fields (default: their names)
|   --delimiter=C          CSV separator: , ; tab (default: guessed)
|   --kind=KIND            kind of documents that do not name one
|   --strict               fail (exit 1) when any document is skipped
|   --verbose              a message for every skipped document (default:
|                          the first 10 per file and reason, then a count)
|   -q, --quiet            no notes or summary unless something was skipped

# Corpus options: bad values, missing values, unknown options.
$ tussen corpus --orphans=maybe corpus/streetwise
! tussen: --orphans takes 'skip' or 'keep', not 'maybe'
! Try 'tussen corpus --help'.
? 2
$ tussen corpus --orphans maybe corpus/streetwise
! tussen: --orphans takes 'skip' or 'keep', not 'maybe'
! Try 'tussen corpus --help'.
? 2
$ tussen corpus --orphans
! tussen: option '--orphans' needs a value
! Try 'tussen corpus --help'.
? 2
$ tussen corpus --delimiter=xx corpus/streetwise
! tussen: --delimiter takes one of , ; | tab, not 'xx'
! Try 'tussen corpus --help'.
? 2
$ tussen corpus --bogus=3 corpus/streetwise
! tussen: unknown option '--bogus'
! Try 'tussen corpus --help'.
? 2
$ tussen corpus -qx corpus/streetwise
! tussen: unknown option '-x'
! Try 'tussen corpus --help'.
? 2
$ tussen corpus
! tussen: no corpus given; name one or more files or directories (e.g. corpus/streetwise)
! Try 'tussen corpus --help'.
? 2

# Options may follow the corpus; after -- everything is a path, so a file
# named like an option can be read.
$ tussen corpus corpus/streetwise --check -q
$ cp tests/data/importers/dir/b.jsonl $T/--check.jsonl && cd $T && tussen corpus -q -- --check.jsonl
| {"id":"b1","text":"uit b.jsonl"}

# Data on stdout only: the diagnostics can be dropped without losing any.
$ tussen corpus tests/data/bad-inputs/duplicate-ids.jsonl 2>/dev/null
| {"id":"a","text":"eerste"}
| {"id":"b","text":"uniek"}
