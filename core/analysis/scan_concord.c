/* What a scan's kept tokens answer besides DP: the collocates of nodes
 * and KWIC lines, each as its store-based counterpart (colloc.c, kwic.c)
 * gives them; tests/unit/test_scan.c holds them side by side. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scan_int.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

#define NONE UINT32_MAX

/* ---- collocates --------------------------------------------------------- */

/* Per worker: local form -> the index of the node it is (any kind), and
 * local form -> the global term it counts as (allowed forms only). */
typedef struct form_maps {
  uint32_t *node[SCAN_MAX_WORKERS];
  uint32_t *term[SCAN_MAX_WORKERS];
  uint8_t *isnode[SCAN_MAX_WORKERS]; /* a bit per form: small enough to
                                        stay in cache for every token */
} form_maps;

static void maps_free(form_maps *m) {
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    tn_free(m->node[i]);
    tn_free(m->term[i]);
    tn_free(m->isnode[i]);
  }
  /* make_maps frees on failure and its caller frees again: no double free */
  memset(m, 0, sizeof *m);
}

/* Nodes are terms as they are: each worker's local id of each. */
static tn_status make_maps(tn_scan *sc, const char *const *nodes, size_t nnodes,
                           int with_terms, form_maps *m) {
  memset(m, 0, sizeof *m);
  uint32_t *local = tn_malloc((nnodes ? nnodes : 1) * sizeof *local);
  if (!local) return TN_ENOMEM;
  tn_status st = TN_OK;
  for (int i = 0; i < SCAN_MAX_WORKERS && st == TN_OK; i++) {
    const scan_worker *w = &sc->workers[i];
    if (!w->nforms) continue;
    m->node[i] = tn_malloc(w->nforms * sizeof *m->node[i]);
    m->isnode[i] = tn_calloc(w->nforms / 8 + 1, 1);
    if (with_terms) m->term[i] = tn_malloc(w->nforms * sizeof *m->term[i]);
    if (!m->node[i] || !m->isnode[i] || (with_terms && !m->term[i])) {
      st = TN_ENOMEM;
      break;
    }
    for (size_t k = 0; k < nnodes; k++)
      local[k] = tn_intern_find(&w->terms, nodes[k], strlen(nodes[k]));
    for (size_t f = 0; f < w->nforms; f++) {
      const scan_lform *lf = &w->forms[f];
      uint32_t node = NONE;
      /* the first node of that term: a node given twice shares it */
      for (size_t k = 0; k < nnodes && node == NONE; k++)
        if (local[k] == lf->term) node = (uint32_t)k;
      m->node[i][f] = node;
      if (node != NONE) m->isnode[i][f >> 3] |= (uint8_t)(1u << (f & 7));
      if (with_terms) m->term[i][f] = lf->allowed ? w->remap[lf->term] : NONE;
    }
  }
  tn_free(local);
  if (st != TN_OK) maps_free(m);
  return st;
}

/* Scores and orders one node's collocates (nc: its co-occurrence count
 * of every term), as colloc.c's one_node, with its tn_colloc_rank. */
static tn_status node_rows(tn_scan *sc, const tn_colloc_opts *o,
                           const uint64_t *nc, size_t nt, tn_colloc *c) {
  uint64_t min = o->min_count ? o->min_count : 1;
  size_t n = 0;
  for (size_t id = 0; id < nt; id++)
    n += nc[id] >= min;
  tn_colloc_ranked *rows = tn_malloc((n ? n : 1) * sizeof *rows);
  if (!rows) return TN_ENOMEM;
  n = 0;
  for (size_t id = 0; id < nt; id++) {
    if (nc[id] < min) continue;
    tn_colloc_ranked *r = &rows[n++];
    r->row.term = tn_intern_str(&sc->terms, (uint32_t)id);
    r->row.f_nc = nc[id];
    r->row.f_c = sc->count[id];
  }
  tn_status st = tn_colloc_rank(c, rows, n, o);
  tn_free(rows);
  return st;
}

uint64_t scan_colloc_flush_at = UINT32_MAX;

/* The co-occurrence counts of every node over items [first, last): one
 * per thread, summed after (integer sums: the order cannot matter). The
 * window loop adds to 32-bit counts, half the cache lines of 64-bit ones;
 * they are added into the 64-bit totals before any could overflow. */
typedef struct colloc_part {
  tn_scan *sc;
  const form_maps *m;
  const tn_colloc_opts *o;
  size_t first, last, left, right, nnodes, nt;
  uint64_t *nc;    /* node k, term t: nc[k * nt + t] */
  uint32_t *small; /* the same since the last flush */
  uint64_t pending, *f_node;
  tn_status st;
  pthread_t th;
} colloc_part;

static tn_status part_alloc(colloc_part *cp) {
  size_t cells = (cp->nnodes ? cp->nnodes : 1) * (cp->nt + 1);
  cp->nc = tn_calloc(cells, sizeof *cp->nc);
  cp->small = tn_calloc(cells, sizeof *cp->small);
  cp->f_node = tn_calloc(cp->nnodes ? cp->nnodes : 1, sizeof *cp->f_node);
  return cp->nc && cp->small && cp->f_node ? TN_OK : TN_ENOMEM;
}

static void part_free(colloc_part *cp) {
  tn_free(cp->nc);
  tn_free(cp->small);
  tn_free(cp->f_node);
}

static void part_flush(colloc_part *cp) {
  size_t cells = cp->nnodes * cp->nt;
  for (size_t i = 0; i < cells; i++)
    cp->nc[i] += cp->small[i];
  memset(cp->small, 0, cells * sizeof *cp->small);
  cp->pending = 0;
}

/* Counts the windows of every node occurrence in the part's items: the
 * counted tokens around it within its document (and sentence when
 * asked), as colloc.c's one_node does. */
static void *colloc_count(void *arg) {
  colloc_part *cp = arg;
  const tn_scan *sc = cp->sc;
  const tn_colloc_opts *o = cp->o;
  uint32_t km = sc->kinds;
  cp->st = part_alloc(cp);
  void *buf = NULL;
  size_t cap = 0, nt = cp->nt;
  scan_item tmp;
  for (size_t k = cp->first; k < cp->last && cp->st == TN_OK; k++) {
    const scan_item *it =
        scan_item_view(sc, sc->items[k], &tmp, &buf, &cap, &cp->st);
    if (!it) break;
    const uint32_t *nm = cp->m->node[it->worker], *tm = cp->m->term[it->worker];
    const uint8_t *isnode = cp->m->isnode[it->worker];
    if (!nm) continue;
    for (size_t d = 0; d + it->first < it->last; d++) {
      size_t lo = it->doc_tok[d], hi = it->doc_tok[d + 1];
      for (size_t p = lo; p < hi; p++) {
        uint32_t f = it->form[p];
        if (!(isnode[f >> 3] & (1u << (f & 7)))) continue;
        uint32_t node = nm[f];
        /* at most this many counts go up: flush first if they could
         * overflow (a window holds no more than its document) */
        uint64_t span = (cp->left < p - lo ? cp->left : p - lo) +
                        (cp->right < hi - p - 1 ? cp->right : hi - p - 1);
        if (cp->pending + span > scan_colloc_flush_at) part_flush(cp);
        cp->pending += span;
        uint32_t *cnt = cp->small + (size_t)node * nt;
        cp->f_node[node]++;
        size_t got = 0;
        for (size_t r = p; r > lo && got < cp->left;) {
          r--;
          if (o->sentence && (it->flags[r] & TN_TOK_SENT_END)) break;
          if (!((km >> it->kind[r]) & 1u)) continue;
          got++;
          uint32_t t = tm[it->form[r]];
          if (t != NONE) cnt[t]++;
        }
        got = 0;
        if (!(o->sentence && (it->flags[p] & TN_TOK_SENT_END)))
          for (size_t r = p + 1; r < hi && got < cp->right; r++) {
            int last = o->sentence && (it->flags[r] & TN_TOK_SENT_END);
            if ((km >> it->kind[r]) & 1u) {
              got++;
              uint32_t t = tm[it->form[r]];
              if (t != NONE) cnt[t]++;
            }
            if (last) break;
          }
      }
    }
  }
  if (cp->st == TN_OK) part_flush(cp);
  tn_free(buf);
  return NULL;
}

/* Adds part b's counts into part a's. */
static void part_merge(colloc_part *a, const colloc_part *b) {
  for (size_t k = 0; k < a->nnodes; k++)
    a->f_node[k] += b->f_node[k];
  for (size_t i = 0; i < a->nnodes * a->nt; i++)
    a->nc[i] += b->nc[i];
}

tn_status tn_scan_colloc(tn_colloc **out, tn_scan *sc, const char *const *nodes,
                         size_t nnodes, const tn_colloc_opts *o,
                         tn_error *err) {
  for (size_t i = 0; i < nnodes; i++)
    out[i] = NULL;
  tn_status st = scan_finish(sc, err);
  if (st == TN_OK) st = scan_need_tokens(sc, "collocates", err);
  if (st != TN_OK) return st;
  if ((unsigned)o->sort > TN_ASSOC_FREQ)
    return tn_error_set(err, TN_EINVAL, NULL, 0, "unknown association measure");
  for (size_t k = 0; k < nnodes; k++)
    if (strpbrk(nodes[k], " \t\n"))
      return tn_error_set(err, TN_EINVAL, NULL, 0,
                          "collocates of a phrase ('%s'): load the corpus "
                          "and use corpus:collocates",
                          nodes[k]);
  size_t left = o->left, right = o->right;
  if (left == 0 && right == 0) left = right = 5;
  form_maps m;
  st = make_maps(sc, nodes, nnodes, 1, &m);
  /* two halves of the items on two threads when there is enough */
  colloc_part parts[2];
  size_t nparts = sc->nworkers > 1 && sc->nitems >= 8 ? 2 : 1;
  for (size_t i = 0; i < 2; i++)
    parts[i] = (colloc_part){.sc = sc,
                             .m = &m,
                             .o = o,
                             .first = i * sc->nitems / nparts,
                             .last = (i + 1) * sc->nitems / nparts,
                             .left = left,
                             .right = right,
                             .nnodes = nnodes,
                             .nt = tn_intern_count(&sc->terms)};
  int threaded = 0;
  if (st == TN_OK && nparts == 2)
    threaded = pthread_create(&parts[1].th, NULL, colloc_count, &parts[1]) == 0;
  if (st == TN_OK) {
    if (nparts == 2 && !threaded) parts[0].last = sc->nitems;
    colloc_count(&parts[0]);
    if (threaded) pthread_join(parts[1].th, NULL);
    st = parts[0].st;
    if (st == TN_OK && threaded) {
      st = parts[1].st;
      if (st == TN_OK) part_merge(&parts[0], &parts[1]);
    }
  }
  colloc_part *cp = &parts[0];
  /* a node given twice: its twin's counts */
  for (size_t k = 0; k < nnodes && st == TN_OK; k++) {
    size_t first = k;
    for (size_t j = 0; j < k; j++)
      if (strcmp(nodes[j], nodes[k]) == 0) {
        first = j;
        break;
      }
    out[k] = tn_calloc(1, sizeof *out[k]);
    if (!out[k]) {
      st = TN_ENOMEM;
      break;
    }
    out[k]->n = sc->ntokens;
    out[k]->f_node = cp->f_node[first];
    st = node_rows(sc, o, cp->nc + first * cp->nt, cp->nt, out[k]);
  }
  part_free(&parts[0]);
  part_free(&parts[1]);
  maps_free(&m);
  if (st != TN_OK) {
    for (size_t k = 0; k < nnodes; k++) {
      tn_colloc_free(out[k]);
      out[k] = NULL;
    }
    return tn_error_set(err, st, NULL, 0, "%s scoring collocates",
                        st == TN_EIO ? "cannot read back the kept tokens"
                                     : "out of memory");
  }
  return TN_OK;
}

/* ---- KWIC --------------------------------------------------------------- */

void tn_scan_kwic_free(tn_scan_kwic *k) {
  if (!k) return;
  tn_free(k->lines);
  tn_arena_free(&k->text);
  tn_free(k);
}

/* The forms of tokens [from, to) of an item as the text spaced them. */
static const char *span(const tn_scan *sc, const scan_item *it, size_t from,
                        size_t to, tn_arena *a, tn_buf *b) {
  const scan_worker *w = &sc->workers[it->worker];
  tn_buf_clear(b);
  for (size_t p = from; p < to; p++) {
    const scan_lform *lf = &w->forms[it->form[p]];
    if (tn_buf_append(b, lf->str, lf->len)) return NULL;
    if (p + 1 < to && (it->flags[p] & TN_TOK_SPACE_AFTER) &&
        tn_buf_putc(b, ' '))
      return NULL;
  }
  return tn_arena_strndup(a, b->data ? b->data : "", b->len);
}

tn_status tn_scan_kwic_run(tn_scan_kwic **out, tn_scan *sc, const char *term,
                           size_t width, size_t limit, tn_error *err) {
  *out = NULL;
  tn_status st = scan_finish(sc, err);
  if (st == TN_OK) st = scan_need_tokens(sc, "KWIC", err);
  if (st != TN_OK) return st;
  if (!*term || strpbrk(term, " \t\n"))
    return tn_error_set(err, TN_EINVAL, NULL, 0,
                        "KWIC of '%s': one term; for phrases load the corpus "
                        "and use corpus:kwic",
                        term);
  if (width == 0) width = 5;
  form_maps m;
  st = make_maps(sc, &term, 1, 0, &m);
  tn_scan_kwic *k = st == TN_OK ? tn_calloc(1, sizeof *k) : NULL;
  tn_buf b = TN_BUF_INIT;
  size_t cap = 0;
  if (st == TN_OK && !k) st = TN_ENOMEM;
  if (k) tn_arena_init(&k->text, 16 * 1024);
  void *buf = NULL;
  size_t bcap = 0;
  scan_item tmp;
  for (size_t i = 0; i < sc->nitems && st == TN_OK; i++) {
    const scan_item *it =
        scan_item_view(sc, sc->items[i], &tmp, &buf, &bcap, &st);
    if (!it) break;
    const uint32_t *nm = m.node[it->worker];
    if (!nm) continue;
    for (size_t d = 0; d + it->first < it->last && st == TN_OK; d++) {
      size_t lo = it->doc_tok[d], hi = it->doc_tok[d + 1];
      for (size_t p = lo; p < hi && st == TN_OK; p++) {
        if (nm[it->form[p]] == NONE) continue;
        if (limit && k->nlines >= limit) goto done;
        if (tn_grow((void **)&k->lines, &cap, k->nlines + 1,
                    sizeof *k->lines)) {
          st = TN_ENOMEM;
          break;
        }
        tn_scan_line *ln = &k->lines[k->nlines++];
        size_t end = p + 1;
        size_t l0 = p - lo > width ? p - width : lo;
        size_t r1 = hi - end > width ? end + width : hi;
        ln->doc = sc->doc_ids[it->doc0 + d];
        ln->position = (uint32_t)(p - lo + 1);
        ln->left = span(sc, it, l0, p, &k->text, &b);
        ln->match = span(sc, it, p, end, &k->text, &b);
        ln->right = span(sc, it, end, r1, &k->text, &b);
        if (!ln->left || !ln->match || !ln->right) st = TN_ENOMEM;
      }
    }
  }
done:
  tn_free(buf);
  tn_buf_free(&b);
  maps_free(&m);
  if (st != TN_OK) {
    tn_scan_kwic_free(k);
    return tn_error_set(err, st, NULL, 0, "%s building KWIC lines",
                        st == TN_EIO ? "cannot read back the kept tokens"
                                     : "out of memory");
  }
  *out = k;
  return TN_OK;
}
