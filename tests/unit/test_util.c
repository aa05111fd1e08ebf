/* Unit tests for core/util: buffers, interning, UTF-8, JSON, numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/json.h"
#include "util/sort.h"
#include "util/utf8.h"

static void test_buf_printf(void **state) {
  (void)state;
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_buf_printf(&b, "%s-%d", "ab", 42), 0);
  assert_string_equal(b.data, "ab-42");
  assert_int_equal(b.len, 5);
  tn_buf_free(&b);
}

static void test_double_ignores_locale(void **state) {
  (void)state;
  char out[64];
  /* Even if an embedder switches LC_NUMERIC to Dutch, 0.5 stays 0.5. */
  if (setlocale(LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    setlocale(LC_NUMERIC, "de_DE.UTF-8");
  tn_format_double(0.5, out, sizeof out);
  assert_string_equal(out, "0.5");
  tn_format_double(3.0, out, sizeof out);
  assert_string_equal(out, "3");
  tn_format_double(-0.0, out, sizeof out);
  assert_string_equal(out, "0");
  tn_format_double(0.1 + 0.2, out, sizeof out);
  assert_string_equal(out, "0.30000000000000004");
  setlocale(LC_NUMERIC, "C");
}

/* A clone answers with the same ids, owns its strings, and grows. */
static void test_intern_clone(void **state) {
  (void)state;
  tn_intern in, copy;
  tn_intern_init(&in);
  char word[32];
  for (int i = 0; i < 3000; i++) {
    int n = snprintf(word, sizeof word, "term%d%s", i, i % 7 ? "" : "-lang");
    assert_int_equal(tn_intern_add(&in, word, (size_t)n), (uint32_t)i);
  }
  assert_int_equal(tn_intern_clone(&copy, &in), TN_OK);
  tn_intern_free(&in); /* the copy must not lean on the original */
  assert_int_equal(tn_intern_count(&copy), 3000);
  for (int i = 0; i < 3000; i++) {
    int n = snprintf(word, sizeof word, "term%d%s", i, i % 7 ? "" : "-lang");
    assert_int_equal(tn_intern_find(&copy, word, (size_t)n), (uint32_t)i);
    assert_string_equal(tn_intern_str(&copy, (uint32_t)i), word);
    assert_int_equal(tn_intern_len(&copy, (uint32_t)i), (size_t)n);
  }
  assert_int_equal(tn_intern_find(&copy, "term3000", 8), TN_INTERN_NONE);
  for (int i = 3000; i < 6000; i++) {
    int n = snprintf(word, sizeof word, "term%d", i);
    assert_int_equal(tn_intern_add(&copy, word, (size_t)n), (uint32_t)i);
  }
  assert_int_equal(tn_intern_add(&copy, "term12", 6), 12);
  tn_intern empty, empty_copy;
  tn_intern_init(&empty);
  assert_int_equal(tn_intern_clone(&empty_copy, &empty), TN_OK);
  assert_int_equal(tn_intern_count(&empty_copy), 0);
  assert_int_equal(tn_intern_find(&empty_copy, "x", 1), TN_INTERN_NONE);
  assert_int_equal(tn_intern_add(&empty_copy, "x", 1), 0);
  tn_intern_free(&empty_copy);
  tn_intern_free(&empty);
  tn_intern_free(&copy);
}

static void test_intern_roundtrip(void **state) {
  (void)state;
  tn_intern in;
  tn_intern_init(&in);
  char word[32];
  for (int i = 0; i < 5000; i++) {
    int n = snprintf(word, sizeof word, "woord%d", i);
    assert_int_equal(tn_intern_add(&in, word, (size_t)n), (uint32_t)i);
  }
  assert_int_equal(tn_intern_add(&in, "woord17", 7), 17);
  assert_int_equal(tn_intern_find(&in, "woord4999", 9), 4999);
  assert_int_equal(tn_intern_find(&in, "woord5000", 9), TN_INTERN_NONE);
  assert_string_equal(tn_intern_str(&in, 123), "woord123");
  assert_int_equal(tn_intern_count(&in), 5000);
  tn_intern_free(&in);
}

static void test_utf8_validation(void **state) {
  (void)state;
  const char good[] = "Reacties op dit artikel: appèl, ‘lerende’ 😀";
  assert_int_equal(tn_utf8_valid_prefix(good, strlen(good)), strlen(good));
  assert_int_equal(tn_utf8_valid_prefix("ab\xC0\xAF", 4), 2); /* overlong */
  assert_int_equal(tn_utf8_valid_prefix("ab\xED\xA0\x80", 5),
                   2); /* surrogate */
  assert_int_equal(tn_utf8_valid_prefix("abcdefghij\0k", 12), 10); /* NUL */
  assert_int_equal(tn_utf8_valid_prefix("x\xF4\x90\x80\x80", 5), 1);
  assert_int_equal(tn_utf8_valid_prefix("caf\xC3", 4), 3); /* truncated */
}

static void test_utf8_repair(void **state) {
  (void)state;
  tn_buf out = TN_BUF_INIT;
  /* a truncated 3-byte sequence is one replacement, not two */
  assert_int_equal(tn_utf8_repair("a\xE2\x82z\xFF", 5, &out), 2);
  assert_string_equal(out.data, "a\xEF\xBF\xBDz\xEF\xBF\xBD");
  tn_buf_free(&out);
}

static void test_json_strings(void **state) {
  (void)state;
  tn_json j;
  const char src[] = "\"a\\u00e9\\ud83d\\ude00\\n\"";
  tn_json_init(&j, src, strlen(src));
  tn_buf scratch = TN_BUF_INIT;
  const char *s;
  size_t n;
  int esc;
  assert_int_equal(tn_json_string(&j, &scratch, &s, &n, &esc), 0);
  assert_true(esc);
  assert_int_equal(n, strlen("aé😀\n"));
  assert_memory_equal(s, "aé😀\n", n);
  tn_buf_free(&scratch);
}

static void test_json_errors(void **state) {
  (void)state;
  const char *bad[] = {"{\"a\":}", "[1,2", "{\"a\" 1}", "\"abc",
                       "01",       "[1,]", "tru",       "{\"a\":\"x\ny\"}"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    tn_json j;
    tn_json_init(&j, bad[i], strlen(bad[i]));
    int rc = tn_json_skip(&j, NULL, NULL);
    if (rc == 0) /* "01" parses as 0 and leaves "1": trailing data */
      assert_int_not_equal(tn_json_peek(&j), TN_JSON_END);
    else
      assert_non_null(j.msg);
  }
}

static void test_json_write_roundtrip(void **state) {
  (void)state;
  tn_buf out = TN_BUF_INIT;
  assert_int_equal(tn_json_write_string(&out, "zo'n \"quote\"\t\x01 é\xFF", 18),
                   0);
  assert_string_equal(out.data, "\"zo'n \\\"quote\\\"\\t\\u0001 é\\ufffd\"");
  tn_buf_free(&out);
}

/* Bad sequences at every position, in and around the 8- and 16-byte ASCII
 * fast paths: the valid prefix ends exactly where they start. */
static void test_utf8_every_position(void **state) {
  (void)state;
  static const char *const bad[] = {"\xFF",
                                    "\xC0\xAF",
                                    "\xE0\x80\xAF",
                                    "\xED\xA0\x80",
                                    "\xF4\x90\x80\x80",
                                    "\xE9z",
                                    "\x80",
                                    ""};
  static const char *const good[] = {"\xC3\xA9", "\xE2\x82\xAC",
                                     "\xF0\x9F\x98\x80"};
  char buf[48];
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    size_t n = k + 1 == sizeof bad / sizeof bad[0] ? 1 : strlen(bad[k]);
    for (size_t pos = 0; pos + n <= 40; pos++) {
      memset(buf, 'a', 40);
      memcpy(buf + pos, bad[k], n); /* the last case: a NUL byte */
      assert_int_equal(tn_utf8_valid_prefix(buf, 40), pos);
    }
  }
  for (size_t k = 0; k < sizeof good / sizeof good[0]; k++) {
    size_t n = strlen(good[k]);
    for (size_t pos = 0; pos + n <= 40; pos++) {
      memset(buf, 'a', 40);
      memcpy(buf + pos, good[k], n);
      assert_int_equal(tn_utf8_valid_prefix(buf, 40), 40);
      /* cut off inside the sequence: invalid from its lead byte */
      assert_int_equal(tn_utf8_valid_prefix(buf, pos + n - 1), pos);
    }
  }
}

static void test_utf8_describe(void **state) {
  (void)state;
  char out[96];
  tn_utf8_describe("\0", 1, out, sizeof out);
  assert_string_equal(out, "a NUL byte");
  tn_utf8_describe("\xC0\xAF", 2, out, sizeof out);
  assert_string_equal(out, "an overlong encoding (0xC0 0xAF)");
  tn_utf8_describe("\xE0\x80\xAF", 3, out, sizeof out);
  assert_string_equal(out, "an overlong encoding (0xE0 0x80)");
  tn_utf8_describe("\xED\xA0\x80", 3, out, sizeof out);
  assert_non_null(strstr(out, "surrogate"));
  tn_utf8_describe("\xF4\x90\x80\x80", 4, out, sizeof out);
  assert_non_null(strstr(out, "above U+10FFFF"));
  tn_utf8_describe("\xFF", 1, out, sizeof out);
  assert_string_equal(out, "byte 0xFF, which never occurs in UTF-8");
  tn_utf8_describe("\x80", 1, out, sizeof out);
  assert_non_null(strstr(out, "continuation byte 0x80"));
  tn_utf8_describe("\xE9 au", 4, out, sizeof out);
  assert_non_null(strstr(out, "byte 0xE9 without its continuation bytes"));
  tn_utf8_describe("\xE2\x82", 2, out, sizeof out);
  assert_string_equal(out, "a sequence cut off by the end (0xE2)");
}

static void test_newlines_to_lf(void **state) {
  (void)state;
  char s[] = "a\r\nb\rc\n\r\rd\r";
  size_t n = tn_newlines_to_lf(s, strlen(s));
  assert_int_equal(n, 10);
  assert_memory_equal(s, "a\nb\nc\n\n\nd\n", n);
  char plain[] = "geen CR";
  assert_int_equal(tn_newlines_to_lf(plain, 7), 7);
}

/* The string scanner reads eight bytes at a time: a quote, backslash or
 * control character at any offset must still stop it. */
static void test_json_string_every_position(void **state) {
  (void)state;
  char buf[64];
  tn_buf scratch = TN_BUF_INIT;
  for (size_t pos = 0; pos < 30; pos++) {
    const char *out;
    size_t len;
    int esc;
    /* "aaa...<pos>" then the end */
    buf[0] = '"';
    memset(buf + 1, 'a', pos);
    buf[1 + pos] = '"';
    memset(buf + 2 + pos, 'x', 20);
    tn_json j;
    tn_json_init(&j, buf, 22 + pos);
    assert_int_equal(tn_json_string(&j, &scratch, &out, &len, &esc), 0);
    assert_int_equal(len, pos);
    assert_int_equal(esc, 0);
    /* an escape at pos */
    memcpy(buf + 1 + pos, "\\n\"", 3);
    tn_json_init(&j, buf, 4 + pos);
    tn_buf_clear(&scratch);
    assert_int_equal(tn_json_string(&j, &scratch, &out, &len, &esc), 0);
    assert_int_equal(len, pos + 1);
    assert_int_equal(out[pos], '\n');
    assert_int_equal(esc, 1);
    /* a raw control character at pos */
    buf[1 + pos] = '\t';
    memset(buf + 2 + pos, 'b', 20);
    buf[22 + pos] = '"';
    tn_json_init(&j, buf, 23 + pos);
    assert_int_equal(tn_json_string(&j, &scratch, &out, &len, &esc), -1);
    assert_int_equal(tn_json_offset(&j), 1 + pos);
  }
  tn_buf_free(&scratch);
}

/* Writing a long non-ASCII string is linear and exact (it once validated
 * the whole rest of the string at every accented letter). */
static void test_json_write_long_text(void **state) {
  (void)state;
  size_t n = 1 << 20;
  char *s = test_malloc(n);
  for (size_t i = 0; i < n; i += 2)
    memcpy(s + i, "\xC3\xA9", 2);
  tn_buf out = TN_BUF_INIT;
  assert_int_equal(tn_json_write_string(&out, s, n), 0);
  assert_int_equal(out.len, n + 2);
  assert_memory_equal(out.data + 1, s, n);
  s[n - 1] = 'x'; /* a cut-off sequence at the end is escaped */
  tn_buf_clear(&out);
  assert_int_equal(tn_json_write_string(&out, s, n), 0);
  assert_memory_equal(out.data + out.len - 8, "\\ufffdx\"", 8);
  tn_buf_free(&out);
  test_free(s);
}

static void test_alloc_failure_injection(void **state) {
  (void)state;
  tn_alloc_fail_after(0);
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_buf_puts(&b, "x"), -1);
  assert_null(b.data);
  tn_alloc_fail_after(-1);
  assert_int_equal(tn_buf_puts(&b, "x"), 0);
  tn_buf_free(&b);
}

/* Pairs with a unique key, compared count descending then key: the
 * total order tn_sort_top needs. */
typedef struct kv {
  uint32_t count, key;
} kv;

static int kv_cmp(const void *x, const void *y) {
  const kv *a = x, *b = y;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return a->key < b->key ? -1 : a->key > b->key;
}

/* tn_sort_top keeps what a full sort and cut keep, on both of its paths
 * (a small top: the selection; a large one: qsort), with many ties. */
static void test_sort_top_matches_full_sort(void **state) {
  (void)state;
  enum { N = 5000 };
  static kv a[N], b[N];
  uint32_t seed = 12345;
  for (size_t i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    a[i] = (kv){(seed >> 16) % 50, (uint32_t)i}; /* counts repeat a lot */
  }
  const size_t tops[] = {0, 1, 2, 5, 20, 1249, 1250, 1251, 4999, 5000, 9000};
  for (size_t t = 0; t < sizeof tops / sizeof *tops; t++)
    for (size_t n = 0; n <= N; n += n < 10 ? 1 : 997) {
      memcpy(b, a, n * sizeof *a);
      size_t k = tn_sort_top(b, n, sizeof *b, tops[t], kv_cmp);
      static kv full[N];
      memcpy(full, a, n * sizeof *a);
      qsort(full, n, sizeof *full, kv_cmp);
      size_t want = tops[t] && n > tops[t] ? tops[t] : n;
      assert_int_equal(k, want);
      assert_memory_equal(b, full, k * sizeof *b);
    }
}

/* tn_sort_front orders the same first elements and keeps every element
 * (a permutation), so a second, longer call orders more of the rest. */
static int kv_by_key(const void *x, const void *y) {
  const kv *a = x, *b = y;
  return a->key < b->key ? -1 : a->key > b->key;
}

static void test_sort_front_keeps_all(void **state) {
  (void)state;
  enum { N = 5000 };
  static kv a[N], b[N], full[N], back[N];
  uint32_t seed = 777;
  for (size_t i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    a[i] = (kv){(seed >> 16) % 50, (uint32_t)i};
  }
  const size_t tops[] = {0, 1, 3, 20, 1249, 1250, 1251, 5000, 9000};
  for (size_t t = 0; t < sizeof tops / sizeof *tops; t++)
    for (size_t n = 0; n <= N; n += n < 10 ? 1 : 997) {
      memcpy(b, a, n * sizeof *a);
      tn_sort_front(b, n, sizeof *b, tops[t], kv_cmp);
      memcpy(full, a, n * sizeof *a);
      qsort(full, n, sizeof *full, kv_cmp);
      size_t k = tops[t] && n > tops[t] ? tops[t] : n;
      assert_memory_equal(b, full, k * sizeof *b);
      /* nothing lost, nothing doubled */
      memcpy(back, b, n * sizeof *b);
      qsort(back, n, sizeof *back, kv_by_key);
      for (size_t i = 0; i < n; i++)
        assert_int_equal(back[i].key, i);
      /* the rest, ordered later, continues the order */
      tn_sort_front(b + k, n - k, sizeof *b, 0, kv_cmp);
      assert_memory_equal(b, full, n * sizeof *b);
    }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sort_top_matches_full_sort),
      cmocka_unit_test(test_sort_front_keeps_all),
      cmocka_unit_test(test_buf_printf),
      cmocka_unit_test(test_double_ignores_locale),
      cmocka_unit_test(test_intern_roundtrip),
      cmocka_unit_test(test_intern_clone),
      cmocka_unit_test(test_utf8_validation),
      cmocka_unit_test(test_utf8_repair),
      cmocka_unit_test(test_json_strings),
      cmocka_unit_test(test_json_errors),
      cmocka_unit_test(test_json_write_roundtrip),
      cmocka_unit_test(test_alloc_failure_injection),
      cmocka_unit_test(test_utf8_every_position),
      cmocka_unit_test(test_utf8_describe),
      cmocka_unit_test(test_newlines_to_lf),
      cmocka_unit_test(test_json_string_every_position),
      cmocka_unit_test(test_json_write_long_text),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
