/* Normalised token forms for counting: NFC, case folded, quotes,
 * apostrophes and dashes lumped, the ĳ ligature spelled out. */
#include <string.h>
#include <utf8proc.h>

#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* Applied to each code point before decomposition and folding. */
static utf8proc_int32_t lump(utf8proc_int32_t cp, void *data) {
  (void)data;
  switch (cp) {
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
  case 0x02BC: case 0xB4: case '`':
    return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
  case 0x2033: case 0x2039: case 0x203A: case 0x301D: case 0x301E:
  case 0xFF02:
    return '"';
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
    return '-';
  default:
    return cp;
  }
}

/* Appends bytes, spelling out ĳ (after folding Ĳ is ĳ) and … . */
static int put_spelled(tn_buf *out, const char *s, size_t n) {
  size_t from = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    const char *rep = NULL;
    size_t len = 0;
    if ((unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0xB3) {
      rep = "ij";
      len = 2;
    } else if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
               (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0xA6) {
      rep = "...";
      len = 3;
    }
    if (!rep) continue;
    if (tn_buf_append(out, s + from, i - from) || tn_buf_puts(out, rep))
      return -1;
    from = i + len;
    i += len - 1;
  }
  return tn_buf_append(out, s + from, n - from);
}

/* Folds one valid UTF-8 run. */
static tn_status fold_valid(const char *s, size_t len, tn_buf *out) {
  const utf8proc_option_t opt =
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  utf8proc_int32_t stack[256];
  utf8proc_int32_t *buf = stack;
  utf8proc_ssize_t cap = (utf8proc_ssize_t)(sizeof stack / sizeof stack[0]);
  for (;;) {
    utf8proc_ssize_t n = utf8proc_decompose_custom(
        (const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, buf, cap, opt,
        lump, NULL);
    if (n < 0) {
      if (buf != stack) tn_free(buf);
      return n == UTF8PROC_ERROR_NOMEM ? TN_ENOMEM : TN_EUTF8;
    }
    if (n > cap) {
      if (buf != stack) tn_free(buf);
      buf = tn_malloc((size_t)n * sizeof *buf);
      if (!buf) return TN_ENOMEM;
      cap = n;
      continue;
    }
    utf8proc_ssize_t bytes = utf8proc_reencode(buf, n, opt);
    tn_status st = TN_OK;
    if (bytes < 0) st = TN_EINTERNAL;
    else if (put_spelled(out, (const char *)buf, (size_t)bytes)) st = TN_ENOMEM;
    if (buf != stack) tn_free(buf);
    return st;
  }
}

tn_status tn_tok_norm(const char *form, size_t len, tn_buf *out) {
  if (len == 2 && form[0] == form[1] &&
      (form[0] == ',' || form[0] == '\'' || form[0] == '`'))
    return tn_buf_putc(out, '"') ? TN_ENOMEM : TN_OK;
  size_t i = 0;
  while (i < len && (unsigned char)form[i] < 0x80) i++;
  if (i == len) { /* ASCII: lowercase, ` is an apostrophe */
    if (tn_buf_reserve(out, len)) return TN_ENOMEM;
    char *d = out->data + out->len;
    for (size_t j = 0; j < len; j++) {
      char c = form[j];
      if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
      else if (c == '`') c = '\'';
      d[j] = c;
    }
    out->len += len;
    out->data[out->len] = '\0';
    return TN_OK;
  }
  /* Valid runs are folded; each invalid byte becomes U+FFFD. */
  size_t p = 0;
  while (p < len) {
    size_t good = tn_utf8_valid_prefix(form + p, len - p);
    if (good > 0) {
      tn_status st = fold_valid(form + p, good, out);
      if (st != TN_OK) return st;
      p += good;
    }
    if (p < len) {
      if (tn_buf_puts(out, "\xEF\xBF\xBD")) return TN_ENOMEM;
      p++;
    }
  }
  if (out->len == 0 && tn_buf_reserve(out, 1)) return TN_ENOMEM;
  return TN_OK;
}
