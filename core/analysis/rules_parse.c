/* The compact pattern syntax: a recursive-descent parser from pattern text
 * to a tree of token tests, sequences, alternatives, repeats and captures,
 * with errors that name the character position and what was expected. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libstemmer.h>

#include "analysis/rules_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#define MAX_DEPTH 64

typedef struct parser {
  tn_rules *rs;
  tn_arena *arena;
  const char *s;
  size_t len, i;
  int depth;
  uint32_t ncaps;
  char **capnames;
  size_t capcap;
  tn_error *err;
  int failed;
  tn_buf word;
} parser;

/* Kind names in tn_tok_kind order (core/text/tokenizer.h); stored corpora
 * depend on that order, so it cannot drift silently. */
static const char *const kind_names[] = {
    "word",     "number",  "punct",   "symbol",   "url",   "email",
    "hashtag",  "mention", "emoticon", "emoji",   "abbrev"};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])

size_t tn_rules_charpos(const char *pattern, size_t off) {
  size_t cp = 1;
  for (size_t i = 0; i < off; i++)
    if (((unsigned char)pattern[i] & 0xC0) != 0x80) cp++;
  return cp;
}

static void *fail(parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void *fail(parser *p, size_t off, const char *fmt, ...) {
  if (p->failed) return NULL;
  p->failed = 1;
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  tn_error_set(p->err, TN_ESYNTAX, NULL, 0, "position %zu: %s",
               tn_rules_charpos(p->s, off), msg);
  return NULL;
}

static void *oom(parser *p) {
  if (!p->failed) {
    p->failed = 1;
    tn_error_set(p->err, TN_ENOMEM, NULL, 0, "out of memory");
  }
  return NULL;
}

static void skip_space(parser *p) {
  while (p->i < p->len && isspace((unsigned char)p->s[p->i])) p->i++;
}

static int at_end(const parser *p) { return p->i >= p->len; }
static char peek(const parser *p) { return at_end(p) ? '\0' : p->s[p->i]; }

/* Characters that end a word (besides whitespace). '!' and '/' are
 * special only at the start of a word, so "en/of" is one literal. */
static int ends_word(char c) {
  return c == '(' || c == ')' || c == '|' || c == '?' || c == '+' ||
         c == '{' || c == '}' || c == '[' || c == ']' || c == '"';
}

static rnode *new_node(parser *p, int type, size_t pos) {
  rnode *n = tn_arena_alloc(p->arena, sizeof *n);
  if (!n) return oom(p);
  memset(n, 0, sizeof *n);
  n->type = (uint8_t)type;
  n->pos = (uint32_t)pos;
  return n;
}

static uint32_t new_test(parser *p, int op) {
  tn_rules *rs = p->rs;
  if (tn_grow((void **)&rs->tests, &rs->tests_cap, rs->ntests + 1,
              sizeof *rs->tests) < 0) {
    oom(p);
    return UINT32_MAX;
  }
  rtest *t = &rs->tests[rs->ntests];
  memset(t, 0, sizeof *t);
  t->op = (uint8_t)op;
  return (uint32_t)rs->ntests++;
}

static rnode *test_node(parser *p, uint32_t t, size_t pos) {
  if (t == UINT32_MAX) return NULL;
  rnode *n = new_node(p, N_TEST, pos);
  if (n) n->test = t;
  return n;
}

/* Reads a bare word into p->word: backslash escapes the next byte, an
 * unescaped '*' becomes the wildcard marker '\0'. Returns the number of
 * wildcards. */
static int read_word(parser *p) {
  int wild = 0;
  tn_buf_clear(&p->word);
  while (!at_end(p)) {
    char c = p->s[p->i];
    if (isspace((unsigned char)c) || ends_word(c)) break;
    if (c == '\\' && p->i + 1 < p->len) {
      c = p->s[++p->i];
    } else if (c == '*') {
      wild++;
      c = '\0';
    }
    if (tn_buf_putc(&p->word, c) < 0) {
      oom(p);
      return -1;
    }
    p->i++;
  }
  return wild;
}

/* Reads "..." (p->i at the quote) into p->word, no wildcards. */
static int read_quoted(parser *p) {
  size_t open = p->i++;
  tn_buf_clear(&p->word);
  while (!at_end(p) && p->s[p->i] != '"') {
    char c = p->s[p->i];
    if (c == '\\' && p->i + 1 < p->len) c = p->s[++p->i];
    if (tn_buf_putc(&p->word, c) < 0) {
      oom(p);
      return -1;
    }
    p->i++;
  }
  if (at_end(p)) {
    fail(p, p->i, "expected '\"' to close the quote opened at %zu",
         tn_rules_charpos(p->s, open));
    return -1;
  }
  p->i++;
  if (p->word.len == 0) {
    fail(p, open, "empty quotes: expected a word between them");
    return -1;
  }
  return 0;
}

/* Normalises s into rs->scratch; 0, or -1 with the error set. */
static int normalise(parser *p, const char *s, size_t len) {
  tn_buf_clear(&p->rs->scratch);
  tn_status st = p->rs->normfn(s, len, &p->rs->scratch);
  if (st == TN_OK) return 0;
  if (st == TN_ENOMEM) oom(p);
  else fail(p, p->i, "cannot normalise '%.*s': %s", (int)len, s, tn_strerror(st));
  return -1;
}

static uint32_t intern_norm(parser *p, const char *s, size_t len) {
  tn_rules *rs = p->rs;
  tn_buf_clear(&rs->scratch);
  tn_status st = rs->normfn(s, len, &rs->scratch);
  if (st < 0) {
    if (st == TN_ENOMEM) oom(p);
    else fail(p, p->i, "cannot normalise '%.*s'", (int)len, s);
    return UINT32_MAX;
  }
  uint32_t id = tn_intern_add(&rs->lex, rs->scratch.data ? rs->scratch.data : "",
                              rs->scratch.len);
  if (id == TN_INTERN_NONE) oom(p);
  return id;
}

/* A literal or glob on a field, from p->word. */
static rnode *literal(parser *p, int field, int wild, size_t pos) {
  tn_rules *rs = p->rs;
  const char *w = p->word.data ? p->word.data : "";
  size_t wl = p->word.len;
  if (wild == 0) {
    uint32_t t = new_test(p, field == F_FORM ? T_FORM : T_NORM);
    if (t == UINT32_MAX) return NULL;
    uint32_t id = field == F_FORM ? tn_intern_add(&rs->lex, w, wl)
                                  : intern_norm(p, w, wl);
    if (id == TN_INTERN_NONE || id == UINT32_MAX) return oom(p);
    rs->tests[t].id = id;
    return test_node(p, t, pos);
  }
  if ((size_t)wild == wl)
    return fail(p, pos, "a wildcard needs at least one other character; "
                        "use [] for any token");
  /* Normalise each piece between wildcards for a norm glob. */
  tn_buf g = TN_BUF_INIT;
  size_t a = 0;
  for (size_t b = 0; b <= wl; b++) {
    if (b < wl && w[b] != '\0') continue;
    if (b > a) {
      if (field == F_NORM) {
        if (normalise(p, w + a, b - a) < 0) {
          tn_buf_free(&g);
          return NULL;
        }
        if (tn_buf_append(&g, rs->scratch.data, rs->scratch.len) < 0) {
          tn_buf_free(&g);
          return oom(p);
        }
      } else if (tn_buf_append(&g, w + a, b - a) < 0) {
        tn_buf_free(&g);
        return oom(p);
      }
    }
    if (b < wl && tn_buf_putc(&g, '\0') < 0) {
      tn_buf_free(&g);
      return oom(p);
    }
    a = b + 1;
  }
  uint32_t t = new_test(p, T_GLOB);
  char *copy = t == UINT32_MAX ? NULL : tn_arena_alloc(&rs->arena, g.len + 1);
  if (!copy) {
    tn_buf_free(&g);
    return oom(p);
  }
  memcpy(copy, g.data, g.len);
  copy[g.len] = '\0';
  rs->tests[t].field = (uint8_t)field;
  rs->tests[t].glob = copy;
  rs->tests[t].glob_len = g.len;
  tn_buf_free(&g);
  return test_node(p, t, pos);
}

/* /regex/flags, p->i at the opening slash. */
static rnode *regex(parser *p, int field) {
  tn_rules *rs = p->rs;
  size_t open = p->i++;
  tn_buf body = TN_BUF_INIT;
  if (tn_buf_puts(&body, "^(") < 0) return oom(p);
  while (!at_end(p) && p->s[p->i] != '/') {
    char c = p->s[p->i];
    if (c == '\\' && p->i + 1 < p->len && p->s[p->i + 1] == '/') {
      c = '/';
      p->i++;
    } else if (c == '\\' && p->i + 1 < p->len) {
      if (tn_buf_putc(&body, c) < 0) goto nomem;
      c = p->s[++p->i];
    }
    if (tn_buf_putc(&body, c) < 0) goto nomem;
    p->i++;
  }
  if (at_end(p)) {
    tn_buf_free(&body);
    return fail(p, p->i,
                "expected '/' to close the regular expression opened at %zu",
                tn_rules_charpos(p->s, open));
  }
  if (body.len == 2) {
    tn_buf_free(&body);
    return fail(p, open, "empty regular expression");
  }
  p->i++;
  int cflags = REG_EXTENDED | REG_NOSUB;
  while (!at_end(p) && isalpha((unsigned char)p->s[p->i])) {
    if (p->s[p->i] != 'i') {
      tn_buf_free(&body);
      return fail(p, p->i, "unknown regular expression flag '%c' (expected i)",
                  p->s[p->i]);
    }
    cflags |= REG_ICASE;
    p->i++;
  }
  if (tn_buf_puts(&body, ")$") < 0) goto nomem;
  regex_t *re = tn_malloc(sizeof *re);
  if (!re) goto nomem;
  int rc = regcomp(re, body.data, cflags);
  tn_buf_free(&body);
  if (rc != 0) {
    char msg[200];
    regerror(rc, re, msg, sizeof msg);
    tn_free(re);
    return fail(p, open, "bad regular expression: %s", msg);
  }
  uint32_t t = new_test(p, T_REGEX);
  if (t == UINT32_MAX) {
    regfree(re);
    tn_free(re);
    return NULL;
  }
  rs->tests[t].field = (uint8_t)field;
  rs->tests[t].re = re;
  return test_node(p, t, open);
nomem:
  tn_buf_free(&body);
  return oom(p);
}

static int has_prefix(const parser *p, const char *pre) {
  size_t n = strlen(pre);
  return p->len - p->i >= n && memcmp(p->s + p->i, pre, n) == 0;
}

static rnode *field_value(parser *p, int field, size_t pos) {
  char c = peek(p);
  if (c == '/') return regex(p, field);
  if (c == '"') {
    if (read_quoted(p) < 0) return NULL;
    return literal(p, field, 0, pos);
  }
  int wild = read_word(p);
  if (wild < 0) return NULL;
  if (p->word.len == 0)
    return fail(p, p->i, "expected a word, \"quoted text\" or /regex/ after "
                         "'%s:'", field == F_FORM ? "form" : "norm");
  return literal(p, field, wild, pos);
}

static rnode *stem_value(parser *p, size_t pos) {
  tn_rules *rs = p->rs;
  int wild;
  if (peek(p) == '"') {
    if (read_quoted(p) < 0) return NULL;
    wild = 0;
  } else {
    wild = read_word(p);
    if (wild < 0) return NULL;
  }
  if (p->word.len == 0)
    return fail(p, p->i, "expected a word after 'stem:'");
  if (wild) return fail(p, pos, "a stem cannot hold wildcards; write "
                                 "stem:WORD or a wildcard without 'stem:'");
  if (normalise(p, p->word.data, p->word.len) < 0) return NULL;
  size_t sl;
  const char *st = tn_rules_stem(&rs->stemmer, rs->scratch.data,
                                 rs->scratch.len, &sl);
  if (!st) return oom(p);
  uint32_t id = tn_intern_add(&rs->lex, st, sl);
  if (id == TN_INTERN_NONE) return oom(p);
  uint32_t t = new_test(p, T_STEM);
  if (t == UINT32_MAX) return NULL;
  rs->tests[t].id = id;
  rs->uses_stems = 1;
  return test_node(p, t, pos);
}

static rnode *kind_value(parser *p, size_t pos) {
  size_t at = p->i;
  int wild = read_word(p);
  if (wild < 0) return NULL;
  for (size_t k = 0; k < NKINDS && wild == 0; k++) {
    if (p->word.len == strlen(kind_names[k]) &&
        memcmp(p->word.data, kind_names[k], p->word.len) == 0) {
      uint32_t t = new_test(p, T_KIND);
      if (t == UINT32_MAX) return NULL;
      p->rs->tests[t].id = (uint32_t)k;
      return test_node(p, t, pos);
    }
  }
  return fail(p, at, "unknown token kind '%.*s' (expected word, number, "
                     "punct, symbol, url, email, hashtag, mention, emoticon, "
                     "emoji or abbrev)",
              (int)p->word.len, p->word.data ? p->word.data : "");
}

static rnode *parse_alt(parser *p);

/* A group "( ... )" or "(?<name> ... )"; p->i at '('. */
static rnode *group(parser *p) {
  size_t open = p->i++;
  int cap = -1;
  if (peek(p) == '?') {
    p->i++;
    if (peek(p) != '<')
      return fail(p, p->i, "expected '<' after '(?' (a named capture is "
                           "written (?<name> ...))");
    p->i++;
    size_t a = p->i;
    while (!at_end(p) &&
           (isalnum((unsigned char)p->s[p->i]) || p->s[p->i] == '_'))
      p->i++;
    if (p->i == a)
      return fail(p, p->i, "expected a capture name (letters, digits, _) "
                           "after '(?<'");
    if (peek(p) != '>') return fail(p, p->i, "expected '>' after the capture name");
    size_t nl = p->i - a;
    for (uint32_t k = 0; k < p->ncaps; k++)
      if (strlen(p->capnames[k]) == nl && memcmp(p->capnames[k], p->s + a, nl) == 0)
        return fail(p, a, "capture '%.*s' is defined twice", (int)nl, p->s + a);
    if (p->ncaps == p->capcap) {
      size_t nc = p->capcap ? p->capcap * 2 : 4;
      char **grown = tn_arena_alloc(p->arena, nc * sizeof *grown);
      if (!grown) return oom(p);
      if (p->ncaps) memcpy(grown, p->capnames, p->ncaps * sizeof *grown);
      p->capnames = grown;
      p->capcap = nc;
    }
    char *name = tn_arena_strndup(p->arena, p->s + a, nl);
    if (!name) return oom(p);
    p->capnames[p->ncaps] = name;
    cap = (int)p->ncaps++;
    p->i++;
  }
  if (++p->depth > MAX_DEPTH)
    return fail(p, open, "groups nested too deeply (at most %d)", MAX_DEPTH);
  skip_space(p);
  if (peek(p) == ')') return fail(p, p->i, "expected a token test inside the group");
  rnode *inner = parse_alt(p);
  if (!inner) return NULL;
  p->depth--;
  if (peek(p) != ')')
    return fail(p, p->i, "expected ')' to close the group opened at %zu",
                tn_rules_charpos(p->s, open));
  p->i++;
  if (cap >= 0) {
    rnode *n = new_node(p, N_CAPTURE, open);
    if (!n) return NULL;
    n->cap = (uint32_t)cap;
    n->kids = tn_arena_alloc(p->arena, sizeof *n->kids);
    if (!n->kids) return oom(p);
    n->kids[0] = inner;
    n->nkids = 1;
    return n;
  }
  /* Alternatives of single tokens become one set test: fewer threads in
   * the matcher, and the literals index the rule directly. */
  if (inner->type == N_ALT) {
    uint32_t k;
    for (k = 0; k < inner->nkids && inner->kids[k]->type == N_TEST; k++) {}
    if (k == inner->nkids) {
      uint32_t t = new_test(p, T_SET);
      if (t == UINT32_MAX) return NULL;
      uint32_t *m = tn_arena_alloc(&p->rs->arena, inner->nkids * sizeof *m);
      if (!m) return oom(p);
      for (k = 0; k < inner->nkids; k++) m[k] = inner->kids[k]->test;
      p->rs->tests[t].members = m;
      p->rs->tests[t].nmembers = inner->nkids;
      return test_node(p, t, open);
    }
  }
  return inner;
}

/* One token test or group, without quantifier. */
static rnode *atom(parser *p) {
  size_t pos = p->i;
  char c = peek(p);
  switch (c) {
  case '(': return group(p);
  case '!': {
    p->i++;
    if (at_end(p) || isspace((unsigned char)peek(p)))
      return fail(p, p->i, "expected a token test right after '!'");
    rnode *n = atom(p);
    if (!n) return NULL;
    if (n->type != N_TEST)
      return fail(p, pos, "'!' applies to one token: expected a single token "
                          "test or a group of single-token alternatives");
    p->rs->tests[n->test].neg ^= 1;
    n->pos = (uint32_t)pos;
    return n;
  }
  case '[':
    p->i++;
    if (peek(p) != ']')
      return fail(p, p->i, "expected ']' ([] stands for any token)");
    p->i++;
    return test_node(p, new_test(p, T_ANY), pos);
  case '"':
    if (read_quoted(p) < 0) return NULL;
    return literal(p, F_NORM, 0, pos);
  case '/': return regex(p, F_NORM);
  case ')': return fail(p, pos, "unexpected ')': no group is open");
  case ']': case '}': return fail(p, pos, "unexpected '%c'", c);
  case '?': case '+': case '{':
    return fail(p, pos, "'%c' has nothing to repeat", c);
  case '|': return fail(p, pos, "expected a token test before '|'");
  default: break;
  }
  if (has_prefix(p, "form:")) {
    p->i += 5;
    return field_value(p, F_FORM, pos);
  }
  if (has_prefix(p, "norm:")) {
    p->i += 5;
    return field_value(p, F_NORM, pos);
  }
  if (has_prefix(p, "stem:")) {
    p->i += 5;
    return stem_value(p, pos);
  }
  if (has_prefix(p, "kind:")) {
    p->i += 5;
    return kind_value(p, pos);
  }
  int wild = read_word(p);
  if (wild < 0) return NULL;
  return literal(p, F_NORM, wild, pos);
}

static int read_int(parser *p, int *out) {
  size_t a = p->i;
  long v = 0;
  while (!at_end(p) && isdigit((unsigned char)p->s[p->i])) {
    if (v < 1000000) v = v * 10 + (p->s[p->i] - '0');
    p->i++;
  }
  *out = (int)v;
  return p->i > a;
}

/* An atom and its quantifier, which must follow it directly. */
static rnode *item(parser *p) {
  rnode *a = atom(p);
  if (!a) return NULL;
  char c = peek(p);
  if (c != '?' && c != '*' && c != '+' && c != '{') return a;
  size_t qpos = p->i++;
  int min = 0, max = -1;
  if (c == '?') max = 1;
  else if (c == '+') min = 1;
  else if (c == '{') {
    int has_min = read_int(p, &min);
    if (peek(p) == '}') {
      if (!has_min) return fail(p, p->i, "expected a number after '{'");
      max = min;
    } else if (peek(p) == ',') {
      p->i++;
      if (!read_int(p, &max)) max = -1;
    } else {
      return fail(p, p->i, "expected a number, ',' or '}' in the bound "
                           "opened at %zu", tn_rules_charpos(p->s, qpos));
    }
    if (peek(p) != '}')
      return fail(p, p->i, "expected '}' to close the bound opened at %zu",
                  tn_rules_charpos(p->s, qpos));
    p->i++;
    if (max >= 0 && min > max)
      return fail(p, qpos, "bound {%d,%d}: the minimum is above the maximum",
                  min, max);
    if (min > TN_RULES_MAX_REPEAT || max > TN_RULES_MAX_REPEAT)
      return fail(p, qpos, "bound %d is too large (at most %d)",
                  min > max ? min : max, TN_RULES_MAX_REPEAT);
    if (max == 0) return fail(p, qpos, "bound {0,0} matches nothing");
  }
  c = peek(p);
  if (c == '?' || c == '*' || c == '+' || c == '{')
    return fail(p, p->i, "a second quantifier needs a group: write (...)%c",
                c);
  if (min == 1 && max == 1) return a;
  rnode *n = new_node(p, N_REPEAT, qpos);
  if (!n) return NULL;
  n->min = min;
  n->max = max;
  n->kids = tn_arena_alloc(p->arena, sizeof *n->kids);
  if (!n->kids) return oom(p);
  n->kids[0] = a;
  n->nkids = 1;
  return n;
}

/* Appends kid to a list node, growing its array in the arena. */
static int add_kid(parser *p, rnode *n, rnode *kid, uint32_t *cap) {
  if (n->nkids == *cap) {
    uint32_t nc = *cap ? *cap * 2 : 4;
    rnode **grown = tn_arena_alloc(p->arena, nc * sizeof *grown);
    if (!grown) {
      oom(p);
      return -1;
    }
    if (n->nkids) memcpy(grown, n->kids, n->nkids * sizeof *grown);
    n->kids = grown;
    *cap = nc;
  }
  n->kids[n->nkids++] = kid;
  return 0;
}

static rnode *parse_seq(parser *p) {
  rnode *seq = new_node(p, N_SEQ, p->i);
  uint32_t cap = 0;
  if (!seq) return NULL;
  for (;;) {
    skip_space(p);
    char c = peek(p);
    if (at_end(p) || c == '|' || (c == ')' && p->depth > 0)) break;
    rnode *it = item(p);
    if (!it || add_kid(p, seq, it, &cap) < 0) return NULL;
  }
  if (seq->nkids == 1) return seq->kids[0];
  return seq;
}

static rnode *parse_alt(parser *p) {
  rnode *alt = new_node(p, N_ALT, p->i);
  uint32_t cap = 0;
  if (!alt) return NULL;
  for (;;) {
    size_t at = p->i;
    rnode *s = parse_seq(p);
    if (!s) return NULL;
    if (s->type == N_SEQ && s->nkids == 0) {
      if (peek(p) == '|') return fail(p, p->i, "expected a token test before '|'");
      return fail(p, at, "expected a token test after '|'");
    }
    if (add_kid(p, alt, s, &cap) < 0) return NULL;
    if (peek(p) != '|') break;
    p->i++;
  }
  if (alt->nkids == 1) return alt->kids[0];
  return alt;
}

rnode *tn_rules_parse(tn_rules *rs, tn_arena *arena, const char *pattern,
                      size_t len, uint32_t *ncaps, char ***capnames,
                      tn_error *err) {
  parser p;
  memset(&p, 0, sizeof p);
  p.rs = rs;
  p.arena = arena;
  p.s = pattern;
  p.len = len;
  p.err = err;
  skip_space(&p);
  rnode *root = NULL;
  size_t valid = tn_utf8_valid_prefix(pattern, len);
  if (valid < len) {
    fail(&p, valid, "invalid UTF-8 (byte 0x%02X); patterns are UTF-8 text",
         (unsigned)(unsigned char)pattern[valid]);
  } else if (at_end(&p)) {
    fail(&p, 0, "the pattern is empty: expected a token test");
  } else {
    root = parse_alt(&p);
    if (root && !at_end(&p)) {
      /* parse_seq stops at ')' only inside a group, so this is a '|'
       * or ')' that parse_alt could not use. */
      root = fail(&p, p.i, "unexpected '%c'", peek(&p));
    }
  }
  tn_buf_free(&p.word);
  if (p.failed) return NULL;
  *ncaps = p.ncaps;
  *capnames = p.capnames;
  return root;
}
