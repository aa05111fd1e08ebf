/* The corpus token store, after the Corpus Workbench model: interned
 * vocabularies for form, norm and stem, the token stream as ids with kinds
 * and flags, and document and sentence regions over token positions. */
#ifndef TN_STORE_H
#define TN_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"
#include "util/intern.h"
#include "util/status.h"

/* The three views of a token that analyses count by. */
typedef enum tn_layer {
  TN_LAYER_FORM, /* the surface form exactly as written: "Gemeenten" */
  TN_LAYER_NORM, /* tn_tok_norm of the form: "gemeenten" */
  TN_LAYER_STEM, /* Snowball Dutch stem of the norm (words only): "gemeent" */
  TN_LAYER_COUNT
} tn_layer;

/* "form", "norm", "stem"; and back (-1 when unknown). */
const char *tn_layer_name(tn_layer layer);
int tn_layer_from_name(const char *name);

/* One store per corpus and run. Only the form id is kept per token (4
 * bytes), plus kind, flags and byte offset: norms and stems are functions
 * of the form, held once per form type (form_norm, norm_stem), so memory is
 * about 10 bytes per token plus the vocabularies. Positions are uint32:
 * a store holds at most 4e9 tokens (TN_ELIMIT beyond). */
/* One slot of the form table: the string (NUL-terminated in the
 * vocabulary), 32 bits of its hash and its id, so a lookup touches the
 * slot and the string and nothing else. */
struct tn_store_slot {
  const char *str;
  uint32_t tag, id;
};

/* Per form type, kept while building (one cache line with the kinds): how
 * many tokens have it and the TN_KIND_BIT mask of their kinds. Frequency
 * lists over the whole corpus read these instead of a pass over tokens. */
struct tn_form_stat {
  uint32_t freq;
  uint16_t kinds;
};

typedef struct tn_store {
  tn_intern vocab[TN_LAYER_COUNT];
  uint32_t *form_norm; /* form id -> norm id */
  uint32_t *norm_stem; /* norm id -> stem id */
  size_t map_cap[2];

  uint32_t *form;    /* position -> form id */
  uint8_t *kind;     /* position -> tn_tok_kind */
  uint8_t *flags;    /* position -> TN_TOK_* flags */
  uint32_t *offset;  /* position -> byte offset in its document's text */
  size_t ntokens, cap;

  /* document d covers positions [doc_start[d], doc_start[d + 1]); its
   * sentences are [doc_sent[d], doc_sent[d + 1]) in sent_start. */
  uint32_t *doc_start, *doc_sent;
  size_t ndocs, docs_cap;
  uint32_t *sent_start; /* sentence s covers [sent_start[s], sent_start[s+1]) */
  size_t nsents, sents_cap;

  /* The form lookup of the hot path: open addressing over form ids with a
   * word-at-a-time hash, in front of the vocabulary's own table. */
  struct tn_store_slot *fslots; /* str NULL = empty */
  size_t fnslots;

  /* The inverted index, built on demand by tn_store_index: the positions
   * of form f are idx_pos[idx_start[f] .. idx_start[f + 1]), ascending. */
  uint32_t *idx_start, *idx_pos;
  struct tn_form_stat *form_stat; /* form id -> tokens and their kinds */
  size_t form_stat_cap;

  const tn_corpus *corpus; /* the corpus it was built from (may be NULL) */
  struct sb_stemmer *stemmer;
  int open_doc, open_sent;
} tn_store;

/* ---- building ----------------------------------------------------------- */

/* Tokenizes every document of the corpus (which must outlive the store).
 * Documents keep their corpus index. */
tn_status tn_store_build(tn_store **out, const tn_corpus *corpus,
                         tn_error *err);

/* tn_store_build splits a corpus of at least this many bytes of text over
 * two threads (default 8 MiB); the result is the same either way. For
 * tests. */
void tn_store_set_parallel_threshold(size_t bytes);

/* Building by hand (tests, other tokenizations): new, then per document
 * begin_doc, add tokens, end_doc; then finish. */
tn_status tn_store_new(tn_store **out);
tn_status tn_store_begin_doc(tn_store *s);
tn_status tn_store_add(tn_store *s, const char *form, size_t len,
                       unsigned kind, unsigned flags, size_t offset);
tn_status tn_store_end_doc(tn_store *s);
/* Adds many tokens of the open document at once (faster: the lookups of a
 * batch overlap their cache misses). */
typedef struct tn_store_tok {
  const char *form;
  uint32_t len, offset;
  uint8_t kind, flags;
} tn_store_tok;
tn_status tn_store_add_batch(tn_store *s, const tn_store_tok *t, size_t n);

/* For building in parts (tn_store_build merges the halves it builds on two
 * threads): the id of a form type, added with its norm and stem when new,
 * its statistics added; and b's documents and sentences appended after
 * a's (call before appending b's tokens). */
tn_status tn_store_intern(tn_store *s, const char *form, size_t len,
                          struct tn_form_stat stat, uint32_t *id);
tn_status tn_store_append_regions(tn_store *a, const tn_store *b);
/* Reserves room for `ntokens` more tokens (an estimate saves regrowing). */
tn_status tn_store_reserve(tn_store *s, size_t ntokens);
void tn_store_free(tn_store *s);

/* ---- reading ------------------------------------------------------------ */

/* The id of the token at `pos` in `layer`. */
static inline uint32_t tn_store_id(const tn_store *s, tn_layer layer,
                                   size_t pos) {
  uint32_t f = s->form[pos];
  if (layer == TN_LAYER_FORM) return f;
  uint32_t n = s->form_norm[f];
  return layer == TN_LAYER_NORM ? n : s->norm_stem[n];
}

/* Maps a form id to its id in `layer`. */
static inline uint32_t tn_store_map(const tn_store *s, tn_layer layer,
                                    uint32_t form_id) {
  if (layer == TN_LAYER_FORM) return form_id;
  uint32_t n = s->form_norm[form_id];
  return layer == TN_LAYER_NORM ? n : s->norm_stem[n];
}

static inline const char *tn_store_str(const tn_store *s, tn_layer layer,
                                       uint32_t id) {
  return tn_intern_str(&s->vocab[layer], id);
}

static inline size_t tn_store_vocab_size(const tn_store *s, tn_layer layer) {
  return tn_intern_count(&s->vocab[layer]);
}

/* Builds the inverted index (once; 4 bytes per token more), which makes
 * finding a word's occurrences proportional to their number. */
tn_status tn_store_index(tn_store *s);

/* The document holding position `pos` (binary search). */
size_t tn_store_doc_of(const tn_store *s, size_t pos);

#endif
