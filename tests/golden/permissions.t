# Files and directories that cannot be read stop the run (exit 1), naming
# the path and the reason. Run without privileges (unprivileged.sh: as
# "nobody" when the tests run as root), since root reads anything.
% require setpriv

$ cp tests/data/importers/dir/b.jsonl $T/secret.jsonl && chmod 000 $T/secret.jsonl
$ sh tests/golden/unprivileged.sh tussen corpus $T/secret.jsonl
! tussen: $T/secret.jsonl: cannot open: Permission denied; check the file's permissions
? 1

$ mkdir -p $T/closed/inner && cp tests/data/importers/dir/b.jsonl $T/closed/inner/ && chmod 000 $T/closed/inner
$ sh tests/golden/unprivileged.sh tussen corpus $T/closed
! tussen: $T/closed/inner: cannot open directory: Permission denied; check its permissions
? 1

# A file in a directory that is unreadable stops the run too: no document
# is lost without a word.
$ mkdir $T/mixed && cp tests/data/importers/dir/b.jsonl $T/mixed/a.jsonl && printf '{"id":"z","text":"geheim"}\n' > $T/mixed/b.jsonl && chmod 000 $T/mixed/b.jsonl
$ sh tests/golden/unprivileged.sh tussen corpus --check $T/mixed
! tussen: $T/mixed/b.jsonl: cannot open: Permission denied; check the file's permissions
? 1
