/* The Dutch abbreviations the tokenizer knows: which words keep their
 * period, and whether that period may also end a sentence. */
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

/* Lowercases ASCII letters only: every entry is ASCII. */
static int fold_ascii(const char *w, size_t len, char *out, size_t size) {
  if (len == 0 || len >= size) return -1;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= 0x80) return -1;
    out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out[len] = '\0';
  return 0;
}

int tn_tokx_abbrev(const char *w, size_t len) {
  char key[8]; /* the longest entry has five letters */
  if (len > 5 || fold_ascii(w, len, key, sizeof key)) return TN_ABBR_NONE;
  size_t lo = 0, hi = sizeof table / sizeof table[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    /* strcmp, inline: keys are at most five bytes */
    const unsigned char *x = (const unsigned char *)key,
                        *y = (const unsigned char *)table[mid].w;
    while (*x && *x == *y) {
      x++;
      y++;
    }
    int c = (int)*x - (int)*y;
    if (c == 0) {
      if (table[mid].lower && memcmp(key, w, len) != 0) return TN_ABBR_NONE;
      return table[mid].cls;
    }
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return TN_ABBR_NONE;
}
