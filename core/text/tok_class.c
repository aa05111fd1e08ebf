/* Character classes for the tokenizer: a byte table for ASCII, utf8proc's
 * categories for everything else. */
#include <utf8proc.h>

#include "text/tok_internal.h"

#define S K_SPACE
#define L K_LOWER
#define U K_UPPER
#define D K_DIGIT
#define P K_PUNCT
#define Y K_SYMBOL
#define O K_OTHER

/* Unicode puts $ + < = > ^ ` | ~ among the symbols; the rest of ASCII's
 * non-alphanumerics are punctuation. NUL and controls are K_OTHER. */
const uint8_t tn_tokx_ascii[128] = {
    O, O, O, O, O, O, O, O, O, S, S, S, S, S, O, O, /* 0x00 */
    O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, O, /* 0x10 */
    S, P, P, P, Y, P, P, P, P, P, P, Y, P, P, P, P, /*  !"#$%&'()*+,-./ */
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P, /* 0-9 :;<=>? */
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, /* @A-O */
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, Y, P, /* P-Z [\]^_ */
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* `a-o */
    L, L, L, L, L, L, L, L, L, L, L, P, Y, P, Y, O, /* p-z {|}~ DEL */
};

#undef S
#undef L
#undef U
#undef D
#undef P
#undef Y
#undef O

static int is_space_cp(int32_t cp) {
  switch (cp) {
  case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
  case 0x205F: case 0x3000: case 0xFEFF:
    return 1;
  default:
    return cp >= 0x2000 && cp <= 0x200A;
  }
}

static uint8_t classify(int32_t cp) {
  if (is_space_cp(cp)) return K_SPACE;
  const utf8proc_property_t *pr = utf8proc_get_property(cp);
  if (pr->boundclass == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR) return K_RI;
  if (pr->boundclass == UTF8PROC_BOUNDCLASS_E_MODIFIER ||
      (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x200D ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xAD || cp == 0x20E3 ||
      (cp >= 0xE0020 && cp <= 0xE007F))
    return K_MARK; /* modifiers, joiners, selectors, tags, soft hyphen */
  /* Text-style pictographs (© ® ™ ‼) stay symbols or punctuation; the
   * emoji blocks and the dingbats people use as emoji (❤ ☀ ✅) are emoji. */
  if (pr->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC &&
      (cp >= 0x1F000 || (cp >= 0x2300 && cp <= 0x2BFF)))
    return K_EMOJI;
  switch (pr->category) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT: return K_UPPER;
  case UTF8PROC_CATEGORY_LL: return K_LOWER;
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: return K_LETTER;
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME: return K_MARK;
  case UTF8PROC_CATEGORY_ND: return K_DIGIT;
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO: return K_NUMSYM;
  case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD:
  case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF:
  case UTF8PROC_CATEGORY_PO: return K_PUNCT;
  case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC:
  case UTF8PROC_CATEGORY_SK:
  case UTF8PROC_CATEGORY_SO: return K_SYMBOL;
  case UTF8PROC_CATEGORY_ZS:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: return K_SPACE;
  default: return K_OTHER;
  }
}

tn_cp tn_tokx_at_multi(const char *s, size_t p, size_t end) {
  const unsigned char *u = (const unsigned char *)s + p;
  tn_cp r;
  size_t avail = end - p;
  int32_t cp;
  unsigned n;
  unsigned char c = u[0];
  r.cp = -1;
  r.n = 1;
  r.k = K_INVALID;
  if (c >= 0xC2 && c <= 0xDF) {
    if (avail < 2 || (u[1] & 0xC0) != 0x80) return r;
    cp = ((int32_t)(c & 0x1F) << 6) | (u[1] & 0x3F);
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80) return r;
    if (c == 0xE0 && u[1] < 0xA0) return r;
    if (c == 0xED && u[1] >= 0xA0) return r;
    cp = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) |
         (u[2] & 0x3F);
    n = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 ||
        (u[3] & 0xC0) != 0x80)
      return r;
    if (c == 0xF0 && u[1] < 0x90) return r;
    if (c == 0xF4 && u[1] >= 0x90) return r;
    cp = ((int32_t)(c & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12) |
         ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    n = 4;
  } else {
    return r;
  }
  r.cp = cp;
  r.n = (uint8_t)n;
  r.k = classify(cp);
  return r;
}

tn_cp tn_tokx_before(const char *s, size_t start, size_t p) {
  const unsigned char *u = (const unsigned char *)s;
  if (p <= start) { /* nothing before: callers treat it as a space */
    tn_cp none = {-1, 0, K_SPACE};
    return none;
  }
  size_t q = p - 1;
  /* Step back over at most three continuation bytes to a lead byte, and
   * accept it only if it decodes to exactly the bytes up to p. */
  while (q > start && p - q < 4 && (u[q] & 0xC0) == 0x80) q--;
  tn_cp r = tn_tokx_at(s, q, p);
  if (q + r.n == p && r.k != K_INVALID) return r;
  return tn_tokx_at(s, p - 1, p);
}
