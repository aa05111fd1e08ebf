/* Window collocations: one pass for corpus frequencies, one over the node's
 * matches for co-occurrences, then the association measures. */
#include "analysis/colloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/kwic.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/sort.h"

static const char *const assoc_names[] = {"logdice", "mi", "mi3",
                                          "t",       "ll", "freq"};

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

double tn_assoc_score(tn_assoc a, double f_nc, double f_n, double f_c,
                      double n) {
  if (f_nc <= 0 || f_n <= 0 || f_c <= 0 || n <= 0) return 0.0;
  switch (a) {
  case TN_ASSOC_LOGDICE: return 14.0 + log2(2.0 * f_nc / (f_n + f_c));
  case TN_ASSOC_MI: return log2(f_nc * n / (f_n * f_c));
  case TN_ASSOC_MI3: return log2(f_nc * f_nc * f_nc * n / (f_n * f_c));
  case TN_ASSOC_T: return (f_nc - f_n * f_c / n) / sqrt(f_nc);
  case TN_ASSOC_LL: {
    /* A window can hold the collocate more often than the node occurs, so
     * the margins are clamped to keep every cell of the table >= 0. */
    double o12 = f_n - f_nc > 0 ? f_n - f_nc : 0;
    double o21 = f_c - f_nc > 0 ? f_c - f_nc : 0;
    double o22 = n - f_nc - o12 - o21 > 0 ? n - f_nc - o12 - o21 : 0;
    return tn_g2_table(f_nc, o12, o21, o22);
  }
  default: return f_nc;
  }
}

void tn_assoc_scores(double f_nc, double f_n, double f_c, double n,
                     double out[TN_ASSOC_COUNT]) {
  for (int i = 0; i < TN_ASSOC_COUNT; i++)
    out[i] = tn_assoc_score((tn_assoc)i, f_nc, f_n, f_c, n);
}

void tn_colloc_free(tn_colloc *c) {
  if (!c) return;
  tn_free(c->rows);
  tn_free(c);
}

static int ranked_cmp(const void *x, const void *y) {
  const tn_colloc_ranked *a = x, *b = y;
  if (a->key != b->key) return a->key > b->key ? -1 : 1;
  return strcmp(a->row.term, b->row.term);
}

tn_status tn_colloc_rank(tn_colloc *c, tn_colloc_ranked *rows, size_t n,
                         const tn_colloc_opts *o) {
  double fn = (double)c->f_node, total = (double)c->n;
  for (size_t i = 0; i < n; i++) {
    tn_colloc_row *r = &rows[i].row;
    rows[i].key = o->sort == TN_ASSOC_FREQ
                      ? (double)r->f_nc
                      : tn_assoc_score(o->sort, (double)r->f_nc, fn,
                                       (double)r->f_c, total);
  }
  /* the first `top` without sorting every collocate of a frequent node
   * (ranked_cmp is a total order: terms are unique) */
  n = tn_sort_top(rows, n, sizeof *rows, o->top, ranked_cmp);
  c->rows = tn_malloc((n ? n : 1) * sizeof *c->rows);
  if (!c->rows) return TN_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    c->rows[i] = rows[i].row;
    tn_assoc_scores((double)c->rows[i].f_nc, fn, (double)c->rows[i].f_c, total,
                    c->rows[i].score);
  }
  c->nrows = n;
  return TN_OK;
}

/* What every node of one call shares: the filter, the form -> term map
 * and the corpus frequencies. */
typedef struct colloc_base {
  const tn_store *s;
  const tn_colloc_opts *o;
  uint8_t *allowed;
  uint32_t *map; /* form id -> term id, or v when left out */
  uint64_t *fc;  /* term id -> corpus frequency; [v] is a sink */
  uint64_t n;
  size_t v, left, right;
  uint32_t km;
} colloc_base;

/* Counts one collocate position. */
static inline void hit(const colloc_base *b, size_t r, uint64_t *nc,
                       uint32_t *touched, size_t *ntouched) {
  uint32_t id = b->map[b->s->form[r]];
  if (id == b->v) return;
  if (nc[id]++ == 0) touched[(*ntouched)++] = id;
}

/* Scores one node from its matches (`hits`, in corpus order). */
static tn_status one_node(const colloc_base *b, const tn_query *qp,
                          const uint32_t *hits, size_t nhits, uint64_t *nc,
                          uint32_t *touched, tn_colloc **out, tn_error *err) {
  const tn_store *s = b->s;
  const tn_colloc_opts *o = b->o;
  tn_query q = *qp;
  tn_status st = TN_OK;
  tn_colloc *c = tn_calloc(1, sizeof *c);
  tn_colloc_ranked *rows = NULL;
  size_t ntouched = 0;
  if (!c)
    st = TN_ENOMEM;
  else
    c->n = b->n;
  size_t d = 0;
  for (size_t h = 0; h < nhits && st == TN_OK; h++) {
    size_t p = hits[h];
    while (d + 1 < s->ndocs && s->doc_start[d + 1] <= p)
      d++;
    size_t lo = s->doc_start[d], hi = s->doc_start[d + 1];
    {
      size_t end = p + (size_t)q.n;
      c->f_node++;
      /* left window: counted tokens only, stopping at the document start
       * (and at the previous sentence's end when asked) */
      size_t got = 0;
      for (size_t r = p; r > lo && got < b->left;) {
        r--;
        if (o->sentence && (s->flags[r] & TN_TOK_SENT_END)) break;
        if (!((b->km >> s->kind[r]) & 1u)) continue;
        got++;
        hit(b, r, nc, touched, &ntouched);
      }
      got = 0;
      if (!(o->sentence && (s->flags[end - 1] & TN_TOK_SENT_END)))
        for (size_t r = end; r < hi && got < b->right; r++) {
          int last = o->sentence && (s->flags[r] & TN_TOK_SENT_END);
          if ((b->km >> s->kind[r]) & 1u) {
            got++;
            hit(b, r, nc, touched, &ntouched);
          }
          if (last) break;
        }
    }
  }
  uint64_t min = o->min_count ? o->min_count : 1;
  size_t n = 0;
  if (st == TN_OK) {
    rows = tn_malloc((ntouched ? ntouched : 1) * sizeof *rows);
    if (!rows) st = TN_ENOMEM;
  }
  for (size_t i = 0; i < ntouched && st == TN_OK; i++) {
    uint32_t id = touched[i];
    if (nc[id] < min) continue;
    tn_colloc_ranked *r = &rows[n++];
    r->row.term = tn_store_str(s, o->filter.by, id);
    r->row.f_nc = nc[id];
    r->row.f_c = b->fc[id];
  }
  for (size_t i = 0; i < ntouched; i++)
    nc[touched[i]] = 0;
  if (st == TN_OK) st = tn_colloc_rank(c, rows, n, o);
  tn_free(rows);
  if (st != TN_OK) {
    tn_colloc_free(c);
    return tn_error_set(err, st, NULL, 0, "out of memory scoring collocates");
  }
  *out = c;
  return TN_OK;
}

tn_status tn_colloc_run_many(tn_colloc **out, const tn_store *s,
                             const char *const *nodes, size_t nnodes,
                             const tn_colloc_opts *opts, tn_error *err) {
  for (size_t i = 0; i < nnodes; i++)
    out[i] = NULL;
  if ((unsigned)opts->sort > TN_ASSOC_FREQ)
    return tn_error_set(err, TN_EINVAL, NULL, 0, "unknown association measure");
  colloc_base b = {.s = s, .o = opts, .left = opts->left, .right = opts->right};
  if (b.left == 0 && b.right == 0) b.left = b.right = 5;
  b.km = opts->filter.kinds ? opts->filter.kinds : UINT32_MAX;
  tn_status st = tn_filter_compile(s, &opts->filter, &b.allowed, err);
  if (st != TN_OK) return st;
  b.v = tn_store_vocab_size(s, opts->filter.by);
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  b.fc = tn_calloc(b.v + 1, sizeof *b.fc);
  b.map = tn_malloc((nf ? nf : 1) * sizeof *b.map);
  uint64_t *nc = tn_calloc(b.v + 1, sizeof *nc);
  uint32_t *touched = tn_malloc((b.v + 1) * sizeof *touched);
  if (!b.fc || !b.map || !nc || !touched) {
    st = tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  } else {
    for (size_t fid = 0; fid < nf; fid++)
      b.map[fid] = b.allowed[fid]
                       ? tn_store_map(s, opts->filter.by, (uint32_t)fid)
                       : (uint32_t)b.v;
    /* corpus frequencies, once for all nodes: from the index when the
     * whole corpus counts (a form whose tokens all pass the kind filter
     * adds its posting count), else one branch-free pass */
    int quick = !opts->docs;
    for (size_t fid = 0; quick && fid < nf; fid++) {
      uint32_t cnt = s->form_stat[fid].freq;
      uint32_t kinds = s->form_stat[fid].kinds;
      if ((kinds & b.km) == kinds) {
        b.n += cnt;
        b.fc[b.map[fid]] += cnt;
      } else if ((kinds & b.km) && !s->idx_pos) {
        quick = 0; /* a form of mixed kinds and no index: count tokens */
        b.n = 0;
        memset(b.fc, 0, (b.v + 1) * sizeof *b.fc);
      } else if (kinds & b.km) {
        for (uint32_t j = s->idx_start[fid]; j < s->idx_start[fid + 1]; j++) {
          uint32_t kok = (b.km >> s->kind[s->idx_pos[j]]) & 1u;
          b.n += kok;
          b.fc[kok ? b.map[fid] : (uint32_t)b.v] += kok;
        }
      }
    }
    for (size_t d = 0; !quick && d < s->ndocs; d++) {
      if (opts->docs && !opts->docs[d]) continue;
      uint64_t n = 0;
      for (size_t p = s->doc_start[d]; p < s->doc_start[d + 1]; p++) {
        uint32_t kok = (b.km >> s->kind[p]) & 1u;
        n += kok;
        b.fc[kok ? b.map[s->form[p]] : (uint32_t)b.v]++;
      }
      b.n += n;
    }
  }
  /* every node compiled, then all found (in one pass when possible) */
  tn_query *qs = st == TN_OK ? tn_calloc(nnodes, sizeof *qs) : NULL;
  uint32_t **hits = st == TN_OK ? tn_calloc(nnodes, sizeof *hits) : NULL;
  size_t *nhits = st == TN_OK ? tn_calloc(nnodes, sizeof *nhits) : NULL;
  size_t compiled = 0;
  if (st == TN_OK && (!qs || !hits || !nhits))
    st = tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  for (size_t i = 0; i < nnodes && st == TN_OK; i++, compiled++)
    st = tn_query_compile(&qs[i], s, opts->filter.by, nodes[i], opts->literal,
                          err);
  if (st == TN_OK) {
    st = tn_query_find_many(s, qs, nnodes, opts->docs, hits, nhits);
    if (st != TN_OK) tn_error_set(err, st, NULL, 0, "out of memory");
  }
  for (size_t i = 0; i < nnodes && st == TN_OK; i++)
    st = one_node(&b, &qs[i], hits[i], nhits[i], nc, touched, &out[i], err);
  for (size_t i = 0; i < compiled; i++)
    tn_query_free(&qs[i]);
  for (size_t i = 0; hits && i < nnodes; i++)
    tn_free(hits[i]);
  tn_free(qs);
  tn_free(hits);
  tn_free(nhits);
  if (st != TN_OK)
    for (size_t i = 0; i < nnodes; i++) {
      tn_colloc_free(out[i]);
      out[i] = NULL;
    }
  tn_free(b.allowed);
  tn_free(b.map);
  tn_free(b.fc);
  tn_free(nc);
  tn_free(touched);
  return st;
}

tn_status tn_colloc_run(tn_colloc **out, const tn_store *s, const char *node,
                        const tn_colloc_opts *opts, tn_error *err) {
  return tn_colloc_run_many(out, s, &node, 1, opts, err);
}
