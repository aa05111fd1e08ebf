/* Counting inside the scan: a worker's vocabulary (form slots, terms, the
 * filter decided once per form type) and the count of one item of
 * documents into it, with the kept token stream (see scan.h, scan.c). */
#include <libstemmer.h>
#include <string.h>

#include "analysis/scan_int.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

/* Tokens counted as one batch: the pipeline of count_batch runs over it. */
#define TOK_BATCH 64

/* ---- a worker's vocabulary ---------------------------------------------- */

/* The first n bytes (0 to 8) of an 8-byte load: masks from a table, not
 * shifts and branches per token. */
static const uint64_t low_bytes[9] = {0,
                                      0xFF,
                                      0xFFFF,
                                      0xFFFFFF,
                                      0xFFFFFFFF,
                                      0xFFFFFFFFFF,
                                      0xFFFFFFFFFFFF,
                                      0xFFFFFFFFFFFFFF,
                                      0xFFFFFFFFFFFFFFFF};

/* The first 16 bytes of a form, zero-padded. `avail` is how many bytes
 * may be read from p: when 16 may, two loads (masked for a shorter form)
 * do it; a memcpy of variable length was a call, and a byte loop cost
 * more than the hash. */
static inline void prefix_of(const char *p, size_t len, size_t avail,
                             uint64_t pre[2]) {
  if (avail >= 16) {
    uint64_t a, b;
    memcpy(&a, p, 8);
    memcpy(&b, p + 8, 8);
    pre[0] = a & low_bytes[len < 8 ? len : 8];
    pre[1] = b & low_bytes[len < 8 ? 0 : len < 16 ? len - 8 : 8];
    return;
  }
  unsigned char buf[16] = {0};
  memcpy(buf, p, len < 16 ? len : 16);
  memcpy(&pre[0], buf, 8);
  memcpy(&pre[1], buf + 8, 8);
}

/* Hash in the high 24 bits, 1 + the length (up to 254) in the low 8, so
 * a tag is never 0. A form of up to 16 bytes is hashed from its prefix,
 * already in registers, by two multiplications whose high bits depend on
 * every byte; the table is the worker's own, so its hash need not agree
 * with any other. */
static inline uint32_t tag_of(const uint64_t pre[2], const char *p,
                              size_t len) {
  uint32_t h;
  if (len <= 16)
    h = (uint32_t)((pre[0] * UINT64_C(0x9E3779B97F4A7C15) ^
                    pre[1] * UINT64_C(0xC2B2AE3D27D4EB4F)) >>
                   32);
  else
    h = tn_hash_bytes(p, len);
  return (h & ~0xFFu) | (uint32_t)(len < 254 ? len + 1 : 255);
}

int scan_grow_slots(scan_worker *w, size_t need) {
  size_t n = w->nslots ? w->nslots : 4096;
  while (need * 2 > n)
    n *= 2;
  if (n == w->nslots) return 0;
  scan_fslot *slots = tn_malloc_table(n * sizeof *slots);
  if (!slots) return -1;
  memset(slots, 0, n * sizeof *slots); /* written first: see util/intern.c */
  for (size_t j = 0; j < w->nslots; j++) {
    const scan_fslot *e = &w->slots[j];
    if (!e->tag) continue;
    size_t i = (e->tag >> 8) & (n - 1);
    while (slots[i].tag)
      i = (i + 1) & (n - 1);
    slots[i] = *e;
  }
  tn_free(w->slots);
  w->slots = slots;
  w->nslots = n;
  return 0;
}

/* Per local term data, grown with the terms. */
static tn_status grow_terms(scan_worker *w, size_t need) {
  if (need <= w->tcap) return TN_OK;
  size_t cap = w->tcap ? w->tcap : 1024;
  while (cap < need)
    cap *= 2;
  scan_term *td = tn_realloc(w->tdata, cap * sizeof *td);
  if (!td) return TN_ENOMEM;
  w->tdata = td;
  memset(td + w->tcap, 0, (cap - w->tcap) * sizeof *td);
  uint32_t *touched = tn_realloc(w->touched, cap * sizeof *touched);
  if (!touched) return TN_ENOMEM;
  w->touched = touched;
  w->tcap = cap;
  return TN_OK;
}

/* Whether a term passes the length, wildcard and regex tests. */
static int term_passes(const tn_scan *sc, const char *t, size_t tlen) {
  const tn_term_filter *f = &sc->filter;
  if (f->min_len || f->max_len) {
    size_t n = tn_utf8_count(t, tlen);
    if (f->min_len && n < f->min_len) return 0;
    if (f->max_len && n > f->max_len) return 0;
  }
  if (f->glob && !tn_glob_match(f->glob, strlen(f->glob), t, tlen)) return 0;
  if (sc->have_re && regexec(&sc->re, t, 0, NULL, 0) != 0) return 0;
  return 1;
}

/* Adds a new form type into slot `slot`: its term of the layer (norm,
 * stem or itself) and whether the filter lets it count. Paid once per
 * type and worker. */
static uint32_t add_form(scan_worker *w, const char *form, size_t len,
                         const uint64_t pre[2], uint32_t tag, size_t slot,
                         tn_status *st) {
  const tn_scan *sc = w->sc;
  *st = TN_ENOMEM;
  if (w->nforms >= 0x7FFFFFFEu) return TN_INTERN_NONE;
  if (tn_grow((void **)&w->forms, &w->fcap, w->nforms + 1, sizeof *w->forms))
    return TN_INTERN_NONE;
  char *copy = tn_arena_strndup(&w->strings, form, len);
  if (!copy) return TN_INTERN_NONE;
  const char *norm = form;
  size_t nlen = len;
  if (sc->filter.by != TN_LAYER_FORM || sc->filter.stop) {
    tn_buf_clear(&w->norm);
    *st = tn_tok_norm(form, len, &w->norm);
    if (*st != TN_OK) return TN_INTERN_NONE;
    *st = TN_ENOMEM;
    norm = w->norm.data ? w->norm.data : "";
    nlen = w->norm.len;
  }
  const char *term = sc->filter.by == TN_LAYER_FORM ? form : norm;
  size_t tlen = sc->filter.by == TN_LAYER_FORM ? len : nlen;
  if (sc->filter.by == TN_LAYER_STEM) {
    if (!w->stemmer) w->stemmer = sb_stemmer_new("dutch", "UTF_8");
    const sb_symbol *s =
        w->stemmer && nlen <= INT32_MAX
            ? sb_stemmer_stem(w->stemmer, (const sb_symbol *)norm, (int)nlen)
            : NULL;
    if (!s) return TN_INTERN_NONE;
    term = (const char *)s;
    tlen = (size_t)sb_stemmer_length(w->stemmer);
  }
  uint32_t t = tn_intern_add(&w->terms, term, tlen);
  if (t == TN_INTERN_NONE || t >= SCAN_ALLOWED ||
      grow_terms(w, (size_t)t + 1) != TN_OK)
    return TN_INTERN_NONE;
  scan_term *td = &w->tdata[t];
  if (td->ok == 0)
    td->ok = term_passes(sc, tn_intern_str(&w->terms, t), tlen) ? 1 : 2;
  int stop = sc->filter.stop && tn_stopwords_has(sc->filter.stop, norm, nlen);
  int allowed = !stop && td->ok == 1;
  uint32_t id = (uint32_t)w->nforms++;
  w->forms[id] = (scan_lform){copy, (uint32_t)len, t, 0, (uint8_t)allowed};
  w->slots[slot] = (scan_fslot){
      {pre[0], pre[1]}, tag, id, t | (allowed ? SCAN_ALLOWED : 0), 0};
  *st = TN_OK;
  return id;
}

/* The slot of a form, adding the form when new (the table has room: the
 * batch made it). NULL when memory ran out. */
static inline scan_fslot *slot_of(scan_worker *w, const char *form, size_t len,
                                  const uint64_t pre[2], uint32_t tag,
                                  tn_status *st) {
  size_t mask = w->nslots - 1, i = (tag >> 8) & mask;
  for (; w->slots[i].tag; i = (i + 1) & mask) {
    scan_fslot *e = &w->slots[i];
    if (e->tag != tag || e->prefix[0] != pre[0] || e->prefix[1] != pre[1])
      continue;
    if (len <= 16) return e;
    /* the tag holds lengths up to 253 exactly */
    const scan_lform *lf = &w->forms[e->id];
    if (lf->len == len && memcmp(lf->str + 16, form + 16, len - 16) == 0)
      return e;
  }
  if (add_form(w, form, len, pre, tag, i, st) == TN_INTERN_NONE) return NULL;
  return &w->slots[i];
}

/* ---- counting ----------------------------------------------------------- */

static uint32_t cell_hash(uint32_t g, uint32_t t) {
  uint64_t h = ((uint64_t)g << 32 | t) * 0x9E3779B97F4A7C15u;
  return (uint32_t)(h >> 32);
}

static int grow_cells(scan_cells *c) {
  size_t n = c->nslots ? c->nslots * 2 : 4096;
  scan_cell *slots = tn_malloc(n * sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < n; i++)
    slots[i].term = UINT32_MAX;
  for (size_t j = 0; j < c->nslots; j++) {
    const scan_cell *e = &c->slots[j];
    if (e->term == UINT32_MAX) continue;
    size_t i = cell_hash(e->g, e->term) & (n - 1);
    while (slots[i].term != UINT32_MAX)
      i = (i + 1) & (n - 1);
    slots[i] = *e;
  }
  tn_free(c->slots);
  c->slots = slots;
  c->nslots = n;
  return 0;
}

tn_status scan_cells_add(scan_cells *c, uint32_t g, uint32_t t, uint64_t count,
                         uint32_t docs) {
  if ((c->used + 1) * 2 > c->nslots && grow_cells(c)) return TN_ENOMEM;
  size_t mask = c->nslots - 1, i = cell_hash(g, t) & mask;
  for (; c->slots[i].term != UINT32_MAX; i = (i + 1) & mask)
    if (c->slots[i].g == g && c->slots[i].term == t) {
      c->slots[i].count += count;
      c->slots[i].docs += docs;
      return TN_OK;
    }
  c->slots[i] = (scan_cell){g, t, docs, count};
  c->used++;
  return TN_OK;
}

void scan_cells_free(scan_cells *c) {
  tn_free(c->slots);
  memset(c, 0, sizeof *c);
}

/* Room for `cap` kept tokens. */
static tn_status grow_kept(scan_item *it, size_t cap) {
  uint32_t *f = tn_realloc(it->form, cap * sizeof *f);
  if (!f) return TN_ENOMEM;
  it->form = f;
  uint8_t *k = tn_realloc(it->kind, cap);
  if (!k) return TN_ENOMEM;
  it->kind = k;
  uint8_t *fl = tn_realloc(it->flags, cap);
  if (!fl) return TN_ENOMEM;
  it->flags = fl;
  it->cap = cap;
  return TN_OK;
}

/* Counts the tokens of one batch in three passes, so that the cache
 * misses of a large vocabulary overlap instead of queueing: the first
 * hashes every token and prefetches its slot, the second finds (or adds)
 * each form and prefetches its term's tallies, the third counts. The
 * passes are plain loops over the batch, with what they use in locals:
 * the counting is bound by instructions as much as by memory. */
static tn_status count_batch(scan_worker *w, scan_item *it, const char *text,
                             size_t text_len, const tn_token *toks, size_t n,
                             uint32_t stamp, size_t *ntouched, uint64_t *dtok) {
  uint32_t tags[TOK_BATCH], home[TOK_BATCH];
  uint64_t pre[TOK_BATCH][2];
  scan_fslot *sp[TOK_BATCH];
  /* room for every form of the batch: no slot moves while it is held */
  if (scan_grow_slots(w, w->nforms + n)) return TN_ENOMEM;
  scan_fslot *slots = w->slots;
  size_t mask = w->nslots - 1;
  uint32_t km = w->sc->kinds;
  for (size_t i = 0; i < n; i++) {
    const char *p = text + toks[i].start;
    prefix_of(p, toks[i].len, text_len - toks[i].start, pre[i]);
    tags[i] = tag_of(pre[i], p, toks[i].len);
    home[i] = (uint32_t)((tags[i] >> 8) & mask);
    __builtin_prefetch(&slots[home[i]]);
  }
  for (size_t j = 0; j < n; j++) {
    scan_fslot *e = &slots[home[j]];
    /* the usual case, a form of up to 16 bytes in its home slot */
    if (!(e->tag == tags[j] && e->prefix[0] == pre[j][0] &&
          e->prefix[1] == pre[j][1] && toks[j].len <= 16)) {
      tn_status st = TN_OK;
      e = slot_of(w, text + toks[j].start, toks[j].len, pre[j], tags[j], &st);
      if (!e) return st;
    }
    sp[j] = e;
    if ((e->term & SCAN_ALLOWED) && ((km >> toks[j].kind) & 1u))
      __builtin_prefetch(&w->tdata[e->term & ~SCAN_ALLOWED], 1);
  }
  /* the kept tokens: room for the batch at once */
  if (it->keep && it->ntok + n > it->cap) {
    size_t cap = it->cap ? it->cap : 4096;
    while (cap < it->ntok + n)
      cap *= 2;
    tn_status st = grow_kept(it, cap);
    if (st != TN_OK) return st;
  }
  if (it->ntok + n > UINT32_MAX) return TN_ELIMIT;
  scan_term *tdata = w->tdata; /* after the adds: they may move it */
  uint32_t *touched = w->touched;
  size_t nt = *ntouched, kept = it->ntok;
  uint64_t counted = 0, sentences = 0;
  for (size_t k = 0; k < n; k++) {
    scan_fslot *e = sp[k];
    uint8_t kind = toks[k].kind, flags = toks[k].flags;
    sentences += (flags & TN_TOK_SENT_END) != 0;
    if (it->keep) {
      it->form[kept] = e->id;
      it->kind[kept] = kind;
      it->flags[kept] = flags;
      kept++;
    }
    if (!((km >> kind) & 1u)) continue;
    counted++;
    if (!(e->term & SCAN_ALLOWED)) continue;
    e->count++;
    uint32_t term = e->term & ~SCAN_ALLOWED;
    scan_term *td = &tdata[term];
    if (td->stamp != stamp) {
      td->stamp = stamp;
      td->bag = 0;
      touched[nt++] = term;
    }
    td->bag++;
  }
  if (it->keep) it->ntok = kept;
  *ntouched = nt;
  *dtok += counted;
  w->sentences += sentences;
  return TN_OK;
}

static tn_status grow_groups(scan_worker *w, uint32_t g) {
  if (g < w->gcap) return TN_OK;
  size_t cap = w->gcap;
  if (tn_grow((void **)&w->gtokens, &cap, (size_t)g + 1, sizeof *w->gtokens))
    return TN_ENOMEM;
  memset(w->gtokens + w->gcap, 0, (cap - w->gcap) * sizeof *w->gtokens);
  w->gcap = cap;
  return TN_OK;
}

tn_status scan_count_item(scan_worker *w, scan_item *it) {
  it->worker = w->index;
  if (it->keep) {
    it->doc_tok = tn_malloc((it->last - it->first + 1) * sizeof *it->doc_tok);
    if (!it->doc_tok) return TN_ENOMEM;
    it->doc_tok[0] = 0;
  }
  tn_token toks[TOK_BATCH];
  for (size_t d = it->first; d < it->last; d++) {
    const tn_doc *doc = tn_corpus_doc(it->c, d);
    uint32_t g = it->gid[d - it->first];
    tn_status st = grow_groups(w, g);
    if (st != TN_OK) return st;
    /* the stamp tells this document's bag entries from older ones */
    uint32_t stamp = ++w->doc_stamp;
    size_t ntouched = 0, n = 0;
    uint64_t dtok = 0, before = it->ntok;
    uint8_t last_flags = TN_TOK_SENT_END;
    tn_tok_reset(w->tok, doc->text.ptr ? doc->text.ptr : "", doc->text.len);
    do {
      n = tn_tok_fill(w->tok, toks, TOK_BATCH);
      if (!n) break;
      for (size_t i = 0; i < n; i++)
        if (toks[i].len > UINT32_MAX) return TN_ELIMIT;
      last_flags = toks[n - 1].flags;
      w->tokens += n;
      st = count_batch(w, it, doc->text.ptr, doc->text.len, toks, n, stamp,
                       &ntouched, &dtok);
      if (st != TN_OK) return st;
    } while (n == TOK_BATCH);
    /* a text that does not end its last sentence still holds one */
    if (!(last_flags & TN_TOK_SENT_END)) w->sentences++;
    (void)before;
    w->gtokens[g] += dtok;
    int dense = w->sc->grouped && g < SCAN_DENSE;
    for (size_t i = 0; i < ntouched; i++) {
      uint32_t t = w->touched[i];
      scan_term *td = &w->tdata[t];
      td->count += td->bag;
      td->docs++;
      if (dense) {
        td->gcount[g] += td->bag;
        td->gdocs[g]++;
      } else if (w->sc->grouped &&
                 scan_cells_add(&w->cells, g, t, td->bag, 1) != TN_OK) {
        return TN_ENOMEM;
      }
    }
    if (it->keep) {
      if (it->ntok > UINT32_MAX) return TN_ELIMIT;
      it->doc_tok[d - it->first + 1] = (uint32_t)it->ntok;
    }
  }
  return TN_OK;
}
