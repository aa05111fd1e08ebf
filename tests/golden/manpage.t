# The manual page (core/cli/tussen.1): roff that groff reads without a
# warning, and every option that 'tussen run --help' and the corpus options
# name is described in it (an option added to the help and forgotten in the
# manual shows up here).
% require groff

$ groff -man -Tutf8 -ww -z core/cli/tussen.1 2>&1
$ tussen run --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | while read o; do grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" core/cli/tussen.1 || echo "missing: $o"; done
$ tussen run --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | wc -l
| 21
