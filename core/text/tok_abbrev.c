/* The Dutch abbreviations the tokenizer knows: which words keep their
 * period, and whether that period may also end a sentence. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "text/tok_internal.h"

/* Entries are lowercase and sorted (strcmp order) for binary search.
 * `lower` entries match only when written in lowercase, because their
 * capitalised form is a name or a word (Jan., Max., Art.); the others also
 * match capitalised or in capitals (Nr., Blz., BIJV.), as Dutch writes
 * them at the start of a sentence or in headings. Dotted forms (o.a.,
 * d.w.z., a.u.b.) need no entry unless their class differs from MID: the
 * pattern rule in tok_chunk.c finds them. */
typedef struct abbr {
  const char *w;
  unsigned char cls;
  unsigned char lower;
} abbr;

#define M TN_ABBR_MID
#define T TN_ABBR_TITLE
#define F TN_ABBR_FINAL

static const abbr table[] = {
    {"a.u.b", F, 0}, {"aanv", M, 0}, {"adj", M, 0}, {"adm", T, 0},
    {"adv", M, 0}, {"afb", M, 0}, {"afd", M, 0}, {"afk", M, 0},
    {"alg", M, 0}, {"ang", M, 0}, {"apr", M, 1}, {"arr", M, 0},
    {"art", M, 1}, {"aug", M, 1}, {"bijl", M, 0}, {"bijv", M, 0},
    {"blz", M, 0}, {"br", T, 0}, {"bv", M, 0}, {"ca", M, 0},
    {"cf", M, 0}, {"chr", F, 0}, {"cie", M, 0}, {"dd", M, 0},
    {"dec", M, 1}, {"dgl", M, 0}, {"dhr", T, 0}, {"dir", T, 0},
    {"dl", M, 0}, {"dr", T, 0}, {"drs", T, 0}, {"ds", T, 0},
    {"e.a", F, 0}, {"e.d", F, 0}, {"e.v", F, 0}, {"eig", M, 0},
    {"enz", F, 0}, {"etc", F, 0}, {"evt", M, 0}, {"excl", M, 0},
    {"fa", T, 0}, {"feb", M, 1}, {"fig", M, 0}, {"geb", M, 0},
    {"gebr", T, 0}, {"gem", M, 1}, {"gld", M, 0}, {"hfd", M, 0},
    {"hfdst", M, 0}, {"hr", T, 0}, {"i.c", M, 0}, {"incl", M, 0},
    {"ing", T, 0}, {"inl", M, 0}, {"ir", T, 0}, {"jan", M, 1},
    {"jhr", T, 0}, {"jkvr", T, 0}, {"jl", F, 0}, {"jr", T, 0},
    {"jul", M, 1}, {"jun", M, 1}, {"kol", M, 1}, {"lic", T, 0},
    {"max", M, 1}, {"mej", T, 0}, {"mevr", T, 0}, {"mgr", T, 0},
    {"mld", F, 0}, {"mln", F, 0}, {"mr", T, 0}, {"mrd", F, 0},
    {"mrt", M, 1}, {"mvr", T, 0}, {"mw", T, 0}, {"ned", M, 0},
    {"nl", M, 1}, {"nov", M, 1}, {"nr", M, 0}, {"nrs", M, 0},
    {"o.l.v", M, 0}, {"okt", M, 1}, {"ong", M, 0}, {"opm", M, 0},
    {"p", M, 1}, {"pag", M, 0}, {"pct", F, 0}, {"plm", M, 0},
    {"pp", M, 0}, {"prof", T, 0}, {"resp", M, 0}, {"rk", M, 0},
    {"s.v.p", F, 0}, {"sep", M, 1}, {"sept", M, 1}, {"sr", T, 0},
    {"st", T, 0}, {"str", M, 1}, {"tel", M, 0}, {"v", M, 1},
    {"vb", M, 0}, {"vd", M, 1}, {"verg", M, 0}, {"vert", M, 0},
    {"vgl", M, 0}, {"vlg", M, 0}, {"vlgs", M, 0}, {"vnl", M, 0},
    {"vs", M, 0}, {"vz", T, 0}, {"wed", T, 0}, {"zg", M, 0},
    {"zgn", M, 0}, {"zn", M, 0},
};

#undef M
#undef T
#undef F

/* The entries as 8-byte keys, bytes in order from the top, zero-padded:
 * the order of strcmp (no entry holds a NUL), so the search compares
 * integers. Sentence-final words are looked up by the fast path of the
 * tokenizer (is "zin." an abbreviation?): a string binary search there
 * cost more than the rest of the word. */
#define NENTRIES (sizeof table / sizeof table[0])
static uint64_t packed[NENTRIES];
static pthread_once_t packed_once = PTHREAD_ONCE_INIT;

static uint64_t pack(const char *w, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < 8; i++)
    k = k << 8 | (i < n ? (unsigned char)w[i] : 0u);
  return k;
}

static void pack_table(void) {
  for (size_t i = 0; i < NENTRIES; i++)
    packed[i] = pack(table[i].w, strlen(table[i].w));
}

void tn_tokx_abbrev_init(void) { pthread_once(&packed_once, pack_table); }

int tn_tokx_abbrev(const char *w, size_t len) {
  /* the longest entry has five letters; the key is folded and packed in
   * one pass, remembering whether it held a capital */
  if (len == 0 || len > 5) return TN_ABBR_NONE;
  uint64_t k = 0;
  int upper = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= 0x80) return TN_ABBR_NONE;
    if (c >= 'A' && c <= 'Z') {
      c = (unsigned char)(c + 32);
      upper = 1;
    }
    k = k << 8 | c;
  }
  k <<= 8 * (8 - len);
  size_t lo = 0, hi = NENTRIES;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (packed[mid] == k)
      return table[mid].lower && upper ? TN_ABBR_NONE : table[mid].cls;
    if (k < packed[mid]) hi = mid;
    else lo = mid + 1;
  }
  return TN_ABBR_NONE;
}

int tn_tokx_abbrev_selfcheck(void) {
  tn_tokx_abbrev_init();
  for (size_t i = 0; i < NENTRIES; i++) {
    if (i > 0 && packed[i - 1] >= packed[i]) return 0;
    const char *w = table[i].w;
    if (tn_tokx_abbrev(w, strlen(w)) != table[i].cls) return 0;
  }
  return 1;
}
