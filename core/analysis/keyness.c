/* Keyness measures and the keyness table of two frequency lists. */
#include "analysis/keyness.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/sort.h"

static double xlnx_over(double o, double e) {
  return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

double tn_keyness_g2(double a, double b, double c, double d) {
  if (c + d <= 0) return 0.0;
  double e1 = c * (a + b) / (c + d);
  double e2 = d * (a + b) / (c + d);
  double g2 = 2.0 * (xlnx_over(a, e1) + xlnx_over(b, e2));
  return g2 < 0 ? 0.0 : g2; /* rounding near zero */
}

int tn_keyness_sign(double a, double b, double c, double d) {
  /* a/c vs b/d without dividing by a zero size */
  double l = a * d, r = b * c;
  return l > r ? 1 : l < r ? -1 : 0;
}

double tn_log_ratio(double a, double b, double c, double d) {
  if (c <= 0 || d <= 0) return 0.0;
  if (a == 0) a = 0.5;
  if (b == 0) b = 0.5;
  return log2((a / c) / (b / d));
}

double tn_pct_diff(double a, double b, double c, double d) {
  if (c <= 0 || d <= 0) return 0.0;
  double nt = a / c, nr = b / d;
  if (nr == 0) nr = 1e-18;
  return 100.0 * (nt - nr) / nr;
}

double tn_chi2_p1(double g2) {
  return g2 <= 0 ? 1.0 : erfc(sqrt(g2 / 2.0));
}

static int row_cmp(const void *x, const void *y) {
  const tn_keyness_row *a = x, *b = y;
  if (a->g2 != b->g2) return a->g2 > b->g2 ? -1 : 1;
  return strcmp(a->term, b->term);
}

/* The signed G² a row is ranked by; the other measures (finish) only for
 * the rows kept: p's erfc and the log ratio's log2 for every term of two
 * full lists cost more than the ranking. */
static void fill(tn_keyness_row *r, const char *term, uint64_t a, uint64_t b,
                 double c, double d) {
  r->term = term;
  r->a = a;
  r->b = b;
  double g2 = tn_keyness_g2((double)a, (double)b, c, d);
  r->g2 = tn_keyness_sign((double)a, (double)b, c, d) < 0 ? -g2 : g2;
}

static void finish(tn_keyness_row *r, double c, double d) {
  r->p = tn_chi2_p1(fabs(r->g2));
  r->log_ratio = tn_log_ratio((double)r->a, (double)r->b, c, d);
  r->pct_diff = tn_pct_diff((double)r->a, (double)r->b, c, d);
}

tn_status tn_keyness(const tn_freq_group *target, const tn_freq_group *ref,
                     const tn_freq *ref_list, const tn_keyness_opts *opts,
                     tn_keyness_row **rows, size_t *nrows) {
  *rows = NULL;
  *nrows = 0;
  size_t nt = tn_intern_count(&ref_list->terms);
  uint64_t *bcount = tn_calloc(nt ? nt : 1, sizeof *bcount);
  uint8_t *seen = tn_calloc(nt ? nt : 1, 1);
  size_t cap = target->nrows + (opts->negative ? ref->nrows : 0);
  tn_keyness_row *out = tn_malloc((cap ? cap : 1) * sizeof *out);
  if (!bcount || !seen || !out) {
    tn_free(bcount);
    tn_free(seen);
    tn_free(out);
    return TN_ENOMEM;
  }
  for (size_t i = 0; i < ref->nrows; i++)
    bcount[ref->rows[i].id] = ref->rows[i].count;
  double c = (double)target->tokens, d = (double)ref->tokens;
  /* two groups of one list share its term ids: no lookup by string */
  int same = target >= ref_list->groups &&
             target < ref_list->groups + ref_list->ngroups;
  size_t n = 0;
  for (size_t i = 0; i < target->nrows; i++) {
    const tn_freq_row *t = &target->rows[i];
    uint32_t rid =
        same ? t->id
             : tn_intern_find(&ref_list->terms, t->term, strlen(t->term));
    uint64_t b = 0;
    if (rid != TN_INTERN_NONE) {
      b = bcount[rid];
      seen[rid] = 1;
    }
    if (t->count + b < opts->min_count) continue;
    fill(&out[n], t->term, t->count, b, c, d);
    out[n].docs = t->docs;
    if (out[n].g2 > 0 || opts->negative) n++;
  }
  if (opts->negative)
    for (size_t i = 0; i < ref->nrows; i++) {
      const tn_freq_row *r = &ref->rows[i];
      if (seen[r->id] || r->count < opts->min_count) continue;
      out[n].docs = 0;
      fill(&out[n++], r->term, 0, r->count, c, d);
    }
  tn_free(bcount);
  tn_free(seen);
  /* row_cmp is a total order: terms are unique */
  n = tn_sort_top(out, n, sizeof *out, opts->top, row_cmp);
  for (size_t i = 0; i < n; i++)
    finish(&out[i], c, d);
  *rows = out;
  *nrows = n;
  return TN_OK;
}
