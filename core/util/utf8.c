/* UTF-8 validation with an ASCII fast path; most Dutch bytes are ASCII. */
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>

static int ascii_word(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  /* no high bit and no zero byte */
  return (w & 0x8080808080808080ull) == 0 &&
         ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) == 0;
}

/* Length of the valid sequence at p (1..4), or 0 if invalid. */
static size_t sequence_length(const unsigned char *p, size_t avail) {
  unsigned char c = p[0];
  if (c >= 0x01 && c < 0x80) return 1;
  if (c < 0xC2 || c > 0xF4) return 0; /* NUL, continuation, overlong lead */
  if (c < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
    return 2;
  }
  if (c < 0xF0) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
      (p[3] & 0xC0) != 0x80)
    return 0;
  if (c == 0xF0 && p[1] < 0x90) return 0;  /* overlong */
  if (c == 0xF4 && p[1] >= 0x90) return 0; /* above U+10FFFF */
  return 4;
}

size_t tn_utf8_valid_prefix(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    if (len - i >= 8 && ascii_word(p + i)) {
      i += 8;
      while (len - i >= 16 && ascii_word(p + i) && ascii_word(p + i + 8))
        i += 16;
      continue;
    }
    size_t n = sequence_length(p + i, len - i);
    if (n == 0) return i;
    i += n;
  }
  return len;
}

void tn_utf8_describe(const char *s, size_t len, char *buf, size_t size) {
  const unsigned char *p = (const unsigned char *)s;
  if (len == 0) {
    snprintf(buf, size, "nothing");
    return;
  }
  unsigned c = p[0];
  unsigned c1 = len > 1 ? p[1] : 0;
  int cont1 = len > 1 && (c1 & 0xC0) == 0x80;
  if (c == 0) {
    snprintf(buf, size, "a NUL byte");
  } else if (c >= 0x80 && c <= 0xBF) {
    snprintf(buf, size, "a continuation byte 0x%02X without a lead byte", c);
  } else if (c == 0xC0 || c == 0xC1 || (c == 0xE0 && cont1 && c1 < 0xA0) ||
             (c == 0xF0 && cont1 && c1 < 0x90)) {
    snprintf(buf, size, "an overlong encoding (0x%02X 0x%02X)", c, c1);
  } else if (c == 0xED && cont1 && c1 >= 0xA0) {
    snprintf(buf, size, "a UTF-16 surrogate (0xED 0x%02X: U+D800..U+DFFF)", c1);
  } else if ((c == 0xF4 && cont1 && c1 >= 0x90) || (c >= 0xF5 && c <= 0xF7)) {
    snprintf(buf, size, "a code point above U+10FFFF (0x%02X)", c);
  } else if (c >= 0xF8) {
    snprintf(buf, size, "byte 0x%02X, which never occurs in UTF-8", c);
  } else {
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    size_t have = 1;
    while (have < want && have < len && (p[have] & 0xC0) == 0x80) have++;
    if (have == len)
      snprintf(buf, size, "a sequence cut off by the end (0x%02X)", c);
    else
      snprintf(buf, size,
               "byte 0x%02X without its continuation bytes (Latin-1 or "
               "Windows-1252 text?)",
               c);
  }
}

long tn_utf8_repair(const char *s, size_t len, tn_buf *out) {
  static const char replacement[] = "\xEF\xBF\xBD";
  const unsigned char *p = (const unsigned char *)s;
  long replaced = 0;
  size_t i = 0;
  while (i < len) {
    size_t good = tn_utf8_valid_prefix(s + i, len - i);
    if (tn_buf_append(out, s + i, good) != 0) return -1;
    i += good;
    if (i >= len) break;
    /* Skip one maximal invalid subpart (Unicode's "substitution of
     * maximal subparts"): the lead byte and any continuation bytes that
     * could still have completed it. */
    size_t bad = 1;
    unsigned char c = p[i];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c >= 0xC2 && c <= 0xF4) {
      for (size_t k = 1; k < want && i + k < len; k++) {
        unsigned char b = p[i + k];
        unsigned char lo = 0x80, hi = 0xBF;
        if (k == 1) {
          if (c == 0xE0) lo = 0xA0;
          if (c == 0xED) hi = 0x9F;
          if (c == 0xF0) lo = 0x90;
          if (c == 0xF4) hi = 0x8F;
        }
        if (b < lo || b > hi) break;
        bad++;
      }
    }
    if (tn_buf_append(out, replacement, 3) != 0) return -1;
    replaced++;
    i += bad;
  }
  return replaced;
}

int32_t tn_utf8_decode(const char *s, size_t len, size_t *pos) {
  const unsigned char *p = (const unsigned char *)s + *pos;
  size_t n = sequence_length(p, len - *pos);
  if (n == 0) {
    if (p[0] == 0) { /* NUL decodes, the validator alone refuses it */
      (*pos)++;
      return 0;
    }
    (*pos)++;
    return -1;
  }
  int32_t cp;
  switch (n) {
  case 1: cp = p[0]; break;
  case 2: cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F); break;
  case 3: cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); break;
  default:
    cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
         (p[3] & 0x3F);
  }
  *pos += n;
  return cp;
}

size_t tn_newlines_to_lf(char *s, size_t len) {
  char *cr = memchr(s, '\r', len);
  if (!cr) return len;
  size_t w = (size_t)(cr - s);
  for (size_t r = w; r < len; r++) {
    if (s[r] == '\r') {
      s[w++] = '\n';
      if (r + 1 < len && s[r + 1] == '\n') r++;
    } else {
      s[w++] = s[r];
    }
  }
  return w;
}

int tn_utf8_encode(int32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}
