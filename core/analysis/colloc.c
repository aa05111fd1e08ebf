/* Window collocations: one pass for corpus frequencies, one over the node's
 * matches for co-occurrences, then the association measures. */
#include "analysis/colloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/kwic.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

static const char *const assoc_names[] = {"logdice", "mi", "mi3", "t", "ll",
                                          "freq"};

int tn_assoc_from_name(const char *name) {
  for (int i = 0; i <= TN_ASSOC_FREQ; i++)
    if (strcmp(name, assoc_names[i]) == 0) return i;
  return -1;
}

const char *tn_assoc_name(tn_assoc a) {
  return (unsigned)a <= TN_ASSOC_FREQ ? assoc_names[a] : "?";
}

static double term(double o, double e) {
  return o > 0 && e > 0 ? o * log(o / e) : 0.0;
}

double tn_g2_table(double o11, double o12, double o21, double o22) {
  double n = o11 + o12 + o21 + o22;
  if (n <= 0) return 0.0;
  double r1 = o11 + o12, r2 = o21 + o22, c1 = o11 + o21, c2 = o12 + o22;
  double g = 2.0 * (term(o11, r1 * c1 / n) + term(o12, r1 * c2 / n) +
                    term(o21, r2 * c1 / n) + term(o22, r2 * c2 / n));
  return g < 0 ? 0.0 : g;
}

void tn_assoc_scores(double f_nc, double f_n, double f_c, double n,
                     double out[TN_ASSOC_COUNT]) {
  if (f_nc <= 0 || f_n <= 0 || f_c <= 0 || n <= 0) {
    for (int i = 0; i < TN_ASSOC_COUNT; i++) out[i] = 0.0;
    return;
  }
  out[TN_ASSOC_LOGDICE] = 14.0 + log2(2.0 * f_nc / (f_n + f_c));
  out[TN_ASSOC_MI] = log2(f_nc * n / (f_n * f_c));
  out[TN_ASSOC_MI3] = log2(f_nc * f_nc * f_nc * n / (f_n * f_c));
  out[TN_ASSOC_T] = (f_nc - f_n * f_c / n) / sqrt(f_nc);
  /* A window can hold the collocate more often than the node occurs, so
   * the margins are clamped to keep every cell of the table >= 0. */
  double o12 = f_n - f_nc > 0 ? f_n - f_nc : 0;
  double o21 = f_c - f_nc > 0 ? f_c - f_nc : 0;
  double o22 = n - f_nc - o12 - o21 > 0 ? n - f_nc - o12 - o21 : 0;
  out[TN_ASSOC_LL] = tn_g2_table(f_nc, o12, o21, o22);
}

void tn_colloc_free(tn_colloc *c) {
  if (!c) return;
  tn_free(c->rows);
  tn_free(c);
}

typedef struct sort_ctx_row {
  tn_colloc_row row;
  double key;
} sort_row;

static int sort_cmp(const void *x, const void *y) {
  const sort_row *a = x, *b = y;
  if (a->key != b->key) return a->key > b->key ? -1 : 1;
  return strcmp(a->row.term, b->row.term);
}

tn_status tn_colloc_run(tn_colloc **out, const tn_store *s, const char *node,
                        const tn_colloc_opts *opts, tn_error *err) {
  *out = NULL;
  const tn_term_filter *f = &opts->filter;
  size_t left = opts->left, right = opts->right;
  if (left == 0 && right == 0) left = right = 5;
  uint64_t min = opts->min_count ? opts->min_count : 1;
  tn_query q;
  tn_status st = tn_query_compile(&q, s, f->by, node, opts->literal, err);
  if (st != TN_OK) return st;
  if ((unsigned)opts->sort > TN_ASSOC_FREQ) {
    tn_query_free(&q);
    return tn_error_set(err, TN_EINVAL, NULL, 0, "unknown association measure");
  }
  uint8_t *allowed = NULL;
  st = tn_filter_compile(s, f, &allowed, err);
  if (st != TN_OK) {
    tn_query_free(&q);
    return st;
  }
  size_t v = tn_store_vocab_size(s, f->by);
  uint64_t *fc = tn_calloc(v ? v : 1, sizeof *fc);
  uint64_t *nc = tn_calloc(v ? v : 1, sizeof *nc);
  uint32_t *touched = tn_malloc((v ? v : 1) * sizeof *touched);
  tn_colloc *c = tn_calloc(1, sizeof *c);
  sort_row *rows = NULL;
  size_t ntouched = 0;
  if (!fc || !nc || !touched || !c) st = TN_ENOMEM;
  for (size_t d = 0; d < s->ndocs && st == TN_OK; d++) {
    if (opts->docs && !opts->docs[d]) continue;
    size_t lo = s->doc_start[d], hi = s->doc_start[d + 1];
    for (size_t p = lo; p < hi; p++) {
      if (!tn_filter_kind(f->kinds, s->kind[p])) continue;
      c->n++;
      if (allowed[s->form[p]]) fc[tn_store_id(s, f->by, p)]++;
    }
    for (size_t p = lo; p < hi; p++) {
      if (!tn_query_at(s, &q, p, hi)) continue;
      size_t end = p + (size_t)q.n;
      c->f_node++;
      /* left window: counted tokens only, stopping at the document start
       * (and at the previous sentence's end when asked) */
      size_t got = 0;
      for (size_t r = p; r > lo && got < left;) {
        r--;
        if (opts->sentence && (s->flags[r] & TN_TOK_SENT_END)) break;
        if (!tn_filter_kind(f->kinds, s->kind[r])) continue;
        got++;
        if (!allowed[s->form[r]]) continue;
        uint32_t id = tn_store_id(s, f->by, r);
        if (nc[id]++ == 0) touched[ntouched++] = id;
      }
      got = 0;
      if (!(opts->sentence && (s->flags[end - 1] & TN_TOK_SENT_END)))
        for (size_t r = end; r < hi && got < right; r++) {
          int last = opts->sentence && (s->flags[r] & TN_TOK_SENT_END);
          if (tn_filter_kind(f->kinds, s->kind[r])) {
            got++;
            if (allowed[s->form[r]]) {
              uint32_t id = tn_store_id(s, f->by, r);
              if (nc[id]++ == 0) touched[ntouched++] = id;
            }
          }
          if (last) break;
        }
      p = end - 1;
    }
  }
  size_t n = 0;
  if (st == TN_OK) {
    rows = tn_malloc((ntouched ? ntouched : 1) * sizeof *rows);
    if (!rows) st = TN_ENOMEM;
  }
  for (size_t i = 0; i < ntouched && st == TN_OK; i++) {
    uint32_t id = touched[i];
    if (nc[id] < min) continue;
    sort_row *r = &rows[n++];
    r->row.term = tn_store_str(s, f->by, id);
    r->row.f_nc = nc[id];
    r->row.f_c = fc[id];
    tn_assoc_scores((double)nc[id], (double)c->f_node, (double)fc[id],
                    (double)c->n, r->row.score);
    r->key = opts->sort == TN_ASSOC_FREQ ? (double)nc[id]
                                         : r->row.score[opts->sort];
  }
  if (st == TN_OK) {
    if (n > 1) qsort(rows, n, sizeof *rows, sort_cmp);
    if (opts->top && n > opts->top) n = opts->top;
    c->rows = tn_malloc((n ? n : 1) * sizeof *c->rows);
    if (!c->rows) st = TN_ENOMEM;
    for (size_t i = 0; i < n && st == TN_OK; i++) c->rows[i] = rows[i].row;
    if (st == TN_OK) c->nrows = n;
  }
  tn_free(rows);
  tn_free(fc);
  tn_free(nc);
  tn_free(touched);
  tn_free(allowed);
  tn_query_free(&q);
  if (st != TN_OK) {
    tn_colloc_free(c);
    return tn_error_set(err, st, NULL, 0, "out of memory scoring collocates");
  }
  *out = c;
  return TN_OK;
}
