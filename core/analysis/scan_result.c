/* What a scan answers once counted: the merged vocabulary, frequency lists
 * with usual spellings and Gries's DP, collocates and KWIC lines. Each
 * follows its store-based counterpart (freq.c, colloc.c, kwic.c) number
 * for number; tests/unit/test_scan.c holds them side by side. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scan_int.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/sort.h"

#define NONE UINT32_MAX

/* ---- merging the workers ------------------------------------------------ */

static tn_status grow_global(tn_scan *sc, size_t need, size_t *cap) {
  if (need <= *cap) return TN_OK;
  size_t c = *cap ? *cap : 1024;
  while (c < need)
    c *= 2;
  uint64_t *count = tn_realloc(sc->count, c * sizeof *count);
  if (!count) return TN_ENOMEM;
  sc->count = count;
  uint32_t *docs = tn_realloc(sc->docs, c * sizeof *docs);
  if (!docs) return TN_ENOMEM;
  sc->docs = docs;
  memset(sc->count + *cap, 0, (c - *cap) * sizeof *count);
  memset(sc->docs + *cap, 0, (c - *cap) * sizeof *docs);
  for (int k = 0; sc->grouped && k < SCAN_DENSE; k++) {
    uint64_t *gc = tn_realloc(sc->gcount[k], c * sizeof *gc);
    if (!gc) return TN_ENOMEM;
    sc->gcount[k] = gc;
    uint32_t *gd = tn_realloc(sc->gdocs[k], c * sizeof *gd);
    if (!gd) return TN_ENOMEM;
    sc->gdocs[k] = gd;
    memset(gc + *cap, 0, (c - *cap) * sizeof *gc);
    memset(gd + *cap, 0, (c - *cap) * sizeof *gd);
  }
  *cap = c;
  return TN_OK;
}

/* The global terms start as a copy of the first worker's (same ids, no
 * lookups); only the other workers' counted terms are looked up. The
 * first groups stay dense, as in the workers. */
tn_status scan_merge(tn_scan *sc) {
  tn_intern_init(&sc->terms);
  size_t ng = tn_intern_count(&sc->groups), cap = 0;
  sc->gtokens = tn_calloc(ng ? ng : 1, sizeof *sc->gtokens);
  if (!sc->gtokens) return TN_ENOMEM;
  int cloned = 0;
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    scan_worker *w = &sc->workers[i];
    size_t nt = tn_intern_count(&w->terms);
    if (!nt) continue;
    w->remap = tn_malloc(nt * sizeof *w->remap);
    if (!w->remap) return TN_ENOMEM;
    /* the forms' counts were kept in their slots */
    for (size_t j = 0; j < w->nslots; j++)
      if (w->slots[j].tag) w->forms[w->slots[j].id].count = w->slots[j].count;
    int is_clone = !cloned;
    if (is_clone) {
      tn_intern_free(&sc->terms);
      if (tn_intern_clone(&sc->terms, &w->terms) != TN_OK) return TN_ENOMEM;
      cloned = 1;
      for (size_t t = 0; t < nt; t++)
        w->remap[t] = (uint32_t)t;
      if (grow_global(sc, nt, &cap) != TN_OK) return TN_ENOMEM;
    }
    for (size_t t = 0; t < nt; t++) {
      const scan_term *td = &w->tdata[t];
      if (!is_clone) w->remap[t] = NONE;
      /* a term never counted need not be a row */
      if (!td->count) continue;
      uint32_t g = w->remap[t];
      if (g == NONE) {
        g = tn_intern_add(&sc->terms, tn_intern_str(&w->terms, (uint32_t)t),
                          tn_intern_len(&w->terms, (uint32_t)t));
        if (g == TN_INTERN_NONE ||
            grow_global(sc, (size_t)g + 1, &cap) != TN_OK)
          return TN_ENOMEM;
        w->remap[t] = g;
      }
      sc->count[g] += td->count;
      sc->docs[g] += td->docs;
      for (uint32_t k = 0; sc->grouped && k < SCAN_DENSE && k < ng; k++) {
        sc->gcount[k][g] += td->gcount[k];
        sc->gdocs[k][g] += td->gdocs[k];
      }
    }
    for (size_t g = 0; g < w->gcap && g < ng; g++)
      sc->gtokens[g] += w->gtokens[g];
    for (size_t j = 0; sc->grouped && j < w->cells.nslots; j++) {
      const scan_cell *c = &w->cells.slots[j];
      if (c->term == NONE) continue;
      if (scan_cells_add(&sc->cells, c->g, w->remap[c->term], c->count,
                         c->docs) != TN_OK)
        return TN_ENOMEM;
    }
    scan_cells_free(&w->cells); /* merged: its memory can go */
  }
  if (grow_global(sc, 1, &cap) != TN_OK) return TN_ENOMEM;
  for (size_t g = 0; g < ng; g++)
    sc->ntokens += sc->gtokens[g];
  return TN_OK;
}

void scan_merged_free(tn_scan *sc) {
  if (!sc->finished) return;
  tn_intern_free(&sc->terms);
  tn_free(sc->count);
  tn_free(sc->docs);
  for (int k = 0; k < SCAN_DENSE; k++) {
    tn_free(sc->gcount[k]);
    tn_free(sc->gdocs[k]);
  }
  scan_cells_free(&sc->cells);
  tn_free(sc->gtokens);
}

static tn_status need_tokens(tn_scan *sc, const char *what, tn_error *err) {
  if (sc->keep_tokens) return TN_OK;
  return tn_error_set(err, TN_EINVAL, NULL, 0,
                      "%s needs the tokens, and this scan did not keep them",
                      what);
}

/* ---- frequency lists ---------------------------------------------------- */

/* The most frequent counted form of each wanted term (want[term] = its
 * slot in best[], NONE for the others); ties go to the form spelt like
 * the term, then to byte order, as in freq.c. */
static tn_status best_forms(tn_scan *sc, const uint32_t *want, size_t nwant,
                            const char **best, tn_arena *keep) {
  tn_intern forms;
  tn_intern_init(&forms);
  uint64_t *fc = NULL;
  uint32_t *fterm = NULL;
  size_t cap = 0;
  uint64_t *bestc = tn_calloc(nwant ? nwant : 1, sizeof *bestc);
  tn_status st = bestc ? TN_OK : TN_ENOMEM;
  for (size_t k = 0; k < nwant; k++)
    best[k] = NULL;
  for (int i = 0; i < SCAN_MAX_WORKERS && st == TN_OK; i++) {
    const scan_worker *w = &sc->workers[i];
    for (size_t f = 0; f < w->nforms && st == TN_OK; f++) {
      const scan_lform *lf = &w->forms[f];
      if (!lf->count) continue;
      uint32_t g = w->remap[lf->term];
      if (g == NONE || want[g] == NONE) continue;
      uint32_t id = tn_intern_add(&forms, lf->str, lf->len);
      if (id == TN_INTERN_NONE) {
        st = TN_ENOMEM;
        break;
      }
      if (id >= cap) {
        size_t ncap = cap ? cap * 2 : 1024;
        while (ncap <= id)
          ncap *= 2;
        uint64_t *nfc = tn_realloc(fc, ncap * sizeof *fc);
        if (nfc) fc = nfc;
        uint32_t *nft = nfc ? tn_realloc(fterm, ncap * sizeof *fterm) : NULL;
        if (!nft) {
          st = TN_ENOMEM;
          break;
        }
        fterm = nft;
        memset(fc + cap, 0, (ncap - cap) * sizeof *fc);
        cap = ncap;
      }
      if (fc[id] == 0) fterm[id] = g;
      fc[id] += lf->count;
    }
  }
  size_t nf = tn_intern_count(&forms);
  for (size_t id = 0; id < nf && st == TN_OK; id++) {
    uint32_t k = want[fterm[id]];
    const char *x = tn_intern_str(&forms, (uint32_t)id);
    const char *b = best[k];
    if (!b || fc[id] > bestc[k]) {
      best[k] = x;
      bestc[k] = fc[id];
      continue;
    }
    if (fc[id] < bestc[k]) continue;
    const char *term = tn_intern_str(&sc->terms, fterm[id]);
    int xs = strcmp(x, term) == 0, ys = strcmp(b, term) == 0;
    if (xs > ys || (xs == ys && strcmp(x, b) < 0)) best[k] = x;
  }
  /* copy the winners before the temporary vocabulary goes */
  for (size_t k = 0; k < nwant && st == TN_OK; k++)
    if (best[k] &&
        !(best[k] = tn_arena_strndup(keep, best[k], strlen(best[k]))))
      st = TN_ENOMEM;
  tn_intern_free(&forms);
  tn_free(fc);
  tn_free(fterm);
  tn_free(bestc);
  return st;
}

/* Gries's DP of the rows (the whole corpus as one group), from the kept
 * tokens, summing over documents in corpus order as freq.c does. The
 * rows are usually few (a top list): a bit per form says whether a token can be
 * one, so the pass over every token reads its form and a bitmap that
 * stays in cache, and a kind through a table of 256. */
static tn_status rows_dp(tn_scan *sc, tn_freq_group *g, const uint32_t *want) {
  size_t nr = g->nrows;
  uint32_t *dc = tn_calloc(nr + 1, sizeof *dc);
  uint32_t *touched = tn_malloc((nr + 1) * sizeof *touched);
  double *sum_abs = tn_calloc(nr + 1, sizeof *sum_abs);
  double *sum_s = tn_calloc(nr + 1, sizeof *sum_s);
  uint32_t *rowmap[SCAN_MAX_WORKERS] = {0};
  uint8_t *isrow[SCAN_MAX_WORKERS] = {0};
  tn_status st = dc && touched && sum_abs && sum_s ? TN_OK : TN_ENOMEM;
  for (int i = 0; i < SCAN_MAX_WORKERS && st == TN_OK; i++) {
    const scan_worker *w = &sc->workers[i];
    if (!w->nforms) continue;
    rowmap[i] = tn_malloc(w->nforms * sizeof *rowmap[i]);
    isrow[i] = tn_calloc(w->nforms / 8 + 1, 1);
    if (!rowmap[i] || !isrow[i]) {
      st = TN_ENOMEM;
      break;
    }
    for (size_t f = 0; f < w->nforms; f++) {
      uint32_t gt = w->forms[f].allowed ? w->remap[w->forms[f].term] : NONE;
      rowmap[i][f] = gt == NONE ? NONE : want[gt];
      if (rowmap[i][f] != NONE) isrow[i][f >> 3] |= (uint8_t)(1u << (f & 7));
    }
  }
  uint8_t counted[256];
  for (int k = 0; k < 256; k++)
    counted[k] = k < 32 && ((sc->kinds >> k) & 1u);
  double min_s = 1.0;
  void *buf = NULL;
  size_t cap = 0;
  scan_item tmp;
  for (size_t k = 0; k < sc->nitems && st == TN_OK; k++) {
    const scan_item *it =
        scan_item_view(sc, sc->items[k], &tmp, &buf, &cap, &st);
    if (!it) break;
    const uint32_t *rm = rowmap[it->worker];
    const uint8_t *bits = isrow[it->worker];
    for (size_t d = 0; d + it->first < it->last; d++) {
      size_t nd = 0, lo = it->doc_tok[d], hi = it->doc_tok[d + 1];
      uint64_t dtok = 0;
      for (size_t p = lo; p < hi; p++) {
        uint32_t f = it->form[p], c = counted[it->kind[p]];
        dtok += c;
        if (!(bits[f >> 3] & (1u << (f & 7))) || !c) continue;
        uint32_t r = rm[f];
        if (dc[r]++ == 0) touched[nd++] = r;
      }
      double sd = sc->ntokens ? (double)dtok / (double)sc->ntokens : 0.0;
      if (sd < min_s) min_s = sd;
      for (size_t i = 0; i < nd; i++) {
        uint32_t r = touched[i];
        sum_abs[r] += fabs((double)dc[r] / (double)g->rows[r].count - sd);
        sum_s[r] += sd;
        dc[r] = 0;
      }
    }
  }
  for (size_t r = 0; r < nr && st == TN_OK; r++) {
    double dp = 0.5 * (sum_abs[r] + (1.0 - sum_s[r]));
    if (dp < 0) dp = 0;
    g->rows[r].dp = dp;
    g->rows[r].dp_norm = g->ndocs > 1 && min_s < 1.0 ? dp / (1.0 - min_s) : 0.0;
  }
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    tn_free(rowmap[i]);
    tn_free(isrow[i]);
  }
  tn_free(buf);
  tn_free(dc);
  tn_free(touched);
  tn_free(sum_abs);
  tn_free(sum_s);
  return st;
}

/* The rows of every group before min and top, terms as global ids: one
 * pass over the cells, bucketed by group (a counting sort), so a list per
 * document of a large corpus costs its cells, not groups times cells. */
static tn_status all_rows(tn_scan *sc, int grouped, tn_freq *f) {
  size_t nt = tn_intern_count(&sc->terms);
  if (!grouped) {
    tn_freq_group *g = &f->groups[0];
    g->rows = tn_malloc((nt ? nt : 1) * sizeof *g->rows);
    if (!g->rows) return TN_ENOMEM;
    size_t n = 0;
    for (size_t t = 0; t < nt; t++)
      if (sc->count[t])
        g->rows[n++] = (tn_freq_row){tn_intern_str(&sc->terms, (uint32_t)t),
                                     (uint32_t)t,
                                     sc->docs[t],
                                     sc->count[t],
                                     NULL,
                                     0,
                                     0};
    g->nrows = n;
    return TN_OK;
  }
  size_t ng = f->ngroups, nd = ng < SCAN_DENSE ? ng : SCAN_DENSE;
  for (size_t k = 0; k < nd; k++)
    for (size_t t = 0; t < nt; t++)
      f->groups[k].nrows += sc->gcount[k][t] != 0;
  for (size_t j = 0; j < sc->cells.nslots; j++)
    if (sc->cells.slots[j].term != NONE)
      f->groups[sc->cells.slots[j].g].nrows++;
  for (size_t gi = 0; gi < ng; gi++) {
    tn_freq_group *g = &f->groups[gi];
    g->rows = tn_malloc((g->nrows ? g->nrows : 1) * sizeof *g->rows);
    if (!g->rows) return TN_ENOMEM;
    g->nrows = 0;
  }
  for (size_t k = 0; k < nd; k++) {
    tn_freq_group *g = &f->groups[k];
    for (size_t t = 0; t < nt; t++)
      if (sc->gcount[k][t])
        g->rows[g->nrows++] =
            (tn_freq_row){tn_intern_str(&sc->terms, (uint32_t)t),
                          (uint32_t)t,
                          sc->gdocs[k][t],
                          sc->gcount[k][t],
                          NULL,
                          0,
                          0};
  }
  for (size_t j = 0; j < sc->cells.nslots; j++) {
    const scan_cell *c = &sc->cells.slots[j];
    if (c->term == NONE) continue;
    tn_freq_group *g = &f->groups[c->g];
    g->rows[g->nrows++] = (tn_freq_row){tn_intern_str(&sc->terms, c->term),
                                        c->term,
                                        c->docs,
                                        c->count,
                                        NULL,
                                        0,
                                        0};
  }
  return TN_OK;
}

/* min and top of groups [first, last), on a thread of their own for a
 * large list: sorting a full list is the costly step. */
typedef struct cut_job {
  tn_freq *f;
  size_t first, last, step;
  uint64_t min;
  size_t top;
  tn_status st;
} cut_job;

static void *cut_groups(void *arg) {
  cut_job *j = arg;
  for (size_t gi = j->first; gi < j->last && j->st == TN_OK; gi += j->step) {
    tn_freq_group *g = &j->f->groups[gi];
    g->types = g->nrows;
    g->counted = 0;
    for (size_t i = 0; i < g->nrows; i++)
      g->counted += g->rows[i].count;
    if (j->top) {
      j->st = tn_freq_cut(g->rows, &g->nrows, j->min, j->top);
      g->ordered = g->nrows;
      continue;
    }
    /* a full list is ordered when read (tn_freq_order): keyness only
     * looks its rows up */
    size_t keep = 0;
    for (size_t i = 0; i < g->nrows; i++)
      if (g->rows[i].count >= j->min) g->rows[keep++] = g->rows[i];
    g->nrows = keep;
    g->ordered = 0;
  }
  return NULL;
}

static tn_status cut_all(tn_freq *f, const tn_freq_opts *o) {
  size_t total = 0;
  for (size_t gi = 0; gi < f->ngroups; gi++)
    total += f->groups[gi].nrows;
  cut_job a = {f, 0, f->ngroups, 1, o->min_count, o->top, TN_OK};
  if (f->ngroups < 2 || total < 100000) {
    cut_groups(&a);
    return a.st;
  }
  /* two threads, alternate groups */
  cut_job b = a;
  a.step = b.step = 2;
  b.first = 1;
  pthread_t th;
  int threaded = pthread_create(&th, NULL, cut_groups, &b) == 0;
  if (!threaded) a.step = 1;
  cut_groups(&a);
  if (threaded) pthread_join(th, NULL);
  return a.st != TN_OK ? a.st : threaded ? b.st : TN_OK;
}

tn_status tn_scan_freq(tn_freq **out, tn_scan *sc, int grouped,
                       const tn_freq_opts *o, tn_error *err) {
  *out = NULL;
  tn_status st = scan_finish(sc, err);
  if (st != TN_OK) return st;
  if (grouped && !sc->grouped)
    return tn_error_set(err, TN_EINVAL, NULL, 0,
                        "the scan was not grouped: give it a group field");
  if (o->dp && grouped)
    return tn_error_set(err, TN_EINVAL, NULL, 0,
                        "DP per group: count the loaded corpus instead");
  if (o->dp && (st = need_tokens(sc, "DP", err)) != TN_OK) return st;
  tn_freq *f = tn_calloc(1, sizeof *f);
  if (!f) return tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  tn_intern_init(&f->terms);
  tn_arena_init(&f->names, 4096);
  f->by = sc->filter.by;
  f->n = 1;
  f->forms = o->forms;
  f->dp = o->dp;
  size_t ng = grouped ? tn_intern_count(&sc->groups) : 1;
  size_t nt = tn_intern_count(&sc->terms);
  f->groups = tn_calloc(ng ? ng : 1, sizeof *f->groups);
  uint32_t *want = tn_malloc((nt ? nt : 1) * sizeof *want);
  if (!f->groups || !want)
    st = TN_ENOMEM;
  else
    f->ngroups = ng;
  for (size_t t = 0; want && t < nt; t++)
    want[t] = NONE;
  int by_id = grouped && strcmp(sc->group, "id") == 0;
  if (st == TN_OK && by_id &&
      !(f->group_doc = tn_malloc((ng ? ng : 1) * sizeof *f->group_doc)))
    st = TN_ENOMEM;
  for (size_t gi = 0; gi < ng && st == TN_OK; gi++) {
    tn_freq_group *g = &f->groups[gi];
    const char *name =
        grouped ? tn_intern_str(&sc->groups, (uint32_t)gi) : "all";
    size_t nlen = grouped ? tn_intern_len(&sc->groups, (uint32_t)gi) : 3;
    if (!(g->name = tn_arena_strndup(&f->names, name, nlen))) st = TN_ENOMEM;
    /* group ids come in document order and ids are unique: group g of
     * "id" is document g */
    if (by_id) f->group_doc[gi] = (uint32_t)gi;
    g->tokens = grouped ? sc->gtokens[gi] : sc->ntokens;
    g->ndocs = grouped ? sc->group_ndocs[gi] : (uint32_t)sc->ndocs;
  }
  if (st == TN_OK) st = all_rows(sc, grouped, f);
  if (st == TN_OK) st = cut_all(f, o);
  /* the usual spelling is the whole corpus's: found once for the terms
   * kept in any group (want[t]: its slot in best) */
  const char **best = NULL;
  size_t nwant = 0;
  for (size_t gi = 0; gi < ng && st == TN_OK; gi++)
    for (size_t r = 0; r < f->groups[gi].nrows; r++) {
      uint32_t t = f->groups[gi].rows[r].id;
      if (want[t] == NONE) want[t] = (uint32_t)nwant++;
    }
  if (st == TN_OK && o->forms) {
    best = tn_malloc((nwant ? nwant : 1) * sizeof *best);
    st = best ? best_forms(sc, want, nwant, best, &f->names) : TN_ENOMEM;
  }
  if (st == TN_OK && o->dp) st = rows_dp(sc, &f->groups[0], want);
  /* The list gets terms of its own: a copy of the scan's when it keeps
   * many of them (full lists for keyness), else only its rows' terms. */
  size_t kept = 0;
  for (size_t gi = 0; gi < f->ngroups; gi++)
    kept += f->groups[gi].nrows;
  int clone = kept > nt / 4;
  if (st == TN_OK && clone) {
    tn_intern_free(&f->terms);
    st = tn_intern_clone(&f->terms, &sc->terms);
  }
  for (size_t gi = 0; gi < ng && st == TN_OK; gi++) {
    tn_freq_group *g = &f->groups[gi];
    for (size_t r = 0; r < g->nrows && st == TN_OK; r++) {
      tn_freq_row *row = &g->rows[r];
      const char *form = best ? best[want[row->id]] : NULL;
      if (!clone)
        row->id = tn_intern_add(&f->terms, row->term,
                                tn_intern_len(&sc->terms, row->id));
      if (row->id == TN_INTERN_NONE) {
        st = TN_ENOMEM;
        break;
      }
      row->term = tn_intern_str(&f->terms, row->id);
      if (best) row->form = form ? form : row->term;
    }
  }
  tn_free(best);
  tn_free(want);
  if (st != TN_OK) {
    /* no row may point into the scan */
    for (size_t gi = 0; gi < f->ngroups; gi++)
      f->groups[gi].nrows = 0;
    tn_freq_free(f);
    return tn_error_set(err, st, NULL, 0,
                        st == TN_EIO ? "cannot read back the kept tokens for DP"
                                     : "out of memory making a frequency list");
  }
  *out = f;
  return TN_OK;
}

/* ---- collocates --------------------------------------------------------- */

typedef struct sort_row {
  tn_colloc_row row;
  double key;
} sort_row;

static int sort_cmp(const void *x, const void *y) {
  const sort_row *a = x, *b = y;
  if (a->key != b->key) return a->key > b->key ? -1 : 1;
  return strcmp(a->row.term, b->row.term);
}

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
 * of every term), as colloc.c's one_node: the ranking measure first, all
 * five only for the rows kept. */
static tn_status node_rows(tn_scan *sc, const tn_colloc_opts *o,
                           const uint64_t *nc, size_t nt, tn_colloc *c) {
  uint64_t min = o->min_count ? o->min_count : 1;
  size_t n = 0;
  for (size_t id = 0; id < nt; id++)
    n += nc[id] >= min;
  sort_row *rows = tn_malloc((n ? n : 1) * sizeof *rows);
  if (!rows) return TN_ENOMEM;
  n = 0;
  for (size_t id = 0; id < nt; id++) {
    if (nc[id] < min) continue;
    sort_row *r = &rows[n++];
    r->row.term = tn_intern_str(&sc->terms, (uint32_t)id);
    r->row.f_nc = nc[id];
    r->row.f_c = sc->count[id];
    r->key = o->sort == TN_ASSOC_FREQ
                 ? (double)nc[id]
                 : tn_assoc_score(o->sort, (double)nc[id], (double)c->f_node,
                                  (double)sc->count[id], (double)c->n);
  }
  /* the first `top` without sorting every collocate of a frequent node
   * (sort_cmp is a total order: terms are unique) */
  n = tn_sort_top(rows, n, sizeof *rows, o->top, sort_cmp);
  c->rows = tn_malloc((n ? n : 1) * sizeof *c->rows);
  if (!c->rows) {
    tn_free(rows);
    return TN_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    c->rows[i] = rows[i].row;
    tn_assoc_scores((double)rows[i].row.f_nc, (double)c->f_node,
                    (double)rows[i].row.f_c, (double)c->n, c->rows[i].score);
  }
  c->nrows = n;
  tn_free(rows);
  return TN_OK;
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
  if (st == TN_OK) st = need_tokens(sc, "collocates", err);
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
  if (st == TN_OK) st = need_tokens(sc, "KWIC", err);
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
