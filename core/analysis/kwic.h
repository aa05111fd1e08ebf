/* Queries (a word, a wildcard like ambtena*, or a phrase) over the token
 * store, and KWIC concordances of their matches. */
#ifndef TN_KWIC_H
#define TN_KWIC_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/store.h"
#include "util/arena.h"
#include "util/status.h"

#define TN_QUERY_MAX 8 /* words in a phrase */

/* A compiled query: per word, which form types match. */
typedef struct tn_query {
  tn_layer by;
  int n;                          /* words in the phrase */
  uint8_t *match[TN_QUERY_MAX];   /* form id -> 1 when it matches word i */
} tn_query;

/* Compiles words separated by spaces; each is a wildcard ('*', '?') over
 * the layer's terms. Words are normalised as the layer is (by = norm:
 * "Ambtenaren" finds "ambtenaren"; by = stem: a word without wildcards is
 * stemmed first), unless `literal` is set (for terms taken from a list of the
 * same layer: a stem stemmed again may change). An empty query or one of more than TN_QUERY_MAX words
 * is TN_EINVAL. */
tn_status tn_query_compile(tn_query *q, const tn_store *s, tn_layer by,
                           const char *query, int literal, tn_error *err);
void tn_query_free(tn_query *q);
/* Whether the phrase matches at pos, ending before `end`. */
static inline int tn_query_at(const tn_store *s, const tn_query *q,
                              size_t pos, size_t end) {
  if (pos + (size_t)q->n > end) return 0;
  for (int i = 0; i < q->n; i++)
    if (!q->match[i][s->form[pos + (size_t)i]]) return 0;
  return 1;
}

/* The positions where the query matches, in corpus order, inside one
 * document each, not overlapping (a match resumes after the previous
 * one), only in documents with docs[d] set (NULL: all). Uses the inverted
 * index when the store has one, else scans. Free *pos with tn_free. */
tn_status tn_query_find(const tn_store *s, const tn_query *q,
                        const uint8_t *docs, uint32_t **pos, size_t *n);

/* The same for several queries: pos[i], n[i] for queries[i]. Without an
 * index, single-word queries that share no form are found in one pass
 * over the tokens. */
tn_status tn_query_find_many(const tn_store *s, const tn_query *queries,
                             size_t nq, const uint8_t *docs, uint32_t **pos,
                             size_t *n);

typedef enum tn_kwic_sort {
  TN_KWIC_POSITION, /* corpus order */
  TN_KWIC_LEFT,     /* by the words left of the match, nearest first */
  TN_KWIC_RIGHT,    /* by the words right of the match, nearest first */
  TN_KWIC_MATCH     /* by the matched words */
} tn_kwic_sort;

/* "position", "left", "right", "match"; -1 for anything else. */
int tn_kwic_sort_from_name(const char *name);

typedef struct tn_kwic_opts {
  tn_layer by;
  size_t width;        /* tokens on each side (punctuation included); 0=5 */
  tn_kwic_sort sort;
  size_t limit;        /* lines to keep after sorting; 0 = all */
  const uint8_t *docs; /* only these documents; NULL = all */
  int literal;         /* query words are terms of the layer as they are */
} tn_kwic_opts;

typedef struct tn_kwic_line {
  uint32_t doc;       /* store (= corpus) document index */
  uint32_t pos;       /* position of the first matched token */
  uint32_t len;       /* matched tokens */
  const char *left, *match, *right; /* as written, spaced as in the text */
} tn_kwic_line;

typedef struct tn_kwic {
  tn_kwic_line *lines;
  size_t nlines;
  size_t total; /* matches before the limit */
  tn_arena text;
} tn_kwic;

tn_status tn_kwic_run(tn_kwic **out, const tn_store *s, const char *query,
                      const tn_kwic_opts *opts, tn_error *err);
void tn_kwic_free(tn_kwic *k);

#endif
