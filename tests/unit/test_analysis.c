/* Unit tests for core/analysis: the token store, frequency lists, filters,
 * n-grams, KWIC, collocations, keyness, dispersion and the DFM export.
 * Every formula is checked against values worked out by hand in the
 * comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/colloc.h"
#include "analysis/freq.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/store.h"
#include "corpus/corpus.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

/* ---- helpers ------------------------------------------------------------ */

static void near(double got, double want, double eps, int line) {
  if (fabs(got - want) > eps) {
    fail_msg("line %d: got %.9f, want %.9f (+/- %g)", line, got, want, eps);
  }
}
#define NEAR(got, want) near((got), (want), 1e-6, __LINE__)

/* Builds a store from documents written as space-separated tokens. A token
 * of punctuation characters is PUNCT, of digits NUMBER, else WORD. ". ! ?"
 * end a sentence; a word ending in '$' ends one too (the '$' is dropped).
 * Spacing: a space follows every token except one before punctuation. */
static tn_status build(tn_store **out, const char *const *docs, size_t n) {
  tn_store *s;
  tn_status st = tn_store_new(&s);
  if (st != TN_OK) return st;
  for (size_t d = 0; d < n && st == TN_OK; d++) {
    st = tn_store_begin_doc(s);
    const char *p = docs[d];
    size_t off = 0;
    while (st == TN_OK && *p) {
      while (*p == ' ') p++, off++;
      if (!*p) break;
      const char *e = p;
      while (*e && *e != ' ') e++;
      size_t len = (size_t)(e - p);
      unsigned flags = 0, kind = TN_TOK_WORD;
      if (strspn(p, ".,!?;:()") >= len) kind = TN_TOK_PUNCT;
      else if (strspn(p, "0123456789") >= len) kind = TN_TOK_NUMBER;
      if (kind == TN_TOK_PUNCT && strchr(".!?", *p)) flags |= TN_TOK_SENT_END;
      if (p[len - 1] == '$') {
        flags |= TN_TOK_SENT_END;
        len--;
      }
      const char *next = e;
      while (*next == ' ') next++;
      if (*next && !strchr(".,!?;:()", *next)) flags |= TN_TOK_SPACE_AFTER;
      st = tn_store_add(s, p, len, kind, flags, off);
      off += (size_t)(e - p);
      p = e;
    }
    if (st == TN_OK) st = tn_store_end_doc(s);
  }
  if (st != TN_OK) {
    tn_store_free(s);
    return st;
  }
  *out = s;
  return TN_OK;
}

static tn_store *must_build(const char *const *docs, size_t n) {
  tn_store *s = NULL;
  assert_int_equal(build(&s, docs, n), TN_OK);
  return s;
}

#define WORDS TN_KIND_BIT(TN_TOK_WORD)

static tn_freq *count(const tn_store *s, const tn_freq_opts *o) {
  tn_freq *f = NULL;
  tn_error err;
  tn_status st = tn_freq_count(&f, s, o, &err);
  if (st != TN_OK) fail_msg("tn_freq_count: %s", err.message);
  return f;
}

/* "term:count:docs term:count:docs ..." of one group, for compact checks. */
static const char *rows_str(const tn_freq_group *g) {
  static char buf[1024];
  size_t n = 0;
  buf[0] = 0;
  for (size_t i = 0; i < g->nrows && n < sizeof buf - 64; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s:%llu:%u",
                          i ? " " : "", g->rows[i].term,
                          (unsigned long long)g->rows[i].count,
                          g->rows[i].docs);
  return buf;
}

/* ---- the store ---------------------------------------------------------- */

static void test_store_layers_and_regions(void **state) {
  (void)state;
  const char *docs[] = {"De ambtenaren werken . de Ambtenaren werkten !",
                        "", "Werken ?"};
  tn_store *s = must_build(docs, 3);
  assert_int_equal(s->ntokens, 10);
  assert_int_equal(s->ndocs, 3);
  /* forms: De ambtenaren werken . de Ambtenaren werkten ! Werken ? */
  assert_int_equal(tn_store_vocab_size(s, TN_LAYER_FORM), 10);
  /* norms fold case: de ambtenaren werken . werkten ! ? */
  assert_int_equal(tn_store_vocab_size(s, TN_LAYER_NORM), 7);
  assert_int_equal(tn_store_id(s, TN_LAYER_NORM, 0),
                   tn_store_id(s, TN_LAYER_NORM, 4));
  assert_string_equal(tn_store_str(s, TN_LAYER_NORM,
                                   tn_store_id(s, TN_LAYER_NORM, 5)),
                      "ambtenaren");
  /* Snowball Dutch: werken -> werk, werkten -> werkt (it strips -en, not
   * the past tense); ambtenaren and Ambtenaren share "ambtenar" */
  assert_string_equal(
      tn_store_str(s, TN_LAYER_STEM, tn_store_id(s, TN_LAYER_STEM, 2)), "werk");
  assert_string_equal(
      tn_store_str(s, TN_LAYER_STEM, tn_store_id(s, TN_LAYER_STEM, 6)),
      "werkt");
  assert_int_equal(tn_store_id(s, TN_LAYER_STEM, 1),
                   tn_store_id(s, TN_LAYER_STEM, 5));
  assert_int_equal(tn_store_vocab_size(s, TN_LAYER_STEM), 7);
  /* regions: doc 0 = [0,8), doc 1 empty, doc 2 = [8,10) */
  assert_int_equal(s->doc_start[1], 8);
  assert_int_equal(s->doc_start[2], 8);
  assert_int_equal(s->doc_start[3], 10);
  assert_int_equal(tn_store_doc_of(s, 7), 0);
  assert_int_equal(tn_store_doc_of(s, 8), 2);
  assert_int_equal(s->nsents, 3);
  assert_int_equal(s->sent_start[1], 4);
  assert_int_equal(s->doc_sent[2], 2);
  assert_int_equal(s->offset[1], 3);
  tn_store_free(s);
}

static void test_store_misuse(void **state) {
  (void)state;
  tn_store *s;
  assert_int_equal(tn_store_new(&s), TN_OK);
  assert_int_equal(tn_store_add(s, "x", 1, TN_TOK_WORD, 0, 0), TN_EINVAL);
  assert_int_equal(tn_store_end_doc(s), TN_EINVAL);
  assert_int_equal(tn_store_begin_doc(s), TN_OK);
  assert_int_equal(tn_store_begin_doc(s), TN_EINVAL);
  assert_int_equal(tn_store_add(s, "x", 1, TN_TOK_KIND_COUNT, 0, 0),
                   TN_EINVAL);
  tn_store_free(s);
  assert_string_equal(tn_layer_name(TN_LAYER_STEM), "stem");
  assert_int_equal(tn_layer_from_name("norm"), TN_LAYER_NORM);
  assert_int_equal(tn_layer_from_name("lemma"), -1);
}

/* ---- filters ------------------------------------------------------------ */

static void test_glob(void **state) {
  (void)state;
#define G(p, s) tn_glob_match(p, strlen(p), s, strlen(s))
  assert_true(G("ambtena*", "ambtenaren"));
  assert_true(G("ambtena*", "ambtena"));
  assert_false(G("ambtena*", "ambtelijk"));
  assert_true(G("*zorg*", "welzijnszorgsector"));
  assert_true(G("?ee", "zee"));
  assert_false(G("?ee", "één"));
  assert_true(G("?én", "één"));          /* ? is one code point */
  assert_true(G("a*b*c", "aXbYbZc"));
  assert_false(G("a*b*c", "aXbYbZ"));
  assert_true(G("\\*", "*"));
  assert_false(G("\\*", "x"));
  assert_true(G("*", ""));
  assert_false(G("", "x"));
#undef G
  assert_true(tn_glob_has_wildcard("a*", 2));
  assert_false(tn_glob_has_wildcard("a\\*", 3));
}

static void test_stopwords_parse(void **state) {
  (void)state;
  tn_stopwords sw;
  tn_stopwords_init(&sw);
  tn_error err;
  const char *list = "# Dutch articles\nde\n  Het  # neuter\n\n\teen\r\n";
  assert_int_equal(tn_stopwords_parse(&sw, "sw.txt", list, strlen(list), &err),
                   TN_OK);
  assert_true(tn_stopwords_has(&sw, "de", 2));
  assert_true(tn_stopwords_has(&sw, "het", 3)); /* stored normalised */
  assert_true(tn_stopwords_has(&sw, "een", 3));
  assert_false(tn_stopwords_has(&sw, "#", 1));
  assert_int_equal(tn_intern_count(&sw.set), 3);
  const char *bad = "de\nh\xff" "et\n";
  assert_int_equal(tn_stopwords_parse(&sw, "bad.txt", bad, strlen(bad), &err),
                   TN_EUTF8);
  assert_int_equal(err.line, 2);
  assert_int_equal(err.offset, 4);
  assert_string_equal(err.file, "bad.txt");
  assert_int_equal(tn_stopwords_load(&sw, "/nonexistent/sw.txt", &err), TN_EIO);
  tn_stopwords_free(&sw);
}

static void test_kinds_parse(void **state) {
  (void)state;
  uint32_t m;
  tn_error err;
  assert_int_equal(tn_kinds_parse("word, number", &m, &err), TN_OK);
  assert_int_equal(m, TN_KIND_BIT(TN_TOK_WORD) | TN_KIND_BIT(TN_TOK_NUMBER));
  assert_int_equal(tn_kinds_parse("wrod", &m, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "'wrod'"));
}

/* ---- counting ----------------------------------------------------------- */

static const char *const cat_docs[] = {"de kat zit op de mat .",
                                       "De hond zit , 3 keer ."};

static void test_freq_unigrams(void **state) {
  (void)state;
  tn_store *s = must_build(cat_docs, 2);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS}};
  tn_freq *f = count(s, &o);
  assert_int_equal(f->ngroups, 1);
  assert_string_equal(f->groups[0].name, "all");
  /* words: 6 in doc 1, 4 in doc 2 ("De hond zit keer") */
  assert_int_equal(f->groups[0].tokens, 10);
  /* count descending, then term ascending */
  assert_string_equal(rows_str(&f->groups[0]),
                      "de:3:2 zit:2:2 hond:1:1 kat:1:1 keer:1:1 mat:1:1 "
                      "op:1:1");
  tn_freq_free(f);

  /* by form keeps case apart; kinds = all counts punctuation and numbers */
  o.filter.by = TN_LAYER_FORM;
  o.filter.kinds = TN_KINDS_ALL;
  o.min_count = 2;
  f = count(s, &o);
  assert_int_equal(f->groups[0].tokens, 14);
  assert_string_equal(rows_str(&f->groups[0]), ".:2:2 de:2:1 zit:2:2");
  tn_freq_free(f);
  tn_store_free(s);
}

static void test_freq_filters(void **state) {
  (void)state;
  tn_store *s = must_build(cat_docs, 2);
  tn_stopwords sw;
  tn_stopwords_init(&sw);
  assert_int_equal(tn_stopwords_add(&sw, "DE", 2), TN_OK);
  assert_int_equal(tn_stopwords_add(&sw, "op", 2), TN_OK);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS,
                               .stop = &sw}};
  tn_freq *f = count(s, &o);
  /* stopwords leave the sample size alone */
  assert_int_equal(f->groups[0].tokens, 10);
  assert_string_equal(rows_str(&f->groups[0]),
                      "zit:2:2 hond:1:1 kat:1:1 keer:1:1 mat:1:1");
  tn_freq_free(f);

  o.filter.stop = NULL;
  o.filter.min_len = 4;
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]), "hond:1:1 keer:1:1");
  tn_freq_free(f);

  o.filter.min_len = 0;
  o.filter.max_len = 2;
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]), "de:3:2 op:1:1");
  tn_freq_free(f);

  o.filter.max_len = 0;
  o.filter.glob = "*at";
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]), "kat:1:1 mat:1:1");
  tn_freq_free(f);

  o.filter.glob = NULL;
  o.filter.regex = "^[hk]";
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]), "hond:1:1 kat:1:1 keer:1:1");
  tn_freq_free(f);

  o.filter.regex = "([";
  tn_error err;
  f = NULL;
  assert_int_equal(tn_freq_count(&f, s, &o, &err), TN_EINVAL);
  assert_null(f);
  assert_non_null(strstr(err.message, "bad regular expression '(['"));

  o.filter.regex = NULL;
  o.top = 1;
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]), "de:3:2");
  tn_freq_free(f);

  o.top = 0;
  o.n = 6;
  assert_int_equal(tn_freq_count(&f, s, &o, &err), TN_EINVAL);
  assert_string_equal(err.message, "n must be between 1 and 5, not 6");
  tn_stopwords_free(&sw);
  tn_store_free(s);
}

static void test_freq_groups(void **state) {
  (void)state;
  tn_store *s = must_build(cat_docs, 2);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS},
                    .group = "id"};
  tn_freq *f = count(s, &o);
  assert_int_equal(f->ngroups, 2);
  assert_string_equal(f->groups[0].name, "1");
  assert_int_equal(f->groups[0].tokens, 6);
  assert_int_equal(f->groups[1].tokens, 4);
  assert_string_equal(rows_str(&f->groups[1]),
                      "de:1:1 hond:1:1 keer:1:1 zit:1:1");
  assert_int_equal(f->group_doc[1], 1);
  tn_freq_free(f);

  /* a document mask */
  uint8_t only2[] = {0, 1};
  o.group = NULL;
  o.docs = only2;
  f = count(s, &o);
  assert_int_equal(f->groups[0].ndocs, 1);
  assert_int_equal(f->groups[0].tokens, 4);
  tn_freq_free(f);

  /* other fields need a corpus */
  o.group = "kind";
  tn_error err;
  assert_int_equal(tn_freq_count(&f, s, &o, &err), TN_EINVAL);
  tn_store_free(s);
}

static void test_freq_ngrams(void **state) {
  (void)state;
  const char *docs[] = {"de kat zit . de kat slaapt$ de kat , zit", "de kat"};
  tn_store *s = must_build(docs, 2);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS}, .n = 2};
  tn_freq *f = count(s, &o);
  /* "zit de" crosses "." and "slaapt de" crosses the sentence end of
   * slaapt; "kat zit" the second time is broken by the comma (a token the
   * kind filter leaves out). */
  assert_string_equal(rows_str(&f->groups[0]),
                      "de kat:4:2 kat slaapt:1:1 kat zit:1:1");
  assert_int_equal(f->groups[0].counted, 6);
  tn_freq_free(f);

  o.cross_sentences = 1;
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]),
                      "de kat:4:2 kat slaapt:1:1 kat zit:1:1 slaapt de:1:1");
  tn_freq_free(f);

  /* stopwords drop n-grams that begin or end with one */
  tn_stopwords sw;
  tn_stopwords_init(&sw);
  assert_int_equal(tn_stopwords_add(&sw, "de", 2), TN_OK);
  o.filter.stop = &sw;
  o.n = 3;
  f = count(s, &o);
  /* (crossing sentences) de kat slaapt / kat slaapt de / slaapt de kat:
   * only the last neither begins nor ends with "de" */
  assert_string_equal(rows_str(&f->groups[0]), "slaapt de kat:1:1");
  tn_freq_free(f);
  o.filter.stop = NULL;
  f = count(s, &o);
  assert_string_equal(rows_str(&f->groups[0]),
                      "de kat slaapt:1:1 de kat zit:1:1 kat slaapt de:1:1 "
                      "slaapt de kat:1:1");
  tn_freq_free(f);
  tn_stopwords_free(&sw);
  tn_store_free(s);
}

/* ---- dispersion --------------------------------------------------------- */

static void test_dp(void **state) {
  (void)state;
  /* Three parts of 50, 30 and 20 tokens: sizes s = .5, .3, .2. The word x
   * occurs 2, 0 and 3 times (5 in all): v = .4, 0, .6.
   *   DP = 0.5 * (|.4-.5| + |0-.3| + |.6-.2|) = 0.5 * (.1+.3+.4) = 0.4
   *   DPnorm = DP / (1 - min s) = 0.4 / 0.8 = 0.5
   * The filler f: 48, 30, 17 of 95: v = .505263, .315789, .178947
   *   DP = 0.5 * (.005263 + .015789 + .021053) = 0.021053 (= 2/95) */
  char d1[512] = "", d2[512] = "", d3[512] = "";
  for (int i = 0; i < 48; i++) strcat(d1, "f ");
  strcat(d1, "x x");
  for (int i = 0; i < 30; i++) strcat(d2, "f ");
  for (int i = 0; i < 17; i++) strcat(d3, "f ");
  strcat(d3, "x x x");
  const char *docs[] = {d1, d2, d3};
  tn_store *s = must_build(docs, 3);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS},
                    .group = "id"};
  tn_freq *f = count(s, &o);
  double dp[2], dpn[2];
  assert_int_equal(tn_freq_dp(f, dp, dpn), TN_OK);
  uint32_t x = tn_intern_find(&f->terms, "x", 1);
  uint32_t fl = tn_intern_find(&f->terms, "f", 1);
  NEAR(dp[x], 0.4);
  NEAR(dpn[x], 0.5);
  NEAR(dp[fl], 2.0 / 95.0);
  tn_freq_free(f);
  tn_store_free(s);
}

/* ---- keyness ------------------------------------------------------------ */

static void test_keyness_formulas(void **state) {
  (void)state;
  /* a = 10 in a target of c = 100 tokens, b = 5 in a reference of d = 200:
   *   E1 = 100 * 15 / 300 = 5, E2 = 200 * 15 / 300 = 10
   *   G² = 2 (10 ln(10/5) + 5 ln(5/10)) = 2 * 5 ln 2 = 6.931472
   *   log ratio = log2((10/100) / (5/200)) = log2(0.1 / 0.025) = 2
   *   %DIFF = 100 (0.1 - 0.025) / 0.025 = 300 */
  NEAR(tn_keyness_g2(10, 5, 100, 200), 6.931471806);
  assert_int_equal(tn_keyness_sign(10, 5, 100, 200), 1);
  NEAR(tn_log_ratio(10, 5, 100, 200), 2.0);
  NEAR(tn_pct_diff(10, 5, 100, 200), 300.0);
  /* The mirror image: same G², negative direction, log ratio -2,
   * %DIFF = 100 (0.025 - 0.1) / 0.1 = -75 */
  NEAR(tn_keyness_g2(5, 10, 200, 100), 6.931471806);
  assert_int_equal(tn_keyness_sign(5, 10, 200, 100), -1);
  NEAR(tn_log_ratio(5, 10, 200, 100), -2.0);
  NEAR(tn_pct_diff(5, 10, 200, 100), -75.0);
  /* Zero in the reference: a = 4, b = 0, c = d = 100.
   *   E1 = E2 = 2; G² = 2 (4 ln(4/2) + 0) = 8 ln 2 = 5.545177
   *   log ratio with b := 0.5: log2((4/100) / (0.5/100)) = log2 8 = 3
   *   %DIFF with the reference rate 1e-18: 100 (0.04 - 1e-18) / 1e-18 */
  NEAR(tn_keyness_g2(4, 0, 100, 100), 5.545177444);
  NEAR(tn_log_ratio(4, 0, 100, 100), 3.0);
  near(tn_pct_diff(4, 0, 100, 100), 4e18, 1e6, __LINE__);
  /* Equal rates: nothing to see. */
  NEAR(tn_keyness_g2(2, 4, 100, 200), 0.0);
  assert_int_equal(tn_keyness_sign(2, 4, 100, 200), 0);
  /* G² = 3.841459 is the 5% critical value of chi-square, 1 df. */
  near(tn_chi2_p1(3.841459), 0.05, 1e-6, __LINE__);
  NEAR(tn_chi2_p1(0), 1.0);
}

static void test_keyness_table(void **state) {
  (void)state;
  /* target doc 1 "a a a b" (c = 4), reference doc 2 "a b b b b b b b"
   * (d = 8).
   * a: a = 3, b = 1: E1 = 4*4/12 = 1.333333, E2 = 8*4/12 = 2.666667
   *    G² = 2 (3 ln(3/1.333333) + 1 ln(1/2.666667))
   *       = 2 (3 * 0.810930 - 0.980829) = 2 * 1.451961 = 2.903922
   *    log ratio = log2((3/4) / (1/8)) = log2 6 = 2.584963
   * b: a = 1, b = 7: E1 = 4*8/12 = 2.666667, E2 = 8*8/12 = 5.333333
   *    G² = 2 (1 ln(1/2.666667) + 7 ln(7/5.333333))
   *       = 2 (-0.980829 + 7 * 0.271934) = 2 * 0.922707 = 1.845414,
   *    and negative: b is rarer in the target (1/4 < 7/8). */
  const char *docs[] = {"a a a b", "a b b b b b b b"};
  tn_store *s = must_build(docs, 2);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS},
                    .group = "id"};
  tn_freq *f = count(s, &o);
  tn_keyness_opts ko = {0};
  tn_keyness_row *rows;
  size_t n;
  assert_int_equal(
      tn_keyness(&f->groups[0], &f->groups[1], f, &ko, &rows, &n), TN_OK);
  assert_int_equal(n, 1);
  assert_string_equal(rows[0].term, "a");
  assert_int_equal(rows[0].a, 3);
  assert_int_equal(rows[0].b, 1);
  NEAR(rows[0].g2, 2.903922);
  NEAR(rows[0].log_ratio, log2(6.0));
  tn_free(rows);
  ko.negative = 1;
  assert_int_equal(
      tn_keyness(&f->groups[0], &f->groups[1], f, &ko, &rows, &n), TN_OK);
  assert_int_equal(n, 2);
  assert_string_equal(rows[1].term, "b");
  near(rows[1].g2, -1.845414, 1e-5, __LINE__);
  near(rows[1].p, erfc(sqrt(1.845414 / 2)), 1e-5, __LINE__);
  tn_free(rows);
  tn_freq_free(f);
  tn_store_free(s);
}

/* ---- collocations -------------------------------------------------------- */

static void test_assoc_formulas(void **state) {
  (void)state;
  /* f_nc = 4 co-occurrences, node f_n = 10, collocate f_c = 20, N = 1000.
   *   logDice = 14 + log2(2*4 / (10+20)) = 14 + log2(0.266667)
   *           = 14 - 1.906891 = 12.093109
   *   MI  = log2(4 * 1000 / (10 * 20)) = log2 20 = 4.321928
   *   MI3 = log2(4^3 * 1000 / (10 * 20)) = log2 320 = 8.321928
   *   t   = (4 - 10*20/1000) / sqrt 4 = 3.8 / 2 = 1.9
   *   LL: cells 4, 6 / 16, 974; rows 10, 990; columns 20, 980
   *       E = 0.2, 9.8 / 19.8, 970.2
   *       4 ln(4/0.2) = 11.982929    6 ln(6/9.8)    = -2.943737
   *      16 ln(16/19.8) = -3.409491 974 ln(974/970.2) = 3.807432
   *       G² = 2 * 9.437132 = 18.874264 */
  double sc[TN_ASSOC_COUNT];
  tn_assoc_scores(4, 10, 20, 1000, sc);
  NEAR(sc[TN_ASSOC_LOGDICE], 12.093109404);
  NEAR(sc[TN_ASSOC_MI], 4.321928095);
  NEAR(sc[TN_ASSOC_MI3], 8.321928095);
  NEAR(sc[TN_ASSOC_T], 1.9);
  NEAR(sc[TN_ASSOC_LL], 18.874264432);
  NEAR(tn_g2_table(4, 6, 16, 974), 18.874264432);
  /* No co-occurrence: every score 0 rather than -inf. */
  tn_assoc_scores(0, 10, 20, 1000, sc);
  NEAR(sc[TN_ASSOC_MI], 0.0);
  assert_int_equal(tn_assoc_from_name("mi3"), TN_ASSOC_MI3);
  assert_int_equal(tn_assoc_from_name("freq"), TN_ASSOC_FREQ);
  assert_int_equal(tn_assoc_from_name("dice"), -1);
}

static void test_colloc_windows(void **state) {
  (void)state;
  /* node x, window 1 left and 1 right:
   *   pos 0 x: right a;  pos 5 x: left c (the comma is skipped, it is not
   *   a word), right d.  N = 7 words; f(x) = 2; a, b, c, d once each.
   *   MI(a) = log2(1 * 7 / (2 * 1)) = log2 3.5 = 1.807355
   *   logDice(a) = 14 + log2(2 / 3) = 13.415037 */
  const char *docs[] = {"x a b c$ , x d"};
  tn_store *s = must_build(docs, 1);
  tn_colloc_opts o = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS},
                      .left = 1, .right = 1};
  tn_colloc *c;
  tn_error err;
  assert_int_equal(tn_colloc_run(&c, s, "x", &o, &err), TN_OK);
  assert_int_equal(c->n, 6);
  assert_int_equal(c->f_node, 2);
  assert_int_equal(c->nrows, 3);
  /* equal scores: term order */
  assert_string_equal(c->rows[0].term, "a");
  assert_string_equal(c->rows[1].term, "c");
  assert_string_equal(c->rows[2].term, "d");
  NEAR(c->rows[0].score[TN_ASSOC_MI], log2(6.0 / 2.0));
  NEAR(c->rows[0].score[TN_ASSOC_LOGDICE], 14 + log2(2.0 / 3.0));
  tn_colloc_free(c);
  /* windows that stop at sentence ends lose c (c ends a sentence) */
  o.sentence = 1;
  assert_int_equal(tn_colloc_run(&c, s, "x", &o, &err), TN_OK);
  assert_int_equal(c->nrows, 2);
  assert_string_equal(c->rows[1].term, "d");
  tn_colloc_free(c);
  /* a wider window; min count drops single co-occurrences */
  o.sentence = 0;
  o.left = o.right = 3;
  o.min_count = 2;
  assert_int_equal(tn_colloc_run(&c, s, "x", &o, &err), TN_OK);
  /* pos 0: a b c; pos 5: a b c (left), d (right): a, b, c twice */
  assert_int_equal(c->nrows, 3);
  assert_int_equal(c->rows[0].f_nc, 2);
  tn_colloc_free(c);
  assert_int_equal(tn_colloc_run(&c, s, "", &o, &err), TN_EINVAL);
  tn_store_free(s);
}

/* ---- KWIC --------------------------------------------------------------- */

static void test_kwic(void **state) {
  (void)state;
  const char *docs[] = {
      "de Ambtenaren werken hard . ambtenaar zijn ambtenaren niet ."};
  tn_store *s = must_build(docs, 1);
  tn_kwic_opts o = {.by = TN_LAYER_NORM, .width = 2};
  tn_kwic *k;
  tn_error err;
  assert_int_equal(tn_kwic_run(&k, s, "ambtena*", &o, &err), TN_OK);
  assert_int_equal(k->nlines, 3);
  assert_string_equal(k->lines[0].left, "de");
  assert_string_equal(k->lines[0].match, "Ambtenaren");
  assert_string_equal(k->lines[0].right, "werken hard");
  assert_string_equal(k->lines[1].left, "hard.");
  assert_string_equal(k->lines[1].right, "zijn ambtenaren");
  assert_string_equal(k->lines[2].right, "niet.");
  tn_kwic_free(k);
  /* by the right context: niet < werken < zijn */
  o.sort = TN_KWIC_RIGHT;
  assert_int_equal(tn_kwic_run(&k, s, "ambtena*", &o, &err), TN_OK);
  assert_int_equal(k->lines[0].pos, 7);
  assert_int_equal(k->lines[1].pos, 1);
  assert_int_equal(k->lines[2].pos, 5);
  tn_kwic_free(k);
  /* by the left context, nearest first: "." < "de" < "zijn" */
  o.sort = TN_KWIC_LEFT;
  o.limit = 2;
  assert_int_equal(tn_kwic_run(&k, s, "ambtena*", &o, &err), TN_OK);
  assert_int_equal(k->nlines, 2);
  assert_int_equal(k->total, 3);
  assert_int_equal(k->lines[0].pos, 5);
  assert_int_equal(k->lines[1].pos, 1);
  tn_kwic_free(k);
  /* a phrase, case folded as the layer is */
  o.limit = 0;
  assert_int_equal(tn_kwic_run(&k, s, "AMBTENAREN werken", &o, &err), TN_OK);
  assert_int_equal(k->nlines, 1);
  assert_string_equal(k->lines[0].match, "Ambtenaren werken");
  tn_kwic_free(k);
  /* by form, case matters */
  o.by = TN_LAYER_FORM;
  assert_int_equal(tn_kwic_run(&k, s, "ambtenaren", &o, &err), TN_OK);
  assert_int_equal(k->nlines, 1);
  assert_int_equal(k->lines[0].pos, 7);
  tn_kwic_free(k);
  /* by stem: a plain word is stemmed, so ambtenaar finds both forms */
  o.by = TN_LAYER_STEM;
  assert_int_equal(tn_kwic_run(&k, s, "ambtenaar", &o, &err), TN_OK);
  assert_int_equal(k->nlines, 3);
  tn_kwic_free(k);
  assert_int_equal(tn_kwic_run(&k, s, "  ", &o, &err), TN_EINVAL);
  assert_int_equal(tn_kwic_sort_from_name("right"), TN_KWIC_RIGHT);
  assert_int_equal(tn_kwic_sort_from_name("rechts"), -1);
  tn_store_free(s);
}

/* The inverted index must not change any answer: KWIC and collocations
 * with and without it, on text where one form has two kinds. */
static void test_index_same_answers(void **state) {
  (void)state;
  const char *docs[] = {"de Ambtenaren werken hard . ambtenaar zijn",
                        "", "ambtenaren niet . x a b c$ , x d x"};
  tn_store *s = must_build(docs, 3);
  /* "x" once more, as an abbreviation: a form with two kinds */
  assert_int_equal(tn_store_begin_doc(s), TN_OK);
  assert_int_equal(tn_store_add(s, "x", 1, TN_TOK_ABBREV, 0, 0), TN_OK);
  assert_int_equal(tn_store_add(s, "a", 1, TN_TOK_WORD, 0, 2), TN_OK);
  assert_int_equal(tn_store_end_doc(s), TN_OK);
  tn_kwic_opts ko = {.by = TN_LAYER_NORM, .width = 3, .sort = TN_KWIC_LEFT};
  tn_colloc_opts co = {.filter = {.by = TN_LAYER_NORM, .kinds = WORDS},
                       .left = 2, .right = 2};
  tn_error err;
  char before[2][2048];
  for (int pass = 0; pass < 2; pass++) {
    tn_kwic *k;
    tn_colloc *c;
    assert_int_equal(tn_kwic_run(&k, s, "ambtena*", &ko, &err), TN_OK);
    assert_int_equal(tn_colloc_run(&c, s, "x", &co, &err), TN_OK);
    char *out = before[pass];
    size_t n = 0;
    for (size_t i = 0; i < k->nlines; i++)
      n += (size_t)snprintf(out + n, 2048 - n, "%u:%s|%s|%s;", k->lines[i].pos,
                            k->lines[i].left, k->lines[i].match,
                            k->lines[i].right);
    n += (size_t)snprintf(out + n, 2048 - n, "N=%llu node=%llu",
                          (unsigned long long)c->n,
                          (unsigned long long)c->f_node);
    for (size_t i = 0; i < c->nrows; i++)
      n += (size_t)snprintf(out + n, 2048 - n, " %s:%llu/%llu", c->rows[i].term,
                            (unsigned long long)c->rows[i].f_nc,
                            (unsigned long long)c->rows[i].f_c);
    tn_kwic_free(k);
    tn_colloc_free(c);
    if (pass == 0) assert_int_equal(tn_store_index(s), TN_OK);
  }
  assert_string_equal(before[1], before[0]);
  /* 16 words (the abbreviation "x" is not one, so N and the frequency of
   * the collocate x leave it out: x:2/3); the node is found by its form
   * whatever its kind, so it occurs 4 times */
  assert_non_null(strstr(before[0], "N=16 node=4 "));
  assert_non_null(strstr(before[0], " x:2/3"));
  tn_store_free(s);
}

/* The store built on two threads and merged equals the one built in one
 * pass: same ids, same regions, same tokens. */
static void test_parallel_build_same_store(void **state) {
  (void)state;
  tn_corpus *c = tn_corpus_new();
  tn_load_report r;
  tn_load_report_init(&r);
  tn_load_options lo;
  memset(&lo, 0, sizeof lo);
  tn_error err;
  const char *data =
      "{\"id\":\"a\",\"text\":\"De ambtenaren werken. Bewoners praten mee!\"}\n"
      "{\"id\":\"b\",\"text\":\"Ja.\"}\n"
      "{\"id\":\"c\",\"text\":\"Ambtenaren en bewoners: samen. Nieuw woord hier.\"}\n"
      "{\"id\":\"d\",\"text\":\"T-shaped professionals, zo'n 3 jaar. Klaar\"}\n";
  assert_int_equal(tn_corpus_load_buffer(c, "x.jsonl", data, strlen(data), &lo,
                                         &r, &err),
                   TN_OK);
  assert_int_equal(tn_corpus_finish(c, &lo, &r), TN_OK);
  tn_store *one, *two;
  tn_store_set_parallel_threshold((size_t)-1);
  assert_int_equal(tn_store_build(&one, c, &err), TN_OK);
  tn_store_set_parallel_threshold(0);
  assert_int_equal(tn_store_build(&two, c, &err), TN_OK);
  tn_store_set_parallel_threshold((size_t)8 << 20);
  assert_int_equal(two->ntokens, one->ntokens);
  assert_int_equal(two->ndocs, 4);
  assert_int_equal(two->nsents, one->nsents);
  for (int l = 0; l < TN_LAYER_COUNT; l++) {
    assert_int_equal(tn_store_vocab_size(two, (tn_layer)l),
                     tn_store_vocab_size(one, (tn_layer)l));
    for (size_t i = 0; i < tn_store_vocab_size(one, (tn_layer)l); i++)
      assert_string_equal(tn_store_str(two, (tn_layer)l, (uint32_t)i),
                          tn_store_str(one, (tn_layer)l, (uint32_t)i));
  }
  for (size_t p = 0; p < one->ntokens; p++) {
    assert_int_equal(two->form[p], one->form[p]);
    assert_int_equal(two->kind[p], one->kind[p]);
    assert_int_equal(two->flags[p], one->flags[p]);
    assert_int_equal(two->offset[p], one->offset[p]);
    assert_int_equal(tn_store_id(two, TN_LAYER_STEM, p),
                     tn_store_id(one, TN_LAYER_STEM, p));
  }
  for (size_t d = 0; d <= one->ndocs; d++) {
    assert_int_equal(two->doc_start[d], one->doc_start[d]);
    assert_int_equal(two->doc_sent[d], one->doc_sent[d]);
  }
  for (size_t k = 0; k <= one->nsents; k++)
    assert_int_equal(two->sent_start[k], one->sent_start[k]);
  for (size_t f = 0; f < tn_store_vocab_size(one, TN_LAYER_FORM); f++) {
    assert_int_equal(two->form_stat[f].kinds, one->form_stat[f].kinds);
    assert_int_equal(two->form_stat[f].freq, one->form_stat[f].freq);
  }
  tn_store_free(one);
  tn_store_free(two);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* ---- DFM ---------------------------------------------------------------- */

static void test_dfm_exact(void **state) {
  (void)state;
  /* totals: a 2, b 2, "c 1 -> features a, b, "c (ties by term) */
  const char *docs[] = {"a b a", "b \"c"};
  tn_store *s = must_build(docs, 2);
  tn_freq_opts o = {.filter = {.by = TN_LAYER_FORM, .kinds = WORDS},
                    .group = "id"};
  tn_freq *f = count(s, &o);
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_dfm_write(f, TN_DFM_CSV, &b), TN_OK);
  assert_string_equal(b.data, "doc,feature,count\n"
                              "1,a,2\n"
                              "1,b,1\n"
                              "2,b,1\n"
                              "2,\"\"\"c\",1\n");
  tn_buf_clear(&b);
  assert_int_equal(tn_dfm_write(f, TN_DFM_JSON, &b), TN_OK);
  assert_string_equal(b.data,
                      "{\"docs\": [\"1\", \"2\"],\n"
                      " \"features\": [\"a\", \"b\", \"\\\"c\"],\n"
                      " \"cells\": [[0, 0, 2], [0, 1, 1], [1, 1, 1], "
                      "[1, 2, 1]]}\n");
  tn_buf_free(&b);
  tn_freq_free(f);
  tn_store_free(s);
}

/* ---- out of memory ------------------------------------------------------- */

static void test_out_of_memory(void **state) {
  (void)state;
  /* Every allocation in turn fails; each path must end in TN_ENOMEM and
   * free what it had (the sanitizer build checks for leaks). */
  const char *docs[] = {"de kat zit op de mat .", "de hond zit ."};
  int ok = 0;
  for (long n = 0; n < 2000 && !ok; n++) {
    tn_alloc_fail_after(n);
    tn_store *s = NULL;
    tn_status st = build(&s, docs, 2);
    if (st == TN_OK) {
      tn_freq *f = NULL;
      tn_freq_opts o = {.filter = {.by = TN_LAYER_STEM, .kinds = WORDS},
                        .group = "id", .n = 2};
      tn_error err;
      st = tn_freq_count(&f, s, &o, &err);
      if (st == TN_OK) {
        tn_colloc *c = NULL;
        tn_colloc_opts co = {.filter = o.filter};
        st = tn_colloc_run(&c, s, "zit", &co, &err);
        if (st == TN_OK) {
          tn_kwic *k = NULL;
          tn_kwic_opts ko = {.sort = TN_KWIC_LEFT};
          st = tn_kwic_run(&k, s, "d*", &ko, &err);
          tn_kwic_free(k);
        }
        tn_colloc_free(c);
      }
      tn_freq_free(f);
      tn_store_free(s);
    }
    assert_true(st == TN_OK || st == TN_ENOMEM);
    ok = st == TN_OK;
  }
  tn_alloc_fail_after(-1);
  assert_true(ok);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_store_layers_and_regions),
      cmocka_unit_test(test_store_misuse),
      cmocka_unit_test(test_glob),
      cmocka_unit_test(test_stopwords_parse),
      cmocka_unit_test(test_kinds_parse),
      cmocka_unit_test(test_freq_unigrams),
      cmocka_unit_test(test_freq_filters),
      cmocka_unit_test(test_freq_groups),
      cmocka_unit_test(test_freq_ngrams),
      cmocka_unit_test(test_dp),
      cmocka_unit_test(test_keyness_formulas),
      cmocka_unit_test(test_keyness_table),
      cmocka_unit_test(test_assoc_formulas),
      cmocka_unit_test(test_colloc_windows),
      cmocka_unit_test(test_kwic),
      cmocka_unit_test(test_index_same_answers),
      cmocka_unit_test(test_parallel_build_same_store),
      cmocka_unit_test(test_dfm_exact),
      cmocka_unit_test(test_out_of_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
