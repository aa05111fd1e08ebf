/* Regressions found by the fuzz targets (tests/fuzz/): each test is the
 * smallest case of a finding, named after the target that found it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "analysis/colloc.h"
#include "analysis/freq.h"
#include "analysis/kwic.h"
#include "analysis/store.h"
#include "corpus/corpus.h"

static tn_corpus *one_doc(const char *text) {
  tn_corpus *c = tn_corpus_new();
  assert_non_null(c);
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_doc_input in;
  memset(&in, 0, sizeof in);
  in.id = (tn_str){"d", 1};
  in.text = (tn_str){text, strlen(text)};
  in.source = "test";
  assert_int_equal(tn_corpus_add(c, &in, &opts, &r), TN_OK);
  assert_int_equal(tn_corpus_finish(c, &opts, &r), TN_OK);
  assert_int_equal(c->ndocs, 1);
  tn_load_report_free(&r);
  return c;
}

static size_t kwic_total(const tn_store *s, const char *query, int literal) {
  tn_kwic_opts o;
  memset(&o, 0, sizeof o);
  o.by = TN_LAYER_NORM;
  o.literal = literal;
  tn_kwic *k = NULL;
  assert_int_equal(tn_kwic_run(&k, s, query, &o, NULL), TN_OK);
  size_t total = k->total;
  tn_kwic_free(k);
  return total;
}

/* fuzz_store: an exact (literal) KWIC query still read '*', '?' and '\'
 * as wildcards, so "?" found every one-character term and a term with a
 * backslash found nothing, though the frequency list counted them. */
static void test_store_literal_query_is_exact(void **state) {
  (void)state;
  tn_corpus *c = one_doc("Wat? Ja! O ja? a\\b * E\\");
  tn_store *s = NULL;
  assert_int_equal(tn_store_build(&s, c, NULL), TN_OK);
  assert_int_equal(kwic_total(s, "?", 1), 2);
  assert_int_equal(kwic_total(s, "*", 1), 1);
  assert_int_equal(kwic_total(s, "a\\b", 1), 1);
  assert_int_equal(kwic_total(s, "\\", 1), 1);
  /* as a wildcard, "?" is any one character: ? ! o ? * e \ */
  assert_int_equal(kwic_total(s, "?", 0), 7);
  /* collocates take the node the same way */
  tn_colloc_opts co;
  memset(&co, 0, sizeof co);
  co.filter.by = TN_LAYER_NORM;
  co.literal = 1;
  tn_colloc *coll = NULL;
  assert_int_equal(tn_colloc_run(&coll, s, "?", &co, NULL), TN_OK);
  assert_int_equal(coll->f_node, 2);
  tn_colloc_free(coll);
  tn_store_free(s);
  tn_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_store_literal_query_is_exact),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
