/* What a scan answers once counted: the merged vocabulary and frequency
 * lists with usual spellings and Gries's DP (collocates and KWIC lines are
 * in scan_concord.c). Each follows its store-based counterpart (freq.c)
 * number for number; tests/unit/test_scan.c holds them side by side. */
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

tn_status scan_need_tokens(tn_scan *sc, const char *what, tn_error *err) {
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
 * rows are usually few (a top list): a bit per form says whether a token
 * can be one, so the pass over every token reads its form and a bitmap
 * that stays in cache, and a kind through a table of 256. */
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
  if (o->dp && (st = scan_need_tokens(sc, "DP", err)) != TN_OK) return st;
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
