/* libFuzzer target for the token-pattern language (core/analysis/rules.h)
 * and coding schemes (core/analysis/dict.h): any pattern either compiles
 * or fails with a located message; a rule set of what compiled matches a
 * text in bounded time with matches in range, ordered by first token,
 * captures inside their match, and LONGEST spans that never overlap.
 * Input: the first byte picks the overlap policy and flags, and whether
 * the next part is patterns (one per line) or a scheme CSV; that part ends
 * at a NUL byte, after which comes the text to match (a fixed Dutch text
 * when there is none). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dict.h"
#include "analysis/rules.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_RULES 8

static const char default_text[] =
    "De gemeente wil het plein vernieuwen. Bewoners zijn het er niet mee "
    "eens, want het kost 3,5 miljoen euro! Zegt Jan: \"Ik vind het een "
    "slecht idee.\" Zie https://example.nl #plein :-) bijv. in 2024.";

/* A coding scheme: loads or fails with file:line; counts roll up, so a
 * parent category counts at least what each of its children counts. */
static void check_scheme(const char *csv, size_t len, const char *text,
                         size_t tlen) {
  tn_dict *d = tn_dict_new(tn_rules_norm_default);
  FUZZ_CHECK(d);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_dict_load_csv_buffer(d, "scheme.csv", csv, len, &err);
  FUZZ_CHECK(st != TN_ENOMEM && st != TN_EINTERNAL);
  if (st != TN_OK) {
    FUZZ_CHECK(err.message[0] != '\0');
    tn_dict_free(d);
    return;
  }
  size_t ncat = tn_dict_ncategories(d);
  for (size_t c = 0; c < ncat; c++) {
    long p = tn_dict_parent(d, c);
    FUZZ_CHECK(p >= -1 && p < (long)c); /* parents are made first */
    FUZZ_CHECK(tn_dict_find(d, tn_dict_category(d, c)) == (long)c);
  }
  tn_tokstream ts;
  FUZZ_CHECK(tn_tokstream_init(&ts, tn_rules_norm_default) == TN_OK);
  FUZZ_CHECK(tn_tokstream_add_text(&ts, text, tlen) == TN_OK);
  tn_tokview v = tn_tokstream_view(&ts);
  tn_matches m;
  tn_matches_init(&m);
  FUZZ_CHECK(tn_rules_match(tn_dict_rules(d), &v, &m) == TN_OK);
  uint64_t *counts = calloc(ncat ? ncat : 1, sizeof *counts);
  FUZZ_CHECK(counts);
  FUZZ_CHECK(tn_dict_count(d, &m, counts) == TN_OK);
  for (size_t c = 0; c < ncat; c++) {
    long p = tn_dict_parent(d, c);
    if (p >= 0) FUZZ_CHECK(counts[p] >= counts[c]);
    FUZZ_CHECK(counts[c] <= m.n);
  }
  free(counts);
  tn_matches_free(&m);
  tn_tokstream_free(&ts);
  tn_dict_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t sel = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  const char *s = (const char *)data;
  const char *nul = memchr(s, '\0', size);
  size_t plen = nul ? (size_t)(nul - s) : size;
  const char *text = nul ? nul + 1 : default_text;
  size_t tlen = nul ? size - plen - 1 : sizeof default_text - 1;

  if (sel & 4) {
    check_scheme(s, plen, text, tlen);
    return 0;
  }
  tn_rules *rs = tn_rules_new(tn_rules_norm_default);
  FUZZ_CHECK(rs);
  tn_rules_set_overlap(rs, (sel & 1) ? TN_RULES_ALL : TN_RULES_LONGEST);
  unsigned flags = (sel & 2) ? TN_RULE_CROSS_SENTENCES : 0;
  size_t added = 0, lines = 0;
  for (size_t i = 0; i < plen && lines < MAX_RULES; lines++) {
    size_t e = i;
    while (e < plen && s[e] != '\n') e++;
    tn_error err;
    tn_error_clear(&err);
    char name[16];
    name[0] = (char)('a' + lines);
    name[1] = '\0';
    tn_status st = tn_rules_add(rs, name, s + i, e - i, NULL, 1.0, flags, &err);
    FUZZ_CHECK(st != TN_ENOMEM && st != TN_EINTERNAL);
    if (st == TN_OK) added++;
    else FUZZ_CHECK(st < 0 && err.message[0] != '\0');
    i = e + 1;
  }
  FUZZ_CHECK(tn_rules_count(rs) == added);

  tn_tokstream ts;
  FUZZ_CHECK(tn_tokstream_init(&ts, tn_rules_norm_default) == TN_OK);
  FUZZ_CHECK(tn_tokstream_add_text(&ts, text, tlen) == TN_OK);
  tn_tokview v = tn_tokstream_view(&ts);
  tn_matches m;
  tn_matches_init(&m);
  FUZZ_CHECK(tn_rules_match(rs, &v, &m) == TN_OK);
  size_t prev_first = 0, prev_last = 0;
  for (size_t i = 0; i < m.n; i++) {
    const tn_match *x = &m.items[i];
    FUZZ_CHECK(x->rule < added);
    FUZZ_CHECK(x->first <= x->last && x->last < v.n);
    FUZZ_CHECK(x->byte_start <= x->byte_end && x->byte_end <= tlen);
    FUZZ_CHECK(i == 0 || x->first >= prev_first);
    if (!(sel & 1) && i > 0 && x->first != prev_first)
      FUZZ_CHECK(x->first > prev_last); /* LONGEST: no overlap */
    size_t ncap = tn_rules_ncaptures(rs, x->rule);
    for (size_t k = 0; k < ncap; k++) {
      FUZZ_CHECK(x->caps + 2 * k + 1 < m.ncaps);
      uint32_t a = m.caps[x->caps + 2 * k], b = m.caps[x->caps + 2 * k + 1];
      FUZZ_CHECK((a == TN_RULES_NOCAP) == (b == TN_RULES_NOCAP));
      if (a != TN_RULES_NOCAP) FUZZ_CHECK(x->first <= a && a <= b && b <= x->last + 1);
    }
    prev_first = x->first;
    prev_last = x->last;
  }
  /* matching again gives the same matches (the caches change nothing) */
  tn_matches again;
  tn_matches_init(&again);
  FUZZ_CHECK(tn_rules_match(rs, &v, &again) == TN_OK);
  FUZZ_CHECK(again.n == m.n);
  for (size_t i = 0; i < m.n; i++)
    FUZZ_CHECK(again.items[i].rule == m.items[i].rule &&
               again.items[i].first == m.items[i].first &&
               again.items[i].last == m.items[i].last);
  tn_matches_free(&again);
  tn_matches_free(&m);
  tn_tokstream_free(&ts);
  tn_rules_free(rs);
  return 0;
}
