/* Internals shared by the tokenizer's files: character classes, the
 * splitter of one whitespace-free chunk and the abbreviation list. */
#ifndef TN_TOK_INTERNAL_H
#define TN_TOK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "text/tokenizer.h"

/* Character classes, as the tokenizer sees them. */
extern const uint8_t tn_tokx_ascii[128];

enum {
  K_SPACE,   /* Zs, Zl, Zp, ASCII whitespace, U+0085, U+FEFF */
  K_LOWER,   /* Ll */
  K_UPPER,   /* Lu, Lt */
  K_LETTER,  /* Lo, Lm: letters without case */
  K_MARK,    /* M*, ZWJ, variation selectors, soft hyphen: stay attached */
  K_DIGIT,   /* Nd */
  K_NUMSYM,  /* No, Nl: ² ½ Ⅻ (part of words: km²) */
  K_PUNCT,   /* P* */
  K_SYMBOL,  /* S* that are not emoji */
  K_EMOJI,   /* pictographic emoji */
  K_RI,      /* regional indicator (two make a flag) */
  K_OTHER,   /* controls, format characters, unassigned */
  K_INVALID  /* one byte of invalid UTF-8 */
};

typedef struct tn_cp {
  int32_t cp; /* -1 for an invalid byte */
  uint8_t n;  /* bytes */
  uint8_t k;  /* K_* */
} tn_cp;

/* Decodes and classifies the code point at s[p] (p < end); the inline
 * part answers ASCII from the table. */
tn_cp tn_tokx_at_multi(const char *s, size_t p, size_t end);
static inline tn_cp tn_tokx_at(const char *s, size_t p, size_t end) {
  unsigned char c = (unsigned char)s[p];
  if (c < 0x80) {
    tn_cp r = {c, 1, tn_tokx_ascii[c]};
    return r;
  }
  return tn_tokx_at_multi(s, p, end);
}
/* The code point that ends just before p (p > start). */
tn_cp tn_tokx_before(const char *s, size_t start, size_t p);

static inline int tn_tokx_is_letter(int k) {
  return k == K_LOWER || k == K_UPPER || k == K_LETTER;
}
static inline int tn_tokx_is_alnum(int k) {
  return tn_tokx_is_letter(k) || k == K_DIGIT;
}

/* Abbreviation classes: how an abbreviation's period bears on sentence
 * ends (see the decision rules at the top of tokenizer.c). */
enum {
  TN_ABBR_NONE = 0,
  TN_ABBR_MID,   /* bijv. o.a. nr. ca.: a capital after it is a name */
  TN_ABBR_TITLE, /* dhr. Dr. St. and initials: a name always follows */
  TN_ABBR_FINAL  /* enz. etc. e.d. jl.: often ends the sentence */
};

/* The class of w[0..len) followed by a period ("bijv" for "bijv."). */
int tn_tokx_abbrev(const char *w, size_t len);

/* The regions of one chunk (a run without whitespace) s[a..b): leading
 * punctuation [a, cs), the core [cs, ce), trailing punctuation [ce, b). */
typedef struct tn_bounds {
  size_t cs, ce;
  size_t emo;        /* where a trailing emoticon starts (b when none) */
  uint8_t special;   /* a tn_tok_kind the whole core has (URL, e-mail, ...)
                        or TN_TOK_KIND_COUNT when the core is split */
  uint8_t abbr;      /* TN_ABBR_* when the core ends in an abbreviation */
} tn_bounds;

void tn_tokx_bounds(const char *s, size_t a, size_t b, tn_bounds *o);

/* The next token in a leading or trailing region from p (before end);
 * returns its end and sets *kind. */
size_t tn_tokx_unit(const char *s, size_t p, size_t end, const tn_bounds *bd,
                    uint8_t *kind);

/* The next token of the core from p (cs <= p < ce). */
size_t tn_tokx_core(const char *s, size_t p, const tn_bounds *bd,
                    uint8_t *kind);

#endif
