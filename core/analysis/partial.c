/* Counting one part of a corpus into mergeable partial results: per group,
 * term counts and document frequencies by form, norm and stem (and pairs
 * of norms), per-document records and totals, written as sorted lines. */
#include "analysis/partial.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/freq.h"
#include "analysis/freq_filter.h"
#include "analysis/store.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/intern.h"

/* Layers of a count key: the store's three, then pairs of norms. */
enum { L_FORM, L_NORM, L_STEM, L_NORM2, L_COUNT };
static const char *const layer_names[L_COUNT] = {"form", "norm", "stem",
                                                 "norm2"};

/* One count: (group, layer) packed in gl, term ids a (and b for pairs). */
typedef struct entry {
  uint32_t gl, a, b, last_doc; /* last_doc + 1 of the last document counted */
  uint64_t count;
  uint32_t docs;
  uint32_t used;
} entry;

/* The first DENSE_GROUPS groups count single terms in arrays indexed by
 * term id (no hashing on the hot path); more groups (group = "id") go to
 * the hash table, whose size follows the distinct (group, term) pairs. */
enum { DENSE_GROUPS = 64 };
typedef struct cell {
  uint64_t count;
  uint32_t docs, last_doc;
} cell;
typedef struct dense {
  cell *c[3];
  size_t cap[3];
} dense;

typedef struct group_stat {
  uint64_t docs, tokens, all_tokens, sentences;
} group_stat;

typedef struct doc_rec {
  const char *id, *parent; /* in the arena; parent may be NULL */
  uint32_t group;
  uint64_t tokens, sentences;
} doc_rec;

struct tn_partial {
  tn_partial_opts opts;
  tn_store *store; /* only its vocabularies: forms with their norm and stem */
  tn_tokenizer *tok;
  tn_intern groups;
  group_stat *gstat;
  size_t ngstat, gcap;
  entry *slots;
  size_t nslots, nused;
  dense dense[DENSE_GROUPS];
  doc_rec *docs;
  size_t ndocs, docs_cap;
  tn_arena arena;
  uint32_t ndone; /* documents added */
};

tn_status tn_partial_new(tn_partial **out, const tn_partial_opts *opts) {
  tn_partial *p = tn_calloc(1, sizeof *p);
  if (!p) return TN_ENOMEM;
  p->opts = *opts;
  tn_intern_init(&p->groups);
  tn_arena_init(&p->arena, 1u << 16);
  p->nslots = 1u << 14;
  p->slots = tn_calloc(p->nslots, sizeof *p->slots);
  p->tok = tn_tok_new();
  if (!p->slots || !p->tok || tn_store_new(&p->store) != TN_OK) {
    tn_partial_free(p);
    return TN_ENOMEM;
  }
  *out = p;
  return TN_OK;
}

void tn_partial_free(tn_partial *p) {
  if (!p) return;
  if (p->store) tn_store_free(p->store);
  if (p->tok) tn_tok_free(p->tok);
  tn_intern_free(&p->groups);
  tn_arena_free(&p->arena);
  tn_free(p->gstat);
  tn_free(p->slots);
  for (size_t g = 0; g < DENSE_GROUPS; g++)
    for (int l = 0; l < 3; l++) tn_free(p->dense[g].c[l]);
  tn_free(p->docs);
  tn_free(p);
}

static uint64_t key_hash(uint32_t gl, uint32_t a, uint32_t b) {
  uint64_t h = ((uint64_t)gl << 32 | a) * 0x9E3779B97F4A7C15ull;
  h ^= (h >> 29) + (uint64_t)b * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

static int grow_slots(tn_partial *p) {
  size_t n = p->nslots * 2;
  entry *s = tn_calloc(n, sizeof *s);
  if (!s) return -1;
  for (size_t i = 0; i < p->nslots; i++) {
    entry *e = &p->slots[i];
    if (!e->used) continue;
    size_t k = key_hash(e->gl, e->a, e->b) & (n - 1);
    while (s[k].used) k = (k + 1) & (n - 1);
    s[k] = *e;
  }
  tn_free(p->slots);
  p->slots = s;
  p->nslots = n;
  return 0;
}

static tn_status bump(tn_partial *p, uint32_t gl, uint32_t a, uint32_t b) {
  if ((p->nused + 1) * 2 > p->nslots && grow_slots(p)) return TN_ENOMEM;
  size_t mask = p->nslots - 1, k = key_hash(gl, a, b) & mask;
  entry *e;
  for (;;) {
    e = &p->slots[k];
    if (!e->used) {
      e->used = 1;
      e->gl = gl;
      e->a = a;
      e->b = b;
      p->nused++;
      break;
    }
    if (e->gl == gl && e->a == a && e->b == b) break;
    k = (k + 1) & mask;
  }
  e->count++;
  if (e->last_doc != p->ndone + 1) {
    e->last_doc = p->ndone + 1;
    e->docs++;
  }
  return TN_OK;
}

/* Counts term `id` of a single-term layer in group g. */
static tn_status bump1(tn_partial *p, uint32_t g, unsigned layer, uint32_t id) {
  if (g >= DENSE_GROUPS) return bump(p, g << 2 | layer, id, 0);
  dense *d = &p->dense[g];
  if (id >= d->cap[layer]) {
    size_t old = d->cap[layer], cap = old ? old : 1024;
    while (cap <= id) cap *= 2;
    cell *c = tn_realloc(d->c[layer], cap * sizeof *c);
    if (!c) return TN_ENOMEM;
    memset(c + old, 0, (cap - old) * sizeof *c);
    d->c[layer] = c;
    d->cap[layer] = cap;
  }
  cell *c = &d->c[layer][id];
  c->count++;
  if (c->last_doc != p->ndone + 1) {
    c->last_doc = p->ndone + 1;
    c->docs++;
  }
  return TN_OK;
}

static const char *arena_copy(tn_arena *a, const char *s, size_t len) {
  return tn_arena_strndup(a, s, len);
}

/* Counts one document whose tokens come from `next` (the tokenizer, or a
 * list another thread made). */
typedef int (*tok_source)(void *ud, tn_partial_tok *out);

static tn_status count_doc(tn_partial *p, const tn_doc *d, tok_source next,
                           void *ud) {
  tn_str gv;
  const char *gname = "(none)";
  size_t glen = 6;
  if (tn_doc_field(d, p->opts.group, &gv)) {
    gname = gv.ptr;
    glen = gv.len;
  }
  uint32_t g = tn_intern_add(&p->groups, gname, glen);
  if (g == TN_INTERN_NONE) return TN_ENOMEM;
  if (g >= (1u << 28)) return TN_ELIMIT;
  while (p->ngstat <= g) {
    if (tn_grow((void **)&p->gstat, &p->gcap, p->ngstat + 1, sizeof *p->gstat))
      return TN_ENOMEM;
    memset(&p->gstat[p->ngstat++], 0, sizeof *p->gstat);
  }
  group_stat *gs = &p->gstat[g];
  tn_partial_tok t;
  uint64_t tokens = 0, all = 0, sents = 0;
  uint32_t prev_norm = TN_INTERN_NONE;
  tn_status st = TN_OK;
  while (st == TN_OK && next(ud, &t)) {
    all++;
    if (t.flags & TN_TOK_SENT_END) sents++;
    if (!tn_filter_kind(p->opts.kinds, t.kind)) {
      prev_norm = TN_INTERN_NONE;
      continue;
    }
    tokens++;
    uint32_t fid;
    struct tn_form_stat fs = {1, (uint16_t)TN_KIND_BIT(t.kind)};
    st = tn_store_intern(p->store, d->text.ptr + t.start, t.len, fs, &fid);
    if (st != TN_OK) break;
    uint32_t nid = tn_store_map(p->store, TN_LAYER_NORM, fid);
    uint32_t sid = tn_store_map(p->store, TN_LAYER_STEM, fid);
    st = bump1(p, g, L_FORM, fid);
    if (st == TN_OK) st = bump1(p, g, L_NORM, nid);
    if (st == TN_OK) st = bump1(p, g, L_STEM, sid);
    if (st == TN_OK && p->opts.bigrams && prev_norm != TN_INTERN_NONE)
      st = bump(p, g << 2 | L_NORM2, prev_norm, nid);
    /* pairs stop at sentence ends, as corpus:count's n-grams do */
    prev_norm = t.flags & TN_TOK_SENT_END ? TN_INTERN_NONE : nid;
  }
  if (st != TN_OK) return st;
  gs->docs++;
  gs->tokens += tokens;
  gs->all_tokens += all;
  gs->sentences += sents;
  if (p->opts.docs) {
    if (tn_grow((void **)&p->docs, &p->docs_cap, p->ndocs + 1, sizeof *p->docs))
      return TN_ENOMEM;
    doc_rec *r = &p->docs[p->ndocs];
    r->id = arena_copy(&p->arena, d->id.ptr, d->id.len);
    r->parent = d->parent.ptr
                    ? arena_copy(&p->arena, d->parent.ptr, d->parent.len)
                    : NULL;
    if (!r->id || (d->parent.ptr && !r->parent)) return TN_ENOMEM;
    r->group = g;
    r->tokens = tokens;
    r->sentences = sents;
    p->ndocs++;
  }
  p->ndone++;
  return TN_OK;
}

static int from_tokenizer(void *ud, tn_partial_tok *out) {
  tn_token t;
  if (!tn_tok_next((tn_tokenizer *)ud, &t)) return 0;
  out->start = (uint32_t)t.start;
  out->len = (uint32_t)t.len;
  out->kind = t.kind;
  out->flags = t.flags;
  return 1;
}

typedef struct list_reader {
  const tn_partial_tok *t;
  size_t i, n;
} list_reader;

static int from_list(void *ud, tn_partial_tok *out) {
  list_reader *r = ud;
  if (r->i >= r->n) return 0;
  *out = r->t[r->i++];
  return 1;
}

tn_status tn_partial_add(tn_partial *p, const tn_doc *d) {
  if (d->text.len > UINT32_MAX) return TN_ELIMIT;
  tn_tok_reset(p->tok, d->text.ptr, d->text.len);
  return count_doc(p, d, from_tokenizer, p->tok);
}

tn_status tn_partial_add_tokens(tn_partial *p, const tn_doc *d,
                                const tn_partial_tok *toks, size_t n) {
  list_reader r = {toks, 0, n};
  return count_doc(p, d, from_list, &r);
}

/* Field text with every byte below 0x20 and the backslash escaped, so a
 * tab is the smallest byte of any line and line order is key order. */
static int put_field(tn_buf *b, const char *s) {
  static const char hex[] = "0123456789abcdef";
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\\') {
      if (tn_buf_append(b, "\\\\", 2)) return -1;
    } else if (c < 0x20) {
      char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
      if (tn_buf_append(b, e, 4)) return -1;
    } else if (tn_buf_putc(b, (char)c)) {
      return -1;
    }
  }
  return 0;
}

tn_status tn_partial_header(const tn_partial_opts *opts, tn_buf *out) {
  if (tn_buf_printf(out, "%s\t%d\tkinds=%s\tgroup=", TN_PARTIAL_MAGIC,
                    TN_PARTIAL_VERSION,
                    opts->kinds_name ? opts->kinds_name : "all") ||
      put_field(out, opts->group) ||
      tn_buf_printf(out, "\tbigrams=%s\tdocs=%s\n",
                    opts->bigrams ? "yes" : "no", opts->docs ? "yes" : "no"))
    return TN_ENOMEM;
  return TN_OK;
}

static int line_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *term_str(const tn_partial *p, unsigned layer, uint32_t id) {
  return tn_store_str(p->store,
                      layer == L_FORM   ? TN_LAYER_FORM
                      : layer == L_STEM ? TN_LAYER_STEM
                                        : TN_LAYER_NORM,
                      id);
}

static int emit_to_buf(void *ud, const char *data, size_t len) {
  return tn_buf_append((tn_buf *)ud, data, len);
}

tn_status tn_partial_write(const tn_partial *p, tn_buf *out, tn_error *err) {
  return tn_partial_write_to(p, emit_to_buf, out, err);
}

tn_status tn_partial_write_to(const tn_partial *p, tn_partial_emit emit,
                              void *ud, tn_error *err) {
  tn_buf chunk = TN_BUF_INIT;
  tn_buf *out = &chunk;
  /* Every record as a line in one buffer, NUL-separated, then sorted. */
  tn_buf lines = {0};
  size_t nlines = 0;
  tn_status st = TN_OK;
  const char *grp;
#define ENDLINE()                                                              \
  do {                                                                         \
    if (tn_buf_putc(&lines, '\0')) goto nomem;                                 \
    nlines++;                                                                  \
  } while (0)
  for (size_t g = 0; g < DENSE_GROUPS; g++)
    for (unsigned layer = 0; layer < 3; layer++)
      for (size_t id = 0; id < p->dense[g].cap[layer]; id++) {
        const cell *c = &p->dense[g].c[layer][id];
        if (!c->count) continue;
        grp = tn_intern_str(&p->groups, (uint32_t)g);
        if (tn_buf_printf(&lines, "c\t%s\t", layer_names[layer]) ||
            put_field(&lines, grp) || tn_buf_putc(&lines, '\t') ||
            put_field(&lines, term_str(p, layer, (uint32_t)id)) ||
            tn_buf_printf(&lines, "\t%llu\t%lu", (unsigned long long)c->count,
                          (unsigned long)c->docs))
          goto nomem;
        ENDLINE();
      }
  for (size_t i = 0; i < p->nslots; i++) {
    const entry *e = &p->slots[i];
    if (!e->used) continue;
    unsigned layer = e->gl & 3;
    grp = tn_intern_str(&p->groups, e->gl >> 2);
    if (tn_buf_printf(&lines, "c\t%s\t", layer_names[layer]) ||
        put_field(&lines, grp) || tn_buf_putc(&lines, '\t') ||
        put_field(&lines, term_str(p, layer, e->a)))
      goto nomem;
    if (layer == L_NORM2 && (tn_buf_putc(&lines, ' ') ||
                             put_field(&lines, term_str(p, L_NORM, e->b))))
      goto nomem;
    if (tn_buf_printf(&lines, "\t%llu\t%lu", (unsigned long long)e->count,
                      (unsigned long)e->docs))
      goto nomem;
    ENDLINE();
  }
  group_stat tot = {0, 0, 0, 0};
  for (size_t g = 0; g < tn_intern_count(&p->groups); g++) {
    const group_stat *s = &p->gstat[g];
    if (tn_buf_puts(&lines, "g\t") ||
        put_field(&lines, tn_intern_str(&p->groups, (uint32_t)g)) ||
        tn_buf_printf(&lines, "\t%llu\t%llu\t%llu\t%llu",
                      (unsigned long long)s->docs,
                      (unsigned long long)s->tokens,
                      (unsigned long long)s->all_tokens,
                      (unsigned long long)s->sentences))
      goto nomem;
    ENDLINE();
    tot.docs += s->docs;
    tot.tokens += s->tokens;
    tot.all_tokens += s->all_tokens;
    tot.sentences += s->sentences;
  }
  if (tn_buf_printf(&lines, "t\t%llu\t%llu\t%llu\t%llu",
                    (unsigned long long)tot.docs,
                    (unsigned long long)tot.tokens,
                    (unsigned long long)tot.all_tokens,
                    (unsigned long long)tot.sentences))
    goto nomem;
  ENDLINE();
  for (size_t i = 0; i < p->ndocs; i++) {
    const doc_rec *r = &p->docs[i];
    if (tn_buf_puts(&lines, "d\t") || put_field(&lines, r->id) ||
        tn_buf_putc(&lines, '\t') ||
        put_field(&lines, tn_intern_str(&p->groups, r->group)) ||
        tn_buf_putc(&lines, '\t') ||
        (r->parent ? put_field(&lines, r->parent) : tn_buf_putc(&lines, '-')) ||
        tn_buf_printf(&lines, "\t%llu\t%llu", (unsigned long long)r->tokens,
                      (unsigned long long)r->sentences))
      goto nomem;
    ENDLINE();
  }
#undef ENDLINE
  const char **v = tn_malloc((nlines ? nlines : 1) * sizeof *v);
  if (!v) goto nomem;
  size_t k = 0;
  for (size_t pos = 0; k < nlines; k++) {
    v[k] = lines.data + pos;
    pos += strlen(v[k]) + 1;
  }
  qsort(v, nlines, sizeof *v, line_cmp);
  st = tn_partial_header(&p->opts, out);
  for (k = 0; st == TN_OK && k < nlines; k++) {
    /* documents are the only records whose key may repeat */
    if (k > 0 && v[k][0] == 'd' && v[k - 1][0] == 'd') {
      size_t a = strcspn(v[k] + 2, "\t"), b = strcspn(v[k - 1] + 2, "\t");
      if (a == b && memcmp(v[k] + 2, v[k - 1] + 2, a) == 0) {
        st = tn_error_set(err, TN_EINVAL, NULL, 0,
                          "document id \"%.*s\" occurs twice; ids must be "
                          "unique across the corpus",
                          (int)(a > 200 ? 200 : a), v[k] + 2);
        break;
      }
    }
    if (tn_buf_puts(out, v[k]) || tn_buf_putc(out, '\n')) st = TN_ENOMEM;
    if (st == TN_OK && out->len >= 1u << 16) {
      if (emit(ud, out->data, out->len))
        st = tn_error_set(err, TN_EIO, NULL, 0, "write error");
      tn_buf_clear(out);
    }
  }
  if (st == TN_OK && out->len && emit(ud, out->data, out->len))
    st = tn_error_set(err, TN_EIO, NULL, 0, "write error");
  tn_free(v);
  tn_buf_free(&lines);
  tn_buf_free(&chunk);
  return st;
nomem:
  tn_buf_free(&lines);
  tn_buf_free(&chunk);
  return TN_ENOMEM;
}
