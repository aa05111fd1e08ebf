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
  /* Room for the tokens up front (Dutch averages over 5 bytes a token):
   * growing by doubling would copy the arrays several times. */
  tn_status st = tn_tokstream_reserve(ts, ts->n + len / 5 + 16);
  if (st != TN_OK) {
    tn_tok_free(tok);
    return st;
  }
  tn_tok_reset(tok, text, len);
  tn_token t;
  while (st == TN_OK && tn_tok_next(tok, &t))
    st = tn_tokstream_push(ts, text + t.start, t.len, t.kind, t.flags, t.start);
  tn_tok_free(tok);
  return st;
}

tn_status tn_tokfeed_start(tn_tokfeed *f, const char *text, size_t len) {
  if (!f->tok) f->tok = tn_tok_new();
  if (!f->tok) return TN_ENOMEM;
  tn_tok_reset(f->tok, text, len);
  f->text = text;
  f->started = 1;
  f->done = 0;
  return TN_OK;
}

int tn_tokfeed_next(tn_tokfeed *f, tn_tokstream *ts, size_t min_tokens) {
  tn_tokstream_clear(ts);
  if (!f->started || f->done) return 0;
  tn_token t;
  const char *text = f->text;
  for (;;) {
    if (!tn_tok_next(f->tok, &t)) {
      f->done = 1;
      break;
    }
    tn_status st = tn_tokstream_push(ts, text + t.start, t.len, t.kind, t.flags, t.start);
    if (st < 0) return st;
    if ((t.flags & TN_TOK_SENT_END) && ts->n >= min_tokens) break;
  }
  return ts->n > 0;
}

void tn_tokfeed_free(tn_tokfeed *f) {
  if (f->tok) tn_tok_free(f->tok);
  f->tok = NULL;
  f->started = f->done = 0;
}
