/* Case mapping, normalisation and widths over utf8proc, with an ASCII
 * fast path for the mappings most text needs. */
#include "text/unicode.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/utf8.h"

static int is_ascii(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) return 0;
  return 1;
}

tn_status tn_text_apply(tn_text_map map, const char *s, size_t len,
                        tn_buf *out, size_t *bad_at) {
  size_t ok = tn_utf8_valid_prefix(s, len);
  if (ok < len) {
    if (bad_at) *bad_at = ok;
    return TN_EUTF8;
  }
  if (is_ascii(s, len)) {
    if (tn_buf_reserve(out, len)) return TN_ENOMEM;
    char *dst = out->data + out->len;
    for (size_t i = 0; i < len; i++) {
      char c = s[i];
      if ((map == TN_MAP_LOWER || map == TN_MAP_CASEFOLD) && c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
      else if (map == TN_MAP_UPPER && c >= 'a' && c <= 'z')
        c = (char)(c - 'a' + 'A');
      dst[i] = c;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return TN_OK;
  }
  if (map == TN_MAP_LOWER || map == TN_MAP_UPPER) {
    size_t pos = 0;
    while (pos < len) {
      int32_t cp = tn_utf8_decode(s, len, &pos);
      cp = map == TN_MAP_LOWER ? utf8proc_tolower(cp) : utf8proc_toupper(cp);
      char enc[4];
      int n = tn_utf8_encode(cp, enc);
      if (tn_buf_append(out, enc, (size_t)n)) return TN_ENOMEM;
    }
    return TN_OK;
  }
  utf8proc_option_t opt = UTF8PROC_STABLE;
  switch (map) {
  case TN_MAP_CASEFOLD: opt |= UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD; break;
  case TN_MAP_NFC: opt |= UTF8PROC_COMPOSE; break;
  case TN_MAP_NFD: opt |= UTF8PROC_DECOMPOSE; break;
  case TN_MAP_NFKC: opt |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT; break;
  default: break;
  }
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n =
      utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                   &mapped, opt);
  if (n < 0) return n == UTF8PROC_ERROR_NOMEM ? TN_ENOMEM : TN_EUTF8;
  int rc = tn_buf_append(out, mapped, (size_t)n);
  free(mapped);
  return rc ? TN_ENOMEM : TN_OK;
}

long tn_text_len(const char *s, size_t len) {
  if (tn_utf8_valid_prefix(s, len) < len) return -1;
  long n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

long tn_text_width(const char *s, size_t len) {
  if (tn_utf8_valid_prefix(s, len) < len) return -1;
  long w = 0;
  size_t pos = 0;
  while (pos < len) {
    int32_t cp = tn_utf8_decode(s, len, &pos);
    int cw = utf8proc_charwidth(cp);
    /* Emoji presentation sequences: the selector itself is zero-width. */
    if (cp == 0xFE0F || cp == 0x200D) cw = 0;
    w += cw;
  }
  return w;
}

size_t tn_text_offset(const char *s, size_t len, size_t cp_index) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80) {
      if (n == cp_index) return i;
      n++;
    }
  }
  return len;
}
