/* Unit tests for core/corpus: importers, checks, parents, the report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/idset.h"
#include "util/alloc.h"

typedef struct fixture {
  tn_corpus *c;
  tn_load_report r;
  tn_load_options o;
  tn_error err;
} fixture;

static int setup(void **state) {
  fixture *f = test_calloc(1, sizeof *f);
  f->c = tn_corpus_new();
  tn_load_report_init(&f->r);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  tn_corpus_free(f->c);
  tn_load_report_free(&f->r);
  test_free(f);
  return 0;
}

static tn_status load(fixture *f, const char *name, const char *data) {
  tn_status st = tn_corpus_load_buffer(f->c, name, data, strlen(data), &f->o,
                                       &f->r, &f->err);
  if (st == TN_OK) st = tn_corpus_finish(f->c, &f->o, &f->r);
  return st;
}

static void test_jsonl_fields_and_meta(void **state) {
  fixture *f = *state;
  assert_int_equal(
      load(f, "x.jsonl",
           "{\"id\":\"a\",\"kind\":\"article\",\"text\":\"Hallo \\\"wereld\\\"\","
           "\"title\":\"T\",\"score\":3.5,\"tags\":[1,{\"x\":2}],\"ok\":true}\n"
           "\n"
           "{\"id\":7,\"parent\":\"a\",\"text\":\"Eens!\"}\r\n"),
      TN_OK);
  assert_int_equal(f->c->ndocs, 2);
  const tn_doc *a = tn_corpus_doc(f->c, 0);
  assert_string_equal(a->text.ptr, "Hallo \"wereld\"");
  assert_string_equal(a->kind.ptr, "article");
  assert_int_equal(a->nmeta, 3);
  assert_string_equal(a->meta[0].key.ptr, "score");
  assert_true(a->meta[0].number == 3.5);
  assert_int_equal(a->meta[1].type, TN_VALUE_JSON);
  assert_string_equal(a->meta[1].str.ptr, "[1,{\"x\":2}]");
  assert_int_equal(a->meta[2].type, TN_VALUE_BOOL);
  const tn_doc *b = tn_corpus_doc(f->c, 1);
  assert_string_equal(b->id.ptr, "7");
  assert_int_equal(b->line, 3);
  assert_int_equal(b->parent_index, 0);
  assert_int_equal(a->nchildren, 1);
  assert_int_equal(f->c->children[a->first_child], 1);
  assert_int_equal(f->r.read, 2);
  assert_int_equal(f->r.used, 2);
}

static void test_jsonl_skips_are_counted(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "bad.jsonl",
                        "{\"id\":\"a\",\"text\":\"een\"}\n"
                        "{\"id\":\"a\",\"text\":\"twee\"}\n"
                        "{\"id\":\"b\"}\n"
                        "{\"id\":\"c\",\"text\":\"x\",\"parent\":\"zz\"}\n"
                        "{\"id\":\"d\",\"text\":\"caf\xC3\"}\n"
                        "{\"id\":\"e\",\"text\": }\n"
                        "{\"id\":\"f\",\"text\":[1]}\n"
                        "{\"id\":\"g\",\"text\":\"ok\"}\n"),
                   TN_OK);
  assert_int_equal(f->r.read, 8);
  assert_int_equal(f->r.used, 2);
  assert_int_equal(f->r.skipped, 6);
  assert_int_equal(f->r.read, f->r.used + f->r.skipped);
  assert_int_equal(f->r.by_reason[TN_SKIP_DUPLICATE_ID], 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_MISSING_TEXT], 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_UNKNOWN_PARENT], 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_INVALID_UTF8], 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_BROKEN_RECORD], 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_BAD_FIELD], 1);
  /* the broken line names its byte offset: line 6 starts at byte 139 */
  int found = 0;
  for (size_t i = 0; i < f->r.ndiags; i++)
    if (f->r.diags[i].reason == TN_SKIP_BROKEN_RECORD) {
      assert_int_equal(f->r.diags[i].line, 6);
      assert_true(f->r.diags[i].has_offset);
      found = 1;
    }
  assert_true(found);
  assert_string_equal(tn_corpus_doc(f->c, 1)->id.ptr, "g");
}

static void test_repair_policy(void **state) {
  fixture *f = *state;
  f->o.utf8 = TN_UTF8_REPAIR;
  assert_int_equal(load(f, "r.jsonl", "{\"id\":\"d\",\"text\":\"caf\xC3!\"}\n"),
                   TN_OK);
  assert_int_equal(f->r.used, 1);
  assert_int_equal(f->r.repaired, 1);
  assert_string_equal(tn_corpus_doc(f->c, 0)->text.ptr, "caf\xEF\xBF\xBD!");
}

static void test_parent_cycle(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "cyc.jsonl",
                        "{\"id\":\"a\",\"text\":\"x\",\"parent\":\"b\"}\n"
                        "{\"id\":\"b\",\"text\":\"x\",\"parent\":\"a\"}\n"
                        "{\"id\":\"c\",\"text\":\"x\",\"parent\":\"c\"}\n"
                        "{\"id\":\"d\",\"text\":\"x\",\"parent\":\"a\"}\n"
                        "{\"id\":\"e\",\"text\":\"x\"}\n"),
                   TN_OK);
  assert_int_equal(f->r.by_reason[TN_SKIP_PARENT_CYCLE], 3);
  assert_int_equal(f->r.by_reason[TN_SKIP_UNKNOWN_PARENT], 1);
  assert_int_equal(f->c->ndocs, 1);
  assert_string_equal(tn_corpus_doc(f->c, 0)->id.ptr, "e");
  assert_int_equal(f->r.read, f->r.used + f->r.skipped);
}

static void test_csv_dutch_excel(void **state) {
  fixture *f = *state;
  assert_int_equal(
      load(f, "x.csv",
           "\xEF\xBB\xBFid;Text;parent;score\r\n"
           "1;\"Eerste regel\r\ntweede; met \"\"quote\"\"\";;4,5\r\n"
           "2;Mee eens;1;\r\n"),
      TN_OK);
  assert_int_equal(f->c->ndocs, 2);
  const tn_doc *a = tn_corpus_doc(f->c, 0);
  /* CRLF inside a cell becomes LF, as in text files. */
  assert_string_equal(a->text.ptr, "Eerste regel\ntweede; met \"quote\"");
  assert_null(a->parent.ptr);
  assert_string_equal(a->meta[0].str.ptr, "4,5");
  const tn_doc *b = tn_corpus_doc(f->c, 1);
  assert_int_equal(b->line, 4);
  assert_int_equal(b->parent_index, 0);
}

static void test_csv_unbalanced_quote(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "u.csv",
                        "id,text\n1,goed\n2,\"nooit dicht\n3,weg\n"),
                   TN_OK);
  assert_int_equal(f->r.used, 1);
  assert_int_equal(f->r.by_reason[TN_SKIP_BROKEN_RECORD], 1);
  assert_int_equal(f->r.diags[0].line, 3);
}

static void test_csv_missing_text_column(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "n.csv", "id,body\n1,x\n"), TN_EINVAL);
  assert_non_null(strstr(f->err.message, "--text-column"));
  f->o.text_column = "BODY";
  tn_error_clear(&f->err);
  assert_int_equal(load(f, "n.csv", "id,body\n1,x\n"), TN_OK);
  assert_int_equal(f->c->ndocs, 1);
}

static void test_text_file(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "dir/brief.txt", "Alinea een.\n\nAlinea twee.\n"),
                   TN_OK);
  assert_string_equal(tn_corpus_doc(f->c, 0)->id.ptr, "brief");
  assert_string_equal(tn_corpus_doc(f->c, 0)->text.ptr,
                      "Alinea een.\n\nAlinea twee.\n");
}

/* Messages about a bad byte give its offset in the file (BOM included)
 * and the line it is on, also inside a multi-line CSV field. */
static void test_bad_byte_located_in_file(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "x.csv",
                        "\xEF\xBB\xBFid,text\n"
                        "1,\"twee\nregels en caf\xE9\"\n"
                        "2,goed\n"),
                   TN_OK);
  assert_int_equal(f->r.by_reason[TN_SKIP_INVALID_UTF8], 1);
  const tn_diagnostic *d = &f->r.diags[0];
  assert_int_equal(d->line, 3);
  assert_true(d->has_offset);
  assert_int_equal(d->offset, 32);
  assert_non_null(strstr(d->message, "byte 0xE9"));
  assert_string_equal(d->doc_id, "1");
  assert_int_equal(f->c->ndocs, 1);
}

static void test_jsonl_escape_named(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "x.jsonl",
                        "{\"id\":\"a\",\"text\":\"ok\"}\n"
                        "{\"id\":\"b\",\"text\":\"x\\u0000\"}\n"),
                   TN_OK);
  const tn_diagnostic *d = &f->r.diags[0];
  assert_int_equal(d->line, 2);
  assert_int_equal(d->offset, 23); /* the start of the line */
  assert_non_null(strstr(d->message, "a NUL byte (from a \\u escape)"));
}

/* CR-only line ends, in JSONL and CSV, count as lines. */
static void test_cr_only_lines(void **state) {
  fixture *f = *state;
  assert_int_equal(load(f, "x.jsonl",
                        "{\"id\":\"a\",\"text\":\"1\"}\r\r"
                        "{\"id\":\"b\",\"text\":\"2\"}\r"
                        "{bad\r"),
                   TN_OK);
  assert_int_equal(f->c->ndocs, 2);
  assert_int_equal(tn_corpus_doc(f->c, 1)->line, 3);
  assert_int_equal(f->r.diags[0].line, 4);
  assert_int_equal(f->r.diags[0].offset, 46); /* the "b" of "{bad" */
  assert_int_equal(load(f, "y.csv", "id,text\r3,\"p\rq\"\r4,r\r"), TN_OK);
  assert_int_equal(f->c->ndocs, 4);
  assert_string_equal(tn_corpus_doc(f->c, 2)->text.ptr, "p\nq");
  assert_int_equal(tn_corpus_doc(f->c, 3)->line, 4);
}

/* Under --repair-utf8 the warning says how many sequences were replaced
 * and where the first was. */
static void test_repair_warning(void **state) {
  fixture *f = *state;
  f->o.utf8 = TN_UTF8_REPAIR;
  assert_int_equal(load(f, "x.jsonl", "{\"id\":\"a\",\"text\":\"\xFF-\xFE\"}\n"),
                   TN_OK);
  assert_int_equal(f->r.repaired, 1);
  assert_int_equal(f->r.ndiags, 1);
  assert_int_equal(f->r.diags[0].severity, TN_WARNING);
  assert_int_equal(f->r.diags[0].offset, 18);
  assert_non_null(strstr(f->r.diags[0].message, "replaced 2 invalid"));
  assert_string_equal(tn_corpus_doc(f->c, 0)->text.ptr,
                      "\xEF\xBF\xBD-\xEF\xBF\xBD");
}

/* Every allocation on the load path may fail; each failure must give
 * TN_ENOMEM (or a clean skip) and leak nothing (ASan checks leaks). Run for
 * each importer, with diagnostics, repairs and parents on the path. */
static void oom_until_loaded(const char *name, const char *data,
                             uint64_t want_used, int repair) {
  for (long n = 0; n < 2000; n++) {
    fixture f;
    memset(&f, 0, sizeof f);
    f.o.utf8 = repair ? TN_UTF8_REPAIR : TN_UTF8_REJECT;
    tn_alloc_fail_after(n);
    f.c = tn_corpus_new();
    tn_load_report_init(&f.r);
    tn_status st = TN_ENOMEM;
    if (f.c) st = load(&f, name, data);
    tn_alloc_fail_after(-1);
    assert_true(st == TN_OK || st == TN_ENOMEM);
    assert_int_equal(f.r.read, f.r.used + f.r.skipped);
    int done = st == TN_OK && f.r.used == want_used;
    tn_corpus_free(f.c);
    tn_load_report_free(&f.r);
    if (done) return; /* enough allocations succeeded for a full load */
  }
  fail_msg("%s: the load never succeeded within 2000 allocations", name);
}

static void test_out_of_memory_is_clean(void **state) {
  (void)state;
  oom_until_loaded("m.jsonl",
                   "{\"id\":\"a\",\"text\":\"x\",\"m\":[1],\"k\":\"\\u00e9\"}\n"
                   "{bad\n"
                   "{\"id\":\"b\",\"text\":\"y\\n\",\"parent\":\"a\"}\n"
                   "{\"id\":\"c\",\"text\":\"z\xFF\",\"parent\":\"gone\"}\n",
                   2, 1);
  oom_until_loaded("m.csv",
                   "\xEF\xBB\xBFid;text;parent;extra\r\n"
                   "a;\"een \"\"b\"\"\r\ntwee\";;1\r\n"
                   "b;x;a;2\r\n"
                   "c;\"open\n",
                   2, 0);
  oom_until_loaded("m.txt", "Alinea\r\n\r\nmet caf\xE9.\r\n", 1, 1);
}

/* A corpus of n documents "d1" ... "dn", one per line of `name`. */
static tn_corpus *numbered(const char *name, int n) {
  tn_corpus *c = tn_corpus_new();
  size_t cap = (size_t)n * 40 + 1, len = 0;
  char *data = test_malloc(cap);
  for (int i = 1; i <= n; i++)
    len += (size_t)snprintf(data + len, cap - len,
                            "{\"id\":\"d%d\",\"text\":\"tekst %d\"}\n", i, i);
  tn_load_report r;
  tn_load_report_init(&r);
  static const tn_load_options o;
  tn_error err;
  assert_int_equal(tn_corpus_load_buffer(c, name, data, len, &o, &r, &err),
                   TN_OK);
  assert_int_equal(r.used, (uint64_t)n);
  tn_load_report_free(&r);
  test_free(data);
  return c;
}

/* Ids taken by earlier batches (tn_corpus.prior_ids): a repeat is skipped
 * as a duplicate naming its first use, found after the set has grown past
 * its first index; ids that only share a prefix are not repeats. */
static void test_prior_ids(void **state) {
  fixture *f = *state;
  tn_idset *ids = tn_idset_new();
  assert_non_null(ids);
  tn_corpus *first = numbered("a.jsonl", 3000);
  assert_int_equal(tn_idset_add_corpus(ids, first), TN_OK);
  assert_int_equal(tn_idset_add_corpus(ids, first), TN_OK); /* no change */
  tn_corpus_free(first); /* the set keeps its own copies */
  assert_int_equal(tn_idset_count(ids), 3000);
  const char *src = NULL;
  uint64_t line = 0;
  assert_int_equal(tn_idset_find(ids, "d2999", 5, &src, &line), 1);
  assert_string_equal(src, "a.jsonl");
  assert_int_equal(line, 2999);
  assert_int_equal(tn_idset_find(ids, "d29999", 6, NULL, NULL), 0);
  assert_int_equal(tn_idset_find(ids, "d299", 3, NULL, NULL), 1); /* "d29" */

  f->c->prior_ids = ids;
  assert_int_equal(load(f, "b.jsonl",
                        "{\"id\":\"d17\",\"text\":\"al gebruikt\"}\n"
                        "{\"id\":\"d30001\",\"text\":\"nieuw\"}\n"
                        "{\"id\":\"d\",\"text\":\"nieuw\"}\n"
                        "{\"text\":\"zonder id\"}\n"
                        "{\"id\":\"d3000\",\"text\":\"al gebruikt\"}\n"),
                   TN_OK);
  assert_int_equal(f->r.used, 3);
  assert_int_equal(f->r.skipped, 2);
  assert_int_equal(f->r.by_reason[TN_SKIP_DUPLICATE_ID], 2);
  assert_int_equal(f->r.ndiags, 2);
  assert_int_equal(f->r.diags[0].line, 1);
  assert_string_equal(f->r.diags[0].message,
                      "duplicate id (first used at a.jsonl:17); give each "
                      "document a unique id");
  assert_int_equal(f->r.diags[1].line, 5);
  assert_non_null(strstr(f->r.diags[1].message, "a.jsonl:3000)"));
  assert_int_equal(tn_idset_add_corpus(ids, f->c), TN_OK);
  assert_int_equal(tn_idset_count(ids), 3003);
  assert_int_equal(tn_idset_find(ids, "b.jsonl:4", 9, &src, &line), 1);
  assert_string_equal(src, "b.jsonl");
  assert_int_equal(line, 4);
  f->c->prior_ids = NULL;
  tn_idset_free(ids);
}

/* Out of memory while the set grows: TN_ENOMEM, nothing leaked, and the
 * ids added before still found. */
static void test_prior_ids_out_of_memory(void **state) {
  (void)state;
  tn_corpus *c = numbered("m.jsonl", 1500);
  int done = 0;
  for (int n = 0; n < 200 && !done; n++) {
    tn_alloc_fail_after(n);
    tn_idset *ids = tn_idset_new();
    tn_status st = ids ? tn_idset_add_corpus(ids, c) : TN_ENOMEM;
    tn_alloc_fail_after(-1);
    assert_true(st == TN_OK || st == TN_ENOMEM);
    if (ids && tn_idset_count(ids) > 0)
      assert_int_equal(tn_idset_find(ids, "d1", 2, NULL, NULL), 1);
    done = st == TN_OK && tn_idset_count(ids) == 1500;
    tn_idset_free(ids);
  }
  tn_corpus_free(c);
  assert_true(done);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_jsonl_fields_and_meta, setup, teardown),
      cmocka_unit_test_setup_teardown(test_jsonl_skips_are_counted, setup, teardown),
      cmocka_unit_test_setup_teardown(test_repair_policy, setup, teardown),
      cmocka_unit_test_setup_teardown(test_parent_cycle, setup, teardown),
      cmocka_unit_test_setup_teardown(test_csv_dutch_excel, setup, teardown),
      cmocka_unit_test_setup_teardown(test_csv_unbalanced_quote, setup, teardown),
      cmocka_unit_test_setup_teardown(test_csv_missing_text_column, setup, teardown),
      cmocka_unit_test_setup_teardown(test_text_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_byte_located_in_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_jsonl_escape_named, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cr_only_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_repair_warning, setup, teardown),
      cmocka_unit_test(test_out_of_memory_is_clean),
      cmocka_unit_test_setup_teardown(test_prior_ids, setup, teardown),
      cmocka_unit_test(test_prior_ids_out_of_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
