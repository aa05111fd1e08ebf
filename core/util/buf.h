/* A growable byte buffer, always NUL-terminated. */
#ifndef TN_BUF_H
#define TN_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct tn_buf {
  char *data; /* NUL-terminated when len > 0 or after any append */
  size_t len;
  size_t cap;
} tn_buf;

#define TN_BUF_INIT {NULL, 0, 0}

/* Each returns 0 on success, -1 when memory ran out (buffer unchanged). */
int tn_buf_reserve(tn_buf *b, size_t extra);
int tn_buf_append(tn_buf *b, const void *data, size_t len);
int tn_buf_putc(tn_buf *b, char c);
int tn_buf_puts(tn_buf *b, const char *s);
int tn_buf_printf(tn_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int tn_buf_vprintf(tn_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void tn_buf_clear(tn_buf *b);
void tn_buf_free(tn_buf *b);

/* Formats a double the same way in every locale ("0.5", never "0,5"):
 * shortest round-tripping form with up to 17 significant digits, integers
 * without a fraction, NaN/inf as "null"-free words "nan"/"inf". */
int tn_buf_put_double(tn_buf *b, double value);
void tn_format_double(double value, char *out, size_t size);

#endif
