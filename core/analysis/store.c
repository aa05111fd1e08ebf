/* The corpus token store: vocabularies, token arrays and regions. */
#include "analysis/store.h"

#include <libstemmer.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/buf.h"

static const char *const layer_names[TN_LAYER_COUNT] = {"form", "norm", "stem"};

const char *tn_layer_name(tn_layer layer) {
  return (unsigned)layer < TN_LAYER_COUNT ? layer_names[layer] : "?";
}

int tn_layer_from_name(const char *name) {
  for (int i = 0; i < TN_LAYER_COUNT; i++)
    if (strcmp(name, layer_names[i]) == 0) return i;
  return -1;
}

tn_status tn_store_new(tn_store **out) {
  *out = NULL;
  tn_store *s = tn_calloc(1, sizeof *s);
  if (!s) return TN_ENOMEM;
  for (int i = 0; i < TN_LAYER_COUNT; i++)
    tn_intern_init(&s->vocab[i]);
  s->docs_cap = 0;
  /* doc_start and doc_sent always hold ndocs + 1 entries. */
  if (tn_grow((void **)&s->doc_start, &s->docs_cap, 16, sizeof(uint32_t))) {
    tn_store_free(s);
    return TN_ENOMEM;
  }
  s->doc_sent = tn_calloc(s->docs_cap, sizeof(uint32_t));
  s->sent_start = tn_calloc(16, sizeof(uint32_t));
  s->sents_cap = 16;
  if (!s->doc_sent || !s->sent_start) {
    tn_store_free(s);
    return TN_ENOMEM;
  }
  s->doc_start[0] = 0;
  s->doc_sent[0] = 0;
  s->sent_start[0] = 0;
  *out = s;
  return TN_OK;
}

void tn_store_free(tn_store *s) {
  if (!s) return;
  for (int i = 0; i < TN_LAYER_COUNT; i++)
    tn_intern_free(&s->vocab[i]);
  tn_free(s->form_norm);
  tn_free(s->norm_stem);
  tn_free(s->form);
  tn_free(s->kind);
  tn_free(s->flags);
  tn_free(s->offset);
  tn_free(s->doc_start);
  tn_free(s->doc_sent);
  tn_free(s->sent_start);
  tn_free(s->fslots);
  tn_free(s->idx_start);
  tn_free(s->idx_pos);
  tn_free(s->form_stat);
  if (s->stemmer) sb_stemmer_delete(s->stemmer);
  tn_free(s);
}

tn_status tn_store_begin_doc(tn_store *s) {
  if (s->open_doc) return TN_EINVAL;
  s->open_doc = 1;
  return TN_OK;
}

static tn_status close_sentence(tn_store *s) {
  if (!s->open_sent) return TN_OK;
  /* sent_start holds nsents + 1 entries: the next sentence's start. */
  size_t cap = s->sents_cap;
  if (tn_grow((void **)&s->sent_start, &cap, s->nsents + 2, sizeof(uint32_t)))
    return TN_ENOMEM;
  s->sents_cap = cap;
  s->nsents++;
  s->sent_start[s->nsents] = (uint32_t)s->ntokens;
  s->open_sent = 0;
  return TN_OK;
}

tn_status tn_store_end_doc(tn_store *s) {
  if (!s->open_doc) return TN_EINVAL;
  if (close_sentence(s) != TN_OK) return TN_ENOMEM;
  size_t cap = s->docs_cap;
  if (tn_grow((void **)&s->doc_start, &cap, s->ndocs + 2, sizeof(uint32_t)))
    return TN_ENOMEM;
  if (cap != s->docs_cap) {
    uint32_t *p = tn_realloc(s->doc_sent, cap * sizeof(uint32_t));
    if (!p) return TN_ENOMEM;
    s->doc_sent = p;
    s->docs_cap = cap;
  }
  s->ndocs++;
  s->doc_start[s->ndocs] = (uint32_t)s->ntokens;
  s->doc_sent[s->ndocs] = (uint32_t)s->nsents;
  s->open_doc = 0;
  return TN_OK;
}

/* The stem of a norm; Snowball works on lowercase UTF-8, which norms are. */
static uint32_t stem_of(tn_store *s, uint32_t norm) {
  const char *w = tn_intern_str(&s->vocab[TN_LAYER_NORM], norm);
  size_t len = tn_intern_len(&s->vocab[TN_LAYER_NORM], norm);
  if (!s->stemmer) s->stemmer = sb_stemmer_new("dutch", "UTF_8");
  if (!s->stemmer || len > INT32_MAX) return TN_INTERN_NONE;
  const sb_symbol *st =
      sb_stemmer_stem(s->stemmer, (const sb_symbol *)w, (int)len);
  if (!st) return TN_INTERN_NONE;
  return tn_intern_add(&s->vocab[TN_LAYER_STEM], (const char *)st,
                       (size_t)sb_stemmer_length(s->stemmer));
}

/* Interns a new form type with its norm and stem: done once per type, so
 * the cost of normalising and stemming is paid per vocabulary entry. */
static tn_status add_form_type(tn_store *s, uint32_t fid, const char *form,
                               size_t len) {
  tn_buf b = TN_BUF_INIT;
  tn_status st = tn_tok_norm(form, len, &b);
  if (st != TN_OK) {
    tn_buf_free(&b);
    return st;
  }
  uint32_t nid =
      tn_intern_add(&s->vocab[TN_LAYER_NORM], b.data ? b.data : "", b.len);
  tn_buf_free(&b);
  if (nid == TN_INTERN_NONE) return TN_ENOMEM;
  size_t cap = s->map_cap[0];
  if (tn_grow((void **)&s->form_norm, &cap, (size_t)fid + 1, sizeof(uint32_t)))
    return TN_ENOMEM;
  s->map_cap[0] = cap;
  s->form_norm[fid] = nid;
  if (nid + 1 == tn_intern_count(&s->vocab[TN_LAYER_NORM])) {
    uint32_t sid = stem_of(s, nid);
    if (sid == TN_INTERN_NONE) return TN_ENOMEM;
    cap = s->map_cap[1];
    if (tn_grow((void **)&s->norm_stem, &cap, (size_t)nid + 1,
                sizeof(uint32_t)))
      return TN_ENOMEM;
    s->map_cap[1] = cap;
    s->norm_stem[nid] = sid;
  }
  return TN_OK;
}

static tn_status grow_tokens(tn_store *s, size_t need) {
  if (need <= s->cap) return TN_OK;
  size_t cap = s->cap < 1024 ? 1024 : s->cap;
  while (cap < need)
    cap += cap / 2;
  uint32_t *f = tn_realloc(s->form, cap * sizeof *f);
  if (!f) return TN_ENOMEM;
  s->form = f;
  uint8_t *k = tn_realloc(s->kind, cap);
  if (!k) return TN_ENOMEM;
  s->kind = k;
  uint8_t *fl = tn_realloc(s->flags, cap);
  if (!fl) return TN_ENOMEM;
  s->flags = fl;
  uint32_t *o = tn_realloc(s->offset, cap * sizeof *o);
  if (!o) return TN_ENOMEM;
  s->offset = o;
  s->cap = cap;
  return TN_OK;
}

tn_status tn_store_reserve(tn_store *s, size_t ntokens) {
  if (ntokens > UINT32_MAX - s->ntokens) ntokens = UINT32_MAX - s->ntokens;
  return grow_tokens(s, s->ntokens + ntokens);
}

/* Forms hash with tn_hash_bytes (util/intern.c): word at a time, as
 * tokens are short. */
static inline uint32_t form_hash(const char *p, size_t len) {
  return tn_hash_bytes(p, len);
}

/* Equal bytes, for the short strings tokens are: a call to memcmp cost
 * more than the compare itself in profiles. */
static inline int same_bytes(const char *a, const char *b, size_t len) {
  if (len > 16) return memcmp(a, b, len) == 0;
  for (size_t i = 0; i < len; i++)
    if (a[i] != b[i]) return 0;
  return 1;
}

/* malloc and memset rather than calloc: see rehash in util/intern.c (the
 * probes' reads would map fresh pages to the zero page, and every write
 * after that is a copy-on-write fault with a TLB flush on each core). */
static int form_rehash(tn_store *s, size_t nslots) {
  struct tn_store_slot *slots = tn_malloc(nslots * sizeof *slots);
  if (!slots) return -1;
  memset(slots, 0, nslots * sizeof *slots);
  for (size_t j = 0; j < s->fnslots; j++) {
    const struct tn_store_slot *e = &s->fslots[j];
    if (!e->str) continue;
    size_t i = e->tag & (nslots - 1);
    while (slots[i].str)
      i = (i + 1) & (nslots - 1);
    slots[i] = *e;
  }
  tn_free(s->fslots);
  s->fslots = slots;
  s->fnslots = nslots;
  return 0;
}

/* The form id of a surface form, adding the type (with its norm and stem)
 * when new; TN_INTERN_NONE without memory. Forms hold no NUL (the corpus
 * refuses it), so equal bytes plus the stored string's NUL at `len` mean
 * equal strings, without reading the length from another array. */
static uint32_t form_id(tn_store *s, const char *form, size_t len, uint32_t tag,
                        tn_status *st) {
  size_t i = 0;
  if (s->fnslots) {
    size_t mask = s->fnslots - 1;
    for (i = tag & mask; s->fslots[i].str; i = (i + 1) & mask) {
      const struct tn_store_slot *e = &s->fslots[i];
      if (e->tag == tag && same_bytes(e->str, form, len) && e->str[len] == '\0')
        return e->id;
    }
  }
  *st = TN_ENOMEM;
  size_t n = tn_intern_count(&s->vocab[TN_LAYER_FORM]);
  if ((n + 1) * 2 > s->fnslots) {
    if (form_rehash(s, s->fnslots ? s->fnslots * 2 : 4096))
      return TN_INTERN_NONE;
    size_t mask = s->fnslots - 1;
    for (i = tag & mask; s->fslots[i].str; i = (i + 1) & mask) {
    }
  }
  uint32_t fid = tn_intern_add(&s->vocab[TN_LAYER_FORM], form, len);
  if (fid == TN_INTERN_NONE) return TN_INTERN_NONE;
  *st = add_form_type(s, fid, form, len);
  if (*st != TN_OK) return TN_INTERN_NONE;
  s->fslots[i].str = tn_intern_str(&s->vocab[TN_LAYER_FORM], fid);
  s->fslots[i].tag = tag;
  s->fslots[i].id = fid;
  return fid;
}

static tn_status grow_form_stat(tn_store *s, uint32_t fid) {
  if (fid < s->form_stat_cap) return TN_OK;
  size_t cap = s->form_stat_cap;
  if (tn_grow((void **)&s->form_stat, &cap, (size_t)fid + 1,
              sizeof *s->form_stat))
    return TN_ENOMEM;
  memset(s->form_stat + s->form_stat_cap, 0,
         (cap - s->form_stat_cap) * sizeof *s->form_stat);
  s->form_stat_cap = cap;
  return TN_OK;
}

/* Appends a token of a known form id. */
static tn_status add_known(tn_store *s, uint32_t fid, unsigned kind,
                           unsigned flags, size_t offset) {
  if (!s->open_doc || kind >= TN_TOK_KIND_COUNT) return TN_EINVAL;
  if (s->ntokens >= UINT32_MAX - 1 || offset > UINT32_MAX) return TN_ELIMIT;
  if (s->ntokens + 1 > s->cap && grow_tokens(s, s->ntokens + 1) != TN_OK)
    return TN_ENOMEM;
  if (grow_form_stat(s, fid) != TN_OK) return TN_ENOMEM;
  s->form_stat[fid].freq++;
  s->form_stat[fid].kinds |= (uint16_t)(1u << kind);
  size_t pos = s->ntokens++;
  s->form[pos] = fid;
  s->kind[pos] = (uint8_t)kind;
  s->flags[pos] = (uint8_t)flags;
  s->offset[pos] = (uint32_t)offset;
  s->open_sent = 1;
  if (flags & TN_TOK_SENT_END) return close_sentence(s);
  return TN_OK;
}

static tn_status add_hashed(tn_store *s, const char *form, size_t len,
                            uint32_t tag, unsigned kind, unsigned flags,
                            size_t offset) {
  if (!s->open_doc || kind >= TN_TOK_KIND_COUNT) return TN_EINVAL;
  if (s->ntokens >= UINT32_MAX - 1 || offset > UINT32_MAX) return TN_ELIMIT;
  tn_status st = TN_OK;
  uint32_t fid = form_id(s, form, len, tag, &st);
  if (fid == TN_INTERN_NONE) return st;
  return add_known(s, fid, kind, flags, offset);
}

tn_status tn_store_index(tn_store *s) {
  if (s->idx_pos) return TN_OK;
  size_t nf = tn_store_vocab_size(s, TN_LAYER_FORM);
  uint32_t *start = tn_calloc(nf + 1, sizeof *start);
  uint32_t *pos = tn_malloc((s->ntokens ? s->ntokens : 1) * sizeof *pos);
  if (!start || !pos) {
    tn_free(start);
    tn_free(pos);
    return TN_ENOMEM;
  }
  /* counting sort of positions by form id */
  for (size_t p = 0; p < s->ntokens; p++)
    start[s->form[p] + 1]++;
  for (size_t f = 0; f < nf; f++)
    start[f + 1] += start[f];
  for (size_t p = 0; p < s->ntokens; p++)
    pos[start[s->form[p]]++] = (uint32_t)p;
  /* the fill advanced each start to the next form's: shift back */
  for (size_t f = nf; f > 0; f--)
    start[f] = start[f - 1];
  start[0] = 0;
  s->idx_start = start;
  s->idx_pos = pos;
  return TN_OK;
}

tn_status tn_store_add(tn_store *s, const char *form, size_t len, unsigned kind,
                       unsigned flags, size_t offset) {
  return add_hashed(s, form, len, (uint32_t)form_hash(form, len), kind, flags,
                    offset);
}

tn_status tn_store_intern(tn_store *s, const char *form, size_t len,
                          struct tn_form_stat stat, uint32_t *id) {
  tn_status st = TN_OK;
  uint32_t fid = form_id(s, form, len, (uint32_t)form_hash(form, len), &st);
  if (fid == TN_INTERN_NONE) return st;
  if (grow_form_stat(s, fid) != TN_OK) return TN_ENOMEM;
  s->form_stat[fid].freq += stat.freq;
  s->form_stat[fid].kinds |= stat.kinds;
  *id = fid;
  return TN_OK;
}

tn_status tn_store_append_regions(tn_store *a, const tn_store *b) {
  if (a->open_doc || b->open_doc) return TN_EINVAL;
  size_t cap = a->docs_cap;
  if (tn_grow((void **)&a->doc_start, &cap, a->ndocs + b->ndocs + 1,
              sizeof(uint32_t)))
    return TN_ENOMEM;
  if (cap != a->docs_cap) {
    uint32_t *p = tn_realloc(a->doc_sent, cap * sizeof(uint32_t));
    if (!p) return TN_ENOMEM;
    a->doc_sent = p;
    a->docs_cap = cap;
  }
  cap = a->sents_cap;
  if (tn_grow((void **)&a->sent_start, &cap, a->nsents + b->nsents + 1,
              sizeof(uint32_t)))
    return TN_ENOMEM;
  a->sents_cap = cap;
  uint32_t tbase = (uint32_t)a->ntokens, sbase = (uint32_t)a->nsents;
  for (size_t d = 1; d <= b->ndocs; d++) {
    a->doc_start[a->ndocs + d] = tbase + b->doc_start[d];
    a->doc_sent[a->ndocs + d] = sbase + b->doc_sent[d];
  }
  for (size_t k = 1; k <= b->nsents; k++)
    a->sent_start[a->nsents + k] = tbase + b->sent_start[k];
  a->ndocs += b->ndocs;
  a->nsents += b->nsents;
  return TN_OK;
}

#define BATCH 32

/* The id of a form already in the table, or TN_INTERN_NONE. */
static inline uint32_t find_form(const tn_store *s, const char *form,
                                 size_t len, uint32_t tag) {
  size_t mask = s->fnslots - 1;
  for (size_t i = tag & mask; s->fslots[i].str; i = (i + 1) & mask) {
    const struct tn_store_slot *e = &s->fslots[i];
    if (e->tag == tag && same_bytes(e->str, form, len) && e->str[len] == '\0')
      return e->id;
  }
  return TN_INTERN_NONE;
}

tn_status tn_store_add_batch(tn_store *s, const tn_store_tok *t, size_t n) {
  /* The form table and the per-form statistics are far bigger than the
   * caches on a real vocabulary: hash a batch first and prefetch its
   * slots, then the strings those slots point to, resolve the ids, then
   * prefetch the statistics they update, so the misses overlap instead of
   * queueing. */
  uint32_t tags[BATCH], ids[BATCH];
  for (size_t b = 0; b < n; b += BATCH) {
    size_t m = n - b < BATCH ? n - b : BATCH;
    if (s->ntokens + m > s->cap && grow_tokens(s, s->ntokens + m) != TN_OK)
      return TN_ENOMEM;
    size_t mask = s->fnslots ? s->fnslots - 1 : 0;
    for (size_t i = 0; i < m; i++) {
      tags[i] = (uint32_t)form_hash(t[b + i].form, t[b + i].len);
      if (s->fnslots) __builtin_prefetch(&s->fslots[tags[i] & mask]);
    }
    if (s->fnslots)
      for (size_t i = 0; i < m; i++) {
        const char *str = s->fslots[tags[i] & mask].str;
        if (str) __builtin_prefetch(str);
      }
    for (size_t i = 0; i < m; i++) {
      const tn_store_tok *k = &t[b + i];
      ids[i] =
          s->fnslots ? find_form(s, k->form, k->len, tags[i]) : TN_INTERN_NONE;
      if (ids[i] != TN_INTERN_NONE)
        __builtin_prefetch(&s->form_stat[ids[i]], 1);
    }
    for (size_t i = 0; i < m; i++) {
      const tn_store_tok *k = &t[b + i];
      tn_status st;
      if (ids[i] == TN_INTERN_NONE)
        st = add_hashed(s, k->form, k->len, tags[i], k->kind, k->flags,
                        k->offset);
      else
        st = add_known(s, ids[i], k->kind, k->flags, k->offset);
      if (st != TN_OK) return st;
    }
  }
  return TN_OK;
}

size_t tn_store_doc_of(const tn_store *s, size_t pos) {
  size_t lo = 0, hi = s->ndocs;
  /* the last document whose start <= pos (skipping empty documents) */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->doc_start[mid] <= pos)
      lo = mid;
    else
      hi = mid;
  }
  while (lo + 1 < s->ndocs && s->doc_start[lo + 1] <= pos)
    lo++;
  return lo;
}
