/* Unit tests for core/text/tokenizer.h: kinds, offsets, flags, norms,
 * streaming in pieces, invalid UTF-8 and allocation failure. The Dutch
 * patterns themselves are in tests/data/tokenizer-conformance.tsv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/tok_internal.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/buf.h"

#define MAX_TOKS 256

typedef struct toks {
  tn_token t[MAX_TOKS];
  size_t n;
} toks;

static void run(const char *text, toks *out) {
  tn_tokenizer *tok = tn_tok_new();
  assert_non_null(tok);
  tn_tok_reset(tok, text, strlen(text));
  out->n = 0;
  while (out->n < MAX_TOKS && tn_tok_next(tok, &out->t[out->n])) out->n++;
  tn_tokenizer *again = tok;
  tn_token extra;
  assert_int_equal(tn_tok_next(again, &extra), 0); /* stays at the end */
  tn_tok_free(tok);
}

static int form_is(const char *text, const tn_token *t, const char *form) {
  return t->len == strlen(form) && memcmp(text + t->start, form, t->len) == 0;
}

static void test_kind_names(void **state) {
  (void)state;
  static const char *const names[] = {"word",    "number",  "punct",
                                      "symbol",  "url",     "email",
                                      "hashtag", "mention", "emoticon",
                                      "emoji",   "abbrev"};
  assert_int_equal(sizeof names / sizeof names[0], TN_TOK_KIND_COUNT);
  for (int i = 0; i < TN_TOK_KIND_COUNT; i++) {
    assert_string_equal(tn_tok_kind_name((tn_tok_kind)i), names[i]);
    assert_int_equal(tn_tok_kind_from_name(names[i]), i);
  }
  assert_string_equal(tn_tok_kind_name(TN_TOK_KIND_COUNT), "?");
  assert_int_equal(tn_tok_kind_from_name("woord"), -1);
}

static void test_kinds(void **state) {
  (void)state;
  const char *text =
      "Zie bijv. https://nos.nl of mail a@b.nl #tag @wie :-) 😀 41,5% € , e-mail";
  static const struct {
    const char *form;
    tn_tok_kind kind;
  } want[] = {{"Zie", TN_TOK_WORD},     {"bijv.", TN_TOK_ABBREV},
              {"https://nos.nl", TN_TOK_URL}, {"of", TN_TOK_WORD},
              {"mail", TN_TOK_WORD},    {"a@b.nl", TN_TOK_EMAIL},
              {"#tag", TN_TOK_HASHTAG}, {"@wie", TN_TOK_MENTION},
              {":-)", TN_TOK_EMOTICON}, {"😀", TN_TOK_EMOJI},
              {"41,5%", TN_TOK_NUMBER}, {"€", TN_TOK_SYMBOL},
              {",", TN_TOK_PUNCT},      {"e-mail", TN_TOK_WORD}};
  toks r;
  run(text, &r);
  assert_int_equal(r.n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < r.n; i++) {
    assert_true(form_is(text, &r.t[i], want[i].form));
    assert_int_equal(r.t[i].kind, want[i].kind);
  }
}

static void test_offsets_and_space(void **state) {
  (void)state;
  const char *text = "Één café.\n\nNieuw";
  toks r;
  run(text, &r);
  assert_int_equal(r.n, 4);
  /* Één: 5 bytes, 3 code points */
  assert_int_equal(r.t[0].start, 0);
  assert_int_equal(r.t[0].len, 5);
  assert_int_equal(r.t[0].cp_start, 0);
  assert_int_equal(r.t[0].cp_len, 3);
  assert_true(r.t[0].flags & TN_TOK_SPACE_AFTER);
  /* café: bytes 6..11, code points 4..8 */
  assert_int_equal(r.t[1].start, 6);
  assert_int_equal(r.t[1].len, 5);
  assert_int_equal(r.t[1].cp_start, 4);
  assert_int_equal(r.t[1].cp_len, 4);
  assert_false(r.t[1].flags & TN_TOK_SPACE_AFTER);
  /* the period ends the sentence and the paragraph */
  assert_true(form_is(text, &r.t[2], "."));
  assert_int_equal(r.t[2].cp_start, 8);
  assert_int_equal(r.t[2].flags & (TN_TOK_SENT_END | TN_TOK_PARA_END | TN_TOK_LINE_END),
                   TN_TOK_SENT_END | TN_TOK_PARA_END | TN_TOK_LINE_END);
  assert_int_equal(r.t[3].cp_start, 11);
  assert_int_equal(r.t[3].flags & (TN_TOK_SENT_END | TN_TOK_PARA_END),
                   TN_TOK_SENT_END | TN_TOK_PARA_END);
  assert_false(r.t[3].flags & TN_TOK_SPACE_AFTER);
}

static void test_sentence_flags(void **state) {
  (void)state;
  const char *text = "Hij kwam. ,,Goed zo,'' zei ze. Dhr. Jansen knikte";
  toks r;
  run(text, &r);
  size_t ends = 0;
  for (size_t i = 0; i < r.n; i++) {
    if (!(r.t[i].flags & TN_TOK_SENT_END)) continue;
    ends++;
    if (ends == 1) assert_true(form_is(text, &r.t[i], "."));
    assert_false(form_is(text, &r.t[i], "Dhr."));
  }
  assert_int_equal(ends, 3);
  assert_true(r.t[r.n - 1].flags & TN_TOK_PARA_END);
}

static void test_empty_and_space_only(void **state) {
  (void)state;
  toks r;
  run("", &r);
  assert_int_equal(r.n, 0);
  run(" \n\t\n ", &r);
  assert_int_equal(r.n, 0);
  tn_tokenizer *tok = tn_tok_new();
  tn_token t;
  tn_tok_reset(tok, NULL, 0);
  assert_int_equal(tn_tok_next(tok, &t), 0);
  tn_tok_free(tok);
}

static void test_invalid_bytes(void **state) {
  (void)state;
  /* a stray continuation byte, a truncated sequence, a NUL */
  const char text[] = "ab\x80" "cd \xE2\x82 x\0y";
  size_t len = sizeof text - 1;
  tn_tokenizer *tok = tn_tok_new();
  tn_tok_reset(tok, text, len);
  tn_token t;
  size_t n = 0, invalid = 0;
  tn_buf joined = TN_BUF_INIT;
  while (tn_tok_next(tok, &t)) {
    n++;
    if (t.flags & TN_TOK_INVALID) {
      invalid++;
      assert_int_equal(t.len, 1);
      assert_int_equal(t.cp_len, 1);
      assert_int_equal(t.kind, TN_TOK_SYMBOL);
    }
    assert_int_equal(tn_buf_append(&joined, text + t.start, t.len), 0);
  }
  assert_int_equal(invalid, 3); /* 0x80, 0xE2, 0x82 */
  assert_int_equal(joined.len, len - 2); /* two spaces */
  assert_memory_equal(joined.data, "ab\x80" "cd\xE2\x82x\0y", joined.len);
  tn_buf_free(&joined);
  tn_tok_free(tok);
}

static void expect_norm(const char *form, const char *want) {
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_tok_norm(form, strlen(form), &b), TN_OK);
  assert_string_equal(b.data, want);
  tn_buf_free(&b);
}

static void test_norm(void **state) {
  (void)state;
  expect_norm("Huis", "huis");
  expect_norm("ĲSSEL", "ijssel");
  expect_norm("ĳs", "ijs");
  expect_norm("IJssel", "ijssel");
  expect_norm("auto’s", "auto's");
  expect_norm(",,", "\"");
  expect_norm("''", "\"");
  expect_norm("„", "\"");
  expect_norm("»", "\"");
  expect_norm("–", "-");
  expect_norm("…", "...");
  expect_norm("Straße", "strasse");
  expect_norm("cafe\xCC\x81", "caf\xC3\xA9"); /* NFC */
  expect_norm("x\xFFy", "x\xEF\xBF\xBDy");     /* invalid -> U+FFFD */
  /* norm appends */
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_tok_norm("A", 1, &b), TN_OK);
  assert_int_equal(tn_tok_norm("B", 1, &b), TN_OK);
  assert_string_equal(b.data, "ab");
  tn_buf_free(&b);
}

/* Tokenizes text in pieces of `step` bytes the way the CLI does and
 * checks the result equals tokenizing it whole. */
static void check_pieces(const char *text, size_t step) {
  size_t len = strlen(text);
  toks whole;
  run(text, &whole);
  tn_tokenizer *tok = tn_tok_new();
  char buf[4096];
  size_t have = 0, fed = 0, base = 0, k = 0;
  while (fed < len || have > 0) {
    size_t add = len - fed < step ? len - fed : step;
    memcpy(buf + have, text + fed, add);
    have += add;
    fed += add;
    int final = fed == len;
    if (final) tn_tok_reset(tok, buf, have);
    else tn_tok_reset_partial(tok, buf, have);
    tn_token t;
    while (tn_tok_next(tok, &t)) {
      assert_true(k < whole.n);
      assert_int_equal(base + t.start, whole.t[k].start);
      assert_int_equal(t.len, whole.t[k].len);
      assert_int_equal(t.kind, whole.t[k].kind);
      assert_int_equal(t.flags, whole.t[k].flags);
      k++;
    }
    size_t used = final ? have : tn_tok_consumed(tok);
    assert_true(used <= have);
    memmove(buf, buf + used, have - used);
    have -= used;
    base += used;
    if (final) break;
  }
  assert_int_equal(k, whole.n);
  tn_tok_free(tok);
}

static void test_pieces_match_whole(void **state) {
  (void)state;
  const char *text =
      "De afgelopen week twijfelde ze nog. Moeder Mien spoorde haar aan, "
      "o.a. met ,,Kom op!'' en \"Ga!\" Dhr. P. de Boer keek toe...\n"
      "Kopje\nDe tekst gaat door tot hier. En hier?\n\nNieuwe alinea met "
      "een url www.nos.nl. Nog een zin! Einde";
  for (size_t step = 16; step <= 200; step += 23) check_pieces(text, step);
}

/* tn_tok_fill gives the tokens of tn_tok_next, field for field, whatever
 * the batch size, on text that takes both the fast paths (plain words,
 * commas, sentence periods) and the slow one (abbreviations, ? and !,
 * numbers, URLs, quotes, invalid bytes, a paragraph break, the end). */
static void test_fill_matches_next(void **state) {
  (void)state;
  const char *text =
      "De ambtenaren werken hard, zei ze. Waarom? Omdat het moet! Dhr. P. de "
      "Boer (o.a. 3,5 km en 15%) las www.nos.nl. ,,Kom op!'' en \"Ga!\" "
      "Zuid-Afrika, auto's en caf\xC3\xA9s. 1. Eerst\n2. Dan\n\nNieuwe "
      "alinea :-) #tussen @iemand x\xFFy einde";
  toks whole;
  run(text, &whole);
  static const size_t sizes[] = {1, 2, 3, 7, 64, MAX_TOKS};
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    tn_tokenizer *tok = tn_tok_new();
    assert_non_null(tok);
    tn_tok_reset(tok, text, strlen(text));
    tn_token got[MAX_TOKS];
    size_t k = 0, n;
    do {
      size_t want = sizes[s] < MAX_TOKS - k ? sizes[s] : MAX_TOKS - k;
      n = tn_tok_fill(tok, got + k, want);
      /* fewer than asked only at the end */
      if (n < want) assert_int_equal(k + n, whole.n);
      k += n;
    } while (n > 0 && k < MAX_TOKS);
    assert_int_equal(k, whole.n);
    assert_int_equal(tn_tok_fill(tok, got, 4), 0); /* stays at the end */
    for (size_t i = 0; i < k; i++) {
      assert_int_equal(got[i].start, whole.t[i].start);
      assert_int_equal(got[i].len, whole.t[i].len);
      assert_int_equal(got[i].cp_start, whole.t[i].cp_start);
      assert_int_equal(got[i].cp_len, whole.t[i].cp_len);
      assert_int_equal(got[i].kind, whole.t[i].kind);
      assert_int_equal(got[i].flags, whole.t[i].flags);
    }
    tn_tok_free(tok);
  }
  assert_true(whole.n > 40);
}

/* The abbreviation table is searched by halves: it must stay sorted. */
static void test_abbrev_table(void **state) {
  (void)state;
  assert_true(tn_tokx_abbrev_selfcheck());
  assert_int_equal(tn_tokx_abbrev("bijv", 4), TN_ABBR_MID);
  assert_int_equal(tn_tokx_abbrev("Dhr", 3), TN_ABBR_TITLE);
  assert_int_equal(tn_tokx_abbrev("ENZ", 3), TN_ABBR_FINAL);
  assert_int_equal(tn_tokx_abbrev("Jan", 3), TN_ABBR_NONE); /* a name */
  assert_int_equal(tn_tokx_abbrev("jan", 3), TN_ABBR_MID);
  assert_int_equal(tn_tokx_abbrev("zin", 3), TN_ABBR_NONE);
  assert_int_equal(tn_tokx_abbrev("a", 1), TN_ABBR_NONE);
  assert_int_equal(tn_tokx_abbrev("zznnn", 5), TN_ABBR_NONE);
  assert_int_equal(tn_tokx_abbrev("hfdstk", 6), TN_ABBR_NONE);
}

static void test_multibyte_at_text_start(void **state) {
  (void)state;
  /* a two-byte letter, then a period, at the very start of the text: the
   * missing-space rule looked before the text (found by the fuzzer) */
  toks r;
  run("é.Bc", &r);
  assert_int_equal(r.n, 1);
  assert_int_equal(r.t[0].len, 5);
  run("ij.Bc", &r); /* two lowercase letters: a missing space */
  assert_int_equal(r.n, 3);
}

static void test_reuse(void **state) {
  (void)state;
  tn_tokenizer *tok = tn_tok_new();
  tn_token t;
  tn_tok_reset(tok, "een twee drie", 13);
  assert_int_equal(tn_tok_next(tok, &t), 1);
  /* a reset mid-way starts afresh */
  tn_tok_reset(tok, "vier. Vijf", 10);
  size_t n = 0;
  while (tn_tok_next(tok, &t)) {
    if (n == 0) assert_int_equal(t.start, 0);
    n++;
  }
  assert_int_equal(n, 3);
  tn_tok_free(tok);
  tn_tok_free(NULL);
}

static void test_alloc_failure(void **state) {
  (void)state;
  tn_alloc_fail_after(0);
  assert_null(tn_tok_new());
  tn_buf b = TN_BUF_INIT;
  assert_int_equal(tn_tok_norm("Één", strlen("Één"), &b), TN_ENOMEM);
  tn_alloc_fail_after(-1);
  tn_buf_free(&b);
}

static void test_long_runs_stay_bounded(void **state) {
  (void)state;
  /* a chunk of 3000 brackets and periods: many tokens, no recursion,
   * fidelity kept */
  static char text[6002];
  for (size_t i = 0; i < 3000; i++) text[i] = '(';
  for (size_t i = 3000; i < 6000; i++) text[i] = i % 2 ? ')' : '.';
  text[6000] = '\0';
  tn_tokenizer *tok = tn_tok_new();
  tn_tok_reset(tok, text, 6000);
  tn_token t;
  size_t bytes = 0, last_end = 0;
  while (tn_tok_next(tok, &t)) {
    assert_int_equal(t.start, last_end);
    last_end = t.start + t.len;
    bytes += t.len;
  }
  assert_int_equal(bytes, 6000);
  tn_tok_free(tok);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kind_names),
      cmocka_unit_test(test_kinds),
      cmocka_unit_test(test_offsets_and_space),
      cmocka_unit_test(test_sentence_flags),
      cmocka_unit_test(test_empty_and_space_only),
      cmocka_unit_test(test_invalid_bytes),
      cmocka_unit_test(test_norm),
      cmocka_unit_test(test_pieces_match_whole),
      cmocka_unit_test(test_fill_matches_next),
      cmocka_unit_test(test_abbrev_table),
      cmocka_unit_test(test_multibyte_at_text_start),
      cmocka_unit_test(test_reuse),
      cmocka_unit_test(test_alloc_failure),
      cmocka_unit_test(test_long_runs_stay_bounded),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
