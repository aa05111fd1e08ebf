/* Which tokens an analysis counts: token kinds, term length, a wildcard or
 * a regular expression on the term, and stopword lists. */
#ifndef TN_FREQ_FILTER_H
#define TN_FREQ_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/store.h"
#include "util/intern.h"
#include "util/status.h"

/* ---- stopwords ---------------------------------------------------------- */

/* A set of norms (tn_tok_norm'ed words: "De" and "de" are one entry). */
typedef struct tn_stopwords {
  tn_intern set;
} tn_stopwords;

void tn_stopwords_init(tn_stopwords *sw);
void tn_stopwords_free(tn_stopwords *sw);
/* Adds one word (normalised first). */
tn_status tn_stopwords_add(tn_stopwords *sw, const char *word, size_t len);
/* Adds the words of a list: one per line, '#' starts a comment, blank lines
 * and surrounding spaces ignored. `name` is for messages. Invalid UTF-8 is
 * an error naming the line. */
tn_status tn_stopwords_parse(tn_stopwords *sw, const char *name,
                             const char *data, size_t len, tn_error *err);
tn_status tn_stopwords_load(tn_stopwords *sw, const char *path, tn_error *err);
/* Whether a norm is in the set. */
int tn_stopwords_has(const tn_stopwords *sw, const char *norm, size_t len);

/* ---- wildcards ---------------------------------------------------------- */

/* Matches `s` against a wildcard: '*' any run of characters (also none),
 * '?' one character (code point), '\' takes the next byte literally.
 * The whole of `s` must match. */
int tn_glob_match(const char *pat, size_t plen, const char *s, size_t slen);
/* Whether a pattern holds a wildcard character. */
int tn_glob_has_wildcard(const char *pat, size_t len);

/* ---- the filter --------------------------------------------------------- */

#define TN_KINDS_ALL 0u
#define TN_KIND_BIT(k) (1u << (k))

typedef struct tn_term_filter {
  tn_layer by;           /* the layer terms are taken from */
  uint32_t kinds;        /* TN_KIND_BIT mask of token kinds; 0 = all */
  size_t min_len;        /* in characters; 0 = no bound */
  size_t max_len;        /* 0 = no bound */
  const char *glob;      /* wildcard the term must match, or NULL */
  const char *regex;     /* POSIX extended regex it must match, or NULL */
  const tn_stopwords *stop; /* tokens whose norm is in it are left out */
  const uint8_t *forms;  /* per form id: 0 leaves the form out (a caller's
                            own test, e.g. a Lua callback); NULL = all */
} tn_term_filter;

/* Decides the filter once per form type: returns (in *allowed) an array
 * of tn_store_vocab_size(s, FORM) flags, 1 for a form whose term passes
 * the length, wildcard, regex and stopword tests. Kinds are per token:
 * test them with tn_filter_kind. A bad regex is TN_EINVAL with the
 * regex library's message. Free with tn_free. */
tn_status tn_filter_compile(const tn_store *s, const tn_term_filter *f,
                            uint8_t **allowed, tn_error *err);

static inline int tn_filter_kind(uint32_t kinds, unsigned kind) {
  return kinds == 0 || (kinds >> kind) & 1u;
}

/* Parses "word,number" (names as tn_tok_kind_name gives them, comma or
 * space separated; "all" for every kind) into a mask. */
tn_status tn_kinds_parse(const char *list, uint32_t *mask, tn_error *err);

/* Number of code points in a UTF-8 string. */
size_t tn_utf8_count(const char *s, size_t len);

#endif
