# Problems between documents: duplicate ids, parents that are not there,
# parent cycles. Each skipped document is named with its file and line;
# the first holder of a duplicate id keeps it.

$ tussen corpus tests/data/bad-inputs/duplicate-ids.jsonl
| {"id":"a","text":"eerste"}
| {"id":"b","text":"uniek"}
! tussen: skipped: tests/data/bad-inputs/duplicate-ids.jsonl:3: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: skipped: tests/data/bad-inputs/duplicate-ids.jsonl:4: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: corpus: read 4 documents from 1 file: used 2, skipped 2 (2 duplicate ids)

# A dangling parent: skipped by default, and so is a reply to it.
$ tussen corpus tests/data/bad-inputs/orphans.jsonl
| {"id":"art","kind":"article","text":"Het artikel."}
| {"id":"r1","parent":"art","text":"Reactie op het artikel."}
! tussen: skipped: tests/data/bad-inputs/orphans.jsonl:3: document "r2": parent "weg" is not in the corpus; load the file that holds it, or pass --orphans=keep
! tussen: skipped: tests/data/bad-inputs/orphans.jsonl:4: document "r3": parent "r2" is not in the corpus (it was skipped); load the file that holds it, or pass --orphans=keep
! tussen: corpus: read 4 documents from 1 file: used 2, skipped 2 (2 unknown parents)
$ tussen corpus --orphans=keep tests/data/bad-inputs/orphans.jsonl
| {"id":"art","kind":"article","text":"Het artikel."}
| {"id":"r1","parent":"art","text":"Reactie op het artikel."}
| {"id":"r2","parent":"weg","text":"Reactie op iets dat er niet is."}
| {"id":"r3","parent":"r2","text":"Reactie op die wees."}
! tussen: warning: tests/data/bad-inputs/orphans.jsonl:3: document "r2": parent "weg" is not in the corpus; kept without a parent (--orphans=keep)
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0

# --strict fails the run (exit 1) when anything was skipped.
$ tussen corpus --check --strict tests/data/bad-inputs/orphans.jsonl
! tussen: skipped: tests/data/bad-inputs/orphans.jsonl:3: document "r2": parent "weg" is not in the corpus; load the file that holds it, or pass --orphans=keep
! tussen: skipped: tests/data/bad-inputs/orphans.jsonl:4: document "r3": parent "r2" is not in the corpus (it was skipped); load the file that holds it, or pass --orphans=keep
! tussen: corpus: read 4 documents from 1 file: used 2, skipped 2 (2 unknown parents)
! tussen: 2 documents were skipped and --strict is on
? 1

# Cycles (a -> b -> a, self -> self) are skipped, and so are replies to a
# member of a cycle unless --orphans=keep.
$ tussen corpus tests/data/bad-inputs/cycles.jsonl
| {"id":"ok","text":"zonder ouder"}
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:1: document "a": its parent chain leads back to itself (through "a"); fix the parent fields
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:2: document "b": its parent chain leads back to itself (through "a"); fix the parent fields
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:3: document "self": its parent chain leads back to itself (through "self"); fix the parent fields
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:4: document "c": parent "a" was skipped; fix it, or pass --orphans=keep
! tussen: corpus: read 5 documents from 1 file: used 1, skipped 4 (1 unknown parent, 3 in a parent cycle)
$ tussen corpus --orphans=keep tests/data/bad-inputs/cycles.jsonl
| {"id":"c","parent":"a","text":"antwoordt a, dat in een kring zit"}
| {"id":"ok","text":"zonder ouder"}
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:1: document "a": its parent chain leads back to itself (through "a"); fix the parent fields
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:2: document "b": its parent chain leads back to itself (through "a"); fix the parent fields
! tussen: skipped: tests/data/bad-inputs/cycles.jsonl:3: document "self": its parent chain leads back to itself (through "self"); fix the parent fields
! tussen: warning: tests/data/bad-inputs/cycles.jsonl:4: document "c": parent "a" was skipped; kept without a parent (--orphans=keep)
! tussen: corpus: read 5 documents from 1 file: used 2, skipped 3 (3 in a parent cycle)

# The same documents in two files: the second copies are duplicates.
$ cp tests/data/bad-inputs/duplicate-ids.jsonl $T/copy.jsonl && tussen corpus --check tests/data/bad-inputs/duplicate-ids.jsonl $T/copy.jsonl
! tussen: skipped: tests/data/bad-inputs/duplicate-ids.jsonl:3: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: skipped: tests/data/bad-inputs/duplicate-ids.jsonl:4: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: skipped: $T/copy.jsonl:1: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: skipped: $T/copy.jsonl:2: document "b": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:2); give each document a unique id
! tussen: skipped: $T/copy.jsonl:3: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: skipped: $T/copy.jsonl:4: document "a": duplicate id (first used at tests/data/bad-inputs/duplicate-ids.jsonl:1); give each document a unique id
! tussen: corpus: read 8 documents from 2 files: used 2, skipped 6 (6 duplicate ids)
