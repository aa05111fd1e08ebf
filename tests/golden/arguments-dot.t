# The Graphviz output of the argument report renders with dot (skipped when Graphviz is absent).
% require dot

$ tussen run -q arguments --arg output=dot corpus/streetwise > $T/map.dot && dot -Tsvg $T/map.dot > $T/map.svg && grep -c '<svg' $T/map.svg
| 1
$ tussen run -q arguments --arg output=dot corpus/streetwise | grep -c -- ' -> '
| 87
# dot sizes the boxes for DejaVu Sans and the SVG names that font, so labels fit their boxes
$ grep -c 'font-family="Helvetica' $T/map.svg; grep -q 'font-family="DejaVu Sans"' $T/map.svg && echo dejavu
| 0
| dejavu
