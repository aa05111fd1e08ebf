/* Counting terms and n-grams over ids: dense arrays for single terms, an
 * open-addressing table for n-grams, one pass over each group's tokens. */
#include "analysis/freq.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/sort.h"

int tn_doc_field(const tn_doc *d, const char *name, tn_str *value) {
  const tn_str *std = NULL;
  if (strcmp(name, "id") == 0)
    std = &d->id;
  else if (strcmp(name, "kind") == 0)
    std = &d->kind;
  else if (strcmp(name, "parent") == 0)
    std = &d->parent;
  else if (strcmp(name, "title") == 0)
    std = &d->title;
  else if (strcmp(name, "author") == 0)
    std = &d->author;
  else if (strcmp(name, "date") == 0)
    std = &d->date;
  if (std) {
    *value = *std;
    return std->ptr != NULL;
  }
  for (uint32_t i = 0; i < d->nmeta; i++) {
    const tn_meta *m = &d->meta[i];
    if (m->key.len != strlen(name) || memcmp(m->key.ptr, name, m->key.len))
      continue;
    switch (m->type) {
    case TN_VALUE_NULL: return 0;
    case TN_VALUE_BOOL:
      value->ptr = m->boolean ? "true" : "false";
      value->len = strlen(value->ptr);
      return 1;
    default: *value = m->str; return value->ptr != NULL;
    }
  }
  return 0;
}

static int row_cmp(const void *a, const void *b) {
  const tn_freq_row *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->term, y->term);
}

void tn_freq_sort(tn_freq_row *rows, size_t n) {
  if (n > 1) qsort(rows, n, sizeof *rows, row_cmp);
}

void tn_freq_order(tn_freq_group *g, size_t k) {
  size_t want = k && k < g->nrows ? k : g->nrows;
  if (g->ordered >= want) return;
  /* the rows after the ordered ones all come after them */
  tn_sort_front(g->rows + g->ordered, g->nrows - g->ordered, sizeof *g->rows,
                k ? want - g->ordered : 0, row_cmp);
  g->ordered = k ? want : g->nrows;
}

void tn_freq_free(tn_freq *f) {
  if (!f) return;
  for (size_t g = 0; g < f->ngroups; g++)
    tn_free(f->groups[g].rows);
  tn_free(f->groups);
  tn_free(f->group_doc);
  tn_intern_free(&f->terms);
  tn_arena_free(&f->names);
  tn_free(f);
}

/* ---- groups ------------------------------------------------------------- */

typedef struct grouping {
  uint32_t *doc_list; /* documents ordered by group, corpus order inside */
  uint32_t *first;    /* group g: doc_list[first[g] .. first[g + 1]) */
} grouping;

static tn_status make_groups(tn_freq *f, const tn_store *s,
                             const tn_freq_opts *o, grouping *gr,
                             tn_error *err) {
  tn_intern names;
  tn_intern_init(&names);
  uint32_t *gid = tn_malloc((s->ndocs ? s->ndocs : 1) * sizeof *gid);
  tn_status st = TN_OK;
  if (!gid) st = TN_ENOMEM;
  if (st == TN_OK && o->group && !s->corpus && strcmp(o->group, "id") != 0)
    st =
        tn_error_set(err, TN_EINVAL, NULL, 0,
                     "cannot group by '%s': the store has no corpus", o->group);
  char num[32];
  for (size_t d = 0; d < s->ndocs && st == TN_OK; d++) {
    gid[d] = UINT32_MAX;
    if (o->docs && !o->docs[d]) continue;
    tn_str v = {"all", 3};
    if (o->group) {
      if (!s->corpus) {
        int n = snprintf(num, sizeof num, "%zu", d + 1);
        v.ptr = num;
        v.len = (size_t)n;
      } else if (!tn_doc_field(tn_corpus_doc(s->corpus, d), o->group, &v)) {
        v.ptr = "(none)";
        v.len = 6;
      }
    }
    uint32_t id = tn_intern_add(&names, v.ptr, v.len);
    if (id == TN_INTERN_NONE) st = TN_ENOMEM;
    gid[d] = id;
  }
  size_t ng = tn_intern_count(&names);
  if (st == TN_OK) {
    f->groups = tn_calloc(ng ? ng : 1, sizeof *f->groups);
    gr->first = tn_calloc(ng + 1, sizeof *gr->first);
    gr->doc_list = tn_malloc((s->ndocs ? s->ndocs : 1) * sizeof(uint32_t));
    if (o->group && strcmp(o->group, "id") == 0)
      f->group_doc = tn_malloc((ng ? ng : 1) * sizeof(uint32_t));
    if (!f->groups || !gr->first || !gr->doc_list ||
        (o->group && strcmp(o->group, "id") == 0 && !f->group_doc))
      st = TN_ENOMEM;
  }
  if (st == TN_OK) {
    f->ngroups = ng;
    for (size_t g = 0; g < ng && st == TN_OK; g++) {
      f->groups[g].name = tn_arena_strndup(&f->names, tn_intern_str(&names, g),
                                           tn_intern_len(&names, g));
      if (!f->groups[g].name) st = TN_ENOMEM;
    }
    /* counting sort of documents by group, stable */
    for (size_t d = 0; d < s->ndocs; d++)
      if (gid[d] != UINT32_MAX) gr->first[gid[d] + 1]++;
    for (size_t g = 0; g < ng; g++)
      gr->first[g + 1] += gr->first[g];
    uint32_t *fill = tn_malloc((ng ? ng : 1) * sizeof *fill);
    if (!fill)
      st = TN_ENOMEM;
    else {
      memcpy(fill, gr->first, ng * sizeof *fill);
      for (size_t d = 0; d < s->ndocs; d++)
        if (gid[d] != UINT32_MAX) {
          gr->doc_list[fill[gid[d]]++] = (uint32_t)d;
          if (f->group_doc) f->group_doc[gid[d]] = (uint32_t)d;
        }
      tn_free(fill);
    }
    for (size_t g = 0; g < ng; g++)
      f->groups[g].ndocs = gr->first[g + 1] - gr->first[g];
  }
  tn_free(gid);
  tn_intern_free(&names);
  if (st == TN_ENOMEM)
    tn_error_set(err, st, NULL, 0, "out of memory grouping documents");
  return st;
}

/* ---- counting single terms ---------------------------------------------- */

tn_status tn_freq_cut(tn_freq_row *rows, size_t *n, uint64_t min_count,
                      size_t top) {
  /* rows under min_count would be cut after sorting: drop them first */
  size_t keep = *n;
  if (min_count > 1) {
    keep = 0;
    for (size_t i = 0; i < *n; i++)
      if (rows[i].count >= min_count) rows[keep++] = rows[i];
  }
  /* row_cmp is a total order (terms are unique in a group) */
  keep = tn_sort_top(rows, keep, sizeof *rows, top, row_cmp);
  *n = keep;
  return TN_OK;
}

static tn_status finish_group(tn_freq *f, tn_freq_group *g,
                              const tn_freq_opts *o) {
  (void)f;
  tn_status st = tn_freq_cut(g->rows, &g->nrows, o->min_count, o->top);
  g->ordered = g->nrows;
  return st;
}

/* The most frequent counted form of every term of the layer, over all the
 * selected documents: best[term] = form id (UINT32_MAX when unseen). */
static tn_status best_forms(const tn_store *s, const tn_freq_opts *o,
                            const uint8_t *allowed, uint32_t **out) {
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  size_t nt = tn_store_vocab_size(s, o->filter.by);
  uint32_t *fc = tn_calloc(nf + 1, sizeof *fc);
  uint32_t *best = tn_malloc((nt ? nt : 1) * sizeof *best);
  if (!fc || !best) {
    tn_free(fc);
    tn_free(best);
    return TN_ENOMEM;
  }
  /* over the whole corpus, the build's per-form counts answer, unless a
   * counted form also occurs with a kind left out */
  uint32_t km0 = o->filter.kinds ? o->filter.kinds : UINT32_MAX;
  int quick = !o->docs;
  for (size_t fid = 0; quick && fid < nf; fid++) {
    uint32_t kinds = s->form_stat[fid].kinds;
    if (!allowed[fid] || !(kinds & km0)) continue;
    if ((kinds & km0) != kinds) {
      quick = 0;
      memset(fc, 0, (nf + 1) * sizeof *fc);
      break;
    }
    fc[fid] = s->form_stat[fid].freq;
  }
  for (size_t d = 0; !quick && d < s->ndocs; d++) {
    if (o->docs && !o->docs[d]) continue;
    uint32_t km = o->filter.kinds ? o->filter.kinds : UINT32_MAX;
    for (size_t p = s->doc_start[d]; p < s->doc_start[d + 1]; p++) {
      uint32_t f = s->form[p];
      fc[((km >> s->kind[p]) & 1u) && allowed[f] ? f : nf]++;
    }
  }
  for (size_t t = 0; t < nt; t++)
    best[t] = UINT32_MAX;
  for (size_t fid = 0; fid < nf; fid++) {
    if (!fc[fid]) continue;
    uint32_t t = tn_store_map(s, o->filter.by, (uint32_t)fid);
    uint32_t b = best[t];
    if (b == UINT32_MAX || fc[fid] > fc[b]) {
      best[t] = (uint32_t)fid;
      continue;
    }
    if (fc[fid] < fc[b]) continue;
    /* a tie: the form spelt like the term ("helaas" over the sentence-
     * initial "Helaas"), else byte order */
    const char *term = tn_store_str(s, o->filter.by, t);
    const char *x = tn_store_str(s, TN_LAYER_FORM, (uint32_t)fid);
    const char *y = tn_store_str(s, TN_LAYER_FORM, b);
    int xs = strcmp(x, term) == 0, ys = strcmp(y, term) == 0;
    if (xs > ys || (xs == ys && strcmp(x, y) < 0)) best[t] = (uint32_t)fid;
  }
  tn_free(fc);
  *out = best;
  return TN_OK;
}

/* Per form id: the layer id it is counted as, or `sink` when the term
 * filter leaves it out, so the hot loops index without branching. */
static uint32_t *term_map(const tn_store *s, tn_layer by,
                          const uint8_t *allowed, uint32_t sink) {
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  uint32_t *m = tn_malloc((nf ? nf : 1) * sizeof *m);
  if (!m) return NULL;
  for (size_t fid = 0; fid < nf; fid++)
    m[fid] = allowed[fid] ? tn_store_map(s, by, (uint32_t)fid) : sink;
  return m;
}

typedef struct term_tally {
  uint32_t count, docs, last; /* last: the document (+1) last counted */
} term_tally;

/* Scratch for DP: per-document counts and the two sums of Gries's formula
 * per term (see tn_freq_dp). */
typedef struct dp_scratch {
  uint32_t *dc, *dlast, *dtouched;
  double *sum_abs, *sum_s;
  double min_s;
} dp_scratch;

/* Second pass over one group's documents, with the group totals in count[]
 * (`tokens` in all): accumulates, per term, |v_i - s_i| and s_i over the
 * documents where it occurs. */
static void group_dp(const tn_store *s, const grouping *gr, size_t gi,
                     uint32_t km, const uint32_t *map, uint32_t sink,
                     term_tally *tally, uint64_t tokens, int count_docs,
                     dp_scratch *x) {
  x->min_s = 1.0;
  for (uint32_t k = gr->first[gi]; k < gr->first[gi + 1]; k++) {
    uint32_t d = gr->doc_list[k], stamp = d + 1;
    size_t nd = 0;
    uint64_t dtok = 0;
    for (size_t p = s->doc_start[d]; p < s->doc_start[d + 1]; p++) {
      uint32_t kok = (km >> s->kind[p]) & 1u;
      dtok += kok;
      uint32_t id = kok ? map[s->form[p]] : sink;
      uint32_t fresh = x->dlast[id] != stamp;
      x->dtouched[nd] = id;
      nd += fresh;
      x->dc[id] = fresh ? 1 : x->dc[id] + 1;
      x->dlast[id] = stamp;
    }
    double sd = tokens ? (double)dtok / (double)tokens : 0.0;
    if (sd < x->min_s) x->min_s = sd;
    for (size_t i = 0; i < nd; i++) {
      uint32_t id = x->dtouched[i];
      if (id == sink) continue;
      tally[id].docs += (uint32_t)count_docs;
      x->sum_abs[id] += fabs((double)x->dc[id] / (double)tally[id].count - sd);
      x->sum_s[id] += sd;
    }
  }
}

/* The counts of the whole corpus from the build's per-form statistics,
 * without a pass over the tokens (the DP pass then counts documents, so
 * a list with DP reads the tokens once, not twice). Returns 0, having
 * changed nothing, when some form occurs both with a kind counted and one
 * left out: then only a pass over the tokens can tell. */
static int counts_from_stats(const tn_store *s, uint32_t km,
                             const uint32_t *map, uint32_t sink,
                             term_tally *tally, uint32_t *touched,
                             size_t *ntouched, uint64_t *tokens) {
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  for (size_t fid = 0; fid < nf; fid++) {
    uint32_t kinds = s->form_stat[fid].kinds;
    if ((kinds & km) && (kinds & km) != kinds) return 0;
  }
  size_t nt = 0;
  uint64_t tok = 0;
  for (size_t fid = 0; fid < nf; fid++) {
    uint32_t c = s->form_stat[fid].freq, id = map[fid];
    if (!(s->form_stat[fid].kinds & km) || !c) continue;
    tok += c;
    if (id == sink) continue;
    if (tally[id].count == 0) touched[nt++] = id;
    tally[id].count += c;
  }
  *ntouched = nt;
  *tokens = tok;
  return 1;
}

static tn_status count_unigrams(tn_freq *f, const tn_store *s,
                                const tn_freq_opts *o, const uint8_t *allowed,
                                const grouping *gr) {
  tn_layer by = o->filter.by;
  size_t v = tn_store_vocab_size(s, by);
  uint32_t sink = (uint32_t)v; /* one slot past the vocabulary */
  /* count, docs and last side by side: one cache line per token */
  term_tally *tally = tn_calloc(v + 1, sizeof *tally);
  uint32_t *touched = tn_malloc((v + 2) * sizeof *touched);
  uint32_t *tid_of = tn_malloc((v + 1) * sizeof *tid_of);
  const char **form_of = NULL;
  uint32_t *map = term_map(s, by, allowed, sink);
  uint32_t *best = NULL;
  tn_status st = TN_OK;
  if (!tally || !touched || !tid_of || !map) st = TN_ENOMEM;
  if (st == TN_OK && o->forms) {
    form_of = tn_calloc(v + 1, sizeof *form_of);
    if (!form_of)
      st = TN_ENOMEM;
    else if (by != TN_LAYER_FORM)
      st = best_forms(s, o, allowed, &best);
  }
  if (tid_of)
    for (size_t i = 0; i <= v; i++)
      tid_of[i] = TN_INTERN_NONE;
  dp_scratch x = {0};
  if (st == TN_OK && o->dp) {
    x.dc = tn_calloc(v + 1, sizeof *x.dc);
    x.dlast = tn_calloc(v + 1, sizeof *x.dlast);
    x.dtouched = tn_malloc((v + 2) * sizeof *x.dtouched);
    x.sum_abs = tn_calloc(v + 1, sizeof *x.sum_abs);
    x.sum_s = tn_calloc(v + 1, sizeof *x.sum_s);
    if (!x.dc || !x.dlast || !x.dtouched || !x.sum_abs || !x.sum_s)
      st = TN_ENOMEM;
  }
  uint32_t km = o->filter.kinds ? o->filter.kinds : UINT32_MAX;
  for (size_t gi = 0; gi < f->ngroups && st == TN_OK; gi++) {
    tn_freq_group *g = &f->groups[gi];
    size_t ntouched = 0;
    uint64_t tokens = 0;
    /* one group of every document: counts from the store's statistics */
    int from_stats =
        o->dp && f->ngroups == 1 && !o->docs &&
        counts_from_stats(s, km, map, sink, tally, touched, &ntouched, &tokens);
    for (uint32_t k = gr->first[gi]; !from_stats && k < gr->first[gi + 1];
         k++) {
      uint32_t d = gr->doc_list[k];
      uint32_t stamp = d + 1;
      const uint32_t *form = s->form;
      const uint8_t *kind = s->kind;
      size_t end = s->doc_start[d + 1];
      /* Branch-free: a token left out counts in the sink slot; a term
       * is appended to `touched` on its first count, and counted in
       * `docs` once per document through the stamp in `last`. */
      for (size_t p = s->doc_start[d]; p < end; p++) {
        uint32_t kok = (km >> kind[p]) & 1u;
        tokens += kok;
        uint32_t id = kok ? map[form[p]] : sink;
        term_tally *t = &tally[id];
        touched[ntouched] = id;
        ntouched += t->count == 0;
        t->count++;
        t->docs += t->last != stamp;
        t->last = stamp;
      }
    }
    /* drop the sink from the touched list */
    size_t nt = 0;
    for (size_t i = 0; i < ntouched; i++)
      if (touched[i] != sink) touched[nt++] = touched[i];
    uint64_t counted = 0;
    for (size_t i = 0; i < nt; i++)
      counted += tally[touched[i]].count;
    tally[sink] = (term_tally){0, 0, 0};
    if (o->dp)
      group_dp(s, gr, gi, km, map, sink, tally, tokens, from_stats, &x);
    g->tokens = tokens;
    g->counted = counted;
    g->types = nt;
    g->rows = tn_malloc((nt ? nt : 1) * sizeof *g->rows);
    if (!g->rows) {
      st = TN_ENOMEM;
      break;
    }
    /* rows name the store's strings and ids until min and top have cut
     * them (the same bytes sort the same): only the rows kept are copied
     * into the list's own vocabulary below */
    for (size_t i = 0; i < nt; i++) {
      uint32_t id = touched[i];
      g->rows[i] = (tn_freq_row){tn_store_str(s, by, id),
                                 id,
                                 tally[id].docs,
                                 tally[id].count,
                                 NULL,
                                 0,
                                 0};
      if (o->dp) {
        /* absent from the other documents: |0 - s_i| = s_i, summing to
         * 1 - the sizes of the documents where it occurs */
        double dp = 0.5 * (x.sum_abs[id] + (1.0 - x.sum_s[id]));
        if (dp < 0) dp = 0;
        g->rows[i].dp = dp;
        g->rows[i].dp_norm =
            g->ndocs > 1 && x.min_s < 1.0 ? dp / (1.0 - x.min_s) : 0.0;
        x.sum_abs[id] = x.sum_s[id] = 0;
      }
      tally[id] = (term_tally){0, 0, 0};
    }
    g->nrows = nt;
    if (st == TN_OK) st = finish_group(f, g, o);
    for (size_t i = 0; i < g->nrows && st == TN_OK; i++) {
      tn_freq_row *r = &g->rows[i];
      uint32_t id = r->id;
      if (tid_of[id] == TN_INTERN_NONE) {
        tid_of[id] =
            tn_intern_add(&f->terms, r->term, tn_intern_len(&s->vocab[by], id));
        if (tid_of[id] == TN_INTERN_NONE) {
          st = TN_ENOMEM;
          break;
        }
      }
      r->id = tid_of[id];
      r->term = tn_intern_str(&f->terms, r->id);
      if (form_of && st == TN_OK) {
        if (!form_of[id]) {
          /* copied: the list may outlive the store */
          uint32_t bf = best ? best[id] : id;
          form_of[id] =
              tn_arena_strndup(&f->names, tn_store_str(s, TN_LAYER_FORM, bf),
                               tn_intern_len(&s->vocab[TN_LAYER_FORM], bf));
          if (!form_of[id]) st = TN_ENOMEM;
        }
        r->form = form_of[id];
      }
    }
    if (st != TN_OK) g->nrows = 0; /* no row may point into the store */
  }
  tn_free(tally);
  tn_free(touched);
  tn_free(tid_of);
  tn_free(form_of);
  tn_free(x.dc);
  tn_free(x.dlast);
  tn_free(x.dtouched);
  tn_free(x.sum_abs);
  tn_free(x.sum_s);
  tn_free(map);
  tn_free(best);
  return st;
}

/* ---- counting n-grams --------------------------------------------------- */

typedef struct ngram_table {
  int n;
  uint32_t *keys; /* n ids per entry */
  uint32_t *count, *docs, *last;
  size_t len, cap;
  uint32_t *slots; /* entry + 1; 0 = empty */
  size_t nslots;
} ngram_table;

static uint32_t ngram_hash(const uint32_t *k, int n) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; i++) {
    h ^= k[i];
    h *= 16777619u;
    h ^= h >> 15;
  }
  return h;
}

static int table_rehash(ngram_table *t, size_t nslots) {
  uint32_t *slots = tn_calloc(nslots, sizeof *slots);
  if (!slots) return -1;
  for (size_t e = 0; e < t->len; e++) {
    size_t i = ngram_hash(t->keys + e * t->n, t->n) & (nslots - 1);
    while (slots[i])
      i = (i + 1) & (nslots - 1);
    slots[i] = (uint32_t)e + 1;
  }
  tn_free(t->slots);
  t->slots = slots;
  t->nslots = nslots;
  return 0;
}

/* Counts one occurrence of key in document `stamp`; -1 without memory. */
static int table_add(ngram_table *t, const uint32_t *key, uint32_t stamp) {
  if ((t->len + 1) * 2 >= t->nslots &&
      table_rehash(t, t->nslots ? t->nslots * 2 : 1024))
    return -1;
  size_t mask = t->nslots - 1;
  size_t i = ngram_hash(key, t->n) & mask;
  size_t nb = (size_t)t->n * sizeof *key;
  for (;;) {
    uint32_t v = t->slots[i];
    if (!v) break;
    uint32_t e = v - 1;
    if (memcmp(t->keys + (size_t)e * t->n, key, nb) == 0) {
      t->count[e]++;
      if (t->last[e] != stamp) {
        t->last[e] = stamp;
        t->docs[e]++;
      }
      return 0;
    }
    i = (i + 1) & mask;
  }
  if (t->len == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 1024;
    uint32_t *k = tn_realloc(t->keys, cap * nb);
    if (!k) return -1;
    t->keys = k;
    uint32_t *c = tn_realloc(t->count, cap * sizeof *c);
    if (!c) return -1;
    t->count = c;
    uint32_t *dd = tn_realloc(t->docs, cap * sizeof *dd);
    if (!dd) return -1;
    t->docs = dd;
    uint32_t *l = tn_realloc(t->last, cap * sizeof *l);
    if (!l) return -1;
    t->last = l;
    t->cap = cap;
  }
  size_t e = t->len++;
  memcpy(t->keys + e * t->n, key, nb);
  t->count[e] = 1;
  t->docs[e] = 1;
  t->last[e] = stamp;
  t->slots[i] = (uint32_t)e + 1;
  return 0;
}

static void table_free(ngram_table *t) {
  tn_free(t->keys);
  tn_free(t->count);
  tn_free(t->docs);
  tn_free(t->last);
  tn_free(t->slots);
}

static tn_status count_ngrams(tn_freq *f, const tn_store *s,
                              const tn_freq_opts *o, const uint8_t *allowed,
                              const grouping *gr) {
  int n = o->n;
  tn_layer by = o->filter.by;
  uint32_t kinds = o->filter.kinds;
  tn_status st = TN_OK;
  tn_buf b = TN_BUF_INIT;
  for (size_t gi = 0; gi < f->ngroups && st == TN_OK; gi++) {
    tn_freq_group *g = &f->groups[gi];
    ngram_table t = {.n = n};
    uint64_t tokens = 0, counted = 0;
    for (uint32_t k = gr->first[gi]; k < gr->first[gi + 1] && st == TN_OK;
         k++) {
      uint32_t d = gr->doc_list[k];
      uint32_t win[TN_NGRAM_MAX], wform[TN_NGRAM_MAX];
      int have = 0; /* consecutive usable tokens in the window */
      for (size_t p = s->doc_start[d]; p < s->doc_start[d + 1]; p++) {
        if (!tn_filter_kind(kinds, s->kind[p])) {
          have = 0; /* punctuation and the like break an n-gram */
          continue;
        }
        tokens++;
        if (have == n) {
          memmove(win, win + 1, (size_t)(n - 1) * sizeof *win);
          memmove(wform, wform + 1, (size_t)(n - 1) * sizeof *wform);
          have--;
        }
        wform[have] = s->form[p];
        win[have++] = tn_store_map(s, by, s->form[p]);
        /* first and last word pass the term filter (stopwords, ...) */
        if (have == n && allowed[wform[0]] && allowed[wform[n - 1]]) {
          if (table_add(&t, win, d + 1)) {
            st = TN_ENOMEM;
            break;
          }
          counted++;
        }
        if (!o->cross_sentences && (s->flags[p] & TN_TOK_SENT_END)) have = 0;
      }
    }
    g->tokens = tokens;
    g->counted = counted;
    g->types = t.len;
    if (st == TN_OK) {
      g->rows = tn_malloc((t.len ? t.len : 1) * sizeof *g->rows);
      if (!g->rows) st = TN_ENOMEM;
    }
    for (size_t e = 0; e < t.len && st == TN_OK; e++) {
      tn_buf_clear(&b);
      for (int i = 0; i < n && st == TN_OK; i++) {
        uint32_t id = t.keys[e * (size_t)n + (size_t)i];
        if ((i && tn_buf_putc(&b, ' ')) ||
            tn_buf_append(&b, tn_store_str(s, by, id),
                          tn_intern_len(&s->vocab[by], id)))
          st = TN_ENOMEM;
      }
      uint32_t tid = st == TN_OK ? tn_intern_add(&f->terms, b.data, b.len)
                                 : TN_INTERN_NONE;
      if (tid == TN_INTERN_NONE) {
        st = TN_ENOMEM;
        break;
      }
      g->rows[e] = (tn_freq_row){tn_intern_str(&f->terms, tid),
                                 tid,
                                 t.docs[e],
                                 t.count[e],
                                 NULL,
                                 0,
                                 0};
      g->nrows = e + 1;
    }
    table_free(&t);
    if (st == TN_OK) st = finish_group(f, g, o);
  }
  tn_buf_free(&b);
  return st;
}

tn_status tn_freq_count(tn_freq **out, const tn_store *s,
                        const tn_freq_opts *opts, tn_error *err) {
  *out = NULL;
  tn_freq_opts o = *opts;
  if (o.n == 0) o.n = 1;
  if (o.n < 1 || o.n > TN_NGRAM_MAX)
    return tn_error_set(err, TN_EINVAL, NULL, 0,
                        "n must be between 1 and %d, not %d", TN_NGRAM_MAX,
                        o.n);
  if ((unsigned)o.filter.by >= TN_LAYER_COUNT)
    return tn_error_set(err, TN_EINVAL, NULL, 0, "unknown layer");
  tn_freq *f = tn_calloc(1, sizeof *f);
  if (!f) return tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  tn_intern_init(&f->terms);
  tn_arena_init(&f->names, 4096);
  f->by = o.filter.by;
  f->n = o.n;
  if (o.n != 1) o.forms = o.dp = 0;
  f->forms = o.forms;
  f->dp = o.dp;
  uint8_t *allowed = NULL;
  grouping gr = {0};
  tn_status st = tn_filter_compile(s, &o.filter, &allowed, err);
  if (st == TN_OK) st = make_groups(f, s, &o, &gr, err);
  if (st == TN_OK) {
    st = o.n == 1 ? count_unigrams(f, s, &o, allowed, &gr)
                  : count_ngrams(f, s, &o, allowed, &gr);
    if (st != TN_OK)
      tn_error_set(err, st, NULL, 0, "out of memory counting terms");
  }
  tn_free(allowed);
  tn_free(gr.doc_list);
  tn_free(gr.first);
  if (st != TN_OK) {
    tn_freq_free(f);
    return st;
  }
  *out = f;
  return TN_OK;
}
