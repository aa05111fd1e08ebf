/* libFuzzer target for the JSON reader and writer (core/util/json.h): any
 * bytes are either one valid value or a located error; a valid value,
 * rewritten through the reader and tn_json_write_string, reads back to
 * the same rewrite (a fixed point); any string the writer makes reads
 * back as the bytes it was given (invalid UTF-8 as U+FFFD). */
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "util/json.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rewrites one value canonically: no whitespace, strings re-escaped by
 * the writer, numbers and literals as in the source. */
static int rewrite(tn_json *j, tn_buf *out, int depth) {
  FUZZ_CHECK(depth <= TN_JSON_MAX_DEPTH + 1);
  tn_buf scratch = TN_BUF_INIT;
  int rc = 0;
  const char *s;
  size_t n;
  tn_json_type t = tn_json_peek(j);
  switch (t) {
  case TN_JSON_END: rc = -1; break;
  case TN_JSON_NULL:
  case TN_JSON_FALSE:
  case TN_JSON_TRUE: {
    const char *at = j->p;
    rc = tn_json_literal(j);
    if (rc == 0) FUZZ_CHECK(tn_buf_append(out, at, (size_t)(j->p - at)) == 0);
    break;
  }
  case TN_JSON_NUMBER: {
    double v;
    rc = tn_json_number(j, &v, &s, &n);
    if (rc == 0) FUZZ_CHECK(tn_buf_append(out, s, n) == 0);
    break;
  }
  case TN_JSON_STRING:
    rc = tn_json_string(j, &scratch, &s, &n, NULL);
    if (rc == 0) FUZZ_CHECK(tn_json_write_string(out, s, n) == 0);
    break;
  case TN_JSON_ARRAY:
  case TN_JSON_OBJECT: {
    char close = t == TN_JSON_ARRAY ? ']' : '}';
    FUZZ_CHECK(tn_buf_putc(out, *j->p) == 0);
    j->p++;
    tn_json_type next = tn_json_peek(j);
    if (j->p < j->end && *j->p == close) {
      j->p++;
      FUZZ_CHECK(tn_buf_putc(out, close) == 0);
      break;
    }
    (void)next;
    j->msg = NULL; /* peek may have complained about the ']' */
    for (int first = 1;; first = 0) {
      if (!first) FUZZ_CHECK(tn_buf_putc(out, ',') == 0);
      if (t == TN_JSON_OBJECT) {
        tn_buf_clear(&scratch);
        if (tn_json_string(j, &scratch, &s, &n, NULL) ||
            tn_json_expect(j, ':')) {
          rc = -1;
          break;
        }
        FUZZ_CHECK(tn_json_write_string(out, s, n) == 0);
        FUZZ_CHECK(tn_buf_putc(out, ':') == 0);
      }
      if (rewrite(j, out, depth + 1)) {
        rc = -1;
        break;
      }
      int more = tn_json_next(j, close);
      if (more < 0) {
        rc = -1;
        break;
      }
      if (!more) break;
    }
    if (rc == 0) FUZZ_CHECK(tn_buf_putc(out, close) == 0);
    break;
  }
  }
  tn_buf_free(&scratch);
  return rc;
}

/* Skips one value and checks that nothing follows it. */
static int whole_value(const char *s, size_t len) {
  tn_json j;
  tn_json_init(&j, s, len);
  const char *src;
  size_t srclen;
  int rc = tn_json_skip(&j, &src, &srclen);
  FUZZ_CHECK(j.p >= j.start && j.p <= j.end);
  if (rc) {
    FUZZ_CHECK(j.msg && j.msg[0]);
    return -1;
  }
  FUZZ_CHECK(src >= s && src + srclen <= s + len);
  return tn_json_peek(&j) == TN_JSON_END && !j.msg ? 0 : -1;
}

static void canon(const char *s, size_t len, tn_buf *out) {
  tn_json j;
  tn_json_init(&j, s, len);
  tn_buf_clear(out);
  FUZZ_CHECK(rewrite(&j, out, 0) == 0);
  FUZZ_CHECK(whole_value(out->data, out->len) == 0);
}

/* The writer: its output is one string whose value is the input, every
 * invalid sequence read back as U+FFFD. */
static void check_writer(const char *s, size_t len) {
  tn_buf lit = TN_BUF_INIT, scratch = TN_BUF_INIT;
  FUZZ_CHECK(tn_json_write_string(&lit, s, len) == 0);
  FUZZ_CHECK(tn_utf8_valid_prefix(lit.data, lit.len) == lit.len);
  tn_json j;
  tn_json_init(&j, lit.data, lit.len);
  const char *back;
  size_t n;
  FUZZ_CHECK(tn_json_string(&j, &scratch, &back, &n, NULL) == 0);
  FUZZ_CHECK(j.p == j.end);
  if (tn_utf8_valid_prefix(s, len) == len) {
    FUZZ_CHECK(n == len && memcmp(back, s, len) == 0);
  } else {
    /* bytes that were valid come back unchanged and in order */
    size_t i = 0, k = 0;
    while (i < len) {
      size_t ok = tn_utf8_valid_prefix(s + i, len - i);
      if (ok == 0 && s[i] == '\0') ok = 1; /* NUL is escaped, not replaced */
      if (ok > 0) {
        FUZZ_CHECK(k + ok <= n && memcmp(back + k, s + i, ok) == 0);
        i += ok;
        k += ok;
      } else {
        FUZZ_CHECK(k + 3 <= n && memcmp(back + k, "\xEF\xBF\xBD", 3) == 0);
        i++;
        k += 3;
      }
    }
    FUZZ_CHECK(k == n);
  }
  tn_buf_free(&lit);
  tn_buf_free(&scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  check_writer(s, size);
  if (whole_value(s, size) == 0) {
    tn_buf c1 = TN_BUF_INIT, c2 = TN_BUF_INIT, c3 = TN_BUF_INIT;
    canon(s, size, &c1);
    canon(c1.data, c1.len, &c2);
    canon(c2.data, c2.len, &c3);
    /* c1 may still hold \ufffd escapes for lone surrogates that c2 keeps
     * as bytes; from c2 on nothing changes */
    FUZZ_CHECK(c2.len == c3.len && memcmp(c2.data, c3.data, c2.len) == 0);
    tn_buf_free(&c1);
    tn_buf_free(&c2);
    tn_buf_free(&c3);
  }
  return 0;
}
