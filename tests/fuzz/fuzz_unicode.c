/* libFuzzer target for normalisation (core/text/unicode.h): every map,
 * length, width and offset on any bytes, with the invariants a caller
 * relies on: invalid UTF-8 is refused at its first bad byte, results are
 * valid UTF-8, normal forms and case folding are idempotent, NFC(NFD(x))
 * is NFC(x), offsets walk code point boundaries. */
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "text/unicode.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const tn_buf *a, const tn_buf *b) {
  return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* Applies map to in (which must be valid) into out; checks the result. */
static void apply_ok(tn_text_map map, const char *s, size_t len, tn_buf *out) {
  tn_buf_clear(out);
  size_t bad = (size_t)-1;
  FUZZ_CHECK(tn_text_apply(map, s, len, out, &bad) == TN_OK);
  FUZZ_CHECK(bad == (size_t)-1);
  FUZZ_CHECK(tn_utf8_valid_prefix(out->data ? out->data : "", out->len) ==
             out->len);
}

/* map(map(x)) == map(x) */
static void check_idempotent(tn_text_map map, const char *s, size_t len) {
  tn_buf once = TN_BUF_INIT, twice = TN_BUF_INIT;
  apply_ok(map, s, len, &once);
  apply_ok(map, once.data ? once.data : "", once.len, &twice);
  FUZZ_CHECK(same(&once, &twice));
  tn_buf_free(&once);
  tn_buf_free(&twice);
}

static size_t count_code_points(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t valid = tn_utf8_valid_prefix(s, size);
  FUZZ_CHECK(valid <= size);
  static const tn_text_map maps[] = {TN_MAP_LOWER, TN_MAP_UPPER,
                                     TN_MAP_CASEFOLD, TN_MAP_NFC,
                                     TN_MAP_NFD, TN_MAP_NFKC};
  if (valid < size) {
    /* Refused, at the first bad byte, leaving out as it was. */
    for (size_t m = 0; m < sizeof maps / sizeof *maps; m++) {
      tn_buf out = TN_BUF_INIT;
      size_t bad = (size_t)-1;
      FUZZ_CHECK(tn_text_apply(maps[m], s, size, &out, &bad) == TN_EUTF8);
      FUZZ_CHECK(bad == valid);
      FUZZ_CHECK(out.len == 0);
      tn_buf_free(&out);
    }
    FUZZ_CHECK(tn_text_len(s, size) == -1);
    FUZZ_CHECK(tn_text_width(s, size) == -1);
    /* the valid prefix is text like any other */
    size = valid;
  }

  size_t n = count_code_points(s, size);
  FUZZ_CHECK(tn_text_len(s, size) == (long)n);
  long width = tn_text_width(s, size);
  FUZZ_CHECK(width >= 0 && (size_t)width <= 2 * n);
  size_t prev = 0;
  for (size_t i = 0; i <= n + 1; i++) {
    size_t off = tn_text_offset(s, size, i);
    FUZZ_CHECK(off <= size);
    FUZZ_CHECK(i == 0 ? off == 0 : off > prev || (i > n && off == size));
    FUZZ_CHECK(off == size || ((unsigned char)s[off] & 0xC0) != 0x80);
    FUZZ_CHECK(i < n || off == size);
    prev = off;
  }

  for (size_t m = 0; m < sizeof maps / sizeof *maps; m++)
    check_idempotent(maps[m], s, size);

  /* NFC(NFD(x)) == NFC(x); appending keeps what the buffer held. */
  tn_buf nfc = TN_BUF_INIT, nfd = TN_BUF_INIT, back = TN_BUF_INIT;
  apply_ok(TN_MAP_NFC, s, size, &nfc);
  apply_ok(TN_MAP_NFD, s, size, &nfd);
  apply_ok(TN_MAP_NFC, nfd.data ? nfd.data : "", nfd.len, &back);
  FUZZ_CHECK(same(&nfc, &back));
  FUZZ_CHECK(tn_buf_puts(&back, "x") == 0);
  size_t held = back.len;
  FUZZ_CHECK(tn_text_apply(TN_MAP_NFC, s, size, &back, NULL) == TN_OK);
  FUZZ_CHECK(back.len == held + nfc.len &&
             memcmp(back.data + held, nfc.data ? nfc.data : "", nfc.len) == 0);
  tn_buf_free(&nfc);
  tn_buf_free(&nfd);
  tn_buf_free(&back);
  return 0;
}
