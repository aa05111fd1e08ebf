/* Status messages and the located error record. */
#include "util/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *tn_strerror(tn_status status) {
  switch (status) {
  case TN_OK: return "success";
  case TN_ENOMEM: return "out of memory";
  case TN_EIO: return "cannot read file";
  case TN_EUTF8: return "invalid UTF-8";
  case TN_ESYNTAX: return "syntax error";
  case TN_EINVAL: return "invalid argument";
  case TN_EFORMAT: return "unsupported file type";
  case TN_ELIMIT: return "limit reached";
  case TN_EEMPTY: return "nothing to do";
  case TN_EINTERNAL: return "internal error";
  }
  return "unknown error";
}

void tn_error_clear(tn_error *err) {
  if (err) memset(err, 0, sizeof *err);
}

static void error_fill(tn_error *err, tn_status status, const char *file,
                       uint64_t line, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));
static void error_fill(tn_error *err, tn_status status, const char *file,
                       uint64_t line, const char *fmt, va_list ap) {
  err->status = status;
  if (file)
    snprintf(err->file, sizeof err->file, "%s", file);
  else
    err->file[0] = '\0';
  err->line = line;
  vsnprintf(err->message, sizeof err->message, fmt, ap);
}

tn_status tn_error_set(tn_error *err, tn_status status, const char *file,
                       uint64_t line, const char *fmt, ...) {
  if (!err) return status;
  va_list ap;
  va_start(ap, fmt);
  error_fill(err, status, file, line, fmt, ap);
  va_end(ap);
  err->has_offset = 0;
  err->offset = 0;
  return status;
}

tn_status tn_error_set_at(tn_error *err, tn_status status, const char *file,
                          uint64_t line, uint64_t offset, const char *fmt,
                          ...) {
  if (!err) return status;
  va_list ap;
  va_start(ap, fmt);
  error_fill(err, status, file, line, fmt, ap);
  va_end(ap);
  err->has_offset = 1;
  err->offset = offset;
  return status;
}

void tn_error_format(const tn_error *err, char *buf, size_t size) {
  size_t n = 0;
  if (size == 0) return;
  buf[0] = '\0';
  if (err->file[0]) {
    n += (size_t)snprintf(buf + n, size - n, "%s", err->file);
    if (n < size && err->line)
      n += (size_t)snprintf(buf + n, size - n, ":%llu",
                            (unsigned long long)err->line);
    if (n < size) n += (size_t)snprintf(buf + n, size - n, ": ");
  }
  if (n < size && err->has_offset)
    n += (size_t)snprintf(buf + n, size - n, "byte %llu: ",
                          (unsigned long long)err->offset);
  if (n < size) snprintf(buf + n, size - n, "%s", err->message);
}
