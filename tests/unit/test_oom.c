/* Out of memory: every load path and every core API run again and again
 * with the N-th allocation failing (N = 0, 1, 2, ... until a run succeeds).
 * Each failing run must end in TN_ENOMEM (or the API's documented NULL),
 * never a crash, a leak (the sanitizer build and valgrind check that) or a
 * partial result passed off as a whole one: a run that succeeds must give
 * exactly what a run without injection gives. */
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
#include <zlib.h>

#include "analysis/colloc.h"
#include "analysis/dict.h"
#include "analysis/freq.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/rules.h"
#include "analysis/store.h"
#include "corpus/corpus.h"
#include "lua/runtime.h"
#include "report/result.h"
#include "text/tokenizer.h"
#include "text/unicode.h"
#include "util/alloc.h"
#include "util/json.h"

/* No path of these tests needs more allocations than this. */
#define MAX_FAILURES 200000

typedef tn_status (*op_fn)(void *arg);

/* Runs op with allocation N failing for N = 0, 1, ... until it succeeds;
 * returns how many runs failed. */
static long drive(const char *what, op_fn op, void *arg) {
  for (long n = 0; n < MAX_FAILURES; n++) {
    tn_alloc_fail_after(n);
    tn_status st = op(arg);
    tn_alloc_fail_after(-1);
    if (st == TN_OK) {
      print_message("%s: %ld allocations failed in turn, each cleanly\n", what, n);
      return n;
    }
    if (st != TN_ENOMEM)
      fail_msg("%s: with allocation %ld failing: %s instead of out of memory",
               what, n, tn_strerror(st));
  }
  fail_msg("%s: still failing after %d allocations", what, MAX_FAILURES);
  return -1;
}

/* ---- the files -------------------------------------------------------------- */

static char dir[256];

static const char jsonl[] =
    "{\"id\":\"a1\",\"kind\":\"article\",\"title\":\"Het plein\",\"score\":3.5,"
    "\"tags\":[\"x\",{\"y\":null}],\"text\":\"De gemeente wil het plein "
    "vernieuwen. Bewoners zijn het er niet mee eens!\"}\n"
    "{\"id\":\"c1\",\"kind\":\"comment\",\"parent\":\"a1\",\"author\":\"Jan\","
    "\"text\":\"Ik vind het een goed idee, maar het is te duur.\"}\n"
    "{\"id\":\"c2\",\"parent\":\"c1\",\"text\":\"Nee hoor, \\u00e9\\u00e9n "
    "grote gok \xF0\x9F\x98\x80 bijv. door de bouw.\"}\n"
    "{\"id\":\"c1\",\"text\":\"duplicate\"}\n"
    "{\"id\":\"c3\",\"parent\":\"zz\",\"text\":\"orphan\"}\n"
    "{\"id\":\"c4\",\"text\":\"bad \xC3\x28 byte\"}\n"
    "not json\n";

static const char csv[] =
    "id,text,parent,kind,extra\n"
    "1,\"Het plein, zei hij, \"\"moet\"\" weg.\",,article,x\n"
    "2,Mee eens.,1,comment,\n"
    "3,\"twee\nregels\",1,comment,y\n"
    "2,dubbel,,,\n";

static const char tsv[] =
    "id\ttext\tparent\n"
    "r1\tDe gemeente luistert niet.\t\n"
    "r2\tWel waar!\tr1\n";

static const char txt[] =
    "Het plein\n\nDe gemeente wil het plein vernieuwen.\r\nBewoners zijn "
    "boos.\n";

static void write_file(const char *name, const char *data, size_t len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static void write_gz(const char *name, const char *data, size_t len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  gzFile g = gzopen(path, "wb");
  assert_non_null(g);
  assert_int_equal(gzwrite(g, data, (unsigned)len), (int)len);
  assert_int_equal(gzclose(g), Z_OK);
}

static int make_files(void **state) {
  (void)state;
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/tussen-oom-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) return -1;
  write_file("a.jsonl", jsonl, sizeof jsonl - 1);
  write_file("b.csv", csv, sizeof csv - 1);
  write_file("c.tsv", tsv, sizeof tsv - 1);
  write_file("d.txt", txt, sizeof txt - 1);
  write_gz("e.jsonl.gz", jsonl, sizeof jsonl - 1);
  char sub[512];
  snprintf(sub, sizeof sub, "%s/corpus", dir);
  if (mkdir(sub, 0700) != 0) return -1;
  write_file("corpus/x.jsonl", jsonl, sizeof jsonl - 1);
  snprintf(sub, sizeof sub, "%s/corpus/deeper", dir);
  if (mkdir(sub, 0700) != 0) return -1;
  write_file("corpus/deeper/y.txt", txt, sizeof txt - 1);
  write_file("corpus/deeper/z.tsv", tsv, sizeof tsv - 1);
  static const char script[] =
             "local tussen = require('tussen')\n"
             "return {description = 'oom', run = function(ctx)\n"
             "  local rows = {}\n"
             "  for d in ctx.corpus:docs() do\n"
             "    rows[#rows + 1] = {id = d.id, n = tussen.text.len(d.text),\n"
             "                       up = tussen.text.upper(d.text)}\n"
             "  end\n"
             "  return tussen.table(rows, {'id', 'n', 'up'})\n"
             "end}\n";
  write_file("script.lua", script, sizeof script - 1);
  static const char counts[] =
      "local tussen = require('tussen')\n"
      "return {description = 'oom', run = function(ctx)\n"
      "  local f = ctx.corpus:count({by = 'norm', top = 5})\n"
      "  local k = ctx.corpus:kwic('het', {width = 2})\n"
      "  local ids = {}\n"
      "  for d in ctx.corpus:docs({kind = 'comment'}) do ids[#ids + 1] = d.id end\n"
      "  return tussen.record({freq = f:rows(), kwic = k, ids = table.concat(ids, ' ')},\n"
      "                       {'freq', 'kwic', 'ids'})\n"
      "end}\n";
  write_file("counts.lua", counts, sizeof counts - 1);
  char loads[1024];
  int n = snprintf(loads, sizeof loads,
                   "local tussen = require('tussen')\n"
                   "return {description = 'oom', run = function(ctx)\n"
                   "  local c, err = tussen.corpus.load('%s/corpus')\n"
                   "  if not c then error(err, 0) end\n"
                   "  local n = 0\n"
                   "  for d in c:docs() do n = n + 1 end\n"
                   "  return {docs = n}\n"
                   "end}\n",
                   dir);
  write_file("loads.lua", loads, (size_t)n);
  return 0;
}

static int remove_files(void **state) {
  (void)state;
  static const char *const names[] = {
      "a.jsonl", "b.csv", "c.tsv", "d.txt", "e.jsonl.gz", "script.lua", "counts.lua", "loads.lua",
      "corpus/x.jsonl", "corpus/deeper/y.txt",
      "corpus/deeper/z.tsv"};
  char path[512];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    unlink(path);
  }
  snprintf(path, sizeof path, "%s/corpus/deeper", dir);
  rmdir(path);
  snprintf(path, sizeof path, "%s/corpus", dir);
  rmdir(path);
  rmdir(dir);
  return 0;
}

/* ---- loading ---------------------------------------------------------------- */

typedef struct load_case {
  const char *name;  /* under dir */
  uint64_t read, used, files;
} load_case;

static tn_status load_op(void *arg) {
  const load_case *lc = arg;
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, lc->name);
  const char *paths[] = {path};
  tn_corpus *c = tn_corpus_new();
  if (!c) return TN_ENOMEM;
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load(c, paths, 1, &opts, &r, &err);
  if (st == TN_OK) {
    /* a run that succeeds has lost nothing */
    assert_int_equal(r.read, lc->read);
    assert_int_equal(r.used, lc->used);
    assert_int_equal(c->ndocs, lc->used);
    assert_int_equal(r.files, lc->files);
    assert_int_equal(r.read, r.used + r.skipped);
  } else if (st == TN_ENOMEM) {
    /* the message says so */
    assert_int_equal(err.status, TN_ENOMEM);
    assert_non_null(strstr(err.message, "memory"));
  }
  tn_load_report_free(&r);
  tn_corpus_free(c);
  return st;
}

static void check_load(const char *name, uint64_t read, uint64_t used,
                       uint64_t files) {
  load_case lc = {name, read, used, files};
  long failures = drive(name, load_op, &lc);
  assert_true(failures > 0);
}

static void test_load_jsonl(void **state) {
  (void)state;
  check_load("a.jsonl", 7, 3, 1);
}

static void test_load_csv(void **state) {
  (void)state;
  check_load("b.csv", 4, 3, 1);
}

static void test_load_tsv(void **state) {
  (void)state;
  check_load("c.tsv", 2, 2, 1);
}

static void test_load_text(void **state) {
  (void)state;
  check_load("d.txt", 1, 1, 1);
}

static void test_load_gzip(void **state) {
  (void)state;
  check_load("e.jsonl.gz", 7, 3, 1);
}

static void test_load_directory(void **state) {
  (void)state;
  check_load("corpus", 10, 6, 3);
}

/* ---- a corpus to analyse -------------------------------------------------- */

static tn_corpus *load_reference(void) {
  char path[512];
  snprintf(path, sizeof path, "%s/a.jsonl", dir);
  const char *paths[] = {path};
  tn_corpus *c = tn_corpus_new();
  assert_non_null(c);
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  tn_load_report r;
  tn_load_report_init(&r);
  assert_int_equal(tn_corpus_load(c, paths, 1, &opts, &r, NULL), TN_OK);
  tn_load_report_free(&r);
  return c;
}

/* ---- text ----------------------------------------------------------------- */

static const char dutch[] =
    "\xC3\x89\xC3\x89N Stra\xC3\x9F" "e, \xC4\xB2sselmeer \xE2\x80\x9Cja\xE2\x80\x9D "
    "e\xCC\x81\xC3\xA9 \xEF\xAC\x81 \xF0\x9F\x98\x80 d.w.z. 3,5 miljoen "
    "https://example.nl #plein @gemeente :-) 's-Hertogenbosch";

static tn_status tokenize_op(void *arg) {
  size_t *ntokens = arg;
  tn_tokenizer *tok = tn_tok_new();
  if (!tok) return TN_ENOMEM; /* documented: NULL when memory ran out */
  tn_buf norm = TN_BUF_INIT;
  tn_token t;
  size_t n = 0;
  tn_status st = TN_OK;
  tn_tok_reset(tok, dutch, sizeof dutch - 1);
  while (st == TN_OK && tn_tok_next(tok, &t)) {
    tn_buf_clear(&norm);
    st = tn_tok_norm(dutch + t.start, t.len, &norm);
    n++;
  }
  if (st == TN_OK) assert_int_equal(n, *ntokens);
  tn_buf_free(&norm);
  tn_tok_free(tok);
  return st;
}

static void test_tokenizer(void **state) {
  (void)state;
  /* how many tokens a run without failures gives */
  tn_tokenizer *tok = tn_tok_new();
  assert_non_null(tok);
  tn_token t;
  size_t n = 0;
  tn_tok_reset(tok, dutch, sizeof dutch - 1);
  while (tn_tok_next(tok, &t)) n++;
  tn_tok_free(tok);
  assert_true(n > 10);
  assert_true(drive("tokenizer", tokenize_op, &n) > 0);
}

static tn_status unicode_op(void *arg) {
  (void)arg;
  static const tn_text_map maps[] = {TN_MAP_LOWER, TN_MAP_UPPER,
                                     TN_MAP_CASEFOLD, TN_MAP_NFC, TN_MAP_NFD,
                                     TN_MAP_NFKC};
  for (size_t m = 0; m < sizeof maps / sizeof *maps; m++) {
    tn_buf out = TN_BUF_INIT;
    tn_status st = tn_text_apply(maps[m], dutch, sizeof dutch - 1, &out, NULL);
    if (st == TN_OK) assert_true(out.len > 0);
    tn_buf_free(&out);
    if (st != TN_OK) return st;
  }
  tn_buf out = TN_BUF_INIT;
  int rc = tn_json_write_string(&out, dutch, sizeof dutch - 1);
  tn_buf_free(&out);
  return rc ? TN_ENOMEM : TN_OK;
}

static void test_unicode_and_json(void **state) {
  (void)state;
  assert_true(drive("unicode", unicode_op, NULL) > 0);
}

/* ---- analysis --------------------------------------------------------------- */

typedef struct analysis_case {
  tn_corpus *c;
  tn_store *store; /* built once, for the ops after the store */
  size_t ntokens;
  size_t nrows;
} analysis_case;

static tn_status store_op(void *arg) {
  analysis_case *a = arg;
  tn_store *s = NULL;
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_store_build(&s, a->c, &err);
  if (st == TN_OK) {
    assert_int_equal(s->ntokens, a->ntokens);
    assert_int_equal(s->ndocs, a->c->ndocs);
  } else {
    assert_null(s);
  }
  tn_store_free(s);
  return st;
}

static tn_status freq_op(void *arg) {
  analysis_case *a = arg;
  tn_freq_opts o;
  memset(&o, 0, sizeof o);
  o.filter.by = TN_LAYER_NORM;
  o.group = "kind";
  o.n = 2;
  tn_freq *f = NULL;
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_freq_count(&f, a->store, &o, &err);
  if (st != TN_OK) {
    tn_freq_free(f);
    return st;
  }
  size_t rows = 0;
  for (size_t g = 0; g < f->ngroups; g++) rows += f->groups[g].nrows;
  assert_int_equal(rows, a->nrows);
  tn_buf out = TN_BUF_INIT;
  st = tn_dfm_write(f, TN_DFM_JSON, &out);
  tn_buf_free(&out);
  if (st == TN_OK && f->ngroups >= 2) {
    tn_keyness_opts ko;
    memset(&ko, 0, sizeof ko);
    tn_keyness_row *krows = NULL;
    size_t nk = 0;
    st = tn_keyness(&f->groups[0], &f->groups[1], f, &ko, &krows, &nk);
    tn_free(krows);
  }
  tn_freq_free(f);
  return st;
}

static tn_status dp_op(void *arg) {
  analysis_case *a = arg;
  tn_freq_opts o;
  memset(&o, 0, sizeof o);
  o.filter.by = TN_LAYER_STEM;
  o.group = "id";
  o.forms = 1;
  tn_freq *f = NULL;
  tn_status st = tn_freq_count(&f, a->store, &o, NULL);
  if (st == TN_OK) {
    size_t n = tn_intern_count(&f->terms);
    double *dp = tn_calloc(n, sizeof *dp), *dpn = tn_calloc(n, sizeof *dpn);
    st = dp && dpn ? tn_freq_dp(f, dp, dpn) : TN_ENOMEM;
    tn_free(dp);
    tn_free(dpn);
  }
  tn_freq_free(f);
  return st;
}

static tn_status kwic_op(void *arg) {
  analysis_case *a = arg;
  tn_kwic_opts o;
  memset(&o, 0, sizeof o);
  o.by = TN_LAYER_NORM;
  o.sort = TN_KWIC_LEFT;
  tn_kwic *k = NULL;
  tn_status st = tn_kwic_run(&k, a->store, "het", &o, NULL);
  if (st == TN_OK) assert_true(k->nlines >= 3);
  tn_kwic_free(k);
  if (st != TN_OK) return st;
  tn_colloc_opts co;
  memset(&co, 0, sizeof co);
  co.filter.by = TN_LAYER_NORM;
  tn_colloc *c = NULL;
  st = tn_colloc_run(&c, a->store, "het", &co, NULL);
  if (st == TN_OK) assert_true(c->nrows > 0);
  tn_colloc_free(c);
  return st;
}

static void test_analysis(void **state) {
  (void)state;
  analysis_case a = {load_reference(), NULL, 0, 0};
  assert_int_equal(tn_store_build(&a.store, a.c, NULL), TN_OK);
  a.ntokens = a.store->ntokens;
  tn_freq_opts o;
  memset(&o, 0, sizeof o);
  o.filter.by = TN_LAYER_NORM;
  o.group = "kind";
  o.n = 2;
  tn_freq *f = NULL;
  assert_int_equal(tn_freq_count(&f, a.store, &o, NULL), TN_OK);
  for (size_t g = 0; g < f->ngroups; g++) a.nrows += f->groups[g].nrows;
  tn_freq_free(f);
  assert_true(a.nrows > 0);

  assert_true(drive("store", store_op, &a) > 0);
  /* split over two threads, which then fail in either or both */
  tn_store_set_parallel_threshold(0);
  assert_true(drive("store on two threads", store_op, &a) > 0);
  tn_store_set_parallel_threshold((size_t)8 << 20);
  assert_true(drive("freq, dfm, keyness", freq_op, &a) > 0);
  assert_true(drive("dp", dp_op, &a) > 0);
  assert_true(drive("kwic, collocates", kwic_op, &a) > 0);
  tn_store_free(a.store);
  tn_corpus_free(a.c);
}

static tn_status fold(const char *s, size_t len, tn_buf *out) {
  return tn_text_apply(TN_MAP_CASEFOLD, s, len, out, NULL);
}

static tn_status rules_op(void *arg) {
  size_t *expected = arg;
  tn_dict *d = tn_dict_new(fold);
  if (!d) return TN_ENOMEM;
  static const char scheme[] =
      "category,pattern,weight\n"
      "bouw/plein,plein,1\n"
      "bouw,gemeente*,2\n"
      "oordeel/negatief,\"(niet mee eens|te duur)\",1\n";
  tn_tokstream ts;
  tn_status st = tn_dict_load_csv_buffer(d, "scheme.csv", scheme,
                                         sizeof scheme - 1, NULL);
  if (st != TN_OK) {
    tn_dict_free(d);
    return st;
  }
  st = tn_tokstream_init(&ts, fold);
  if (st != TN_OK) {
    tn_dict_free(d);
    return st;
  }
  static const char text[] =
      "De gemeente wil het plein vernieuwen. Bewoners zijn het er niet mee "
      "eens, want het plein is te duur.";
  tn_matches m;
  tn_matches_init(&m);
  st = tn_tokstream_add_text(&ts, text, sizeof text - 1);
  if (st == TN_OK) {
    tn_tokview v = tn_tokstream_view(&ts);
    st = tn_rules_match(tn_dict_rules(d), &v, &m);
  }
  if (st == TN_OK) {
    if (*expected) assert_int_equal(m.n, *expected);
    *expected = m.n;
    uint64_t *counts = tn_calloc(tn_dict_ncategories(d), sizeof *counts);
    st = counts ? tn_dict_count(d, &m, counts) : TN_ENOMEM;
    tn_free(counts);
  }
  if (st == TN_OK && m.n) {
    tn_tokview v = tn_tokstream_view(&ts);
    tn_buf l = TN_BUF_INIT, x = TN_BUF_INIT, r = TN_BUF_INIT;
    st = tn_match_kwic(&v, text, sizeof text - 1, &m.items[0], 3, &l, &x, &r);
    tn_buf_free(&l);
    tn_buf_free(&x);
    tn_buf_free(&r);
  }
  tn_matches_free(&m);
  tn_tokstream_free(&ts);
  tn_dict_free(d);
  return st;
}

static void test_rules(void **state) {
  (void)state;
  size_t expected = 0;
  assert_int_equal(rules_op(&expected), TN_OK);
  assert_true(expected > 0);
  assert_true(drive("rules, dictionary", rules_op, &expected) > 0);
}

/* ---- the Lua runtime -------------------------------------------------------- */

typedef struct lua_case {
  tn_corpus *c;
  const char *script;
  const char *scripts_dir;
  const char *expect; /* in the JSON output of a run that succeeds */
} lua_case;

static tn_status lua_op(void *arg) {
  lua_case *lc = arg;
  tn_lua_options lo;
  memset(&lo, 0, sizeof lo);
  lo.scripts_dir = lc->scripts_dir;
  lo.quiet = 1;
  tn_script *s = tn_script_new(&lo);
  if (!s) return TN_ENOMEM;
  tn_status st = tn_script_load(s, lc->script);
  tn_result res;
  tn_result_init(&res);
  if (st == TN_OK) st = tn_script_run(s, lc->c, &res);
  if (st == TN_OK) {
    assert_non_null(res.root);
    tn_buf out = TN_BUF_INIT;
    st = tn_report_write(res.root, TN_FORMAT_JSON, NULL, &out, NULL);
    if (st == TN_OK) assert_non_null(strstr(out.data, lc->expect));
    /* and every other writer */
    for (int f = TN_FORMAT_TEXT; f <= TN_FORMAT_MD && st == TN_OK; f++) {
      tn_buf_clear(&out);
      tn_buf omitted = TN_BUF_INIT;
      tn_report_options ro = {NULL, &omitted};
      st = tn_report_write(res.root, (tn_report_format)f, &ro, &out, NULL);
      if (st == TN_OK) assert_true(out.len > 0);
      tn_buf_free(&omitted);
    }
    tn_buf_free(&out);
  } else if (st == TN_ESYNTAX &&
             strstr(tn_script_error(s), "out of memory") != NULL) {
    /* tussen.corpus.load gave nil, "out of memory" (its documented way
     * of failing) and the script raised it */
    st = TN_ENOMEM;
  } else if (st != TN_ENOMEM) {
    /* say what else happened before failing */
    print_message("status %d: %s\n", (int)st, tn_script_error(s));
  }
  tn_result_free(&res);
  tn_script_free(s);
  return st;
}

static void test_lua(void **state) {
  (void)state;
  char path[512];
  snprintf(path, sizeof path, "%s/script.lua", dir);
  lua_case lc = {load_reference(), path, NULL, "\"c2\""};
  assert_true(drive("lua script", lua_op, &lc) > 0);
  snprintf(path, sizeof path, "%s/counts.lua", dir);
  lc.expect = "\"ids\": \"c1\"";
  assert_true(drive("lua counting script", lua_op, &lc) > 0);
  snprintf(path, sizeof path, "%s/loads.lua", dir);
  lc.expect = "\"docs\": 6";
  assert_true(drive("lua script loading a corpus", lua_op, &lc) > 0);
  tn_corpus_free(lc.c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_load_jsonl),   cmocka_unit_test(test_load_csv),
      cmocka_unit_test(test_load_tsv),     cmocka_unit_test(test_load_text),
      cmocka_unit_test(test_load_gzip),    cmocka_unit_test(test_load_directory),
      cmocka_unit_test(test_tokenizer),    cmocka_unit_test(test_unicode_and_json),
      cmocka_unit_test(test_analysis),     cmocka_unit_test(test_rules),
      cmocka_unit_test(test_lua),
  };
  return cmocka_run_group_tests(tests, make_files, remove_files);
}
