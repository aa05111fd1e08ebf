/* Frequency lists over the token store: terms or n-grams (n = 1..5) by
 * form, norm or stem, with document frequency, per group of documents. */
#ifndef TN_FREQ_H
#define TN_FREQ_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/freq_filter.h"
#include "analysis/store.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/status.h"

#define TN_NGRAM_MAX 5

typedef struct tn_freq_opts {
  tn_term_filter filter;
  int n;              /* 1..TN_NGRAM_MAX; 0 means 1 */
  uint64_t min_count; /* rows counted fewer times are dropped (per group) */
  size_t top;         /* keep the first `top` rows per group; 0 = all */
  /* NULL: one group "all". Else a document field: "id" (one group per
   * document), "kind", "parent", "title", "author", "date" or any metadata
   * key; documents without it form the group "(none)". */
  const char *group;
  const uint8_t *docs; /* only documents with docs[d] != 0; NULL = all */
  /* n-grams stop at sentence ends unless this is set. They never cross a
   * token the kind filter leaves out, nor a document boundary. */
  int cross_sentences;
  /* n = 1 by norm or stem: fill tn_freq_row.form with the term's most
   * frequent surface form ("T-shaped" for t-shaped), ties by byte order. */
  int forms;
  /* n = 1: fill tn_freq_row.dp and dp_norm, Gries's DP of each term over
   * the documents of its group (a second pass, no per-document lists). */
  int dp;
} tn_freq_opts;

typedef struct tn_freq_row {
  const char *term; /* n-grams: the terms joined by one space */
  uint32_t id;      /* the term's id in tn_freq.terms */
  uint32_t docs;    /* documents of the group that hold it */
  uint64_t count;
  const char *form;   /* the most frequent form (opts.forms), else NULL */
  double dp, dp_norm; /* opts.dp, else 0 */
} tn_freq_row;

typedef struct tn_freq_group {
  const char *name;
  uint64_t tokens;  /* tokens of the group that pass the kind filter: the
                       sample size keyness and per-million rates use */
  uint64_t counted; /* n-grams counted (sum of all counts, before min/top) */
  uint64_t types;   /* distinct terms counted (before min/top) */
  uint32_t ndocs;   /* documents in the group */
  /* rows[0, ordered) count descending, then term ascending (bytes), and
   * before every other row; the rest in no order: tn_freq_order orders
   * as many as a reader needs (a full list that keyness only looks up
   * need not be sorted) */
  tn_freq_row *rows;
  size_t nrows, ordered;
} tn_freq_group;

typedef struct tn_freq {
  tn_intern terms; /* every term of every group, shared so groups compare */
  tn_arena names;
  tn_freq_group *groups; /* in order of first appearance in the corpus */
  size_t ngroups;
  /* for group == "id": the store document index of each group */
  uint32_t *group_doc;
  tn_layer by;
  int n;
  int forms; /* rows carry .form */
  int dp;    /* rows carry .dp and .dp_norm */
} tn_freq;

tn_status tn_freq_count(tn_freq **out, const tn_store *s,
                        const tn_freq_opts *opts, tn_error *err);
void tn_freq_free(tn_freq *f);

/* The value of a document field as a string, for grouping and output:
 * the standard fields by name, then metadata (numbers in their source
 * form, booleans as true/false, arrays and objects as JSON). Returns 0 when
 * the document has no such field (or it is null). */
int tn_doc_field(const tn_doc *d, const char *name, tn_str *value);

/* Sorts rows count descending, then term ascending: the one order used
 * everywhere. */
void tn_freq_sort(tn_freq_row *rows, size_t n);

/* Orders the group's first k rows (0: all), when they are not yet. */
void tn_freq_order(tn_freq_group *g, size_t k);

/* Drops the rows counted fewer than min_count times, sorts the rest and
 * keeps the first `top` (0 = all): *n becomes the rows kept. */
tn_status tn_freq_cut(tn_freq_row *rows, size_t *n, uint64_t min_count,
                      size_t top);

/* ---- dispersion --------------------------------------------------------- */

/* Gries's DP for every term of a per-document frequency list (group =
 * "id"): the parts are the groups, their sizes the groups' token counts.
 * Fills dp[id] and dp_norm[id] (arrays of tn_intern_count(&f->terms));
 * terms absent everywhere get 1. */
tn_status tn_freq_dp(const tn_freq *f, double *dp, double *dp_norm);

/* ---- document-feature matrix -------------------------------------------- */

typedef enum tn_dfm_format { TN_DFM_CSV, TN_DFM_JSON } tn_dfm_format;

/* Writes a per-document frequency list as a sparse document-feature
 * matrix. CSV: a header "doc,feature,count" and one line per non-zero
 * cell (RFC 4180 quoting). JSON: {"docs": [...], "features": [...],
 * "cells": [[doc, feature, count], ...]} with 0-based indices. Features are
 * ordered by total count descending, then term; documents in corpus order;
 * cells by document, then feature. */
tn_status tn_dfm_write(const tn_freq *f, tn_dfm_format format, tn_buf *out);

#endif
