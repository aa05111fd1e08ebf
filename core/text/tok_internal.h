/* Internals shared by the tokenizer's files: character classes, the
 * splitter of one whitespace-free chunk, the abbreviation list and the
 * iterator's state with its lookahead ring. */
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
 * ends (see the decision rules at the top of tok_sentence.c). */
enum {
  TN_ABBR_NONE = 0,
  TN_ABBR_MID,   /* bijv. o.a. nr. ca.: a capital after it is a name */
  TN_ABBR_TITLE, /* dhr. Dr. St. and initials: a name always follows */
  TN_ABBR_FINAL  /* enz. etc. e.d. jl.: often ends the sentence */
};

/* The class of w[0..len) followed by a period ("bijv" for "bijv."). */
int tn_tokx_abbrev(const char *w, size_t len);
/* Builds the search keys once per process; tn_tok_new calls it, so any
 * tokenizer's lookups find them ready. */
void tn_tokx_abbrev_init(void);
/* For tests: every entry of the table is in order (the search needs it)
 * and found, with its class. */
int tn_tokx_abbrev_selfcheck(void);

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

/* ---- the iterator's state -------------------------------------------- */

/* Shared by tokenizer.c (scanning, the ring, the fast path) and
 * tok_sentence.c (sentence decisions). */

/* Lookahead ring: a sentence decision needs the closers after a period
 * and the next token or two; a longer run of closers is cut off. */
#define TOK_RING 64
#define TOK_RING_MASK (TOK_RING - 1)

/* What the sentence rules need to know about a token. */
enum {
  AX_TERM = 1 << 0,   /* . ! ? ... … ?! */
  AX_OPEN = 1 << 1,   /* opening quote or bracket */
  AX_CLOSE = 1 << 2,  /* closing quote or bracket */
  AX_UPPER = 1 << 3,  /* starts with a capital */
  AX_LOWER = 1 << 4,  /* starts with a lowercase letter */
  AX_DIGIT = 1 << 5,  /* starts with a digit */
  AX_EMO = 1 << 6,    /* emoji or emoticon */
  AX_SOFT = 1 << 7,   /* , ; : ( - – : the sentence goes on */
  AX_LIST = 1 << 8,   /* a list marker at the start of a line */
  AX_CLITIC = 1 << 9, /* 't 's 'k ... */
  AX_LINE0 = 1 << 10, /* first token of a line */
  AX_QCLOSE = 1 << 11 /* an unambiguous closing quote: '' ” » */
};

typedef struct tok_slot {
  tn_token t;
  size_t line_start; /* byte offset where the token's line starts */
  uint16_t ax;
  uint8_t abbr;
  uint8_t decided;
} tok_slot;

enum { PH_GAP, PH_LEAD, PH_CORE, PH_TRAIL };

struct tn_tokenizer {
  const char *s;
  size_t len;     /* end of what is scanned */
  size_t full;    /* length given by the caller */
  int open_end;   /* partial: more text follows `len`, no paragraph end */
  size_t consumed;
  int stopped;

  /* scanner */
  size_t pos, cp;    /* next byte to look at, and its code point index */
  int phase;
  size_t a, b;       /* current chunk */
  tn_bounds bd;
  size_t line_start;
  int line0;         /* the next token starts a line */
  int space_before;  /* whitespace precedes the next token */
  int after_term;    /* the token before the next one is . ! ? ... */
  int after_item;    /* the token before is a number starting a line */
  /* The sentence being returned: does it start a line, and where? The
   * heading rule needs it (a heading is a line that is a sentence). */
  int sent_begins;   /* the next token returned starts a sentence */
  int sent_line0;
  size_t sent_line;
  int dq_open, sq_open;
  int gq;            /* guillemets: 0 none open, 1 « opened, 2 » opened */
  int exhausted;     /* no more tokens from the scanner */

  tok_slot ring[TOK_RING];
  unsigned head, count;
};

/* Scans one token into the ring; 0 at the end of the text. */
int tn_tokx_scan(tn_tokenizer *t);

/* Slot i of the ring (0 = head), scanning more tokens as needed; NULL at
 * the end of what can be scanned. */
static inline tok_slot *tn_tokx_peek(tn_tokenizer *t, unsigned i) {
  while (t->count <= i) {
    if (t->count == TOK_RING || t->exhausted) return NULL;
    if (!tn_tokx_scan(t)) {
      t->exhausted = 1;
      return NULL;
    }
  }
  return &t->ring[(t->head + i) & TOK_RING_MASK];
}

/* Marks slots 0..last decided, with a sentence end on `last` if `brk`. */
void tn_tokx_settle(tn_tokenizer *t, unsigned last, int brk);

/* Decides the head token (and the closers after it). Returns 0 when done,
 * -1 when the answer depends on text that has not arrived (partial). */
int tn_tokx_decide(tn_tokenizer *t);

#endif
