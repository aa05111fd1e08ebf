/* Unit tests for core/report: the result model and the text, CSV, JSON and
 * Markdown writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>

#include "report/result.h"
#include "util/alloc.h"

/* ---- fixtures: small result trees ---------------------------------------- */

static tn_rvalue *str(tn_result *r, const char *s) {
  return tn_rv_string(r, s, strlen(s));
}

/* A record from alternating key, value pairs (values already built). */
static tn_rvalue *rec(tn_result *r, size_t n, ...) {
  tn_rvalue *v = tn_rv_record(r, n);
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n; i++) {
    const char *k = va_arg(ap, const char *);
    tn_rv_set_key(r, v, i, k, strlen(k));
    v->items[i] = va_arg(ap, tn_rvalue *);
  }
  va_end(ap);
  return v;
}

static tn_rvalue *list(tn_result *r, size_t n, ...) {
  tn_rvalue *v = tn_rv_list(r, n);
  va_list ap;
  va_start(ap, n);
  for (size_t i = 0; i < n; i++) v->items[i] = va_arg(ap, tn_rvalue *);
  va_end(ap);
  return v;
}

/* Renders and compares; the output buffer is freed. */
static void expect(const tn_rvalue *root, tn_report_format f,
                   const char *table, const char *want) {
  tn_buf out = TN_BUF_INIT;
  tn_report_options ro = {table, NULL};
  assert_int_equal(tn_report_write(root, f, &ro, &out, NULL), TN_OK);
  assert_string_equal(out.data ? out.data : "", want);
  tn_buf_free(&out);
}

/* words: a table with declared columns, a wide and an accented word. */
static tn_rvalue *words(tn_result *r) {
  tn_rvalue *l = list(r, 2,
                      rec(r, 2, "word", str(r, "één"), "n", tn_rv_int(r, 12)),
                      rec(r, 3, "word", str(r, "日本"), "n", tn_rv_int(r, 3),
                          "extra", tn_rv_bool(r, 1)));
  const char *cols[] = {"word", "n"};
  tn_rv_set_columns(r, l, cols, 2);
  return l;
}

/* ---- text ---------------------------------------------------------------- */

static void test_text_aligns_by_display_width(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  /* "één" is 3 columns in 5 bytes, "日本" 4 columns in 6 bytes; numbers
   * align right; undeclared keys follow the declared columns, sorted. */
  expect(words(&r), TN_FORMAT_TEXT, NULL,
         "word   n  extra\n"
         "----  --  -----\n"
         "één   12\n"
         "日本   3  true\n");
  tn_result_free(&r);
}

static void test_text_sections_and_fields(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = rec(&r, 3, "title", str(&r, "x"), "rows", words(&r),
                        "totals",
                        rec(&r, 2, "documents", tn_rv_int(&r, 2), "ratio",
                            tn_rv_number(&r, 1.0 / 3)));
  expect(root, TN_FORMAT_TEXT, NULL,
         "title: x\n"
         "\n"
         "== rows ==\n"
         "word   n  extra\n"
         "----  --  -----\n"
         "één   12\n"
         "日本   3  true\n"
         "\n"
         "== totals ==\n"
         "documents: 2\n"
         "ratio:     0.3333\n");
  tn_result_free(&r);
}

static void test_text_cells_on_one_line(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = list(&r, 1, rec(&r, 1, "t", str(&r, "a\nb\tc")));
  expect(root, TN_FORMAT_TEXT, NULL, "t\n-----\na b c\n");
  tn_result_free(&r);
}

static void test_text_wraps_to_width(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = list(
      &r, 1,
      rec(&r, 2, "n", tn_rv_int(&r, 100),
          "text", str(&r, "één twee drie vier vijf zeskantig")));
  tn_report_view view = {NULL, 17};
  tn_buf out = TN_BUF_INIT;
  /* 17 columns: n (3) + 2 + text narrowed to 12; wrapped at spaces, the
   * widths counted in code points ("één" is 3 wide, 5 bytes) */
  assert_int_equal(
      tn_report_render(root, TN_FORMAT_TEXT, NULL, &view, &out, NULL), TN_OK);
  assert_string_equal(out.data, "  n  text\n"
                                "---  ------------\n"
                                "100  één twee\n"
                                "     drie vier\n"
                                "     vijf\n"
                                "     zeskantig\n");
  tn_buf_free(&out);
  /* width 0: one line per row */
  view.width = 0;
  assert_int_equal(
      tn_report_render(root, TN_FORMAT_TEXT, NULL, &view, &out, NULL), TN_OK);
  assert_string_equal(out.data, "  n  text\n"
                                "---  ---------------------------------\n"
                                "100  één twee drie vier vijf zeskantig\n");
  tn_buf_free(&out);
  tn_result_free(&r);
}

/* ---- CSV ----------------------------------------------------------------- */

static void test_csv_rfc4180(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root =
      list(&r, 2, rec(&r, 2, "a", str(&r, "x,y"), "b", str(&r, "say \"hi\"")),
           rec(&r, 2, "a", str(&r, "two\nlines"), "b", tn_rv_null(&r)));
  expect(root, TN_FORMAT_CSV, NULL,
         "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\r\n");
  tn_result_free(&r);
}

static void test_csv_numbers_round_trip_in_any_locale(void **state) {
  (void)state;
  if (!setlocale(LC_NUMERIC, "nl_NL.UTF-8")) setlocale(LC_NUMERIC, "de_DE.UTF-8");
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = list(&r, 1, rec(&r, 2, "x", tn_rv_number(&r, 0.1 + 0.2),
                                    "y", tn_rv_number(&r, 2.5)));
  expect(root, TN_FORMAT_CSV, NULL, "x,y\r\n0.30000000000000004,2.5\r\n");
  expect(root, TN_FORMAT_TEXT, NULL, "  x    y\n---  ---\n0.3  2.5\n");
  setlocale(LC_NUMERIC, "C");
  tn_result_free(&r);
}

static void test_csv_picks_one_table(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = rec(&r, 3, "title", str(&r, "x"), "rows", words(&r),
                        "totals", rec(&r, 1, "documents", tn_rv_int(&r, 2)));
  tn_buf out = TN_BUF_INIT, omitted = TN_BUF_INIT;
  tn_report_options ro = {NULL, &omitted};
  assert_int_equal(tn_report_write(root, TN_FORMAT_CSV, &ro, &out, NULL),
                   TN_OK);
  assert_string_equal(out.data, "word,n,extra\r\néén,12,\r\n日本,3,true\r\n");
  assert_string_equal(omitted.data, "title, totals");
  tn_buf_free(&out);
  tn_buf_free(&omitted);
  expect(root, TN_FORMAT_CSV, "totals", "documents\r\n2\r\n");
  tn_error err;
  tn_error_clear(&err);
  assert_int_equal(tn_report_write(root, TN_FORMAT_CSV,
                                   &(tn_report_options){"nope", NULL}, &out,
                                   &err),
                   TN_EINVAL);
  assert_non_null(strstr(err.message, "title, rows, totals"));
  tn_buf_free(&out);
  tn_result_free(&r);
}

static void test_excel_dialect(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = list(&r, 1, rec(&r, 3, "a", str(&r, "x;y"), "b",
                                    tn_rv_number(&r, 2.5), "c",
                                    str(&r, "1.5 as text")));
  /* ';' separates and forces quotes; only numbers get the decimal comma */
  expect(root, TN_FORMAT_EXCEL, NULL,
         "\xEF\xBB\xBF" "a;b;c\r\n\"x;y\";2,5;1.5 as text\r\n");
  assert_int_equal(tn_report_format_parse("excel"), TN_FORMAT_EXCEL);
  tn_result_free(&r);
}

/* ---- JSON ---------------------------------------------------------------- */

static void test_json_keeps_order_and_columns(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  /* the first row lacks "extra": declared columns come out as null only
   * when declared; an undeclared missing key is simply absent */
  expect(words(&r), TN_FORMAT_JSON, NULL,
         "[\n  {\n    \"word\": \"één\",\n    \"n\": 12\n  },\n"
         "  {\n    \"word\": \"日本\",\n    \"n\": 3,\n    \"extra\": true\n"
         "  }\n]\n");
  tn_result_free(&r);
}

static void test_json_scalars(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = rec(&r, 5, "nan", tn_rv_number(&r, 0.0 / 0.0), "s",
                        str(&r, "a\"\n\\"), "b", tn_rv_bool(&r, 0), "e",
                        tn_rv_list(&r, 0), "o", tn_rv_record(&r, 0));
  expect(root, TN_FORMAT_JSON, NULL,
         "{\n  \"nan\": null,\n  \"s\": \"a\\\"\\n\\\\\",\n  \"b\": false,\n"
         "  \"e\": [],\n  \"o\": {}\n}\n");
  expect(NULL, TN_FORMAT_JSON, NULL, "null\n");
  tn_result_free(&r);
}

/* ---- Markdown ------------------------------------------------------------ */

static void test_md_table_and_escapes(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = rec(
      &r, 2, "rows",
      list(&r, 1, rec(&r, 2, "a", str(&r, "x | y"), "n", tn_rv_int(&r, 1))),
      "total", tn_rv_int(&r, 1));
  expect(root, TN_FORMAT_MD, NULL,
         "## rows\n\n| a | n |\n| --- | ---: |\n| x \\| y | 1 |\n\n"
         "- total: 1\n");
  tn_result_free(&r);
}

/* ---- the model --------------------------------------------------------- */

static void test_model_helpers(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *w = words(&r);
  assert_true(tn_rv_is_table(w));
  assert_true(tn_rv_is_table(tn_rv_list(&r, 0)));
  assert_false(tn_rv_is_table(list(&r, 1, str(&r, "x"))));
  assert_true(tn_rv_is_scalar(NULL));
  assert_false(tn_rv_is_scalar(w));
  assert_int_equal(tn_rv_get(w->items[1], "n")->integer, 3);
  assert_null(tn_rv_get(w->items[0], "extra"));
  assert_int_equal(tn_report_format_parse("markdown"), TN_FORMAT_MD);
  assert_int_equal(tn_report_format_parse("yaml"), -1);
  tn_result_free(&r);
}

/* Every allocation of every writer can fail: the result is TN_ENOMEM, never
 * a crash or a leak (the sanitizer build checks the leaks). */
static void test_writers_survive_oom(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *root = rec(&r, 2, "rows", words(&r), "totals",
                        rec(&r, 1, "n", tn_rv_int(&r, 2)));
  for (int f = TN_FORMAT_TEXT; f <= TN_FORMAT_EXCEL; f++) {
    int failed = 0;
    for (long n = 0; n < 200; n++) {
      tn_buf out = TN_BUF_INIT;
      tn_alloc_fail_after(n);
      tn_status st = tn_report_write(root, (tn_report_format)f, NULL, &out,
                                     NULL);
      tn_alloc_fail_after(-1);
      tn_buf_free(&out);
      if (st == TN_OK) break;
      assert_int_equal(st, TN_ENOMEM);
      failed++;
    }
    assert_true(failed > 0);
  }
  /* wrapping has allocations of its own */
  tn_report_view narrow = {NULL, 12};
  int failed = 0;
  for (long n = 0; n < 400; n++) {
    tn_buf out = TN_BUF_INIT;
    tn_alloc_fail_after(n);
    tn_status st =
        tn_report_render(root, TN_FORMAT_TEXT, NULL, &narrow, &out, NULL);
    tn_alloc_fail_after(-1);
    tn_buf_free(&out);
    if (st == TN_OK) break;
    assert_int_equal(st, TN_ENOMEM);
    failed++;
  }
  assert_true(failed > 0);
  tn_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_text_aligns_by_display_width),
      cmocka_unit_test(test_text_sections_and_fields),
      cmocka_unit_test(test_text_cells_on_one_line),
      cmocka_unit_test(test_text_wraps_to_width),
      cmocka_unit_test(test_csv_rfc4180),
      cmocka_unit_test(test_csv_numbers_round_trip_in_any_locale),
      cmocka_unit_test(test_csv_picks_one_table),
      cmocka_unit_test(test_excel_dialect),
      cmocka_unit_test(test_json_keeps_order_and_columns),
      cmocka_unit_test(test_json_scalars),
      cmocka_unit_test(test_md_table_and_escapes),
      cmocka_unit_test(test_model_helpers),
      cmocka_unit_test(test_writers_survive_oom),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
