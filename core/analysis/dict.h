/* Dictionaries (coding schemes): nested categories like "zorg/jeugd" whose
 * entries are rule patterns (words, wildcards, phrases, any pattern),
 * loaded from CSV `category,pattern` or built entry by entry (the Lua
 * binding loads Lua table files), compiled into one rule set, counted per
 * document with counts rolling up to parent categories. */
#ifndef TN_DICT_H
#define TN_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/rules.h"
#include "util/buf.h"
#include "util/status.h"

typedef struct tn_dict tn_dict;

/* normfn as for tn_rules_new. NULL when memory ran out. The rule set uses
 * the LONGEST overlap policy unless changed through tn_dict_rules. */
tn_dict *tn_dict_new(tn_rules_normfn normfn);
void tn_dict_free(tn_dict *d);

/* Adds one entry. The category is a path of names separated by '/'
 * (surrounding spaces ignored, no empty parts); its parents are created.
 * `file` and `line` (may be NULL/0) locate errors:
 *   scheme.csv:12: rule 'zorg/jeugd': position 7: expected ')' ...
 * weight is the rule's weight (1 for plain counting). */
tn_status tn_dict_add(tn_dict *d, const char *category, const char *pattern,
                      double weight, const char *file, uint64_t line,
                      tn_error *err);

/* CSV with columns category,pattern and an optional third, weight; a
 * first line "category,pattern[,weight]" is a header; blank lines and
 * lines starting with '#' are skipped; fields may be "quoted" ("" is a
 * quote). The separator is ',' unless the first line has ';' (as Dutch
 * spreadsheets write: then a weight may have a decimal comma) or a tab
 * and no ','. `name` names the data in errors (file:line). */
tn_status tn_dict_load_csv_buffer(tn_dict *d, const char *name,
                                  const char *data, size_t len,
                                  tn_error *err);
tn_status tn_dict_load_csv(tn_dict *d, const char *path, tn_error *err);

/* Categories in order of creation; parent is -1 for a top category. */
size_t tn_dict_ncategories(const tn_dict *d);
const char *tn_dict_category(const tn_dict *d, size_t c);
long tn_dict_parent(const tn_dict *d, size_t c);
long tn_dict_find(const tn_dict *d, const char *category);
/* The category of rule r of the rule set. */
size_t tn_dict_rule_category(const tn_dict *d, size_t rule);
size_t tn_dict_nentries(const tn_dict *d);

tn_rules *tn_dict_rules(tn_dict *d);

/* Adds the matches to counts[ncategories]: each matched span counts once
 * for every category of a rule that matched it and once for each of their
 * ancestors (a span coded zorg/jeugd and zorg adds 1 to each, not 2 to
 * zorg). Matches must be in the order tn_rules_match gives. TN_OK or
 * TN_ENOMEM. */
tn_status tn_dict_count(tn_dict *d, const tn_matches *m, uint64_t *counts);

/* A keyword-in-context line for a match: up to `width` tokens each side,
 * as written in `text` (the text the view's offsets point into), runs of
 * whitespace shown as one space. Needs a view with offsets. */
tn_status tn_match_kwic(const tn_tokview *tv, const char *text, size_t len,
                        const tn_match *m, size_t width, tn_buf *left,
                        tn_buf *match, tn_buf *right);

#endif
