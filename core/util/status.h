/* Status codes and located errors shared by every core module. */
#ifndef TN_STATUS_H
#define TN_STATUS_H

#include <stddef.h>
#include <stdint.h>

/* Negative codes, as utf8proc does: callers test `< 0`, humans read
 * tn_strerror(). */
typedef enum tn_status {
  TN_OK = 0,
  TN_ENOMEM = -1,   /* an allocation failed */
  TN_EIO = -2,      /* a file could not be opened or read */
  TN_EUTF8 = -3,    /* invalid UTF-8 (or a NUL byte) in text */
  TN_ESYNTAX = -4,  /* malformed input: JSON, CSV, pattern, ... */
  TN_EINVAL = -5,   /* a bad argument or option */
  TN_EFORMAT = -6,  /* unsupported file type */
  TN_ELIMIT = -7,   /* a configured limit was reached */
  TN_EEMPTY = -8,   /* nothing to work on */
  TN_EINTERNAL = -9 /* a bug: please report */
} tn_status;

const char *tn_strerror(tn_status status);

/* Where and what went wrong. Core functions take an optional `tn_error *`
 * and fill it; they never print. `line` and `offset` are 0 when unknown;
 * lines count from 1, byte offsets from 0 (as `cmp` and editors report). */
typedef struct tn_error {
  tn_status status;
  char file[512];
  uint64_t line;
  uint64_t offset;
  int has_offset;
  char message[512];
} tn_error;

void tn_error_clear(tn_error *err);

/* Fills `err` (if not NULL) and returns `status`, so a failing path reads
 * `return tn_error_set(err, TN_ESYNTAX, file, line, msg, ...);`. */
tn_status tn_error_set(tn_error *err, tn_status status, const char *file,
                       uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Same, with a byte offset. */
tn_status tn_error_set_at(tn_error *err, tn_status status, const char *file,
                          uint64_t line, uint64_t offset, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* "file:line: byte N: message" (the parts that are known), into buf. */
void tn_error_format(const tn_error *err, char *buf, size_t size);

#endif
