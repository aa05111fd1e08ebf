/* Keyness: which terms one frequency list (the target) has more often
 * than another (the reference), by log-likelihood G², log ratio and %DIFF.
 * The formulas and their references are in scripts/README.md. */
#ifndef TN_KEYNESS_H
#define TN_KEYNESS_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/freq.h"
#include "util/status.h"

/* a: frequency in the target, b: in the reference; c, d: the sizes
 * (tokens) of target and reference. */

/* Dunning's log-likelihood in Rayson & Garside's form:
 * E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)),
 * a term with 0 contributing 0. Always >= 0; see tn_keyness_sign. */
double tn_keyness_g2(double a, double b, double c, double d);
/* +1 when the term is relatively more frequent in the target, -1 less, 0
 * equal. */
int tn_keyness_sign(double a, double b, double c, double d);
/* Hardie's log ratio: log2((a/c) / (b/d)), a zero frequency replaced by 0.5
 * so the ratio stays finite. */
double tn_log_ratio(double a, double b, double c, double d);
/* Gabrielatos & Marchi's %DIFF: 100 (a/c - b/d) / (b/d); with b = 0 the
 * reference rate is taken as 1e-18 per token, as they propose. */
double tn_pct_diff(double a, double b, double c, double d);
/* p-value of G² under chi-square with one degree of freedom. */
double tn_chi2_p1(double g2);

typedef struct tn_keyness_row {
  const char *term;
  uint64_t a, b;      /* frequency in target and reference */
  uint32_t docs;      /* documents of the target that hold it */
  double g2;          /* signed: negative for terms the target lacks */
  double p;
  double log_ratio;
  double pct_diff;
} tn_keyness_row;

typedef struct tn_keyness_opts {
  uint64_t min_count; /* minimum a + b (default 0: all) */
  int negative;       /* also list terms with negative keyness */
  size_t top;         /* rows to keep; 0 = all */
} tn_keyness_opts;

/* Compares two groups (of the same or of two frequency lists, joined by
 * term string). Rows are sorted by signed G² descending, then term. The
 * row terms point into the lists, which must outlive the result. */
tn_status tn_keyness(const tn_freq_group *target, const tn_freq_group *ref,
                     const tn_freq *ref_list, const tn_keyness_opts *opts,
                     tn_keyness_row **rows, size_t *nrows);

#endif
