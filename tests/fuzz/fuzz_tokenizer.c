/* libFuzzer target for the tokenizer (core/text/tokenizer.h) on any bytes:
 * tokens are contiguous runs separated only by whitespace, so they
 * concatenate to the input minus whitespace (fidelity); byte and code
 * point offsets agree; flags are consistent; norms are valid UTF-8; and
 * the same holds when the input arrives in pieces (tn_tok_reset_partial),
 * which must always make progress; tn_tok_fill, in batches of any size,
 * gives the tokens of tn_tok_next. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "text/tokenizer.h"
#include "util/buf.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes a valid sequence at s[i] (NUL allowed); 0 if invalid. */
static size_t seq(const unsigned char *s, size_t i, size_t n, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  size_t len = tn_utf8_valid_prefix((const char *)s + i, n - i > 4 ? 4 : n - i);
  if (len == 0) return 0;
  size_t k = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
  if (len < k) return 0;
  size_t pos = 0;
  *cp = tn_utf8_decode((const char *)s + i, k, &pos);
  return k;
}

/* The tokenizer's whitespace (see tok_class.c). */
static int is_space(int32_t cp) {
  switch (cp) {
  case ' ': case '\t': case '\n': case '\v': case '\f': case '\r':
  case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
  case 0x205F: case 0x3000: case 0xFEFF:
    return 1;
  default:
    return cp >= 0x2000 && cp <= 0x200A;
  }
}

/* Checks the gap s[a..b) is whitespace; returns its code points. */
static size_t check_gap(const unsigned char *s, size_t a, size_t b) {
  size_t cps = 0;
  while (a < b) {
    int32_t cp;
    size_t k = seq(s, a, b, &cp);
    FUZZ_CHECK(k > 0);
    FUZZ_CHECK(is_space(cp));
    a += k;
    cps++;
  }
  return cps;
}

/* Walks all tokens of one reset; returns the end of the last token. */
static size_t walk(tn_tokenizer *tok, const unsigned char *s, size_t size,
                   size_t from, size_t cp_from, size_t *cp_end, int final,
                   tn_buf *norm) {
  tn_token t;
  size_t end = from, cp = cp_from, count = 0;
  uint8_t last_flags = 0;
  while (tn_tok_next(tok, &t)) {
    FUZZ_CHECK(t.len > 0);
    FUZZ_CHECK(t.start >= end && t.start + t.len <= size);
    cp += check_gap(s, end, t.start);
    FUZZ_CHECK(t.cp_start == cp);
    FUZZ_CHECK(t.kind < TN_TOK_KIND_COUNT);
    if (t.flags & TN_TOK_INVALID) {
      FUZZ_CHECK(t.len == 1 && t.cp_len == 1 && t.kind == TN_TOK_SYMBOL);
      int32_t c;
      FUZZ_CHECK(seq(s, t.start, t.start + 1, &c) == 0 || s[t.start] >= 0x80);
    } else {
      /* a valid token: whole sequences, one code point per sequence */
      size_t i = t.start, n = 0;
      while (i < t.start + t.len) {
        int32_t c;
        size_t k = seq(s, i, t.start + t.len, &c);
        FUZZ_CHECK(k > 0);
        FUZZ_CHECK(!is_space(c));
        i += k;
        n++;
      }
      FUZZ_CHECK(n == t.cp_len);
    }
    if (t.flags & TN_TOK_PARA_END) FUZZ_CHECK(t.flags & TN_TOK_SENT_END);
    if (t.flags & TN_TOK_LINE_END) FUZZ_CHECK(t.flags & TN_TOK_SPACE_AFTER ||
                                             t.flags & TN_TOK_PARA_END);
    tn_buf_clear(norm);
    FUZZ_CHECK(tn_tok_norm((const char *)s + t.start, t.len, norm) == TN_OK);
    FUZZ_CHECK(tn_utf8_valid_prefix(norm->data, norm->len) == norm->len ||
               memchr(norm->data, 0, norm->len) != NULL);
    cp += t.cp_len;
    end = t.start + t.len;
    last_flags = t.flags;
    count++;
  }
  if (final) {
    cp += check_gap(s, end, size); /* only whitespace after the last token */
    if (count) FUZZ_CHECK(last_flags & TN_TOK_PARA_END);
  }
  *cp_end = cp;
  return end;
}

/* tn_tok_fill in batches of `batch` against tn_tok_next, field by field. */
static void check_fill(tn_tokenizer *tok, const uint8_t *data, size_t size,
                       size_t batch) {
  tn_token *a = malloc((size + 1) * sizeof *a);
  tn_token *b = malloc((size + batch) * sizeof *b);
  FUZZ_CHECK(a && b);
  size_t na = 0, nb = 0, n;
  tn_tok_reset(tok, (const char *)data, size);
  while (na <= size && tn_tok_next(tok, &a[na]))
    na++;
  tn_tok_reset(tok, (const char *)data, size);
  while ((n = tn_tok_fill(tok, b + nb, batch)) > 0) {
    nb += n;
    FUZZ_CHECK(nb <= size);
    if (n < batch) break; /* fewer only at the end */
  }
  FUZZ_CHECK(tn_tok_fill(tok, b + nb, batch) == 0);
  FUZZ_CHECK(na == nb);
  for (size_t i = 0; i < na; i++)
    FUZZ_CHECK(a[i].start == b[i].start && a[i].len == b[i].len &&
               a[i].cp_start == b[i].cp_start && a[i].cp_len == b[i].cp_len &&
               a[i].kind == b[i].kind && a[i].flags == b[i].flags);
  free(a);
  free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static tn_tokenizer *tok;
  if (!tok) tok = tn_tok_new();
  FUZZ_CHECK(tok != NULL);
  tn_buf norm = TN_BUF_INIT;

  /* whole */
  size_t cp_end;
  tn_tok_reset(tok, (const char *)data, size);
  walk(tok, data, size, 0, 0, &cp_end, 1, &norm);
  check_fill(tok, data, size, size ? 1 + data[size - 1] % 70 : 1);

  /* in pieces, the way `tussen tokenize` streams a file: the first byte
   * picks the piece size */
  if (size > 1) {
    size_t step = 1 + data[0] % 64;
    size_t done = 0;
    while (done < size) {
      size_t have = size - done < step ? size - done : step;
      int final = done + have == size;
      /* grow the piece until the tokenizer can use some of it */
      for (;;) {
        if (final) tn_tok_reset(tok, (const char *)data + done, have);
        else tn_tok_reset_partial(tok, (const char *)data + done, have);
        size_t cp_after;
        walk(tok, data + done, have, 0, 0, &cp_after, final, &norm);
        size_t used = final ? have : tn_tok_consumed(tok);
        FUZZ_CHECK(used <= have);
        if (used > 0 || final) {
          done += used;
          break;
        }
        have = size - done < have + step ? size - done : have + step;
        final = done + have == size;
      }
    }
  }
  tn_buf_free(&norm);
  return 0;
}
