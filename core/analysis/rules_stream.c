/* Token streams for the matcher: tokens pushed one by one into arrays of
 * interned ids, each new form normalised and stemmed once. */
#include <stdatomic.h>
#include <string.h>

#include <libstemmer.h>

#include "analysis/rules_int.h"
#include "analysis/store.h"
#include "util/alloc.h"

/* The form index of a stream: an open-addressing table keyed by a form's
 * first and last 8 bytes and its length, which decide equality outright
 * for forms of up to 16 bytes (most words) without touching the string;
 * longer ones are compared in full. tn_intern keeps the strings; it is
 * consulted only for forms not seen before. */
typedef struct fc_entry {
  uint64_t a, b;
  uint32_t len, id; /* len 0: empty (empty forms bypass the table) */
} fc_entry;
#define FC_NEAR 4096 /* the first level: frequent forms stay in cache */
struct tn_formcache {
  fc_entry near[FC_NEAR]; /* direct-mapped, overwritten freely */
  fc_entry *e;            /* every form seen: open addressing */
  size_t mask, n;
};

/* Fixed-size loads only (a variable memcpy is a call and a stall). */
static inline void fc_words(const char *s, size_t len, uint64_t *a, uint64_t *b) {
  if (len >= 8) {
    memcpy(a, s, 8);
    memcpy(b, s + len - 8, 8);
  } else if (len >= 4) {
    uint32_t x, y;
    memcpy(&x, s, 4);
    memcpy(&y, s + len - 4, 4);
    *a = (uint64_t)y << 32 | x;
    *b = 0;
  } else {
    *a = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
         (uint64_t)(unsigned char)s[len - 1] << 16;
    *b = 0;
  }
}

static inline size_t fc_hash(uint64_t a, uint64_t b, size_t len) {
  uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + len) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return (size_t)(h ^ (h >> 32));
}

static int fc_grow(struct tn_formcache *fc) {
  size_t cap = fc->e ? (fc->mask + 1) * 2 : 4096;
  fc_entry *e = tn_calloc(cap, sizeof *e);
  if (!e) return -1;
  for (size_t i = 0; fc->e && i <= fc->mask; i++) {
    const fc_entry *x = &fc->e[i];
    if (!x->len) continue;
    size_t j = fc_hash(x->a, x->b, x->len) & (cap - 1);
    while (e[j].len) j = (j + 1) & (cap - 1);
    e[j] = *x;
  }
  tn_free(fc->e);
  fc->e = e;
  fc->mask = cap - 1;
  return 0;
}

uint64_t tn_rules_vocab_id(void) {
  static atomic_uint_fast64_t next = 1;
  return (uint64_t)atomic_fetch_add(&next, 1);
}

tn_status tn_tokstream_init(tn_tokstream *ts, tn_rules_normfn normfn) {
  memset(ts, 0, sizeof *ts);
  for (int f = 0; f < 3; f++) tn_intern_init(&ts->lex[f]);
  ts->normfn = normfn;
  ts->vocab = tn_rules_vocab_id();
  return TN_OK;
}

void tn_tokstream_free(tn_tokstream *ts) {
  tn_free(ts->form);
  tn_free(ts->kind);
  tn_free(ts->flags);
  tn_free(ts->offset);
  tn_free(ts->form_norm);
  tn_free(ts->norm_stem);
  for (int f = 0; f < 3; f++) tn_intern_free(&ts->lex[f]);
  if (ts->stemmer) sb_stemmer_delete(ts->stemmer);
  tn_buf_free(&ts->scratch);
  if (ts->fcache) tn_free(ts->fcache->e);
  tn_free(ts->fcache);
  memset(ts, 0, sizeof *ts);
}

void tn_tokstream_clear(tn_tokstream *ts) { ts->n = 0; }

static int set_map(uint32_t **map, size_t *cap, uint32_t key, uint32_t val) {
  if (tn_grow((void **)map, cap, (size_t)key + 1, sizeof **map) < 0) return -1;
  (*map)[key] = val;
  return 0;
}

/* Norm and stem of a form seen for the first time. */
static tn_status learn_form(tn_tokstream *ts, uint32_t fid, const char *form,
                            size_t len) {
  tn_buf_clear(&ts->scratch);
  tn_status st = ts->normfn(form, len, &ts->scratch);
  if (st < 0) return st;
  const char *nm = ts->scratch.data ? ts->scratch.data : "";
  size_t nlen = ts->scratch.len;
  size_t before = tn_intern_count(&ts->lex[1]);
  uint32_t nid = tn_intern_add(&ts->lex[1], nm, nlen);
  if (nid == TN_INTERN_NONE) return TN_ENOMEM;
  if (set_map(&ts->form_norm, &ts->form_norm_cap, fid, nid) < 0) return TN_ENOMEM;
  if (tn_intern_count(&ts->lex[1]) == before) return TN_OK;
  size_t sl;
  const char *stem = tn_rules_stem(&ts->stemmer, nm, nlen, &sl);
  if (!stem) return TN_ENOMEM;
  uint32_t sid = tn_intern_add(&ts->lex[2], stem, sl);
  if (sid == TN_INTERN_NONE) return TN_ENOMEM;
  if (set_map(&ts->norm_stem, &ts->norm_stem_cap, nid, sid) < 0) return TN_ENOMEM;
  return TN_OK;
}

tn_status tn_tokstream_reserve(tn_tokstream *ts, size_t cap) {
  if (cap <= ts->cap) return TN_OK;
  uint32_t *f = tn_realloc(ts->form, cap * sizeof *f);
  if (!f) return TN_ENOMEM;
  ts->form = f;
  uint8_t *k = tn_realloc(ts->kind, cap);
  if (!k) return TN_ENOMEM;
  ts->kind = k;
  uint8_t *fl = tn_realloc(ts->flags, cap);
  if (!fl) return TN_ENOMEM;
  ts->flags = fl;
  uint32_t *o = tn_realloc(ts->offset, cap * sizeof *o);
  if (!o) return TN_ENOMEM;
  ts->offset = o;
  ts->cap = cap;
  return TN_OK;
}

tn_status tn_tokstream_push(tn_tokstream *ts, const char *form, size_t len,
                            unsigned kind, unsigned flags, size_t offset) {
  if (ts->n == ts->cap) {
    tn_status st = tn_tokstream_reserve(ts, ts->cap ? ts->cap * 2 : 256);
    if (st != TN_OK) return st;
  }
  if (offset > UINT32_MAX) return TN_ELIMIT;
  if (!ts->fcache) {
    ts->fcache = tn_calloc(1, sizeof *ts->fcache);
    if (!ts->fcache || fc_grow(ts->fcache) < 0) return TN_ENOMEM;
  }
  uint32_t fid;
  if (len == 0 || len > UINT32_MAX) {
    size_t before = tn_intern_count(&ts->lex[0]);
    fid = tn_intern_add(&ts->lex[0], form, len);
    if (fid == TN_INTERN_NONE) return TN_ENOMEM;
    if (tn_intern_count(&ts->lex[0]) != before) {
      tn_status st = learn_form(ts, fid, form, len);
      if (st < 0) return st;
    }
  } else {
    struct tn_formcache *fc = ts->fcache;
    uint64_t a, b;
    fc_words(form, len, &a, &b);
    size_t h = fc_hash(a, b, len);
    fc_entry *near = &fc->near[h & (FC_NEAR - 1)];
    if (near->len == len && near->a == a && near->b == b &&
        (len <= 16 || memcmp(tn_intern_str(&ts->lex[0], near->id), form, len) == 0)) {
      fid = near->id;
      goto found;
    }
    size_t i = h & fc->mask;
    for (;;) {
      const fc_entry *x = &fc->e[i];
      if (!x->len) break;
      if (x->len == len && x->a == a && x->b == b &&
          (len <= 16 || memcmp(tn_intern_str(&ts->lex[0], x->id), form, len) == 0))
        break;
      i = (i + 1) & fc->mask;
    }
    if (fc->e[i].len) {
      fid = fc->e[i].id;
    } else {
      size_t before = tn_intern_count(&ts->lex[0]);
      fid = tn_intern_add(&ts->lex[0], form, len);
      if (fid == TN_INTERN_NONE) return TN_ENOMEM;
      if (tn_intern_count(&ts->lex[0]) != before) {
        tn_status st = learn_form(ts, fid, form, len);
        if (st < 0) return st;
      }
      fc->e[i] = (fc_entry){a, b, (uint32_t)len, fid};
      if (++fc->n * 2 > fc->mask && fc_grow(fc) < 0) return TN_ENOMEM;
    }
    *near = (fc_entry){a, b, (uint32_t)len, fid};
  }
found:
  ts->form[ts->n] = fid;
  ts->kind[ts->n] = (uint8_t)kind;
  ts->flags[ts->n] = (uint8_t)flags;
  ts->offset[ts->n] = (uint32_t)offset;
  ts->n++;
  return TN_OK;
}

tn_tokview tn_tokstream_view(const tn_tokstream *ts) {
  tn_tokview v;
  memset(&v, 0, sizeof v);
  v.n = ts->n;
  v.form = ts->form;
  v.kind = ts->kind;
  v.flags = ts->flags;
  v.offset = ts->offset;
  v.form_norm = ts->form_norm;
  v.norm_stem = ts->norm_stem;
  for (int f = 0; f < 3; f++) v.lex[f] = &ts->lex[f];
  v.vocab = ts->vocab;
  return v;
}

tn_tokview tn_rules_store_view(const tn_store *s, size_t doc, uint64_t vocab) {
  tn_tokview v;
  memset(&v, 0, sizeof v);
  size_t a = s->doc_start[doc], b = s->doc_start[doc + 1];
  v.n = b - a;
  v.form = s->form + a;
  v.kind = s->kind + a;
  v.flags = s->flags + a;
  v.offset = s->offset + a;
  v.form_norm = s->form_norm;
  v.norm_stem = s->norm_stem;
  for (int f = 0; f < 3; f++) v.lex[f] = &s->vocab[f];
  v.vocab = vocab;
  return v;
}
