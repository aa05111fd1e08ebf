# The command line: usage errors exit 2 with a hint on stderr.

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
$ tussen run --orphans=maybe overview corpus/streetwise
! tussen: --orphans takes 'skip' or 'keep', not 'maybe'
! Try 'tussen run --help'.
? 2
$ tussen run --orphans maybe overview corpus/streetwise
! tussen: --orphans takes 'skip' or 'keep', not 'maybe'
! Try 'tussen run --help'.
? 2
$ tussen run overview
! tussen: no corpus given; name one or more files or directories (e.g. corpus/streetwise)
! Try 'tussen run --help'.
? 2
