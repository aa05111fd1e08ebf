/* Window collocations of a node (word, wildcard or phrase), scored by
 * logDice, MI, MI3, t-score and log-likelihood. Formulas and references are
 * in scripts/README.md. */
#ifndef TN_COLLOC_H
#define TN_COLLOC_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/freq_filter.h"
#include "analysis/store.h"
#include "util/status.h"

typedef enum tn_assoc {
  TN_ASSOC_LOGDICE, /* 14 + log2(2 f_nc / (f_n + f_c))       Rychlý 2008 */
  TN_ASSOC_MI,      /* log2(f_nc N / (f_n f_c))       Church & Hanks 1990 */
  TN_ASSOC_MI3,     /* log2(f_nc^3 N / (f_n f_c))             Daille 1994 */
  TN_ASSOC_T,       /* (f_nc - f_n f_c / N) / sqrt(f_nc)  Church et al. 1991 */
  TN_ASSOC_LL,      /* G² of the 2x2 table                    Dunning 1993 */
  TN_ASSOC_COUNT,
  TN_ASSOC_FREQ = TN_ASSOC_COUNT /* sort by co-occurrence count */
} tn_assoc;

/* "logdice", "mi", "mi3", "t", "ll", "freq"; -1 for anything else. */
int tn_assoc_from_name(const char *name);
const char *tn_assoc_name(tn_assoc a);

/* All five measures for one pair: f_nc co-occurrences, f_n node
 * frequency, f_c collocate frequency, n corpus size. */
void tn_assoc_scores(double f_nc, double f_n, double f_c, double n,
                     double out[TN_ASSOC_COUNT]);
/* One of them (the same double tn_assoc_scores gives): ranking by one
 * measure need not compute the other four, log-likelihood's four logs
 * above all. */
double tn_assoc_score(tn_assoc a, double f_nc, double f_n, double f_c,
                      double n);
/* G² of a 2x2 contingency table (cells o11 o12 / o21 o22). */
double tn_g2_table(double o11, double o12, double o21, double o22);

typedef struct tn_colloc_opts {
  tn_term_filter filter; /* layer, kinds, stopwords... of the collocates;
                            the kinds also decide what a window counts */
  size_t left, right;    /* window in counted tokens; both 0 means 5, 5 */
  int sentence;          /* windows stop at sentence boundaries */
  uint64_t min_count;    /* minimum co-occurrences (default 0 = 1) */
  tn_assoc sort;
  size_t top;            /* 0 = all */
  const uint8_t *docs;
  int literal;           /* the node's words are terms of the layer as is */
} tn_colloc_opts;

typedef struct tn_colloc_row {
  const char *term;
  uint64_t f_nc, f_c;
  double score[TN_ASSOC_COUNT];
} tn_colloc_row;

typedef struct tn_colloc {
  uint64_t n;      /* corpus size: tokens passing the kind filter */
  uint64_t f_node; /* occurrences of the node */
  tn_colloc_row *rows;
  size_t nrows;
} tn_colloc;

/* A candidate collocate (term, f_nc and f_c filled) and its ranking key. */
typedef struct tn_colloc_ranked {
  tn_colloc_row row;
  double key;
} tn_colloc_ranked;

/* Ranks candidates by opts->sort (key descending, then term), keeps the
 * first opts->top (0: all) and scores them into c->rows: the measure
 * asked for first, all five only for the rows kept. c->n and c->f_node
 * must be set; the candidates are reordered. Shared by colloc.c and the
 * scan (scan_concord.c), so both rank alike. */
tn_status tn_colloc_rank(tn_colloc *c, tn_colloc_ranked *rows, size_t n,
                         const tn_colloc_opts *opts);

tn_status tn_colloc_run(tn_colloc **out, const tn_store *s, const char *node,
                        const tn_colloc_opts *opts, tn_error *err);
/* Several nodes in one call: the corpus frequencies are counted once.
 * out[i] belongs to nodes[i]; on an error none is returned. */
tn_status tn_colloc_run_many(tn_colloc **out, const tn_store *s,
                             const char *const *nodes, size_t nnodes,
                             const tn_colloc_opts *opts, tn_error *err);
void tn_colloc_free(tn_colloc *c);

#endif
