/* Query compilation and KWIC concordance lines. */
#include "analysis/kwic.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/freq_filter.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/buf.h"

void tn_query_free(tn_query *q) {
  for (int i = 0; i < TN_QUERY_MAX; i++) {
    tn_free(q->match[i]);
    q->match[i] = NULL;
  }
  q->n = 0;
}

/* Normalises one query word the way the layer was built. */
static tn_status prepare_word(const char *w, size_t len, tn_layer by,
                              tn_buf *out) {
  tn_buf_clear(out);
  if (by == TN_LAYER_FORM)
    return tn_buf_append(out, w, len) ? TN_ENOMEM : TN_OK;
  tn_status st = tn_tok_norm(w, len, out);
  if (st != TN_OK || by != TN_LAYER_STEM ||
      tn_glob_has_wildcard(out->data, out->len))
    return st;
  struct sb_stemmer *sb = sb_stemmer_new("dutch", "UTF_8");
  if (!sb) return TN_ENOMEM;
  const sb_symbol *r =
      sb_stemmer_stem(sb, (const sb_symbol *)out->data, (int)out->len);
  tn_buf stem = TN_BUF_INIT;
  if (!r || tn_buf_append(&stem, r, (size_t)sb_stemmer_length(sb)))
    st = TN_ENOMEM;
  sb_stemmer_delete(sb);
  if (st == TN_OK) {
    tn_buf_clear(out);
    if (tn_buf_append(out, stem.data, stem.len)) st = TN_ENOMEM;
  }
  tn_buf_free(&stem);
  return st;
}

tn_status tn_query_compile(tn_query *q, const tn_store *s, tn_layer by,
                           const char *query, int literal, tn_error *err) {
  memset(q, 0, sizeof *q);
  q->by = by;
  size_t nforms = tn_store_vocab_size(s, TN_LAYER_FORM);
  size_t nterms = tn_store_vocab_size(s, by);
  tn_buf w = TN_BUF_INIT;
  uint8_t *term_ok = tn_malloc(nterms ? nterms : 1);
  tn_status st = term_ok ? TN_OK : TN_ENOMEM;
  const char *p = query;
  while (st == TN_OK) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
    if (q->n == TN_QUERY_MAX) {
      st = tn_error_set(err, TN_EINVAL, NULL, 0,
                        "query '%s' has more than %d words", query,
                        TN_QUERY_MAX);
      break;
    }
    if (literal) {
      tn_buf_clear(&w);
      st = tn_buf_append(&w, p, (size_t)(e - p)) ? TN_ENOMEM : TN_OK;
    } else {
      st = prepare_word(p, (size_t)(e - p), by, &w);
    }
    if (st != TN_OK) break;
    uint8_t *m = tn_malloc(nforms ? nforms : 1);
    if (!m) {
      st = TN_ENOMEM;
      break;
    }
    q->match[q->n++] = m;
    const char *pat = w.data ? w.data : "";
    /* A literal word is a term as it is: '*', '?' and '\\' in it (the
     * tokens "?" and "*", a form with a backslash) are plain bytes. */
    for (size_t t = 0; t < nterms; t++) {
      const char *term = tn_store_str(s, by, (uint32_t)t);
      size_t tlen = tn_intern_len(&s->vocab[by], (uint32_t)t);
      term_ok[t] = (uint8_t)(literal ? tlen == w.len && memcmp(pat, term, tlen) == 0
                                     : tn_glob_match(pat, w.len, term, tlen));
    }
    for (size_t f = 0; f < nforms; f++)
      m[f] = term_ok[tn_store_map(s, by, (uint32_t)f)];
    p = e;
  }
  if (st == TN_OK && q->n == 0)
    st = tn_error_set(err, TN_EINVAL, NULL, 0,
                      "empty query: give a word, a wildcard such as "
                      "'ambtena*' or a phrase");
  if (st == TN_ENOMEM) tn_error_set(err, st, NULL, 0, "out of memory");
  tn_free(term_ok);
  tn_buf_free(&w);
  if (st != TN_OK) tn_query_free(q);
  return st;
}

static int u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

tn_status tn_query_find(const tn_store *s, const tn_query *q,
                        const uint8_t *docs, uint32_t **pos, size_t *n) {
  *pos = NULL;
  *n = 0;
  uint32_t *out = NULL;
  size_t len = 0, cap = 0;
  if (s->idx_pos) {
    /* candidates: the positions of every form the first word matches */
    size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
    size_t forms = 0;
    for (size_t f = 0; f < nf; f++) {
      if (!q->match[0][f]) continue;
      size_t k = s->idx_start[f + 1] - s->idx_start[f];
      if (tn_grow((void **)&out, &cap, len + k, sizeof *out)) {
        tn_free(out);
        return TN_ENOMEM;
      }
      memcpy(out + len, s->idx_pos + s->idx_start[f], k * sizeof *out);
      len += k;
      forms++;
    }
    if (forms > 1) qsort(out, len, sizeof *out, u32_cmp);
    /* keep the matches: inside their document, the rest of the phrase,
     * no overlap, documents walked alongside the sorted positions */
    size_t keep = 0, d = 0, next_free = 0;
    for (size_t i = 0; i < len; i++) {
      size_t p = out[i];
      if (p < next_free) continue;
      while (d + 1 < s->ndocs && s->doc_start[d + 1] <= p) d++;
      if (docs && !docs[d]) continue;
      if (!tn_query_at(s, q, p, s->doc_start[d + 1])) continue;
      out[keep++] = (uint32_t)p;
      next_free = p + (size_t)q->n;
    }
    len = keep;
  } else {
    for (size_t d = 0; d < s->ndocs; d++) {
      if (docs && !docs[d]) continue;
      size_t lo = s->doc_start[d], hi = s->doc_start[d + 1];
      const uint8_t *first = q->match[0];
      const uint32_t *form = s->form;
      for (size_t p = lo; p < hi; p++) {
        /* the first word rules out nearly every position: test it alone */
        if (!first[form[p]] || !tn_query_at(s, q, p, hi)) continue;
        if (tn_grow((void **)&out, &cap, len + 1, sizeof *out)) {
          tn_free(out);
          return TN_ENOMEM;
        }
        out[len++] = (uint32_t)p;
        p += (size_t)q->n - 1;
      }
    }
  }
  *pos = out;
  *n = len;
  return TN_OK;
}

tn_status tn_query_find_many(const tn_store *s, const tn_query *queries,
                             size_t nq, const uint8_t *docs, uint32_t **pos,
                             size_t *n) {
  for (size_t i = 0; i < nq; i++) {
    pos[i] = NULL;
    n[i] = 0;
  }
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  int one_pass = !s->idx_pos && nq > 1 && nq < UINT16_MAX;
  for (size_t i = 0; i < nq && one_pass; i++) one_pass = queries[i].n == 1;
  uint16_t *node_of = NULL;
  if (one_pass) {
    node_of = tn_calloc(nf ? nf : 1, sizeof *node_of);
    if (!node_of) return TN_ENOMEM;
    for (size_t i = 0; i < nq && one_pass; i++)
      for (size_t f = 0; f < nf; f++) {
        if (!queries[i].match[0][f]) continue;
        if (node_of[f]) { /* two wildcards share a form: one by one */
          one_pass = 0;
          break;
        }
        node_of[f] = (uint16_t)(i + 1);
      }
  }
  tn_status st = TN_OK;
  if (!one_pass) {
    for (size_t i = 0; i < nq && st == TN_OK; i++)
      st = tn_query_find(s, &queries[i], docs, &pos[i], &n[i]);
  } else {
    size_t *cap = tn_calloc(nq, sizeof *cap);
    if (!cap) st = TN_ENOMEM;
    for (size_t d = 0; d < s->ndocs && st == TN_OK; d++) {
      if (docs && !docs[d]) continue;
      for (size_t p = s->doc_start[d]; p < s->doc_start[d + 1]; p++) {
        uint16_t k = node_of[s->form[p]];
        if (!k) continue;
        k--;
        if (tn_grow((void **)&pos[k], &cap[k], n[k] + 1, sizeof **pos)) {
          st = TN_ENOMEM;
          break;
        }
        pos[k][n[k]++] = (uint32_t)p;
      }
    }
    tn_free(cap);
  }
  tn_free(node_of);
  if (st != TN_OK)
    for (size_t i = 0; i < nq; i++) {
      tn_free(pos[i]);
      pos[i] = NULL;
      n[i] = 0;
    }
  return st;
}

int tn_kwic_sort_from_name(const char *name) {
  static const char *const names[] = {"position", "left", "right", "match"};
  for (int i = 0; i < 4; i++)
    if (strcmp(name, names[i]) == 0) return i;
  return -1;
}

void tn_kwic_free(tn_kwic *k) {
  if (!k) return;
  tn_free(k->lines);
  tn_arena_free(&k->text);
  tn_free(k);
}

/* The forms of [from, to) as the text spaced them. */
static const char *span_text(const tn_store *s, size_t from, size_t to,
                             tn_arena *a, tn_buf *b) {
  tn_buf_clear(b);
  for (size_t p = from; p < to; p++) {
    uint32_t f = s->form[p];
    if (tn_buf_append(b, tn_store_str(s, TN_LAYER_FORM, f),
                      tn_intern_len(&s->vocab[TN_LAYER_FORM], f)))
      return NULL;
    if (p + 1 < to && (s->flags[p] & TN_TOK_SPACE_AFTER) && tn_buf_putc(b, ' '))
      return NULL;
  }
  return tn_arena_strndup(a, b->data ? b->data : "", b->len);
}

typedef struct keyed {
  const char *key; /* sort key: norms joined by \x01 */
  tn_kwic_line line;
} keyed;

static int keyed_cmp(const void *x, const void *y) {
  const keyed *a = x, *b = y;
  if (a->key && b->key) {
    int c = strcmp(a->key, b->key);
    if (c) return c;
  }
  return a->line.pos < b->line.pos ? -1 : a->line.pos > b->line.pos;
}

/* Norms of the positions from `from` stepping by `step`, `n` of them, kept
 * inside [lo, hi). */
static const char *sort_key(const tn_store *s, long from, int step, size_t n,
                            size_t lo, size_t hi, tn_arena *a, tn_buf *b) {
  tn_buf_clear(b);
  long p = from;
  for (size_t i = 0; i < n && p >= (long)lo && p < (long)hi; i++, p += step) {
    uint32_t id = tn_store_id(s, TN_LAYER_NORM, (size_t)p);
    if ((i && tn_buf_putc(b, '\x01')) ||
        tn_buf_append(b, tn_store_str(s, TN_LAYER_NORM, id),
                      tn_intern_len(&s->vocab[TN_LAYER_NORM], id)))
      return NULL;
  }
  return tn_arena_strndup(a, b->data ? b->data : "", b->len);
}

tn_status tn_kwic_run(tn_kwic **out, const tn_store *s, const char *query,
                      const tn_kwic_opts *opts, tn_error *err) {
  *out = NULL;
  tn_query q;
  tn_status st = tn_query_compile(&q, s, opts->by, query, opts->literal, err);
  if (st != TN_OK) return st;
  size_t width = opts->width ? opts->width : 5;
  tn_kwic *k = tn_calloc(1, sizeof *k);
  keyed *ks = NULL;
  size_t nk = 0, cap = 0;
  tn_buf b = TN_BUF_INIT;
  if (!k) st = TN_ENOMEM;
  else tn_arena_init(&k->text, 64 * 1024);
  /* First the matches and their sort keys; the text of a line is built
   * only for the lines kept, so a limit keeps a frequent word cheap. */
  uint32_t *hits = NULL;
  size_t nhits = 0;
  if (st == TN_OK) st = tn_query_find(s, &q, opts->docs, &hits, &nhits);
  if (st == TN_OK && nhits) {
    ks = tn_calloc(nhits, sizeof *ks);
    if (!ks) st = TN_ENOMEM;
  }
  size_t d = 0;
  for (size_t i = 0; i < nhits && st == TN_OK; i++) {
    size_t p = hits[i];
    while (d + 1 < s->ndocs && s->doc_start[d + 1] <= p) d++;
    size_t lo = s->doc_start[d], hi = s->doc_start[d + 1];
    keyed *e = &ks[nk++];
    e->line.doc = (uint32_t)d;
    e->line.pos = (uint32_t)p;
    e->line.len = (uint32_t)q.n;
    size_t end = p + (size_t)q.n;
    switch (opts->sort) {
    case TN_KWIC_LEFT:
      e->key = sort_key(s, (long)p - 1, -1, width, lo, hi, &k->text, &b);
      break;
    case TN_KWIC_RIGHT:
      e->key = sort_key(s, (long)end, 1, width, lo, hi, &k->text, &b);
      break;
    case TN_KWIC_MATCH:
      e->key = sort_key(s, (long)p, 1, (size_t)q.n, lo, hi, &k->text, &b);
      break;
    default: e->key = NULL;
    }
    if (opts->sort != TN_KWIC_POSITION && !e->key) st = TN_ENOMEM;
  }
  tn_free(hits);
  (void)cap;
  if (st == TN_OK && nk > 1 && opts->sort != TN_KWIC_POSITION)
    qsort(ks, nk, sizeof *ks, keyed_cmp);
  if (st == TN_OK) {
    k->total = nk;
    size_t n = opts->limit && nk > opts->limit ? opts->limit : nk;
    k->lines = tn_malloc((n ? n : 1) * sizeof *k->lines);
    if (!k->lines) st = TN_ENOMEM;
    for (size_t i = 0; i < n && st == TN_OK; i++) {
      tn_kwic_line *ln = &k->lines[i];
      *ln = ks[i].line;
      size_t lo = s->doc_start[ln->doc], hi = s->doc_start[ln->doc + 1];
      size_t p = ln->pos, end = p + ln->len;
      size_t l0 = p - lo > width ? p - width : lo;
      size_t r1 = hi - end > width ? end + width : hi;
      ln->left = span_text(s, l0, p, &k->text, &b);
      ln->match = span_text(s, p, end, &k->text, &b);
      ln->right = span_text(s, end, r1, &k->text, &b);
      if (!ln->left || !ln->match || !ln->right) st = TN_ENOMEM;
      k->nlines = i + 1;
    }
  }
  tn_free(ks);
  tn_buf_free(&b);
  tn_query_free(&q);
  if (st != TN_OK) {
    tn_kwic_free(k);
    return tn_error_set(err, st, NULL, 0, "out of memory building KWIC lines");
  }
  *out = k;
  return TN_OK;
}
