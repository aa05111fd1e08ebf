/* Splitting one chunk (a run of text without whitespace) into tokens:
 * leading punctuation, a core (with a few inner split points), trailing
 * punctuation. The rules are documented at the top of tokenizer.c. */
#include <string.h>

#include "text/tok_internal.h"

/* ---- small helpers ---------------------------------------------------- */

static int is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Quote marks that are never part of a word: " “ ” „ ‟ « » ‹ › 〝 〞 ＂. */
static int is_dquote(int32_t cp) {
  switch (cp) {
  case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB:
  case 0xBB: case 0x2039: case 0x203A: case 0x301D: case 0x301E: case 0xFF02:
    return 1;
  default:
    return 0;
  }
}

static int is_apos(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
         cp == 0x2032 || cp == '`' || cp == 0xB4;
}

/* Byte length of the code point at p plus any marks that follow it, so a
 * token never ends inside a grapheme. */
static size_t with_marks(const char *s, size_t p, size_t end, size_t n) {
  size_t q = p + n;
  while (q < end) {
    tn_cp m = tn_tokx_at(s, q, end);
    if (m.k != K_MARK) break;
    q += m.n;
  }
  return q;
}

/* An emoji with its modifiers and ZWJ sequence, or a flag (two regional
 * indicators); c is the first code point at p. */
static size_t emoji_end(const char *s, size_t p, size_t end, tn_cp c) {
  if (c.k == K_RI) {
    size_t q = p + c.n;
    if (q < end) {
      tn_cp d = tn_tokx_at(s, q, end);
      if (d.k == K_RI) q += d.n;
    }
    return with_marks(s, q, end, 0);
  }
  size_t q = p + c.n;
  while (q < end) {
    tn_cp d = tn_tokx_at(s, q, end);
    if (d.k == K_MARK) {
      q += d.n;
      if (d.cp == 0x200D && q < end) { /* ZWJ: the next pictograph joins */
        tn_cp e = tn_tokx_at(s, q, end);
        if (e.k == K_EMOJI || e.k == K_SYMBOL) q += e.n;
      }
      continue;
    }
    break;
  }
  return q;
}

/* ---- emoticons ---------------------------------------------------------- */

static const char *const emoticons[] = {
    ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-*", ":-o", ":-O",
    ":-S", ";-)", ";-P", ";-D", ":'-(", ":'(", ":')", ":)", ":(", ":D",
    ":P", ":p", ":|", ":*", ":o", ":O", ":S", ":$", ";)", ";D", ";P", ";p",
    "=)", "=(", "=D", "XD", "xD", "<3", "</3", "^^", "^_^", "-_-", "o_O",
    "O_o", "8-)", ":-))", ":))", ":((", ":-((", ";-))",
};

/* Length of the longest emoticon that is exactly s[p..end). */
static size_t emoticon_exact(const char *s, size_t p, size_t end) {
  size_t n = end - p;
  if (n < 2 || n > 5) return 0;
  switch (s[p]) {
  case ':': case ';': case '=': case '<': case '^': case '-':
    break;
  case 'X': case 'x': case 'o': case 'O': case '8':
    if (s[p + 1] != 'D' && s[p + 1] != '_' && s[p + 1] != '-') return 0;
    break;
  default:
    return 0;
  }
  for (size_t i = 0; i < sizeof emoticons / sizeof emoticons[0]; i++)
    if (strlen(emoticons[i]) == n && memcmp(s + p, emoticons[i], n) == 0)
      return n;
  return 0;
}

/* A chunk that ends in an emoticon glued to a word ("leuk:-)"): where the
 * emoticon starts, or b. Only emoticons that start with : ; or = count,
 * so "(zie 3)" keeps its bracket. */
static size_t emoticon_suffix(const char *s, size_t a, size_t b) {
  /* Every such emoticon has : ; or = among its last four bytes. */
  if (b - a < 3) return b;
  switch (s[b - 1]) {
  case ')': case '(': case 'D': case 'P': case 'p': case '/': case '|':
  case '*': case 'o': case 'O': case 'S': case '$':
    break;
  default:
    return b;
  }
  int mark = 0;
  for (size_t i = b - 2; i + 5 > b && i > a; i--)
    mark |= s[i] == ':' || s[i] == ';' || s[i] == '=';
  if (!mark) return b;
  for (size_t i = 0; i < sizeof emoticons / sizeof emoticons[0]; i++) {
    const char *e = emoticons[i];
    size_t n = strlen(e);
    if (e[0] != ':' && e[0] != ';' && e[0] != '=') continue;
    if (b - a <= n || memcmp(s + b - n, e, n) != 0) continue;
    unsigned char prev = (unsigned char)s[b - n - 1];
    if (is_ascii_alnum(prev) || prev >= 0x80) return b - n;
  }
  return b;
}

/* ---- URLs, e-mail, mentions, hashtags ------------------------------------ */

static int has_prefix_ci(const char *s, size_t p, size_t end, const char *pre) {
  size_t n = strlen(pre);
  if (end - p < n) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[p + i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if (c != (unsigned char)pre[i]) return 0;
  }
  return 1;
}

/* Top-level domains that make a bare "name.tld" a URL. Dutch words that
 * are also domains (de, nu, me, tv, co) are left out: "klaar.De" is a
 * missing space far more often than a German site. */
static const char *const tlds[] = {"nl", "be", "com", "org", "net", "eu",
                                   "info", "edu", "gov", "io", "frl", "amsterdam",
                                   "uk", "int"};

static int is_tld(const char *s, size_t p, size_t q) {
  for (size_t i = 0; i < sizeof tlds / sizeof tlds[0]; i++) {
    size_t n = strlen(tlds[i]);
    if (q - p == n && has_prefix_ci(s, p, q, tlds[i])) return 1;
  }
  return 0;
}

static int is_host_char(unsigned char c) {
  return is_ascii_alnum(c) || c == '-' || c >= 0x80;
}

/* If s[p..) is a host name ending in a known TLD ("nos.nl"), its end. */
static size_t bare_domain(const char *s, size_t p, size_t end) {
  size_t q = p, label = p, dots = 0;
  while (q < end) {
    unsigned char c = (unsigned char)s[q];
    if (c == '.' && q > label && q + 1 < end && is_host_char((unsigned char)s[q + 1])) {
      dots++;
      label = q + 1;
      q++;
      continue;
    }
    if (!is_host_char(c)) break;
    q++;
  }
  if (dots == 0 || !is_tld(s, label, q)) return 0;
  if (q < end && s[q] != '/' && s[q] != ':' && s[q] != '.' && s[q] != ',' &&
      s[q] != ')' && s[q] != '?' && s[q] != '!' && s[q] != ';' &&
      s[q] != '"' && s[q] != '\'')
    return 0;
  return q;
}

/* Trailing characters a URL or address loses to the sentence: . , ; : ! ?
 * quotes, and a closing bracket that the URL did not open. */
static size_t trim_url(const char *s, size_t p, size_t q) {
  while (q > p) {
    unsigned char c = (unsigned char)s[q - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
        c == '"' || c == '\'') {
      q--;
      continue;
    }
    if (c == ')' || c == ']') {
      int open = 0, close = 0;
      for (size_t i = p; i < q; i++) {
        if (s[i] == '(' || s[i] == '[') open++;
        else if (s[i] == ')' || s[i] == ']') close++;
      }
      if (close > open) {
        q--;
        continue;
      }
    }
    if (c >= 0x80) { /* a closing typographic quote glued to the URL */
      tn_cp d = tn_tokx_before(s, p, q);
      if (d.k == K_PUNCT && (is_dquote(d.cp) || is_apos(d.cp))) {
        q -= d.n;
        continue;
      }
    }
    break;
  }
  return q;
}

/* Any run of non-space characters from p to end: the URL part of the
 * chunk. */
static size_t url_like(const char *s, size_t p, size_t end) {
  static const char *const schemes[] = {"http://", "https://", "ftp://",
                                        "mailto:", "file://"};
  for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
    if (has_prefix_ci(s, p, end, schemes[i]) &&
        end - p > strlen(schemes[i]))
      return trim_url(s, p, end);
  if (has_prefix_ci(s, p, end, "www.") && end - p > 4 &&
      is_host_char((unsigned char)s[p + 4]))
    return trim_url(s, p, end);
  size_t q = bare_domain(s, p, end);
  if (q == 0) return 0;
  if (q < end && s[q] == '/') return trim_url(s, p, end);
  return q;
}

static size_t email_like(const char *s, size_t p, size_t end) {
  size_t q = p;
  while (q < end) {
    unsigned char c = (unsigned char)s[q];
    if (is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
        c == '-')
      q++;
    else
      break;
  }
  if (q == p || q >= end || s[q] != '@' || s[p] == '.') return 0;
  size_t host = q + 1, r = host, last_dot = 0;
  while (r < end && (is_host_char((unsigned char)s[r]) || s[r] == '.')) {
    if (s[r] == '.') last_dot = r;
    r++;
  }
  while (r > host && s[r - 1] == '.') r--; /* sentence period */
  if (last_dot == 0 || last_dot <= host || last_dot + 2 > r) return 0;
  for (size_t i = last_dot + 1; i < r; i++)
    if (!((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')) return 0;
  return r;
}

/* #tag and @name: a sign, then letters, digits and underscores with at
 * least one letter ("#1" is a number sign and a number). */
static size_t tag_like(const char *s, size_t p, size_t end) {
  size_t q = p + 1;
  int letters = 0;
  while (q < end) {
    tn_cp c = tn_tokx_at(s, q, end);
    if (tn_tokx_is_letter(c.k) || c.k == K_MARK) letters = 1;
    else if (!(c.k == K_DIGIT || c.cp == '_')) break;
    q += c.n;
  }
  return letters ? q : 0;
}

/* ---- leading punctuation ----------------------------------------------- */

/* Clitics written with a leading apostrophe: 's 't 'n 'k 'm 'r 'ns 'em 'er
 * 'es 'ie. The word they form ends at a letter boundary. */
static int clitic_len(const char *s, size_t p, size_t end) {
  static const char *const clitics[] = {"s", "t", "n", "k", "m", "r",
                                        "ns", "em", "er", "es", "ie"};
  size_t q = p;
  while (q < end && q - p < 3 && is_ascii_alnum((unsigned char)s[q])) q++;
  /* The clitic must stand alone or run into a hyphenated name
   * ('s-Hertogenbosch, 's-Gravenhage). */
  if (q < end) {
    unsigned char c = (unsigned char)s[q];
    if (is_ascii_alnum(c) || c >= 0x80) return 0;
  }
  for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++) {
    size_t n = strlen(clitics[i]);
    if (q - p == n && has_prefix_ci(s, p, q, clitics[i])) return (int)n;
  }
  return 0;
}

/* An apostrophe at p that belongs to the word after it: a clitic ('s 't)
 * or a shortened year ('92, '30). */
static int apos_joins(const char *s, size_t p, size_t end, tn_cp c) {
  size_t q = p + c.n;
  if (q >= end) return 0;
  if (clitic_len(s, q, end)) return 1;
  if (q + 2 <= end && s[q] >= '0' && s[q] <= '9' && s[q + 1] >= '0' &&
      s[q + 1] <= '9' && (q + 2 == end || !(s[q + 2] >= '0' && s[q + 2] <= '9')))
    return 1;
  return 0;
}

/* A bracket at p whose partner closes inside the same chunk and is
 * followed by more of the word: (on)nodige, (oud-)studente, (a+b)+c. */
static int bracket_inside(const char *s, size_t p, size_t b) {
  char open = s[p], close = open == '(' ? ')' : ']';
  int depth = 0;
  for (size_t q = p; q < b; q++) {
    if (s[q] == open) depth++;
    else if (s[q] == close && --depth == 0) {
      if (q + 1 >= b) return 0;
      tn_cp n = tn_tokx_at(s, q + 1, b);
      return tn_tokx_is_alnum(n.k) || n.k == K_SYMBOL || n.cp == '(';
    }
  }
  return 0;
}

/* Does the leading region end at p (the core starts here)? */
static int core_starts(const char *s, size_t p, size_t b, tn_cp c) {
  if (c.k != K_PUNCT && c.k != K_SYMBOL && c.k != K_EMOJI && c.k != K_RI &&
      c.k != K_INVALID && c.k != K_OTHER)
    return 1;
  if (c.k == K_EMOJI || c.k == K_RI || c.k == K_INVALID) return 0;
  size_t q = p + c.n;
  tn_cp n = q < b ? tn_tokx_at(s, q, b) : (tn_cp){-1, 0, K_SPACE};
  switch (c.cp) {
  case '-': case 0x2212: case '+': case 0xB1:
    /* -ie, -5, +31: a sign or a suffix; "--" and "- " are punctuation */
    return tn_tokx_is_alnum(n.k);
  case '#': case '@':
    return tag_like(s, p, b) != 0;
  case '(': case '[':
    return bracket_inside(s, p, b);
  case 0xB0: case '_': case 0xA7: /* °C, _x, §3 stay whole */
    return n.k != K_SPACE && n.k != K_PUNCT;
  case '&':
    return tn_tokx_is_alnum(n.k);
  default:
    break;
  }
  if (is_apos(c.cp) && c.cp != '`' && c.cp != 0xB4) return apos_joins(s, p, b, c);
  return 0;
}

/* ---- punctuation units -------------------------------------------------- */

static uint8_t unit_kind(int32_t cp, uint8_t k) {
  if (k == K_EMOJI || k == K_RI) return TN_TOK_EMOJI;
  if (k == K_INVALID || k == K_SYMBOL || k == K_OTHER) return TN_TOK_SYMBOL;
  if (k == K_DIGIT || k == K_NUMSYM) return TN_TOK_NUMBER;
  switch (cp) {
  case '%': case '&': case '#': case '@': case '*': case 0xA7: case 0x2030:
  case 0x2020: case 0x2021: case 0xB0:
    return TN_TOK_SYMBOL;
  default:
    return k == K_PUNCT ? TN_TOK_PUNCT : TN_TOK_WORD;
  }
}

/* One punctuation unit at p: ,, '' `` ... (any run of periods) ?! (any run
 * of ! and ?) -- (a run of hyphens) or one character with its marks. */
static size_t punct_unit(const char *s, size_t p, size_t end, tn_cp c) {
  unsigned char ch = (unsigned char)s[p];
  if (ch == ',' && p + 1 < end && s[p + 1] == ',') {
    /* ,, is a quote; in an odd run the comma comes first (gezegd,,,maar) */
    size_t q = p;
    while (q < end && s[q] == ',') q++;
    return (q - p) % 2 ? p + 1 : p + 2;
  }
  if ((ch == '\'' || ch == '`') && p + 1 < end && s[p + 1] == (char)ch)
    return p + 2;
  if (ch == '.' || ch == '-' || ch == '!' || ch == '?') {
    size_t q = p + 1;
    while (q < end) {
      unsigned char d = (unsigned char)s[q];
      if (ch == '.' || ch == '-' ? d == ch : (d == '!' || d == '?')) q++;
      else break;
    }
    return with_marks(s, q, end, 0);
  }
  if (c.k == K_EMOJI || c.k == K_RI) return emoji_end(s, p, end, c);
  if (c.k == K_INVALID) return p + 1;
  return with_marks(s, p, end, c.n);
}

size_t tn_tokx_unit(const char *s, size_t p, size_t end, const tn_bounds *bd,
                    uint8_t *kind) {
  if (p == bd->emo) {
    *kind = TN_TOK_EMOTICON;
    return end;
  }
  size_t stop = p < bd->emo && bd->emo < end ? bd->emo : end;
  tn_cp c = tn_tokx_at(s, p, stop);
  if (c.k == K_PUNCT || c.k == K_SYMBOL || c.k == K_EMOJI || c.k == K_RI ||
      c.k == K_INVALID || c.k == K_OTHER) {
    *kind = unit_kind(c.cp, c.k);
    return punct_unit(s, p, stop, c);
  }
  /* Letters left over after an address ("jan@x.nl's"): one run. */
  size_t q = p;
  while (q < stop) {
    tn_cp d = tn_tokx_at(s, q, stop);
    if (q > p && (d.k == K_PUNCT || d.k == K_EMOJI || d.k == K_INVALID)) break;
    q += d.n;
  }
  *kind = c.k == K_DIGIT ? TN_TOK_NUMBER : TN_TOK_WORD;
  return q;
}

/* ---- trailing punctuation and abbreviations ----------------------------- */

/* Is s[cs..e) (the core without its final period) an abbreviation?
 * Returns the TN_ABBR_* class. */
static int abbrev_class(const char *s, size_t cs, size_t e) {
  size_t n = e - cs;
  if (n == 0) return TN_ABBR_NONE;
  tn_cp first = tn_tokx_at(s, cs, e);
  /* A single letter is an initial (P. de Boer) or a one-letter
   * abbreviation (v. Chr.). */
  if (with_marks(s, cs, e, first.n) == e && tn_tokx_is_letter(first.k)) {
    /* Capital Latin letters are initials; "π." and "ж." end sentences,
     * and so does a lowercase letter unless the list has it (v. p.). */
    if (first.cp >= 0x250) return TN_ABBR_NONE;
    if (first.k == K_UPPER) return TN_ABBR_TITLE;
  }
  int cls = tn_tokx_abbrev(s + cs, n);
  if (cls) return cls;
  /* Dotted forms: letters in groups of one to three, each group followed
   * by a period (o.a, d.w.z, a.u.b, V.S, W.H, Ph.D); the last group is
   * the one before the final period we are deciding about. */
  size_t groups = 0, run = 0;
  int any_lower = 0;
  for (size_t q = cs; q < e;) {
    tn_cp c = tn_tokx_at(s, q, e);
    if (tn_tokx_is_letter(c.k)) {
      if (c.k == K_LOWER) any_lower = 1;
      if (++run > 3) return TN_ABBR_NONE;
    } else if (c.cp == '.' && run > 0) {
      groups++;
      run = 0;
    } else if (c.k != K_MARK) {
      return TN_ABBR_NONE;
    }
    q += c.n;
  }
  if (groups == 0 || run == 0) return TN_ABBR_NONE;
  /* J.W. and V.S.: initials and capitals behave like names. */
  if (!any_lower) return TN_ABBR_TITLE;
  return TN_ABBR_MID;
}

/* Where the trailing region starts, given the core starts at cs and the
 * chunk (without a trailing emoticon) ends at b. */
static size_t trail_start(const char *s, size_t cs, size_t b, uint8_t *abbr,
                          int brackets) {
  /* Bracket balance of the core, kept up to date while peeling. */
  long open = 0, close = 0;
  for (size_t q = cs; brackets && q < b; q++) {
    if (s[q] == '(' || s[q] == '[') open++;
    else if (s[q] == ')' || s[q] == ']') close++;
  }
  size_t e = b;
  while (e > cs) {
    tn_cp c = tn_tokx_before(s, cs, e);
    if (c.k != K_PUNCT) return e;
    switch (c.cp) {
    case '.': {
      size_t r = e - 1;
      while (r > cs && s[r - 1] == '.') r--;
      if (e - r >= 2) { /* an ellipsis; 1995-... keeps it (open range) */
        if (r > cs && s[r - 1] == '-') return e;
        e = r;
        continue;
      }
      if (r == cs) return cs;
      tn_cp before = tn_tokx_before(s, cs, r);
      if (tn_tokx_is_letter(before.k) || before.k == K_MARK) {
        int cls = abbrev_class(s, cs, r);
        if (cls) {
          *abbr = (uint8_t)cls;
          return e;
        }
      }
      e = r;
      continue;
    }
    case 0x2026: /* … */
      if (e - c.n > cs && s[e - c.n - 1] == '-') return e;
      e -= c.n;
      continue;
    case ')': case ']':
      if (close > open) {
        close--;
        e--;
        continue;
      }
      return e;
    case '(': case '[':
      open--;
      e--;
      continue;
    case '-':
      /* land- and zwangerschaps-: an elliptical compound keeps its hyphen;
       * a run of two or more is a dash. */
      if (e - 1 > cs && s[e - 2] == '-') {
        while (e > cs && s[e - 1] == '-') e--;
        continue;
      }
      return e;
    case '%': case 0x2030: case '_': case '#':
      return e;
    case '\'':
      if (e - 1 > cs && s[e - 2] == '\'') {
        e -= 2;
        continue;
      }
      e--;
      continue;
    default:
      if (c.cp == '!' || c.cp == '?') {
        while (e > cs && (s[e - 1] == '!' || s[e - 1] == '?')) e--;
        continue;
      }
      if (c.cp == ',' && e - 1 > cs && s[e - 2] == ',') {
        e -= 2;
        continue;
      }
      e -= c.n;
      continue;
    }
  }
  return e;
}

void tn_tokx_bounds(const char *s, size_t a, size_t b, tn_bounds *o) {
  o->special = TN_TOK_KIND_COUNT;
  o->abbr = TN_ABBR_NONE;
  o->emo = b;
  if (emoticon_exact(s, a, b)) {
    o->cs = a;
    o->ce = b;
    o->special = TN_TOK_EMOTICON;
    return;
  }
  size_t bb = emoticon_suffix(s, a, b);
  o->emo = bb;
  size_t p = a;
  while (p < bb) {
    tn_cp c = tn_tokx_at(s, p, bb);
    if (core_starts(s, p, bb, c)) break;
    p = punct_unit(s, p, bb, c);
  }
  o->cs = p;
  if (p == bb) {
    o->ce = bb;
    return;
  }
  unsigned char c0 = (unsigned char)s[p];
  size_t q = 0;
  uint8_t kind = TN_TOK_URL;
  /* One pass over the core for what the matchers need: addresses need an
   * @, URLs a period or a colon (most chunks have neither), the bracket
   * rule a bracket; addresses stop at an invalid byte. */
  int at = 0, dot = 0, brackets = 0, high = 0;
  for (size_t i = p; i < bb; i++) {
    unsigned char c = (unsigned char)s[i];
    at |= c == '@';
    dot |= c == '.' || c == ':';
    brackets |= c == '(' || c == ')' || c == '[' || c == ']';
    high |= c >= 0x80;
  }
  size_t lim = bb;
  if (high && (at || dot || c0 == '#' || c0 == '@')) {
    lim = p;
    while (lim < bb) {
      tn_cp x = tn_tokx_at(s, lim, bb);
      if (x.k == K_INVALID) break;
      lim += x.n;
    }
  }
  if (c0 == '#' || c0 == '@') {
    q = tag_like(s, p, lim);
    kind = c0 == '#' ? TN_TOK_HASHTAG : TN_TOK_MENTION;
  } else if (is_ascii_alnum(c0)) {
    if (at) q = email_like(s, p, lim);
    if (q) kind = TN_TOK_EMAIL;
    else if (dot) q = url_like(s, p, lim);
  }
  if (q > p) {
    o->ce = q;
    o->special = kind;
    return;
  }
  o->ce = trail_start(s, p, bb, &o->abbr, brackets);
}

/* ---- the core ----------------------------------------------------------- */

/* Is the character at q (inside a core, after its first character) the
 * start of a split? prev is the character before q. */
static int split_here(const char *s, size_t q, size_t ce, tn_cp prev, tn_cp c,
                      size_t start) {
  if (c.k == K_EMOJI || c.k == K_RI || c.k == K_INVALID) return 1;
  if (prev.k == K_EMOJI || prev.k == K_RI || prev.k == K_INVALID) return 1;
  if (is_dquote(c.cp) || is_dquote(prev.cp)) return 1;
  /* '' is a closing quote, never part of a word: nee'',,,ja'' */
  if (prev.cp == '\'' && q >= start + 2 && s[q - 2] == '\'') return 1;
  if (c.k != K_PUNCT) return 0;
  tn_cp next = q + c.n < ce ? tn_tokx_at(s, q + c.n, ce)
                            : (tn_cp){-1, 0, K_SPACE};
  int pl = tn_tokx_is_letter(prev.k) || prev.k == K_MARK;
  switch (c.cp) {
  case '\'':
    return next.cp == '\'';
  case ',':
    if (next.cp == ',') return 1; /* gravel:,,Dat */
    return pl && tn_tokx_is_letter(next.k);
  case ';':
    return pl && tn_tokx_is_letter(next.k);
  case ':':
    return pl && (next.k == K_UPPER || is_dquote(next.cp) || next.cp == ',');
  case '!': case '?':
    return pl && (tn_tokx_is_letter(next.k) || is_dquote(next.cp));
  case 0x2026:
    return prev.cp != '-';
  case '.': {
    if (next.cp == '.') return pl; /* wacht...wat */
    /* A missing space after a sentence: "zin.Volgende" (a lowercase word
     * of two or more letters, then a capital and a lowercase letter).
     * J.Ensor, St.-Pieter and U1.2 stay whole. */
    if (prev.k != K_LOWER || next.k != K_UPPER || q - start < 2) return 0;
    if (q - prev.n <= start) return 0;
    tn_cp p2 = tn_tokx_before(s, start, q - prev.n);
    if (p2.k != K_LOWER) return 0;
    size_t r = q + 1 + next.n;
    if (r >= ce) return 0;
    tn_cp n2 = tn_tokx_at(s, r, ce);
    return n2.k == K_LOWER;
  }
  default:
    return 0;
  }
}

/* Number: [sign] ['] digits ([.,:/-] digits)* [-[...]] [suffix], where
 * the suffix is % ‰ or up to four letters (3e, 21ste, 500cc, 13u30 is
 * digits-u-digits). */
static int is_number(const char *s, size_t p, size_t q) {
  size_t i = p;
  if (i < q && (s[i] == '+' || s[i] == '-')) i++;
  if (i < q && s[i] == '\'') i++;
  if (i >= q || !(s[i] >= '0' && s[i] <= '9')) return 0;
  while (i < q) {
    while (i < q && s[i] >= '0' && s[i] <= '9') i++;
    if (i >= q) return 1;
    char c = s[i];
    if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') &&
        i + 1 < q && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i++;
      continue;
    }
    if ((c == 'u' || c == 'h') && i + 1 < q && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i++;
      continue;
    }
    break;
  }
  if (s[i] == '-') {
    i++;
    while (i < q && s[i] == '.') i++;
    return i == q;
  }
  if (s[i] == '%') return i + 1 == q;
  size_t letters = 0;
  while (i < q && (((unsigned char)s[i] | 32) >= 'a' && ((unsigned char)s[i] | 32) <= 'z')) {
    i++;
    letters++;
  }
  if (i + 3 <= q && memcmp(s + i, "\xE2\x80\xB0", 3) == 0) i += 3; /* ‰ */
  if (i + 2 <= q && (memcmp(s + i, "\xC2\xB2", 2) == 0 ||
                     memcmp(s + i, "\xC2\xB3", 2) == 0)) i += 2; /* m² */
  return i == q && letters <= 4;
}

static uint8_t core_kind(const char *s, size_t p, size_t q, tn_cp first) {
  if (is_number(s, p, q)) return TN_TOK_NUMBER;
  if (tn_tokx_is_alnum(first.k) || first.k == K_MARK || first.k == K_NUMSYM)
    return TN_TOK_WORD;
  /* Starting with a sign or symbol: a word if any letter or digit follows
   * (°C, -ie, &c), else punctuation or a symbol. */
  for (size_t i = p; i < q;) {
    tn_cp c = tn_tokx_at(s, i, q);
    if (tn_tokx_is_alnum(c.k)) return TN_TOK_WORD;
    i += c.n;
  }
  return unit_kind(first.cp, first.k);
}

size_t tn_tokx_core(const char *s, size_t p, const tn_bounds *bd,
                    uint8_t *kind) {
  size_t ce = bd->ce;
  if (bd->special != TN_TOK_KIND_COUNT) {
    *kind = bd->special;
    return ce;
  }
  tn_cp c = tn_tokx_at(s, p, ce);
  /* A split point starts a token of its own. */
  if (c.k == K_EMOJI || c.k == K_RI) {
    *kind = TN_TOK_EMOJI;
    return emoji_end(s, p, ce, c);
  }
  if (c.k == K_INVALID) {
    *kind = TN_TOK_SYMBOL;
    return p + 1;
  }
  if (p > bd->cs && c.k == K_PUNCT) {
    tn_cp prev = tn_tokx_before(s, bd->cs, p);
    if (split_here(s, p, ce, prev, c, bd->cs)) {
      *kind = unit_kind(c.cp, c.k);
      size_t q = punct_unit(s, p, ce, c);
      /* punct_unit joins runs; a split ".." inside a word stays a unit */
      return q;
    }
  }
  if (is_dquote(c.cp)) {
    *kind = TN_TOK_PUNCT;
    return with_marks(s, p, ce, c.n);
  }
  size_t start = p;
  tn_cp first = c, prev = c;
  size_t q = p + c.n;
  while (q < ce) {
    tn_cp d = tn_tokx_at(s, q, ce);
    /* letters and digits after letters and digits never split */
    if (!((d.k == K_LOWER || d.k == K_UPPER || d.k == K_DIGIT) &&
          (prev.k == K_LOWER || prev.k == K_UPPER || prev.k == K_DIGIT) &&
          prev.cp < 0x80) &&
        split_here(s, q, ce, prev, d, start))
      break;
    prev = d;
    q += d.n;
  }
  if (q == ce && bd->abbr) *kind = TN_TOK_ABBREV;
  else *kind = core_kind(s, start, q, first);
  return q;
}
