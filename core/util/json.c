/* Strict JSON cursor: validates as it reads, never builds a tree. */
#include "util/json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

void tn_json_init(tn_json *j, const char *data, size_t len) {
  j->start = j->p = data;
  j->end = data + len;
  j->msg = NULL;
  j->depth = 0;
}

static void skip_ws(tn_json *j) {
  while (j->p < j->end &&
         (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
    j->p++;
}

static int fail(tn_json *j, const char *msg) {
  if (!j->msg) j->msg = msg;
  return -1;
}

tn_json_type tn_json_peek(tn_json *j) {
  skip_ws(j);
  if (j->p >= j->end) return TN_JSON_END;
  switch (*j->p) {
  case 'n': return TN_JSON_NULL;
  case 'f': return TN_JSON_FALSE;
  case 't': return TN_JSON_TRUE;
  case '"': return TN_JSON_STRING;
  case '[': return TN_JSON_ARRAY;
  case '{': return TN_JSON_OBJECT;
  default:
    if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) return TN_JSON_NUMBER;
  }
  fail(j, *j->p == 0 ? "a NUL byte where a JSON value should be"
                     : "expected a JSON value (a string in double quotes, a "
                       "number, true, false, null, [ or {)");
  return TN_JSON_END;
}

int tn_json_expect(tn_json *j, char c) {
  skip_ws(j);
  if (j->p < j->end && *j->p == c) {
    j->p++;
    return 0;
  }
  switch (c) {
  case ':': return fail(j, "expected ':' after the field name");
  case '{': return fail(j, "expected '{' (each line must be one JSON object)");
  case '"': return fail(j, "expected a field name in double quotes");
  default: return fail(j, "unexpected character");
  }
}

int tn_json_next(tn_json *j, char close) {
  skip_ws(j);
  if (j->p < j->end && *j->p == ',') {
    j->p++;
    return 1;
  }
  if (j->p < j->end && *j->p == close) {
    j->p++;
    return 0;
  }
  if (j->p >= j->end)
    return fail(j, close == '}' ? "unexpected end: missing '}'"
                                : "unexpected end: missing ']'");
  return fail(j, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
}

static int hex4(const char *p, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= (unsigned)(c - 'A' + 10);
    else
      return -1;
  }
  *out = v;
  return 0;
}

/* Lone surrogates are encoded as their (invalid) 3-byte form so that the
 * corpus's UTF-8 policy, not the JSON reader, decides about them. */
static int put_code_point(tn_buf *b, unsigned cp) {
  char tmp[4];
  int n;
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    tmp[0] = (char)(0xE0 | (cp >> 12));
    tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    tmp[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    n = tn_utf8_encode((int32_t)cp, tmp);
  }
  return tn_buf_append(b, tmp, (size_t)n);
}

/* Whether any of the 8 bytes in w is '"', '\\' or below 0x20 (the classic
 * "has zero byte" / "has byte less than" bit tricks). */
static inline int special_in_word(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t q = w ^ (ones * '"');
  uint64_t b = w ^ (ones * '\\');
  uint64_t any =
      ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w);
  return (any & high) != 0;
}

int tn_json_string(tn_json *j, tn_buf *scratch, const char **out, size_t *len,
                   int *escaped) {
  skip_ws(j);
  if (j->p >= j->end || *j->p != '"') return fail(j, "expected a string");
  const char *s = ++j->p;
  const char *e = j->end;
  /* Fast scan for the closing quote, stopping at escapes and controls:
   * eight bytes at a time while none of them is special. */
  const char *q = s;
  while (e - q >= 8) {
    uint64_t w;
    memcpy(&w, q, 8);
    if (special_in_word(w)) break;
    q += 8;
  }
  while (q < e) {
    unsigned char c = (unsigned char)*q;
    if (c == '"' || c == '\\' || c < 0x20) break;
    q++;
  }
  if (q < e && *q == '"') {
    *out = s;
    *len = (size_t)(q - s);
    if (escaped) *escaped = 0;
    j->p = q + 1;
    return 0;
  }
  size_t base = scratch->len;
  if (tn_buf_append(scratch, s, (size_t)(q - s)))
    return fail(j, "out of memory");
  j->p = q;
  for (;;) {
    if (j->p >= e) return fail(j, "unterminated string");
    unsigned char c = (unsigned char)*j->p;
    if (c == '"') {
      j->p++;
      break;
    }
    if (c < 0x20)
      return fail(j, c == '\n' ? "unterminated string (raw newline)"
                     : c == 0  ? "a NUL byte in a string (write \\u0000 if "
                                 "it is meant)"
                               : "raw control character in a string; escape it "
                                 "(\\t, \\n, \\u0001)");
    if (c != '\\') {
      const char *run = j->p;
      /* eight bytes at a time here too: a text with one \n escape would
       * otherwise be scanned byte by byte from there on */
      while (e - j->p >= 8) {
        uint64_t w;
        memcpy(&w, j->p, 8);
        if (special_in_word(w)) break;
        j->p += 8;
      }
      while (j->p < e && *j->p != '"' && *j->p != '\\' &&
             (unsigned char)*j->p >= 0x20)
        j->p++;
      if (tn_buf_append(scratch, run, (size_t)(j->p - run)))
        return fail(j, "out of memory");
      continue;
    }
    if (j->p + 1 >= e) return fail(j, "unterminated string");
    char x = j->p[1];
    char lit = 0;
    switch (x) {
    case '"': lit = '"'; break;
    case '\\': lit = '\\'; break;
    case '/': lit = '/'; break;
    case 'b': lit = '\b'; break;
    case 'f': lit = '\f'; break;
    case 'n': lit = '\n'; break;
    case 'r': lit = '\r'; break;
    case 't': lit = '\t'; break;
    case 'u': {
      unsigned cp;
      if (e - j->p < 6 || hex4(j->p + 2, &cp))
        return fail(j, "bad \\u escape: expected four hex digits");
      j->p += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF && e - j->p >= 6 && j->p[0] == '\\' &&
          j->p[1] == 'u') {
        unsigned lo;
        if (hex4(j->p + 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          j->p += 6;
        }
      }
      if (put_code_point(scratch, cp)) return fail(j, "out of memory");
      continue;
    }
    default: return fail(j, "bad escape in a string");
    }
    if (tn_buf_putc(scratch, lit)) return fail(j, "out of memory");
    j->p += 2;
  }
  *out = scratch->data + base;
  *len = scratch->len - base;
  if (escaped) *escaped = 1;
  return 0;
}

int tn_json_number(tn_json *j, double *value, const char **src,
                   size_t *srclen) {
  skip_ws(j);
  const char *s = j->p, *e = j->end, *p = s;
  if (p < e && *p == '-') p++;
  if (p >= e) return fail(j, "bad number");
  if (*p == '0') {
    p++;
  } else if (*p >= '1' && *p <= '9') {
    while (p < e && *p >= '0' && *p <= '9')
      p++;
  } else {
    return fail(j, "bad number");
  }
  if (p < e && *p == '.') {
    p++;
    if (p >= e || *p < '0' || *p > '9')
      return fail(j, "bad number: digit expected after '.'");
    while (p < e && *p >= '0' && *p <= '9')
      p++;
  }
  if (p < e && (*p == 'e' || *p == 'E')) {
    p++;
    if (p < e && (*p == '+' || *p == '-')) p++;
    if (p >= e || *p < '0' || *p > '9')
      return fail(j, "bad number: digit expected in exponent");
    while (p < e && *p >= '0' && *p <= '9')
      p++;
  }
  if (value) {
    char tmp[64];
    size_t n = (size_t)(p - s);
    if (n < sizeof tmp) {
      memcpy(tmp, s, n);
      tmp[n] = '\0';
      *value = strtod(tmp, NULL); /* C locale: the CLI never sets LC_NUMERIC */
    } else {
      *value = 0; /* absurdly long; the source text is kept anyway */
    }
  }
  if (src) *src = s;
  if (srclen) *srclen = (size_t)(p - s);
  j->p = p;
  return 0;
}

int tn_json_literal(tn_json *j) {
  skip_ws(j);
  size_t left = (size_t)(j->end - j->p);
  if (left >= 4 && memcmp(j->p, "null", 4) == 0)
    j->p += 4;
  else if (left >= 4 && memcmp(j->p, "true", 4) == 0)
    j->p += 4;
  else if (left >= 5 && memcmp(j->p, "false", 5) == 0)
    j->p += 5;
  else
    return fail(j, "expected a JSON value");
  return 0;
}

static int skip_value(tn_json *j, tn_buf *scratch) {
  tn_json_type t = tn_json_peek(j);
  switch (t) {
  case TN_JSON_END: return fail(j, "expected a JSON value");
  case TN_JSON_NULL:
  case TN_JSON_FALSE:
  case TN_JSON_TRUE: return tn_json_literal(j);
  case TN_JSON_NUMBER: return tn_json_number(j, NULL, NULL, NULL);
  case TN_JSON_STRING: {
    const char *s;
    size_t n;
    tn_buf_clear(scratch);
    return tn_json_string(j, scratch, &s, &n, NULL);
  }
  case TN_JSON_ARRAY:
  case TN_JSON_OBJECT: {
    char close = t == TN_JSON_ARRAY ? ']' : '}';
    if (++j->depth > TN_JSON_MAX_DEPTH) return fail(j, "nested too deeply");
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == close) {
      j->p++;
      j->depth--;
      return 0;
    }
    for (;;) {
      if (t == TN_JSON_OBJECT) {
        const char *s;
        size_t n;
        skip_ws(j);
        if (j->p >= j->end || *j->p != '"')
          return fail(j, "expected a field name in double quotes");
        tn_buf_clear(scratch);
        if (tn_json_string(j, scratch, &s, &n, NULL)) return -1;
        if (tn_json_expect(j, ':')) return -1;
      }
      if (skip_value(j, scratch)) return -1;
      int more = tn_json_next(j, close);
      if (more < 0) return -1;
      if (!more) break;
    }
    j->depth--;
    return 0;
  }
  }
  return fail(j, "expected a JSON value");
}

int tn_json_skip(tn_json *j, const char **src, size_t *srclen) {
  skip_ws(j);
  const char *s = j->p;
  tn_buf scratch = TN_BUF_INIT;
  int rc = skip_value(j, &scratch);
  tn_buf_free(&scratch);
  if (src) *src = s;
  if (srclen) *srclen = (size_t)(j->p - s);
  return rc;
}

int tn_json_write_string(tn_buf *out, const char *s, size_t len) {
  static const char hex[] = "0123456789abcdef";
  if (tn_buf_reserve(out, len + 2)) return -1;
  if (tn_buf_putc(out, '"')) return -1;
  size_t i = 0;
  while (i < len) {
    size_t run = i;
    while (run < len) {
      unsigned char c = (unsigned char)s[run];
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      run++;
    }
    if (tn_buf_append(out, s + i, run - i)) return -1;
    i = run;
    if (i >= len) break;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      /* Look at one sequence only (at most 4 bytes): validating the rest
       * of the string here would make long texts quadratic. */
      size_t ok = tn_utf8_valid_prefix(s + i, len - i < 4 ? len - i : 4);
      if (ok == 0) {
        if (tn_buf_puts(out, "\\ufffd")) return -1;
        i++;
        continue;
      }
      /* copy the valid multibyte run */
      size_t stop = i;
      while (stop < i + ok && (unsigned char)s[stop] >= 0x80)
        stop++;
      if (tn_buf_append(out, s + i, stop - i)) return -1;
      i = stop;
      continue;
    }
    char esc[7];
    const char *rep = NULL;
    switch (c) {
    case '"': rep = "\\\""; break;
    case '\\': rep = "\\\\"; break;
    case '\n': rep = "\\n"; break;
    case '\r': rep = "\\r"; break;
    case '\t': rep = "\\t"; break;
    case '\b': rep = "\\b"; break;
    case '\f': rep = "\\f"; break;
    default:
      esc[0] = '\\';
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
      esc[6] = '\0';
      rep = esc;
    }
    if (tn_buf_puts(out, rep)) return -1;
    i++;
  }
  return tn_buf_putc(out, '"');
}
