/* Building the token store from a corpus through the Dutch tokenizer: the
 * documents are split in two halves tokenized and interned on two threads,
 * then the second half is merged into the first. Ids come out exactly as a
 * single pass would give them (order of first appearance). */
#include "analysis/store.h"

#include <pthread.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/alloc.h"

/* Below this many bytes of text a second thread costs more than it saves;
 * tests lower it to compare both ways on a small corpus. */
static size_t parallel_bytes = (size_t)8 << 20;

void tn_store_set_parallel_threshold(size_t bytes) { parallel_bytes = bytes; }

typedef struct build_job {
  tn_store *s;
  const tn_corpus *corpus;
  size_t first, last; /* documents [first, last) */
  size_t bytes;
  tn_status st;
  tn_error err;
} build_job;

static void build_range(build_job *j) {
  tn_store *s = j->s;
  const tn_corpus *corpus = j->corpus;
  tn_tokenizer *tok = tn_tok_new();
  /* about one token per 5.5 bytes of Dutch text: reserving saves copying
   * the arrays while they grow */
  j->st = tok ? tn_store_reserve(s, j->bytes / 5 + 16) : TN_ENOMEM;
  if (j->st != TN_OK)
    tn_error_set(&j->err, j->st, NULL, 0,
                 "out of memory building the token store");
  tn_store_tok batch[256];
  for (size_t d = j->first; d < j->last && j->st == TN_OK; d++) {
    const tn_doc *doc = tn_corpus_doc(corpus, d);
    tn_status st = tn_store_begin_doc(s);
    tn_tok_reset(tok, doc->text.ptr ? doc->text.ptr : "", doc->text.len);
    tn_token t;
    size_t n = 0;
    int more = 1;
    while (st == TN_OK && more) {
      more = tn_tok_next(tok, &t);
      if (more) {
        if (t.len > UINT32_MAX || t.start > UINT32_MAX) {
          st = TN_ELIMIT;
          break;
        }
        batch[n++] = (tn_store_tok){doc->text.ptr + t.start, (uint32_t)t.len,
                                    (uint32_t)t.start, t.kind, t.flags};
      }
      if (n == sizeof batch / sizeof *batch || (!more && n)) {
        st = tn_store_add_batch(s, batch, n);
        n = 0;
      }
    }
    if (st == TN_OK) st = tn_store_end_doc(s);
    if (st != TN_OK)
      tn_error_set(&j->err, st, doc->source, doc->line,
                   "document '%s': %s while building the token store",
                   doc->id.ptr ? doc->id.ptr : "?",
                   st == TN_ELIMIT ? "more than 4e9 tokens or a text over 4 GB"
                                   : tn_strerror(st));
    j->st = st;
  }
  tn_tok_free(tok);
}

static void *build_thread(void *arg) {
  build_job *j = arg;
  build_range(j);
  return NULL;
}

/* Appends store b (built from the documents after a's) to a: b's forms are
 * looked up in a (new ones added in b's order, so ids stay in order of
 * first appearance) and its tokens and regions are shifted. */
static tn_status merge(tn_store *a, const tn_store *b) {
  size_t nf = tn_store_vocab_size(b, TN_LAYER_FORM);
  uint32_t *remap = tn_malloc((nf ? nf : 1) * sizeof *remap);
  if (!remap) return TN_ENOMEM;
  tn_status st = TN_OK;
  for (size_t f = 0; f < nf && st == TN_OK; f++)
    st = tn_store_intern(a, tn_store_str(b, TN_LAYER_FORM, (uint32_t)f),
                         tn_intern_len(&b->vocab[TN_LAYER_FORM], (uint32_t)f),
                         b->form_stat[f], &remap[f]);
  if (st == TN_OK && b->ntokens > UINT32_MAX - 1 - a->ntokens) st = TN_ELIMIT;
  if (st == TN_OK) st = tn_store_reserve(a, b->ntokens);
  if (st == TN_OK)
    st = tn_store_append_regions(a, b);
  if (st == TN_OK) {
    size_t base = a->ntokens;
    for (size_t p = 0; p < b->ntokens; p++) a->form[base + p] = remap[b->form[p]];
    memcpy(a->kind + base, b->kind, b->ntokens);
    memcpy(a->flags + base, b->flags, b->ntokens);
    memcpy(a->offset + base, b->offset, b->ntokens * sizeof *b->offset);
    a->ntokens += b->ntokens;
  }
  tn_free(remap);
  return st;
}

tn_status tn_store_build(tn_store **out, const tn_corpus *corpus,
                         tn_error *err) {
  *out = NULL;
  tn_store *s = NULL, *s2 = NULL;
  if (tn_store_new(&s) != TN_OK)
    return tn_error_set(err, TN_ENOMEM, NULL, 0,
                        "out of memory building the token store");
  s->corpus = corpus;
  size_t bytes = 0, half = 0, mid = corpus->ndocs;
  for (size_t d = 0; d < corpus->ndocs; d++)
    bytes += tn_corpus_doc(corpus, d)->text.len;
  build_job a = {s, corpus, 0, corpus->ndocs, bytes, TN_OK, {0}};
  build_job b = {NULL, corpus, 0, 0, 0, TN_OK, {0}};
  pthread_t th;
  int threaded = 0;
  if (bytes >= parallel_bytes && corpus->ndocs >= 2 &&
      tn_store_new(&s2) == TN_OK) {
    /* split where half the text lies behind */
    for (mid = 0; mid < corpus->ndocs && half < bytes / 2; mid++)
      half += tn_corpus_doc(corpus, mid)->text.len;
    if (mid == corpus->ndocs) mid--;
    a.last = mid;
    a.bytes = half;
    b = (build_job){s2, corpus, mid, corpus->ndocs, bytes - half, TN_OK, {0}};
    threaded = pthread_create(&th, NULL, build_thread, &b) == 0;
    if (!threaded) {
      /* no thread to be had: one pass, as for a small corpus */
      tn_store_free(s2);
      s2 = NULL;
      a.last = corpus->ndocs;
      a.bytes = bytes;
    }
  }
  build_range(&a);
  tn_status st = a.st;
  if (threaded) {
    pthread_join(th, NULL);
    if (st == TN_OK && b.st != TN_OK) {
      st = b.st;
      if (err) *err = b.err;
    }
    if (st == TN_OK) {
      st = merge(s, s2);
      if (st != TN_OK)
        tn_error_set(err, st, NULL, 0, "%s while building the token store",
                     st == TN_ELIMIT ? "more than 4e9 tokens"
                                     : tn_strerror(st));
    }
  } else if (st != TN_OK && err) {
    *err = a.err;
  }
  if (st != TN_OK && err && threaded && a.st != TN_OK) *err = a.err;
  tn_store_free(s2);
  if (st != TN_OK) {
    tn_store_free(s);
    return st;
  }
  *out = s;
  return TN_OK;
}
