/* Unit tests for the HTML writer (core/report/write_html.c, html_widgets.c)
 * and the Graphviz subprocess (graphviz.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/html.h"
#include "util/alloc.h"

static tn_rvalue *str(tn_result *r, const char *s) {
  return tn_rv_string(r, s, strlen(s));
}

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

static char *render(const tn_rvalue *root) {
  tn_buf out = TN_BUF_INIT;
  tn_report_view view = {"test", 0};
  assert_int_equal(tn_report_render(root, TN_FORMAT_HTML, NULL, &view, &out,
                                    NULL),
                   TN_OK);
  assert_non_null(out.data);
  return out.data; /* tn_free'd by the caller */
}

static void test_escape(void **state) {
  (void)state;
  tn_buf out = TN_BUF_INIT;
  const char in[] = "<a href=\"x\">&'\x01\ttab\nline</a>";
  assert_int_equal(tn_html_escape(&out, in, strlen(in)), 0);
  assert_string_equal(out.data, "&lt;a href=&quot;x&quot;&gt;&amp;&#39; "
                                "\ttab\nline&lt;/a&gt;");
  tn_buf_free(&out);
}

static void test_page_shape(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *row = rec(&r, 2, "w", str(&r, "één <b>"), "n", tn_rv_int(&r, 7));
  tn_rvalue *root = rec(&r, 2, "rows", list(&r, 1, row), "note",
                        str(&r, "a&b"));
  char *page = render(root);
  assert_non_null(strstr(page, "<html lang=\"nl\">"));
  assert_non_null(strstr(page, "<title>tussen: test</title>"));
  assert_non_null(strstr(page, "name=\"viewport\""));
  assert_non_null(strstr(page, "<caption id=\"t2\">rows (1 rij)</caption>"));
  assert_non_null(strstr(page, "<th scope=\"col\" class=\"num\">n</th>"));
  /* undeclared columns in byte order: n, then w; n names the row */
  assert_non_null(strstr(page, "<tr><th scope=\"row\" class=\"num\">7</th>"
                               "<td>één &lt;b&gt;</td></tr>"));
  assert_non_null(strstr(page, "<dt>note</dt><dd>a&amp;b</dd>"));
  assert_null(strstr(page, "<script"));
  tn_free(page);
  /* a whole result that is one string is preformatted text */
  tn_result_free(&r);
  tn_result_init(&r);
  page = render(str(&r, "# kop\n<x>"));
  assert_non_null(strstr(page, "<pre># kop\n&lt;x&gt;</pre>"));
  tn_free(page);
  tn_result_free(&r);
}

static tn_rvalue *bar(tn_result *r, const char *label, double v) {
  return rec(r, 2, "label", str(r, label), "value", tn_rv_number(r, v));
}

static void test_bars_odd_values(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *rows = list(&r, 4, bar(&r, "a", 0.0 / 0.0), bar(&r, "b", 1e308),
                         bar(&r, "c", -2), rec(&r, 1, "label", str(&r, "d")));
  tn_rvalue *w = rec(&r, 3, "widget", str(&r, "bars"), "title", str(&r, "T"),
                     "rows", rows);
  char *page = render(w);
  /* every row drawn, no NaN or inf in the geometry */
  assert_non_null(strstr(page, "<figcaption id=\"c1\">T</figcaption>"));
  assert_null(strstr(page, "nan"));
  assert_null(strstr(page, "inf\""));
  size_t n = 0;
  for (const char *p = page; (p = strstr(p, "<rect x=")); p++) n++;
  assert_int_equal(n, 4);
  tn_free(page);
  /* no rows: a sentence, not an empty chart */
  tn_rvalue *empty = rec(&r, 3, "widget", str(&r, "bars"), "title",
                         str(&r, "Leeg"), "rows", tn_rv_list(&r, 0));
  page = render(empty);
  assert_non_null(strstr(page, "Leeg: geen gegevens"));
  assert_null(strstr(page, "<svg"));
  tn_free(page);
  tn_result_free(&r);
}

static tn_rvalue *mark(tn_result *r, long a, long b, double w) {
  return rec(r, 3, "start", tn_rv_int(r, a), "stop", tn_rv_int(r, b),
             "weight", tn_rv_number(r, w));
}

static void test_marked_spans(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  /* "té goed": t=1, é=2..3, space=4, goed=5..8 */
  tn_rvalue *marks = list(&r, 5, mark(&r, 5, 8, 1), mark(&r, 3, 3, 1),
                          mark(&r, 0, 2, 1), mark(&r, 6, 9, -1),
                          mark(&r, 1, 3, -0.5));
  tn_rvalue *w = rec(&r, 3, "widget", str(&r, "marked"), "text",
                     str(&r, "té goed"), "marks", marks);
  char *page = render(w);
  assert_non_null(strstr(page, "<p class=\"marked\" lang=\"nl\"><mark "
                               "class=\"neg\">té<sup>\xE2\x88\x92" "0.5</sup>"
                               "</mark> <mark class=\"pos\">goed<sup>+1</sup>"
                               "</mark></p>"));
  tn_free(page);
  tn_result_free(&r);
}

/* A stand-in for dot: a shell script in a scratch directory. */
static char dir[64];

static const char *fake_dot(const char *name, const char *body) {
  static char path[128];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, "#!/bin/sh\n%s\n", body);
  fclose(f);
  chmod(path, 0755);
  return path;
}

static int setup(void **state) {
  (void)state;
  strcpy(dir, "/tmp/tussen-html-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

static void test_graphviz_process(void **state) {
  (void)state;
  tn_buf svg = TN_BUF_INIT;
  setenv("TUSSEN_DOT", "none", 1);
  assert_null(tn_graphviz_program());
  assert_int_equal(tn_graphviz_svg("digraph{}", 9, &svg), -1);
  setenv("TUSSEN_DOT", "/nonexistent/dot", 1);
  assert_int_equal(tn_graphviz_svg("digraph{}", 9, &svg), -1);
  assert_int_equal(svg.len, 0);
  /* 4 MB through a program that echoes: both pipes full at once must not
   * stall (the writer reads while it writes) */
  size_t big = 4u << 20;
  char *in = tn_malloc(big);
  assert_non_null(in);
  for (size_t i = 0; i < big; i++) in[i] = (char)('a' + i % 26);
  setenv("TUSSEN_DOT", fake_dot("echo", "cat"), 1);
  assert_int_equal(tn_graphviz_svg(in, big, &svg), 0);
  assert_int_equal(svg.len, big);
  assert_memory_equal(svg.data, in, big);
  tn_buf_clear(&svg);
  /* one that exits without reading: a failure, not a SIGPIPE */
  setenv("TUSSEN_DOT", fake_dot("quit", "exit 0"), 1);
  assert_int_equal(tn_graphviz_svg(in, big, &svg), -1);
  /* one that fails after printing: nothing kept */
  setenv("TUSSEN_DOT", fake_dot("fail", "echo '<svg>'; exit 3"), 1);
  assert_int_equal(tn_graphviz_svg("x", 1, &svg), -1);
  assert_int_equal(svg.len, 0);
  tn_free(in);
  /* a failing dot leaves the outline on the page */
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *g = rec(&r, 3, "widget", str(&r, "graph"), "dot",
                     str(&r, "digraph{a->b}"), "outline",
                     str(&r, "- a\n  - b\n- c\n"));
  char *page = render(g);
  assert_non_null(strstr(page, "<ul>\n<li>a<ul>\n<li>b</li>\n</ul>\n</li>\n"
                               "<li>c</li>\n</ul>\n"));
  assert_null(strstr(page, "class=\"graph\""));
  tn_free(page);
  /* a program that prints SVG: the drawing, without comments or prolog */
  setenv("TUSSEN_DOT",
         fake_dot("svg", "cat >/dev/null; printf '<?xml version=\"1.0\"?>"
                         "\\n<!-- v1 -->\\n<svg width=\"1\"><!-- n --><g/>"
                         "</svg>\\n'"),
         1);
  page = render(g);
  assert_non_null(strstr(page, "<div class=\"graph\" tabindex=\"0\">\n<svg "
                               "width=\"1\" role=\"img\" aria-labelledby=\"g1\">"
                               "<g/></svg>\n</div>"));
  assert_null(strstr(page, "v1"));
  assert_non_null(strstr(page, "<summary>De kaart als lijst</summary>"));
  tn_free(page);
  tn_result_free(&r);
  tn_buf_free(&svg);
  unsetenv("TUSSEN_DOT");
}

static void test_html_survives_oom(void **state) {
  (void)state;
  tn_result r;
  tn_result_init(&r);
  tn_rvalue *marks = list(&r, 1, mark(&r, 1, 2, 1));
  tn_rvalue *root = rec(
      &r, 3, "rows",
      list(&r, 1, rec(&r, 1, "w", rec(&r, 3, "widget", str(&r, "marked"),
                                       "text", str(&r, "ab c"), "marks",
                                       marks))),
      "chart",
      rec(&r, 2, "widget", str(&r, "bars"), "rows",
          list(&r, 2, bar(&r, "x", 1), bar(&r, "y", -1))),
      "map",
      rec(&r, 2, "widget", str(&r, "graph"), "outline", str(&r, "- a\n")));
  setenv("TUSSEN_DOT", "none", 1);
  int failed = 0;
  for (long n = 0; n < 300; n++) {
    tn_buf out = TN_BUF_INIT;
    tn_alloc_fail_after(n);
    tn_status st = tn_report_render(root, TN_FORMAT_HTML, NULL, NULL, &out,
                                    NULL);
    tn_alloc_fail_after(-1);
    tn_buf_free(&out);
    if (st == TN_OK) break;
    assert_int_equal(st, TN_ENOMEM);
    failed++;
  }
  assert_true(failed > 0);
  unsetenv("TUSSEN_DOT");
  tn_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_escape),
      cmocka_unit_test(test_page_shape),
      cmocka_unit_test(test_bars_odd_values),
      cmocka_unit_test(test_marked_spans),
      cmocka_unit_test(test_graphviz_process),
      cmocka_unit_test(test_html_survives_oom),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
