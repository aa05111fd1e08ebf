/* Unit tests for core/analysis/rules*: every operator with hand-worked
 * expected matches, overlap policies, captures, sentences, the index, and
 * every pattern error message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "analysis/dict.h"
#include "analysis/rules.h"
#include "analysis/store.h"
#include "text/tokenizer.h"
#include "text/unicode.h"
#include "util/alloc.h"

/* Case folding stands in for the tokenizer's norm: tests stay independent
 * of the tokenizer's lumping rules. */
static tn_status fold(const char *s, size_t len, tn_buf *out) {
  return tn_text_apply(TN_MAP_CASEFOLD, s, len, out, NULL);
}

/* Tokens are separated by spaces; a lone "/" ends a sentence. Kinds:
 * digits -> number, one ASCII punctuation char -> punct, else word. */
static void fill(tn_tokstream *ts, const char *text) {
  tn_tokstream_clear(ts);
  size_t i = 0, n = strlen(text);
  while (i < n) {
    while (i < n && text[i] == ' ') i++;
    size_t a = i;
    while (i < n && text[i] != ' ') i++;
    if (i == a) break;
    if (i - a == 1 && text[a] == '/') {
      if (ts->n) ts->flags[ts->n - 1] |= TN_TOK_SENT_END;
      continue;
    }
    unsigned kind = TN_TOK_WORD;
    if (text[a] >= '0' && text[a] <= '9') kind = TN_TOK_NUMBER;
    else if (i - a == 1 && strchr(".,!?;:", text[a])) kind = TN_TOK_PUNCT;
    assert_int_equal(tn_tokstream_push(ts, text + a, i - a, kind, 0, a), TN_OK);
  }
  if (ts->n) ts->flags[ts->n - 1] |= TN_TOK_SENT_END;
}

/* "rule@first-last" per match, with captures as "{name=first-end}". */
static const char *run_rules(tn_rules *rs, tn_tokstream *ts, const char *text) {
  static char out[1 << 16];
  fill(ts, text);
  tn_tokview v = tn_tokstream_view(ts);
  tn_matches m;
  tn_matches_init(&m);
  assert_int_equal(tn_rules_match(rs, &v, &m), TN_OK);
  size_t o = 0;
  out[0] = '\0';
  for (size_t i = 0; i < m.n && o + 256 < sizeof out; i++) {
    const tn_match *x = &m.items[i];
    o += (size_t)snprintf(out + o, sizeof out - o, "%s%s@%u-%u", i ? " " : "",
                          tn_rules_name(rs, x->rule), x->first, x->last);
    for (size_t k = 0; k < tn_rules_ncaptures(rs, x->rule) && o + 128 < sizeof out; k++) {
      uint32_t a = m.caps[x->caps + 2 * k], b = m.caps[x->caps + 2 * k + 1];
      if (a == TN_RULES_NOCAP)
        o += (size_t)snprintf(out + o, sizeof out - o, "{%s=-}",
                              tn_rules_capture_name(rs, x->rule, k));
      else
        o += (size_t)snprintf(out + o, sizeof out - o, "{%s=%u-%u}",
                              tn_rules_capture_name(rs, x->rule, k), a, b);
    }
  }
  tn_matches_free(&m);
  return out;
}

static void add(tn_rules *rs, const char *name, const char *pattern) {
  tn_error err;
  tn_status st = tn_rules_add(rs, name, pattern, strlen(pattern), NULL, 1.0, 0, &err);
  if (st != TN_OK) fail_msg("%s: %s", pattern, err.message);
}

/* One rule named "r" over one text. */
static const char *one(const char *pattern, const char *text) {
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  add(rs, "r", pattern);
  const char *got = run_rules(rs, &ts, text);
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
  return got;
}

static void test_literals(void **state) {
  (void)state;
  /* bare words match the norm: case-insensitive on both sides */
  assert_string_equal(one("mee eens", "Ik ben het Mee EENS"), "r@3-4");
  assert_string_equal(one("Mee Eens", "ik ben het mee eens"), "r@3-4");
  /* form: is the exact surface form */
  assert_string_equal(one("form:Mee eens", "mee eens / Mee eens"), "r@2-3");
  assert_string_equal(one("\"?\"", "echt ? ja"), "r@1-1");
  assert_string_equal(one("form:\"Den Haag\"", "Den Haag"), "");
  assert_string_equal(one("en/of", "A en/of B"), "r@1-1");
  assert_string_equal(one("12:00", "om 12:00 uur"), "r@1-1");
  assert_string_equal(one("zo\\?", "zo? zo"), "r@0-0");
}

static void test_stem_kind(void **state) {
  (void)state;
  /* Snowball Dutch: gemeente, gemeenten -> gemeent */
  assert_string_equal(one("stem:gemeenten", "de gemeente en Gemeenten"),
                      "r@1-1 r@3-3");
  assert_string_equal(one("kind:number procent", "41 procent of veel procent"),
                      "r@0-1");
  assert_string_equal(one("!kind:word", "a , b 3"), "r@1-1 r@3-3");
}

static void test_wildcards(void **state) {
  (void)state;
  assert_string_equal(one("ambtena*", "Ambtenaren en ambtenaar en amb"),
                      "r@0-0 r@2-2");
  assert_string_equal(one("*beleid", "jeugdbeleid beleid beleidsplan"),
                      "r@0-0 r@1-1");
  assert_string_equal(one("ge*te", "gemeente geste gete ge"), "r@0-0 r@1-1 r@2-2");
  assert_string_equal(one("*zorg*", "jeugdzorgbeleid zorg zor"), "r@0-0 r@1-1");
  assert_string_equal(one("form:A*", "Appel appel"), "r@0-0");
}

static void test_regex(void **state) {
  (void)state;
  /* anchored on the whole norm */
  assert_string_equal(one("/[0-9]{4}/", "in 2024 of 12024x of 202"), "r@1-1");
  assert_string_equal(one("/ja+/ hoor", "jaaa hoor / ja hoor / nja hoor"),
                      "r@0-1 r@2-3");
  assert_string_equal(one("form:/[A-Z]+/", "CDA cda Cda"), "r@0-0");
  assert_string_equal(one("form:/cda/i", "CDA cda Cda"), "r@0-0 r@1-1 r@2-2");
  assert_string_equal(one("/a\\/b/", "a/b ab"), "r@0-0");
}

static void test_alternatives_negation(void **state) {
  (void)state;
  assert_string_equal(one("(mee|eens)", "mee eens oneens"), "r@0-0 r@1-1");
  assert_string_equal(one("(heel erg|zeer) goed", "heel erg goed / zeer goed / heel goed"),
                      "r@0-2 r@3-4");
  assert_string_equal(one("!niet goed", "niet goed / heel goed / goed"), "r@2-3");
  assert_string_equal(one("!(niet|geen) goed", "geen goed / niet goed / erg goed"),
                      "r@4-5");
  assert_string_equal(one("top | (mee eens)", "mee eens top"), "r@0-1 r@2-2");
}

static void test_quantifiers(void **state) {
  (void)state;
  assert_string_equal(one("niet (helemaal)? mee eens",
                          "niet mee eens / niet helemaal mee eens / helemaal mee eens"),
                      "r@0-2 r@3-6");
  assert_string_equal(one("zeer+ goed", "zeer zeer zeer goed / goed"), "r@0-3");
  assert_string_equal(one("(heel)* goed", "heel heel goed / goed"), "r@0-2 r@3-3");
  assert_string_equal(one("niet []{0,2} eens", "niet eens / niet mee eens / niet a b c eens"),
                      "r@0-1 r@2-4");
  assert_string_equal(one("ja{2}", "ja ja ja / ja"), "r@0-1");
  assert_string_equal(one("ja{2,}", "ja ja ja / ja"), "r@0-2");
  assert_string_equal(one("x ja{,2}", "x ja ja ja"), "r@0-2");
  /* the longest match wins even when a shorter path has priority */
  assert_string_equal(one("(a|a b) b?", "a b b"), "r@0-2");
}

static void test_captures(void **state) {
  (void)state;
  assert_string_equal(one("(?<wie>kind:word) zegt", "Jan zegt"), "r@0-1{wie=0-1}");
  assert_string_equal(one("(?<a>niet)? (?<b>(heel|zeer)+) goed",
                          "heel zeer goed / niet heel goed"),
                      "r@0-2{a=-}{b=0-2} r@3-5{a=3-4}{b=4-5}");
}

static void test_sentences(void **state) {
  (void)state;
  assert_string_equal(one("goed idee", "goed / idee"), "");
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  assert_int_equal(tn_rules_add(rs, "x", "goed idee", 9, NULL, 1, TN_RULE_CROSS_SENTENCES, NULL),
                   TN_OK);
  assert_string_equal(run_rules(rs, &ts, "goed / idee"), "x@0-1");
  /* a gap stops at the sentence end too */
  assert_string_equal(one("niet []* eens", "niet a b / eens"), "");
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

static void test_overlap(void **state) {
  (void)state;
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  add(rs, "meeeens", "mee eens");
  add(rs, "helemaal", "helemaal mee eens");
  add(rs, "eens", "eens");
  add(rs, "ook", "(helemaal mee|mee) eens");
  const char *text = "helemaal mee eens / mee eens";
  assert_int_equal(tn_rules_get_overlap(rs), TN_RULES_LONGEST);
  /* longest: one span at a time; rules tied on the span are all kept */
  assert_string_equal(run_rules(rs, &ts, text),
                      "helemaal@0-2 ook@0-2 meeeens@3-4 ook@3-4");
  tn_rules_set_overlap(rs, TN_RULES_ALL);
  assert_string_equal(run_rules(rs, &ts, text),
                      "helemaal@0-2 ook@0-2 meeeens@1-2 ook@1-2 eens@2-2 "
                      "meeeens@3-4 ook@3-4 eens@4-4");
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

static void test_offsets_labels(void **state) {
  (void)state;
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  assert_int_equal(tn_rules_add(rs, NULL, "mee eens", 8, "agree", 2.5, 0, NULL), TN_OK);
  fill(&ts, "ik ben het mee  eens");
  tn_tokview v = tn_tokstream_view(&ts);
  tn_matches m;
  tn_matches_init(&m);
  assert_int_equal(tn_rules_match(rs, &v, &m), TN_OK);
  assert_int_equal(m.n, 1);
  assert_int_equal(m.items[0].byte_start, 11);
  assert_int_equal(m.items[0].byte_end, 20);
  assert_string_equal(tn_rules_label(rs, 0), "agree");
  assert_string_equal(tn_rules_name(rs, 0), "");
  assert_true(tn_rules_weight(rs, 0) == 2.5);
  tn_matches_free(&m);
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

/* A thousand rules: the index finds each; rules added after matching are
 * found too (caches are rebuilt). */
static void test_many_rules(void **state) {
  (void)state;
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  char pat[64], name[32];
  for (int i = 0; i < 1000; i++) {
    snprintf(pat, sizeof pat, "woord%d (volgt|komt)", i);
    snprintf(name, sizeof name, "w%d", i);
    add(rs, name, pat);
  }
  add(rs, "glob", "woord99*");
  assert_string_equal(run_rules(rs, &ts, "woord17 komt / woord999 volgt / woord990 gaat"),
                      "w17@0-1 w999@2-3 glob@4-4");
  add(rs, "laat", "woord5 gaat");
  assert_string_equal(run_rules(rs, &ts, "woord5 gaat"), "laat@0-1");
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

/* Nested stars over ambiguous input stay linear per start (a backtracking
 * matcher without memo would take 2^n steps here). */
static void test_no_blowup(void **state) {
  (void)state;
  static char text[4 * 3000 + 8];
  size_t o = 0;
  for (int i = 0; i < 3000; i++) o += (size_t)snprintf(text + o, sizeof text - o, "aa ");
  assert_string_equal(one("((aa|aa)* (aa)*)* b", text), "");
}

static void test_errors(void **state) {
  (void)state;
  static const struct {
    const char *pattern, *message;
  } cases[] = {
      {"", "rule 'negatie': position 1: the pattern is empty: expected a token test"},
      {"niet (helemaal mee eens",
       "rule 'negatie': position 24: expected ')' to close the group opened at 6"},
      {"niet )", "rule 'negatie': position 6: unexpected ')': no group is open"},
      {"niet ()", "rule 'negatie': position 7: expected a token test inside the group"},
      {"(a|)", "rule 'negatie': position 4: expected a token test after '|'"},
      {"(|a)", "rule 'negatie': position 2: expected a token test before '|'"},
      {"a ?", "rule 'negatie': position 3: '?' has nothing to repeat"},
      {"a +", "rule 'negatie': position 3: '+' has nothing to repeat"},
      {"a ]", "rule 'negatie': position 3: unexpected ']'"},
      {"a{", "rule 'negatie': position 3: expected a number, ',' or '}' in the bound opened at 2"},
      {"a{2", "rule 'negatie': position 4: expected a number, ',' or '}' in the bound opened at 2"},
      {"a{}", "rule 'negatie': position 3: expected a number after '{'"},
      {"a{1,2", "rule 'negatie': position 6: expected '}' to close the bound opened at 2"},
      {"a{3,1}", "rule 'negatie': position 2: bound {3,1}: the minimum is above the maximum"},
      {"a{0,500}", "rule 'negatie': position 2: bound 500 is too large (at most 100)"},
      {"a{0,0}", "rule 'negatie': position 2: bound {0,0} matches nothing"},
      {"(a)?*", "rule 'negatie': position 5: a second quantifier needs a group: write (...)*"},
      {"a?", "rule 'negatie': position 1: the pattern can match zero tokens; make at least "
             "one element required (not ?, * or {0,n})"},
      {"(a b)* c?", "rule 'negatie': position 1: the pattern can match zero tokens; make at "
                    "least one element required (not ?, * or {0,n})"},
      {"* b", "rule 'negatie': position 1: a wildcard needs at least one other character; "
              "use [] for any token"},
      {"[a]", "rule 'negatie': position 2: expected ']' ([] stands for any token)"},
      {"! a", "rule 'negatie': position 2: expected a token test right after '!'"},
      {"!(a b)", "rule 'negatie': position 1: '!' applies to one token: expected a single "
                 "token test or a group of single-token alternatives"},
      {"\"abc", "rule 'negatie': position 5: expected '\"' to close the quote opened at 1"},
      {"\"\"", "rule 'negatie': position 1: empty quotes: expected a word between them"},
      {"/ab", "rule 'negatie': position 4: expected '/' to close the regular expression "
              "opened at 1"},
      {"//", "rule 'negatie': position 1: empty regular expression"},
      {"/a/x", "rule 'negatie': position 4: unknown regular expression flag 'x' (expected i)"},
      {"form:", "rule 'negatie': position 6: expected a word, \"quoted text\" or /regex/ "
                "after 'form:'"},
      {"stem:", "rule 'negatie': position 6: expected a word after 'stem:'"},
      {"stem:ge*", "rule 'negatie': position 1: a stem cannot hold wildcards; write "
                   "stem:WORD or a wildcard without 'stem:'"},
      {"kind:woord", "rule 'negatie': position 6: unknown token kind 'woord' (expected word, "
                     "number, punct, symbol, url, email, hashtag, mention, emoticon, emoji "
                     "or abbrev)"},
      {"(?x)", "rule 'negatie': position 3: expected '<' after '(?' (a named capture is "
               "written (?<name> ...))"},
      {"(?<>a)", "rule 'negatie': position 4: expected a capture name (letters, digits, _) "
                 "after '(?<'"},
      {"(?<a b)", "rule 'negatie': position 5: expected '>' after the capture name"},
      {"(?<x>a) (?<x>b)", "rule 'negatie': position 12: capture 'x' is defined twice"},
      {"é (a", "rule 'negatie': position 5: expected ')' to close the group opened at 3"},
      {"a \xff b", "rule 'negatie': position 3: invalid UTF-8 (byte 0xFF); patterns are UTF-8 "
                   "text"},
      {"(a{100}){100} (b{100}){100}", "rule 'negatie': position 1: the pattern is too large once its "
                          "bounds are expanded (more than 20000 steps); use smaller bounds"},
  };
  tn_rules *rs = tn_rules_new(fold);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tn_error err;
    tn_status st = tn_rules_add(rs, "negatie", cases[i].pattern,
                                strlen(cases[i].pattern), NULL, 1, 0, &err);
    if (st != TN_ESYNTAX) fail_msg("pattern %s: status %d", cases[i].pattern, st);
    if (strcmp(err.message, cases[i].message) != 0)
      fail_msg("pattern %s\n  got:  %s\n  want: %s", cases[i].pattern, err.message,
               cases[i].message);
  }
  /* a bad regular expression carries regerror's words */
  tn_error err;
  assert_int_equal(tn_rules_add(rs, NULL, "/a[/", 4, NULL, 1, 0, &err), TN_ESYNTAX);
  assert_true(strncmp(err.message, "rule 1: position 1: bad regular expression: ", 44) == 0);
  assert_int_equal(tn_rules_count(rs), 0);
  tn_rules_free(rs);
}

/* Every allocation failure ends in TN_ENOMEM, never a crash or a leak. */
static void test_out_of_memory(void **state) {
  (void)state;
  int saw_ok = 0;
  for (long n = 0; n < 400 && !saw_ok; n++) {
    tn_rules *rs = tn_rules_new(fold);
    if (!rs) continue;
    tn_tokstream ts;
    tn_tokstream_init(&ts, fold);
    tn_matches m;
    tn_matches_init(&m);
    tn_alloc_fail_after(n);
    const char *pa = "(?<x>niet) (heel)? /goe+d/ *idee";
    tn_status st = tn_rules_add(rs, "a", pa, strlen(pa), NULL, 1, 0, NULL);
    if (st == TN_OK) st = tn_rules_add(rs, "b", "stem:gemeenten", 14, NULL, 1, 0, NULL);
    const char *text[] = {"niet", "heel", "goed", "plan-idee", "gemeente"};
    for (size_t i = 0; i < 5 && st == TN_OK; i++)
      st = tn_tokstream_push(&ts, text[i], strlen(text[i]), 0, i == 4 ? TN_TOK_SENT_END : 0, 0);
    if (st == TN_OK) {
      tn_tokview v = tn_tokstream_view(&ts);
      st = tn_rules_match(rs, &v, &m);
    }
    tn_alloc_fail_after(-1);
    if (st == TN_OK) {
      saw_ok = 1;
      assert_int_equal(m.n, 2);
    } else {
      assert_int_equal(st, TN_ENOMEM);
    }
    tn_matches_free(&m);
    tn_tokstream_free(&ts);
    tn_rules_free(rs);
  }
  assert_true(saw_ok);
}

/* ---- dictionaries ------------------------------------------------------- */

static const char scheme_csv[] =
    "category,pattern\n"
    "# themes\n"
    "zorg, zorg*\n"
    "zorg/jeugd, jeugdzorg\n"
    "zorg/jeugd,\"(jongeren|jeugd)\"\n"
    "\n"
    "wonen , woning*\r\n"
    "wonen/sociaal,sociale huur*,2.5\n"
    "jeugd,jeugd*\n";

static void counts_of(tn_dict *d, tn_tokstream *ts, const char *text, char *out,
                      size_t size) {
  fill(ts, text);
  tn_tokview v = tn_tokstream_view(ts);
  tn_matches m;
  tn_matches_init(&m);
  assert_int_equal(tn_rules_match(tn_dict_rules(d), &v, &m), TN_OK);
  uint64_t counts[16] = {0};
  assert_true(tn_dict_ncategories(d) <= 16);
  assert_int_equal(tn_dict_count(d, &m, counts), TN_OK);
  size_t o = 0;
  out[0] = '\0';
  for (size_t c = 0; c < tn_dict_ncategories(d); c++)
    o += (size_t)snprintf(out + o, size - o, "%s%s=%llu", c ? " " : "",
                          tn_dict_category(d, c), (unsigned long long)counts[c]);
  tn_matches_free(&m);
}

static void test_dict_csv(void **state) {
  (void)state;
  tn_dict *d = tn_dict_new(fold);
  tn_error err;
  assert_int_equal(tn_dict_load_csv_buffer(d, "s.csv", scheme_csv, strlen(scheme_csv), &err),
                   TN_OK);
  assert_int_equal(tn_dict_nentries(d), 6);
  assert_int_equal(tn_dict_ncategories(d), 5);
  assert_int_equal(tn_dict_parent(d, (size_t)tn_dict_find(d, "zorg/jeugd")),
                   tn_dict_find(d, "zorg"));
  assert_int_equal(tn_dict_parent(d, (size_t)tn_dict_find(d, "zorg")), -1);
  assert_true(tn_rules_weight(tn_dict_rules(d), 4) == 2.5);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  char out[512];
  /* jeugdzorg: coded zorg (zorg* does not match, jeugdzorg does via
   * zorg/jeugd, which rolls up to zorg once) and jeugd (jeugd*): one span,
   * each category once. jongeren: zorg/jeugd + zorg. */
  counts_of(d, &ts, "Jeugdzorg voor jongeren / zorgen over sociale huurwoningen en woningen",
            out, sizeof out);
  assert_string_equal(out, "zorg=3 zorg/jeugd=2 wonen=2 wonen/sociaal=1 jeugd=1");
  /* the same scheme as a Dutch spreadsheet saves it: ';', CRLF, a
   * decimal comma */
  static const char semi[] =
      "Category;Pattern\r\nzorg;zorg*\r\nzorg/jeugd;jeugdzorg\r\nzorg/jeugd;\"(jongeren|jeugd)\"\r\n"
      "wonen;woning*\r\nwonen/sociaal;sociale huur*;2,5\r\njeugd;jeugd*\r\n";
  tn_dict *d2 = tn_dict_new(fold);
  assert_int_equal(tn_dict_load_csv_buffer(d2, "s.csv", semi, strlen(semi), &err), TN_OK);
  assert_true(tn_rules_weight(tn_dict_rules(d2), 4) == 2.5);
  char out2[512];
  counts_of(d2, &ts, "Jeugdzorg voor jongeren / zorgen over sociale huurwoningen en woningen",
            out2, sizeof out2);
  assert_string_equal(out2, out);
  tn_dict_free(d2);
  tn_tokstream_free(&ts);
  tn_dict_free(d);
}

static void test_dict_errors(void **state) {
  (void)state;
  static const struct {
    const char *csv, *message;
  } cases[] = {
      {"zorg,zorg*\nwonen\n", "s.csv:2: expected 2 or 3 columns (category,pattern[,weight]), "
                               "got 1; quote a pattern that holds a comma"},
      {"zorg,(zorg\n", "s.csv:1: rule 'zorg': position 6: expected ')' to close the group "
                       "opened at 1"},
      {"a,b\nzorg//jeugd,x\n", "s.csv:2: category 'zorg//jeugd': expected names separated "
                                "by '/' (like zorg/jeugd), with no empty part"},
      {"zorg,\"zorg\n", "s.csv:1: a quoted field has no closing '\"'"},
      {"zorg,zorg,veel\n", "s.csv:1: weight 'veel' is not a number"},
      {"a,b,1,2\n", "s.csv:1: expected 2 or 3 columns (category,pattern[,weight]), got 4; "
                    "quote a pattern that holds a comma"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tn_dict *d = tn_dict_new(fold);
    tn_error err;
    tn_error_clear(&err);
    assert_int_equal(tn_dict_load_csv_buffer(d, "s.csv", cases[i].csv, strlen(cases[i].csv),
                                             &err),
                     TN_ESYNTAX);
    char msg[1024];
    tn_error_format(&err, msg, sizeof msg);
    if (strcmp(msg, cases[i].message) != 0)
      fail_msg("csv %s\n  got:  %s\n  want: %s", cases[i].csv, msg, cases[i].message);
    tn_dict_free(d);
  }
  tn_dict *d = tn_dict_new(fold);
  tn_error err;
  assert_int_equal(tn_dict_load_csv(d, "/nonexistent/scheme.csv", &err), TN_EIO);
  assert_string_equal(err.message, "cannot open the scheme: No such file or directory");
  tn_dict_free(d);
}

static void test_kwic(void **state) {
  (void)state;
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  add(rs, "x", "mee eens");
  const char *text = "ik ben het  mee eens met jou";
  fill(&ts, text);
  tn_tokview v = tn_tokstream_view(&ts);
  tn_matches m;
  tn_matches_init(&m);
  assert_int_equal(tn_rules_match(rs, &v, &m), TN_OK);
  assert_int_equal(m.n, 1);
  tn_buf l = TN_BUF_INIT, mt = TN_BUF_INIT, r = TN_BUF_INIT;
  assert_int_equal(tn_match_kwic(&v, text, strlen(text), &m.items[0], 2, &l, &mt, &r), TN_OK);
  assert_string_equal(l.data, "ben het");
  assert_string_equal(mt.data, "mee eens");
  assert_string_equal(r.data, "met jou");
  assert_int_equal(tn_match_kwic(&v, text, strlen(text), &m.items[0], 10, &l, &mt, &r), TN_OK);
  assert_string_equal(l.data, "ik ben het");
  tn_buf_free(&l);
  tn_buf_free(&mt);
  tn_buf_free(&r);
  tn_matches_free(&m);
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

/* The fast paths (one-token rules, phrases) against the automaton: the
 * same pattern inside a capture group always runs on the VM, and must give
 * the same spans under both overlap policies. */
static void test_fast_paths_agree(void **state) {
  (void)state;
  static const char *const patterns[] = {
      "mee eens", "eens", "helemaal mee eens", "(mee|eens) eens", "ge*te eens",
      "*eens", "kind:number", "!mee eens", "stem:gemeenten mee", "/me+/ eens",
      "form:Mee eens", "[] eens", "(niet|geen) []", "a b c", "mee", "gemeente*",
  };
  static const char *const texts[] = {
      "helemaal mee eens / mee eens eens 12 gemeente mee",
      "Mee eens gemeenten mee eens / niet mee geen a b c / gete eens meee eens",
      "a b / c a b c a b c / eens eens eens",
  };
  size_t np = sizeof patterns / sizeof patterns[0];
  for (int overlap = 0; overlap < 2; overlap++) {
    tn_rules *fast = tn_rules_new(fold), *slow = tn_rules_new(fold);
    tn_rules_set_overlap(fast, overlap ? TN_RULES_ALL : TN_RULES_LONGEST);
    tn_rules_set_overlap(slow, overlap ? TN_RULES_ALL : TN_RULES_LONGEST);
    char name[16], wrapped[128];
    for (size_t i = 0; i < np; i++) {
      snprintf(name, sizeof name, "p%zu", i);
      add(fast, name, patterns[i]);
      snprintf(wrapped, sizeof wrapped, "(?<x>%s)", patterns[i]);
      add(slow, name, wrapped);
    }
    tn_tokstream ts;
    tn_tokstream_init(&ts, fold);
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
      static char a[1 << 16], c[1 << 16];
      snprintf(a, sizeof a, "%s", run_rules(fast, &ts, texts[t]));
      const char *b = run_rules(slow, &ts, texts[t]);
      /* drop the capture annotations of the slow run */
      size_t o = 0;
      for (const char *p = b; *p && o + 1 < sizeof c; p++) {
        if (*p == '{') {
          while (*p && *p != '}') p++;
          continue;
        }
        c[o++] = *p;
      }
      c[o] = '\0';
      if (strcmp(a, c) != 0)
        fail_msg("overlap %d, text %zu:\n  fast: %s\n  slow: %s", overlap, t, a, c);
      assert_true(strlen(a) > 0);
    }
    tn_tokstream_free(&ts);
    tn_rules_free(fast);
    tn_rules_free(slow);
  }
}

/* Random bytes and random pattern-like strings never crash the parser:
 * each is a rule or a located syntax error. */
static void test_random_patterns(void **state) {
  (void)state;
  static const char alphabet[] = "ab* ()|?+{}[]!/\\\":,0123x<>";
  uint32_t seed = 12345;
  tn_rules *rs = tn_rules_new(fold);
  tn_tokstream ts;
  tn_tokstream_init(&ts, fold);
  char pat[40];
  size_t ok = 0;
  for (int i = 0; i < 20000; i++) {
    seed = seed * 1103515245u + 12345u;
    size_t len = 1 + (seed >> 16) % (sizeof pat - 1);
    for (size_t k = 0; k < len; k++) {
      seed = seed * 1103515245u + 12345u;
      pat[k] = i % 4 == 0 ? (char)(seed >> 24) : alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    tn_error err;
    tn_status st = tn_rules_add(rs, NULL, pat, len, NULL, 1, 0, &err);
    if (st == TN_OK) {
      ok++;
    } else {
      assert_int_equal(st, TN_ESYNTAX);
      assert_true(strncmp(err.message, "rule ", 5) == 0);
      assert_non_null(strstr(err.message, "position "));
    }
  }
  assert_true(ok > 100);
  assert_int_equal(tn_rules_count(rs), ok);
  /* and every rule that compiled can run */
  tn_rules_set_overlap(rs, TN_RULES_ALL);
  run_rules(rs, &ts, "a b ab aab / x 0 1 , : a");
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
}

/* A corpus store is matched in place, with the tokenizer's norm, and gives
 * what a stream of the same tokens gives. */
static void test_store_view(void **state) {
  (void)state;
  static const char *const docs[] = {
      "Ik ben het NIET helemaal mee eens. De gemeenten twijfelen.",
      "Mee eens! Ambtenaren en de Gemeente ook.",
  };
  tn_store *st;
  assert_int_equal(tn_store_new(&st), TN_OK);
  tn_tokenizer *tok = tn_tok_new();
  assert_non_null(tok);
  tn_tokstream ts;
  tn_tokstream_init(&ts, tn_rules_norm_default);
  for (size_t d = 0; d < 2; d++) {
    assert_int_equal(tn_store_begin_doc(st), TN_OK);
    tn_tok_reset(tok, docs[d], strlen(docs[d]));
    tn_token t;
    while (tn_tok_next(tok, &t))
      assert_int_equal(tn_store_add(st, docs[d] + t.start, t.len, t.kind, t.flags, t.start),
                       TN_OK);
    assert_int_equal(tn_store_end_doc(st), TN_OK);
  }
  tn_tok_free(tok);
  tn_rules *rs = tn_rules_new(tn_rules_norm_default);
  add(rs, "oneens", "niet (helemaal)? mee eens");
  add(rs, "eens", "mee eens");
  add(rs, "gemeente", "stem:gemeente");
  add(rs, "ambt", "ambtena*");
  add(rs, "zin", "twijfelen \".\"");
  uint64_t vocab = tn_rules_vocab_id();
  static const char *const want[] = {"oneens@3-6 gemeente@9-9 zin@10-11",
                                     "eens@0-1 ambt@3-3 gemeente@6-6"};
  for (int pass = 0; pass < 2; pass++) {
    for (size_t d = 0; d < 2; d++) {
      tn_tokview v = tn_rules_store_view(st, d, vocab);
      tn_matches m;
      tn_matches_init(&m);
      assert_int_equal(tn_rules_match(rs, &v, &m), TN_OK);
      char got[256];
      size_t o = 0;
      for (size_t i = 0; i < m.n; i++)
        o += (size_t)snprintf(got + o, sizeof got - o, "%s%s@%u-%u", i ? " " : "",
                              tn_rules_name(rs, m.items[i].rule), m.items[i].first,
                              m.items[i].last);
      got[o] = '\0';
      assert_string_equal(got, want[d]);
      /* the same text through a stream gives the same spans and bytes */
      tn_tokstream_clear(&ts);
      assert_int_equal(tn_tokstream_add_text(&ts, docs[d], strlen(docs[d])), TN_OK);
      tn_tokview sv = tn_tokstream_view(&ts);
      tn_matches m2;
      tn_matches_init(&m2);
      assert_int_equal(tn_rules_match(rs, &sv, &m2), TN_OK);
      assert_int_equal(m2.n, m.n);
      for (size_t i = 0; i < m.n; i++) {
        assert_int_equal(m2.items[i].first, m.items[i].first);
        assert_int_equal(m2.items[i].byte_start, m.items[i].byte_start);
        assert_int_equal(m2.items[i].byte_end, m.items[i].byte_end);
      }
      tn_matches_free(&m);
      tn_matches_free(&m2);
    }
  }
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
  tn_store_free(st);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_literals),
      cmocka_unit_test(test_stem_kind),
      cmocka_unit_test(test_wildcards),
      cmocka_unit_test(test_regex),
      cmocka_unit_test(test_alternatives_negation),
      cmocka_unit_test(test_quantifiers),
      cmocka_unit_test(test_captures),
      cmocka_unit_test(test_sentences),
      cmocka_unit_test(test_overlap),
      cmocka_unit_test(test_offsets_labels),
      cmocka_unit_test(test_many_rules),
      cmocka_unit_test(test_no_blowup),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_out_of_memory),
      cmocka_unit_test(test_dict_csv),
      cmocka_unit_test(test_dict_errors),
      cmocka_unit_test(test_kwic),
      cmocka_unit_test(test_fast_paths_agree),
      cmocka_unit_test(test_random_patterns),
      cmocka_unit_test(test_store_view),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
