/* Unit tests for core/util: buffers, interning, UTF-8, JSON, numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/intern.h"
#include "util/json.h"
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
  assert_int_equal(tn_utf8_valid_prefix("ab\xC0\xAF", 4), 2);      /* overlong */
  assert_int_equal(tn_utf8_valid_prefix("ab\xED\xA0\x80", 5), 2);  /* surrogate */
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
  const char *bad[] = {"{\"a\":}", "[1,2", "{\"a\" 1}", "\"abc", "01", "[1,]",
                       "tru", "{\"a\":\"x\ny\"}"};
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
  assert_int_equal(tn_json_write_string(&out, "zo'n \"quote\"\t\x01 é\xFF", 18), 0);
  assert_string_equal(out.data, "\"zo'n \\\"quote\\\"\\t\\u0001 é\\ufffd\"");
  tn_buf_free(&out);
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_buf_printf),
      cmocka_unit_test(test_double_ignores_locale),
      cmocka_unit_test(test_intern_roundtrip),
      cmocka_unit_test(test_utf8_validation),
      cmocka_unit_test(test_utf8_repair),
      cmocka_unit_test(test_json_strings),
      cmocka_unit_test(test_json_errors),
      cmocka_unit_test(test_json_write_roundtrip),
      cmocka_unit_test(test_alloc_failure_injection),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
