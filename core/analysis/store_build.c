/* Building the token store from a corpus through the Dutch tokenizer. */
#include "analysis/store.h"

#include "text/tokenizer.h"

tn_status tn_store_build(tn_store **out, const tn_corpus *corpus,
                         tn_error *err) {
  *out = NULL;
  tn_store *s;
  if (tn_store_new(&s) != TN_OK)
    return tn_error_set(err, TN_ENOMEM, NULL, 0,
                        "out of memory building the token store");
  s->corpus = corpus;
  tn_tokenizer *tok = tn_tok_new();
  if (!tok) {
    tn_store_free(s);
    return tn_error_set(err, TN_ENOMEM, NULL, 0,
                        "out of memory building the token store");
  }
  /* about one token per 5.5 bytes of Dutch text: reserving saves copying
   * the arrays while they grow */
  size_t bytes = 0;
  for (size_t d = 0; d < corpus->ndocs; d++)
    bytes += tn_corpus_doc(corpus, d)->text.len;
  tn_status st = tn_store_reserve(s, bytes / 5 + 16);
  if (st != TN_OK)
    tn_error_set(err, st, NULL, 0, "out of memory building the token store");
  tn_store_tok batch[256];
  for (size_t d = 0; d < corpus->ndocs && st == TN_OK; d++) {
    const tn_doc *doc = tn_corpus_doc(corpus, d);
    st = tn_store_begin_doc(s);
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
    if (st != TN_OK) {
      tn_error_set(err, st, doc->source, doc->line,
                   "document '%s': %s while building the token store",
                   doc->id.ptr ? doc->id.ptr : "?",
                   st == TN_ELIMIT ? "more than 4e9 tokens or a text over 4 GB"
                                   : tn_strerror(st));
    }
  }
  tn_tok_free(tok);
  if (st != TN_OK) {
    tn_store_free(s);
    return st;
  }
  *out = s;
  return TN_OK;
}
