/* Growable byte buffer and locale-independent number formatting. */
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

int tn_buf_reserve(tn_buf *b, size_t extra) {
  if (b->len + extra + 1 < b->len) return -1;
  return tn_grow((void **)&b->data, &b->cap, b->len + extra + 1, 1);
}

int tn_buf_append(tn_buf *b, const void *data, size_t len) {
  if (tn_buf_reserve(b, len) != 0) return -1;
  if (len) memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

int tn_buf_putc(tn_buf *b, char c) { return tn_buf_append(b, &c, 1); }

int tn_buf_puts(tn_buf *b, const char *s) {
  return tn_buf_append(b, s, strlen(s));
}

int tn_buf_vprintf(tn_buf *b, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) return -1;
  if (tn_buf_reserve(b, (size_t)n) != 0) return -1;
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
  return 0;
}

int tn_buf_printf(tn_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = tn_buf_vprintf(b, fmt, ap);
  va_end(ap);
  return rc;
}

void tn_buf_clear(tn_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

void tn_buf_free(tn_buf *b) {
  tn_free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

/* printf's %g follows LC_NUMERIC; we never call setlocale(LC_NUMERIC), but a
 * library or embedder might, so the decimal point is fixed up by hand. */
void tn_format_double(double value, char *out, size_t size) {
  if (isnan(value)) {
    snprintf(out, size, "nan");
    return;
  }
  if (isinf(value)) {
    snprintf(out, size, value < 0 ? "-inf" : "inf");
    return;
  }
  if (value == floor(value) && fabs(value) < 1e15) {
    snprintf(out, size, "%.0f", value);
    if (strcmp(out, "-0") == 0) snprintf(out, size, "0");
    return;
  }
  for (int precision = 15; precision <= 17; precision++) {
    snprintf(out, size, "%.*g", precision, value);
    for (char *p = out; *p; p++)
      if (*p == ',') *p = '.';
    if (strtod(out, NULL) == value) break;
  }
}

int tn_buf_put_double(tn_buf *b, double value) {
  char tmp[64];
  tn_format_double(value, tmp, sizeof tmp);
  return tn_buf_puts(b, tmp);
}
