/* The Dutch tokenizer's iterator: scans chunks into a small ring of tokens
 * for lookahead and hands them out; tok_sentence.c decides sentence ends.
 *
 * Decision rules (tests/data/README-tokenizer.md says the same for users;
 * tests/data/tokenizer-conformance.tsv shows each with examples):
 *
 * Chunks. Whitespace (Unicode Zs, line and paragraph separators, ASCII
 * space and controls \t\n\v\f\r, U+0085, U+FEFF) separates chunks; no token
 * spans whitespace. A chunk splits into leading punctuation, a core and
 * trailing punctuation; the core splits further only at a few points.
 *
 * Leading punctuation is peeled off one unit at a time: brackets, quotes,
 * dashes, currency signs, ¿¡, except
 *  - an apostrophe that starts a clitic or a shortened year: 's 't 'n 'k
 *    'm 'r 'ns 'em 'er 'ie, 's-Hertogenbosch, '92 (one word, kind word or
 *    number); any other apostrophe is a quote;
 *  - a hyphen, minus or plus before a letter or digit (-ie, -5, +31);
 *  - a bracket closed inside the chunk and followed by more of the word:
 *    (on)nodige, (oud-)studente, (tbs-)behandeling stay one word;
 *  - # and @ before a name (hashtag, mention), ° § _ & before more text.
 * Units: ,, '' `` (Dutch typewriter quotes, one token each; in an odd run
 * of commas the comma comes first), runs of periods (... ..), runs of ! and
 * ? (?! !!!), runs of hyphens (--), one emoji with its modifiers and
 * joiners, otherwise one character.
 *
 * Trailing punctuation is peeled from the end: . , ; : ! ? quotes, and
 *  - a closing bracket only when the core has more closing than opening
 *    brackets: koning(in) keeps its bracket, (zie boven) loses it;
 *  - a single hyphen stays (elliptical compounds: land- en tuinbouw,
 *    praktijkkennis en -inzichten, 16- en 17-jarigen); -- is a dash;
 *  - % ‰ _ # stay (50%, C#);
 *  - a period stays when the core before it is an abbreviation: a single
 *    capital (initials: P. de Boer), an entry of the list in tok_abbrev.c
 *    (bijv. nr. Nr. dhr. enz., case-insensitive unless the capitalised form
 *    is a name: Jan. is not jan.), or a dotted form of letter groups of one
 *    to three letters (o.a. d.w.z. a.u.b. V.S. W.H. Ph.D.); numbers lose
 *    their period (in 2004.);
 *  - an ellipsis after a hyphen stays: 1995-... and 2004-… (open ranges).
 * A chunk that ends in an emoticon glued to a word (leuk:-)) loses it as
 * one token.
 *
 * The core is one token (kind url, email, hashtag, mention) when it is an
 * address: a scheme (http:// https:// ftp:// mailto: file://), www., a
 * host name ending in a common TLD (nos.nl, example.com/pad), or
 * name@host.tld; trailing . , ; : ! ? quotes and unopened brackets go back
 * to the sentence. Otherwise it splits only
 *  - around double quotes of every style and '' (never inside a word);
 *  - at ,, (gravel:,,Dat), at , or ; between letters (ja,maar), at :
 *    between a letter and a capital or quote, at ! or ? between letters;
 *  - at an ellipsis between letters (wacht...wat, wacht…wat);
 *  - at a period between a lowercase word of two or more letters and a
 *    capitalised word (zin.Volgende), a missing space; J.Ensor, St.-Pieter,
 *    U1.2.1.2 and 05.10.96 stay whole;
 *  - around emoji and invalid bytes.
 * So hyphens (e-mail, AEX-index, St.-Pieter, 1985-1987), slashes (en/of,
 * CD&V/N-VA, doelgroep-/populatieniveau), ampersands (CD&V, AZ&PC),
 * apostrophes (auto's, zo'n, D'Hondt, A4'tje), units (km², 13u30, 500cc,
 * 41,5%) and numbers (1.234,56, 28-11-2026, 12:00) stay inside tokens;
 * a spaced & or / is its own token (planning & control-cycli).
 *
 * Sentence and paragraph ends: the rules are at the top of tok_sentence.c.
 */
#include "text/tokenizer.h"

#include <string.h>

#include "text/tok_internal.h"
#include "util/alloc.h"

/* ---- names -------------------------------------------------------------- */

static const char *const kind_names[TN_TOK_KIND_COUNT] = {
    "word",    "number",  "punct",    "symbol", "url",   "email",
    "hashtag", "mention", "emoticon", "emoji",  "abbrev"};

const char *tn_tok_kind_name(tn_tok_kind kind) {
  if ((unsigned)kind >= TN_TOK_KIND_COUNT) return "?";
  return kind_names[kind];
}

int tn_tok_kind_from_name(const char *name) {
  for (int i = 0; i < TN_TOK_KIND_COUNT; i++)
    if (strcmp(name, kind_names[i]) == 0) return i;
  return -1;
}

/* ---- lifecycle ---------------------------------------------------------- */

tn_tokenizer *tn_tok_new(void) {
  tn_tokx_abbrev_init();
  tn_tokenizer *t = tn_calloc(1, sizeof *t);
  return t;
}

void tn_tok_free(tn_tokenizer *t) { tn_free(t); }

static void start(tn_tokenizer *t, const char *text, size_t len) {
  t->s = text;
  t->len = t->full = len;
  t->open_end = 0;
  t->consumed = 0;
  t->stopped = 0;
  t->pos = t->cp = 0;
  t->phase = PH_GAP;
  t->line_start = 0;
  t->line0 = 1;
  t->space_before = 1;
  t->dq_open = t->sq_open = t->gq = 0;
  t->after_term = 0;
  t->after_item = 0;
  t->sent_begins = 1;
  t->sent_line0 = 1;
  t->sent_line = 0;
  t->exhausted = 0;
  t->head = t->count = 0;
}

void tn_tok_reset(tn_tokenizer *t, const char *text, size_t len) {
  start(t, text ? text : "", text ? len : 0);
}

/* Where a paragraph break (a line holding only whitespace) ends, searching
 * backwards from the end; 0 if none. */
static size_t last_para_break(const char *s, size_t len) {
  size_t i = len;
  while (i > 0) {
    i--;
    if (s[i] != '\n') continue;
    size_t j = i;
    while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r'))
      j--;
    if (j > 0 && s[j - 1] == '\n') return i + 1;
  }
  return 0;
}

void tn_tok_reset_partial(tn_tokenizer *t, const char *text, size_t len) {
  tn_tok_reset(t, text, len);
  size_t cut = last_para_break(t->s, t->len);
  if (cut > 0) {
    /* Everything up to a blank line can be decided now. */
    t->len = cut;
    return;
  }
  /* No blank line: stop before the last chunk, which may go on in the
   * next piece; decisions that would look past it wait. */
  size_t i = t->len;
  while (i > 0 && !(t->s[i - 1] == ' ' || t->s[i - 1] == '\n' ||
                    t->s[i - 1] == '\t' || t->s[i - 1] == '\r'))
    i--;
  if (i > 0) t->len = i;
  t->open_end = 1;
}

size_t tn_tok_consumed(const tn_tokenizer *t) { return t->consumed; }

const char *tn_tok_text(const tn_tokenizer *t) { return t->s ? t->s : ""; }

/* ---- scanning ----------------------------------------------------------- */

/* Code points in s[p..q): each lead or ASCII byte starts one. */
static size_t count_cps(const char *s, size_t p, size_t q) {
  size_t n = 0;
  for (size_t i = p; i < q; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Skips whitespace from t->pos, setting the flags of the token before it
 * (if any) and the line state for the token after it. */
static uint8_t skip_space(tn_tokenizer *t) {
  const char *s = t->s;
  size_t p = t->pos, end = t->len, newlines = 0, cps = 0;
  int para = 0;
  while (p < end) {
    unsigned char c = (unsigned char)s[p];
    if (c < 0x80) {
      if (tn_tokx_ascii[c] != K_SPACE) break;
      if (c == '\n') {
        newlines++;
        t->line_start = p + 1;
      } else if (c == '\r') {
        if (!(p + 1 < end && s[p + 1] == '\n')) newlines++;
        t->line_start = p + 1;
      } else if (c == '\f') {
        para = 1;
      }
      p++;
      cps++;
      continue;
    }
    tn_cp x = tn_tokx_at(s, p, end);
    if (x.k != K_SPACE) break;
    if (x.cp == 0x2029) para = 1;
    if (x.cp == 0x2028 || x.cp == 0x85) newlines++;
    p += x.n;
    cps++;
    if (x.cp == 0x2028 || x.cp == 0x85 || x.cp == 0x2029) t->line_start = p;
  }
  uint8_t f = 0;
  if (p > t->pos) f |= TN_TOK_SPACE_AFTER;
  if (newlines >= 2) para = 1;
  if (newlines || para) f |= TN_TOK_LINE_END;
  if (p >= end && !t->open_end) para = 1;
  if (para) f |= TN_TOK_PARA_END | TN_TOK_SENT_END;
  t->cp += cps;
  t->pos = p;
  t->space_before = (f & TN_TOK_SPACE_AFTER) || p == 0;
  if (newlines || para) t->line0 = 1;
  if (para) t->dq_open = t->sq_open = t->gq = 0;
  return f;
}

/* Finds the end of the chunk at t->pos; returns 1 when it is plain ASCII
 * letters (the fast path: one word, no rules to apply). */
static int chunk_end(tn_tokenizer *t) {
  const unsigned char *u = (const unsigned char *)t->s;
  size_t p = t->pos, end = t->len;
  int letters = 1;
  while (p < end) {
    unsigned char c = u[p];
    if (c < 0x80) {
      uint8_t k = tn_tokx_ascii[c];
      if (k == K_SPACE) break;
      letters &= k == K_LOWER || k == K_UPPER;
      p++;
      continue;
    }
    tn_cp x = tn_tokx_at(t->s, p, end);
    if (x.k == K_SPACE) break;
    letters = 0;
    p += x.n;
  }
  t->a = t->pos;
  t->b = p;
  return letters;
}

static int is_cp(const char *s, size_t p, size_t q, const char *lit) {
  size_t n = strlen(lit);
  return q - p == n && memcmp(s + p, lit, n) == 0;
}

/* The AX_* bits of a token that is not a plain word. */
static uint16_t punct_bits(tn_tokenizer *t, size_t p, size_t q, uint8_t flags) {
  const char *s = t->s;
  unsigned char c = (unsigned char)s[p];
  uint16_t ax = 0;
  if (c == '.' || c == '!' || c == '?' || is_cp(s, p, q, "\xE2\x80\xA6"))
    return AX_TERM;
  switch (c) {
  case '(': case '[': case '{': return AX_OPEN | (c == '(' ? AX_SOFT : 0);
  case ')': case ']': case '}': return AX_CLOSE;
  case ',':
    if (q - p == 2) {
      t->dq_open = 1;
      return AX_OPEN;
    }
    return AX_SOFT;
  case ';': case ':': return AX_SOFT;
  case '-': return q - p == 1 ? AX_SOFT | AX_LIST : AX_SOFT;
  case '*': return AX_LIST;
  case '`': return AX_OPEN;
  case '"': case '\'': {
    if (q - p == 2) { /* '' */
      t->dq_open = 0;
      return AX_CLOSE | AX_QCLOSE;
    }
    int *open = c == '"' ? &t->dq_open : &t->sq_open;
    int after = (flags & TN_TOK_SPACE_AFTER) || q >= t->len;
    if (!after && q < t->len) {
      tn_cp n = tn_tokx_at(s, q, t->len);
      if (n.k == K_PUNCT) after = 1;
    }
    int close;
    if (!t->space_before && after) close = 1;
    else if (t->space_before && !after) close = 0;
    else if (flags & TN_TOK_PARA_END) close = 1;
    /* Spaced on both sides right after a sentence end, it closes that
     * sentence (an opener sits against its first word). */
    else if (t->after_term) close = 1;
    else close = *open;
    *open = !close;
    return close ? AX_CLOSE : AX_OPEN;
  }
  default:
    break;
  }
  tn_cp x = tn_tokx_at(s, p, q);
  switch (x.cp) {
  case 0xAB: /* « opens, or closes a » ... « quote (German style) */
    if (t->gq == 2) {
      t->gq = 0;
      return AX_CLOSE | AX_QCLOSE;
    }
    t->gq = 1;
    return AX_OPEN;
  case 0xBB: { /* » closes a « quote; with none open it may open one */
    int after = (flags & TN_TOK_SPACE_AFTER) || q >= t->len;
    if (t->gq != 1 && t->space_before && (!after || t->after_term)) {
      t->gq = 2;
      return AX_OPEN;
    }
    t->gq = 0;
    return AX_CLOSE | AX_QCLOSE;
  }
  case 0x201E: case 0x201C: case 0x2018: case 0x2039: case 0xBF:
  case 0xA1:
    return AX_OPEN;
  case 0x201D:
    return AX_CLOSE | AX_QCLOSE;
  case 0x2019: case 0x203A:
    return AX_CLOSE;
  case 0x2013: case 0x2014:
    return AX_SOFT | AX_LIST;
  case 0x2022: case 0xB7: case 0x25AA: case 0x25CF:
    return AX_LIST;
  default:
    return ax;
  }
}

static uint16_t case_bits(const char *s, size_t p, size_t q) {
  tn_cp x = tn_tokx_at(s, p, q);
  if (x.k == K_UPPER) return AX_UPPER;
  if (x.k == K_LOWER) return AX_LOWER;
  if (x.k == K_DIGIT) return AX_DIGIT;
  if (x.k == K_LETTER) return AX_UPPER; /* no case: treat as a start */
  return 0;
}

/* Appends the token s[p..q) to the ring; the flags of a token at the end
 * of its chunk come from the whitespace after it. */
static void push(tn_tokenizer *t, size_t p, size_t q, uint8_t kind,
                 uint8_t abbr) {
  tok_slot *sl = &t->ring[(t->head + t->count) & TOK_RING_MASK];
  t->count++;
  sl->t.start = p;
  sl->t.len = q - p;
  sl->t.kind = kind;
  sl->t.flags = 0;
  sl->abbr = abbr;
  sl->decided = 0;
  sl->line_start = t->line_start;
  int invalid = kind == TN_TOK_SYMBOL && q - p == 1 &&
                (unsigned char)t->s[p] >= 0x80;
  sl->t.cp_start = t->cp;
  sl->t.cp_len = invalid || q - p == 1 ? 1 : count_cps(t->s, p, q);
  if (invalid) sl->t.flags |= TN_TOK_INVALID;
  t->cp += sl->t.cp_len;
  t->pos = q;
  int line0 = t->line0;
  t->line0 = 0;
  if (q == t->b) {
    t->phase = PH_GAP;
    sl->t.flags |= skip_space(t);
  } else {
    t->space_before = 0;
  }
  uint16_t ax;
  if (kind == TN_TOK_WORD || kind == TN_TOK_NUMBER || kind == TN_TOK_ABBREV) {
    ax = case_bits(t->s, p, q);
    unsigned char c = (unsigned char)t->s[p];
    if (kind == TN_TOK_WORD && (c == '\'' || c == 0xE2)) ax |= AX_CLITIC;
  } else if (kind == TN_TOK_EMOJI || kind == TN_TOK_EMOTICON) {
    ax = AX_EMO;
  } else if (kind == TN_TOK_PUNCT || kind == TN_TOK_SYMBOL) {
    ax = 0; /* the caller adds punct_bits */
  } else {
    ax = case_bits(t->s, p, q);
  }
  sl->ax = ax;
  if (line0) sl->ax |= AX_LINE0;
}

/* Scans one token into the ring; 0 at the end of the text. */
int tn_tokx_scan(tn_tokenizer *t) {
  const char *s = t->s;
  for (;;) {
    switch (t->phase) {
    case PH_GAP:
      if (t->pos == 0 && t->count == 0 && t->line0) skip_space(t);
      if (t->pos >= t->len) return 0;
      if (chunk_end(t) && !(t->b - t->a == 2 && (s[t->a] == 'X' || s[t->a] == 'x') &&
                            s[t->a + 1] == 'D')) {
        push(t, t->a, t->b, TN_TOK_WORD, 0);
        t->after_term = t->after_item = 0;
        return 1;
      }
      tn_tokx_bounds(s, t->a, t->b, &t->bd);
      t->phase = PH_LEAD;
      continue;
    case PH_LEAD:
    case PH_TRAIL: {
      size_t end = t->phase == PH_LEAD ? t->bd.cs : t->b;
      if (t->pos >= end) {
        t->phase = t->phase == PH_LEAD ? PH_CORE : PH_GAP;
        continue;
      }
      uint8_t kind;
      size_t q = tn_tokx_unit(s, t->pos, end, &t->bd, &kind);
      size_t p = t->pos;
      int sb = t->space_before;
      push(t, p, q, kind, 0);
      tok_slot *sl = &t->ring[(t->head + t->count - 1) & TOK_RING_MASK];
      if (kind == TN_TOK_PUNCT || kind == TN_TOK_SYMBOL) {
        int keep = t->space_before;
        t->space_before = sb;
        sl->ax |= punct_bits(t, p, q, sl->t.flags);
        t->space_before = keep;
      }
      if (t->after_item && t->s[p] == '.' && q - p == 1) sl->ax &= ~AX_TERM;
      t->after_item = 0;
      t->after_term = (sl->ax & AX_TERM) != 0;
      return 1;
    }
    case PH_CORE: {
      if (t->pos >= t->bd.ce) {
        t->phase = PH_TRAIL;
        continue;
      }
      uint8_t kind;
      size_t p = t->pos;
      size_t q = tn_tokx_core(s, p, &t->bd, &kind);
      int sb = t->space_before;
      push(t, p, q, kind, kind == TN_TOK_ABBREV ? t->bd.abbr : 0);
      tok_slot *sl = &t->ring[(t->head + t->count - 1) & TOK_RING_MASK];
      if (kind == TN_TOK_PUNCT || kind == TN_TOK_SYMBOL) {
        int keep = t->space_before;
        t->space_before = sb;
        sl->ax |= punct_bits(t, p, q, sl->t.flags);
        t->space_before = keep;
      }
      /* "1." and "2." starting a line number list items: their period
       * ends no sentence. */
      if (t->after_item && t->s[p] == '.' && q - p == 1) sl->ax &= ~AX_TERM;
      t->after_item = kind == TN_TOK_NUMBER && (sl->ax & AX_LINE0) &&
                      !(sl->t.flags & TN_TOK_SPACE_AFTER);
      t->after_term = (sl->ax & AX_TERM) != 0;
      return 1;
    }
    default:
      return 0;
    }
  }
}

/* The common case, without the ring: nothing is pending and the next
 * chunk is ASCII letters followed by one space and more text. Such a word
 * takes no part in any sentence decision. */
static inline __attribute__((always_inline)) int fast_word(tn_tokenizer *t,
                                                           tn_token *out) {
  const unsigned char *u = (const unsigned char *)t->s;
  size_t p = t->pos, q = p, end = t->len;
  size_t multi = 0; /* continuation bytes of multibyte letters seen */
  uint8_t kind = TN_TOK_WORD;
  if (p < end && (unsigned)(u[p] - '0') < 10) {
    /* a plain number: digits only */
    while (q < end && (unsigned)(u[q] - '0') < 10) q++;
    kind = TN_TOK_NUMBER;
    goto tail;
  }
again:
  /* Eight bytes at a time: a byte is a letter when, with the case bit
   * set and below 0x80, it lies in 'a'..'z'. */
  while (q + 8 <= end) {
    uint64_t x, y;
    memcpy(&x, u + q, 8);
    y = (x | 0x2020202020202020ull) & 0x7F7F7F7F7F7F7F7Full;
    uint64_t ge_a = y + 0x1F1F1F1F1F1F1F1Full; /* bit 7 set: y >= 'a' */
    uint64_t gt_z = y + 0x0505050505050505ull; /* bit 7 set: y > 'z' */
    uint64_t letter = ge_a & ~gt_z & ~x & 0x8080808080808080ull;
    uint64_t other = ~letter & 0x8080808080808080ull;
    if (other) {
      q += (size_t)__builtin_ctzll(other) / 8;
      goto scanned;
    }
    q += 8;
  }
  while (q < end && (unsigned)((u[q] | 32) - 'a') < 26) q++;
scanned:
  /* The common case first: a word and one space before more text. */
  if (q > p && q + 1 < end && u[q] == ' ' && u[q + 1] < 0x80 &&
      tn_tokx_ascii[u[q + 1]] != K_SPACE &&
      !(q - p == 2 && (u[p] | 32) == 'x' && u[p + 1] == 'D')) {
    out->flags = TN_TOK_SPACE_AFTER;
    t->space_before = 1;
    t->pos = q + 1;
    t->after_item = 0;
    goto emit;
  }
  /* Latin-1 letters (é ë ï ö ü ...: C3 80..BF but × and ÷) keep the word
   * on the fast path. */
  if (q + 1 < end && u[q] == 0xC3 && (u[q + 1] & 0xC0) == 0x80 &&
      u[q + 1] != 0x97 && u[q + 1] != 0xB7) {
    multi++;
    q += 2;
    goto again;
  }
  /* A hyphen or apostrophe between letters stays inside the word
   * (Zuid-Afrika, auto's, auto’s). */
  if (q > p && q + 2 < end) {
    unsigned char c = u[q];
    size_t n = c == '-' || c == '\'' ? 1
               : (c == 0xE2 && u[q + 1] == 0x80 && u[q + 2] == 0x99) ? 3 : 0;
    if (n && q + n < end && (unsigned)((u[q + n] | 32) - 'a') < 26 &&
        (unsigned)((u[q - 1] | 32) - 'a') < 26) {
      multi += n - 1;
      q += n;
      goto again;
    }
  }
tail:
  if (q == p || q + 1 >= end) return 0;
  if (u[q] == ',' || u[q] == '.' || u[q] == ';' || u[q] == ':' ||
      u[q] == '?' || u[q] == '!') {
    /* word, word. word; word: word? word! -- the mark alone is the
     * trailing region (unless the word is an abbreviation). */
    if (u[q + 1] >= 0x80 || tn_tokx_ascii[u[q + 1]] != K_SPACE) return 0;
    if (u[q] == '.' && kind == TN_TOK_WORD &&
        (q - p == 1 || multi || tn_tokx_abbrev(t->s + p, q - p)))
      return 0;
    t->a = p;
    t->b = q + 1;
    t->bd.cs = t->bd.ce = q;
    t->bd.emo = q + 1;
    t->bd.special = TN_TOK_KIND_COUNT;
    t->bd.abbr = TN_ABBR_NONE;
    t->phase = PH_TRAIL;
    out->flags = 0;
    t->space_before = 0;
    t->pos = q;
    /* "1." starting a line is a list item (see tn_tokx_scan) */
    t->after_item = kind == TN_TOK_NUMBER && t->line0;
  } else {
    if (u[q] != ' ' || u[q + 1] >= 0x80 || tn_tokx_ascii[u[q + 1]] == K_SPACE)
      return 0;
    if (q - p == 2 && (u[p] | 32) == 'x' && u[p + 1] == 'D') return 0; /* XD */
    t->after_item = 0;
    out->flags = TN_TOK_SPACE_AFTER;
    t->space_before = 1;
    t->pos = q + 1;
  }
emit:
  out->start = p;
  out->len = q - p;
  out->cp_start = t->cp;
  out->cp_len = q - p - multi;
  out->kind = kind;
  t->cp += t->pos - p - multi;
  if (t->sent_begins) {
    t->sent_begins = 0;
    t->sent_line0 = t->line0;
    t->sent_line = t->line_start;
  }
  t->line0 = 0;
  t->after_term = 0;
  return 1;
}

/* Everything but the fast path; kept out of line so that the common call
 * stays small. */
static int next_slow(tn_tokenizer *t, tn_token *out) __attribute__((noinline));

/* The , ; : . ? or ! that fast_word left behind, when one space and more
 * text follow: , ; : take no part in sentence decisions, and those of a
 * period, a question or an exclamation mark need only the first character
 * after the space. */
static inline int fast_mark(tn_tokenizer *t, tn_token *out) {
  const unsigned char *u = (const unsigned char *)t->s;
  size_t p = t->pos;
  if (p + 1 != t->b || p + 2 >= t->len || u[p + 1] != ' ' ||
      u[p + 2] >= 0x80 || tn_tokx_ascii[u[p + 2]] == K_SPACE)
    return 0;
  uint8_t flags = TN_TOK_SPACE_AFTER;
  if (u[p] == '.' || u[p] == '?' || u[p] == '!') {
    /* A terminal mark, when an ASCII letter or digit starts the next
     * chunk: that character alone decides (see starts_sentence), unless
     * the chunk is the emoticon XD or the mark follows a list number. */
    uint8_t k = tn_tokx_ascii[u[p + 2]];
    if (t->after_item || (k != K_UPPER && k != K_LOWER && k != K_DIGIT)) return 0;
    if ((u[p + 2] | 32) == 'x' && p + 3 < t->len && u[p + 3] == 'D') return 0;
    if (k != K_LOWER) {
      flags |= TN_TOK_SENT_END;
      t->sent_begins = 1;
    }
  }
  out->start = p;
  out->len = 1;
  out->cp_start = t->cp;
  out->cp_len = 1;
  out->kind = TN_TOK_PUNCT;
  out->flags = flags;
  t->cp += 2;
  t->pos = p + 2;
  t->phase = PH_GAP;
  t->space_before = 1;
  t->after_term = t->after_item = 0;
  return 1;
}

/* The next token by the fast paths, when one applies; inlined into both
 * callers below, as the word it spares a call for is most tokens. */
static inline __attribute__((always_inline)) int next_fast(tn_tokenizer *t,
                                                           tn_token *out) {
  if (t->count == 0 && !t->stopped && t->pos > 0) {
    if (t->phase == PH_GAP) return fast_word(t, out);
    if (t->phase == PH_TRAIL && t->bd.cs == t->pos) return fast_mark(t, out);
  }
  return 0;
}

int tn_tok_next(tn_tokenizer *t, tn_token *out) {
  return next_fast(t, out) || next_slow(t, out);
}

size_t tn_tok_fill(tn_tokenizer *t, tn_token *out, size_t max) {
  size_t n = 0;
  while (n < max && (next_fast(t, &out[n]) || next_slow(t, &out[n])))
    n++;
  return n;
}

static int next_slow(tn_tokenizer *t, tn_token *out) {
  if (t->stopped) return 0;
  if (!tn_tokx_peek(t, 0)) {
    t->consumed = t->len;
    t->stopped = 1;
    return 0;
  }
  tok_slot *h = &t->ring[t->head];
  if (!h->decided && tn_tokx_decide(t) < 0) {
    /* Wait for more text, unless nothing came out of this piece at all:
     * then decide as if the text ended here, so the caller progresses. */
    if (h->t.start > 0) {
      t->consumed = h->t.start;
      t->stopped = 1;
      return 0;
    }
    tn_tokx_settle(t, 0, 0);
  }
  *out = h->t;
  if (t->sent_begins) {
    t->sent_begins = 0;
    t->sent_line0 = (h->ax & AX_LINE0) != 0;
    t->sent_line = h->line_start;
  }
  if (h->t.flags & TN_TOK_SENT_END) t->sent_begins = 1;
  t->head = (t->head + 1) & TOK_RING_MASK;
  t->count--;
  return 1;
}
