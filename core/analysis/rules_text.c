/* The token streams' link to the Dutch tokenizer: its norm as the rules'
 * default and whole texts tokenized into a stream. */
#include "analysis/rules.h"
#include "text/tokenizer.h"

tn_status tn_rules_norm_default(const char *s, size_t len, tn_buf *out) {
  return tn_tok_norm(s, len, out);
}

tn_status tn_tokstream_add_text(tn_tokstream *ts, const char *text,
                                size_t len) {
  tn_tokenizer *tok = tn_tok_new();
  if (!tok) return TN_ENOMEM;
  tn_tok_reset(tok, text, len);
  tn_token t;
  tn_status st = TN_OK;
  while (st == TN_OK && tn_tok_next(tok, &t))
    st = tn_tokstream_push(ts, text + t.start, t.len, t.kind, t.flags, t.start);
  tn_tok_free(tok);
  return st;
}
