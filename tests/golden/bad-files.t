# Problems with files as a whole. A file that cannot be read stops the run
# (exit 1) with its name and the reason; an empty file only warns; a run
# with no documents at all fails.

# Empty and blank files.
$ tussen corpus tests/data/bad-inputs/empty.jsonl
! tussen: warning: tests/data/bad-inputs/empty.jsonl: empty file: no documents
! tussen: corpus: read 0 documents from 1 file: used 0, skipped 0
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus tests/data/bad-inputs/blank-lines.jsonl
! tussen: warning: tests/data/bad-inputs/blank-lines.jsonl: no documents in this file
! tussen: corpus: read 0 documents from 1 file: used 0, skipped 0
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus tests/data/bad-inputs/empty.jsonl tests/data/importers/dir/b.jsonl
| {"id":"b1","text":"uit b.jsonl"}
! tussen: warning: tests/data/bad-inputs/empty.jsonl: empty file: no documents
! tussen: corpus: read 1 document from 2 files: used 1, skipped 0

# An empty directory (made here: git keeps no empty directories).
$ mkdir $T/empty && tussen corpus $T/empty
! tussen: warning: $T/empty: no .jsonl, .csv, .tsv or .txt files (or .gz) in this directory
! tussen: corpus: read 0 documents from 0 files: used 0, skipped 0
! tussen: no documents to analyse; check the paths and the messages above
? 1

# A missing file, and a file of a type tussen does not read.
$ tussen corpus tests/data/no-such-file.jsonl
! tussen: tests/data/no-such-file.jsonl: cannot open: No such file or directory
? 1
$ tussen corpus tests/data/bad-inputs/notes.md
! tussen: tests/data/bad-inputs/notes.md: unsupported file type; tussen reads .jsonl, .csv, .tsv and .txt files (optionally .gz) and directories
? 1

# Gzip: a truncated file stops the run; a file named .gz that is not
# compressed is read as it is.
$ tussen corpus --check tests/data/bad-inputs/truncated.jsonl.gz
! tussen: tests/data/bad-inputs/truncated.jsonl.gz: byte 6771: the gzip file is truncated after 6771 uncompressed bytes; re-create it (gzip -t tells whether it is intact)
? 1
$ tussen corpus tests/data/bad-inputs/not-gzip.jsonl.gz
| {"id":"a","text":"geen gzip"}
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# A symbolic link loop in a directory is read once, with a warning; a
# dangling link inside a directory is ignored with a warning.
$ mkdir -p $T/loop/sub && cp tests/data/importers/dir/b.jsonl $T/loop/sub/ && ln -s .. $T/loop/sub/up && ln -s nowhere.jsonl $T/loop/dangling.jsonl
$ tussen corpus $T/loop
| {"id":"b1","text":"uit b.jsonl"}
! tussen: warning: $T/loop/dangling.jsonl: broken symbolic link; ignored
! tussen: warning: $T/loop/sub/up: directory already read (a symbolic link loop?); not read again
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# The same file named twice.
$ tussen corpus --check tests/data/importers/dir/b.jsonl tests/data/importers/dir/b.jsonl
! tussen: warning: tests/data/importers/dir/b.jsonl: this file was already read; not read again
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# The same file through a symbolic link in a directory.
$ mkdir $T/links && cp tests/data/importers/dir/b.jsonl $T/links/ && ln -s b.jsonl $T/links/c.jsonl && tussen corpus --check $T/links
! tussen: warning: $T/links/c.jsonl: this file was already read; not read again
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0
