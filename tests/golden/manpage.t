# The manual page (core/cli/tussen.1): roff that groff reads without a
# warning, and every option that 'tussen run --help' and the corpus options
# name is described in it (an option added to the help and forgotten in the
# manual shows up here).
% require groff

$ groff -man -Tutf8 -ww -z core/cli/tussen.1 2>&1
$ tussen run --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | while read o; do grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" core/cli/tussen.1 || echo "missing: $o"; done
$ tussen run --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | wc -l
| 21

# map and merge: named in the synopsis and among the commands, and each
# option of their --help (the corpus options aside, which have their own
# section) described in their own section, OPTIONS OF MAP or OPTIONS OF
# MERGE: an option that only run or the corpus options share does not count.
$ grep -c '^\.B tussen \(map\|merge\)$' core/cli/tussen.1
| 2
$ grep -c '^\.BI "\(map\|merge\) "' core/cli/tussen.1
| 2
$ for c in map merge; do u=$(echo $c | tr a-z A-Z); sed -n "/^\.SH OPTIONS OF $u\$/,/^\.SH /p" core/cli/tussen.1 >$T/$c.sec; [ -s $T/$c.sec ] || echo "no section OPTIONS OF $u"; tussen $c --help | sed '/^Corpus options:/,$d' | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | grep -vx -- --help >$T/$c.opts; echo "$c: $(wc -l <$T/$c.opts) options"; while read o; do grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" $T/$c.sec || echo "missing in $c: $o"; done <$T/$c.opts; done
| map: 7 options
| merge: 7 options
