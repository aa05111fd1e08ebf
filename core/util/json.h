/* A strict JSON (RFC 8259) reader over a byte range, as cursor primitives
 * so importers take what they need without building a tree, and a writer
 * helper for escaping. Errors carry the byte offset. */
#ifndef TN_JSON_H
#define TN_JSON_H

#include <stddef.h>

#include "util/buf.h"

typedef enum tn_json_type {
  TN_JSON_END = 0, /* nothing left (or an error: see msg) */
  TN_JSON_NULL,
  TN_JSON_FALSE,
  TN_JSON_TRUE,
  TN_JSON_NUMBER,
  TN_JSON_STRING,
  TN_JSON_ARRAY,
  TN_JSON_OBJECT
} tn_json_type;

typedef struct tn_json {
  const char *start, *p, *end;
  const char *msg; /* set on error; the error is at p - start */
  int depth;
} tn_json;

#define TN_JSON_MAX_DEPTH 200

void tn_json_init(tn_json *j, const char *data, size_t len);
/* Skips whitespace and tells what comes next, without consuming it. */
tn_json_type tn_json_peek(tn_json *j);
/* Each returns 0 on success, -1 on a syntax error (j->msg says why). */
/* Reads a string; when it has no escapes `*out`/`*len` point into the
 * input and `scratch` is untouched, else the unescaped bytes are appended
 * to `scratch` and *out points there (valid until scratch grows). */
int tn_json_string(tn_json *j, tn_buf *scratch, const char **out, size_t *len,
                   int *escaped);
int tn_json_number(tn_json *j, double *value, const char **src,
                   size_t *srclen);
int tn_json_literal(tn_json *j); /* null, true or false */
/* Validates and skips one value of any type, returning its source span. */
int tn_json_skip(tn_json *j, const char **src, size_t *srclen);
/* Expects the character c (after whitespace). */
int tn_json_expect(tn_json *j, char c);
/* After a value inside an object/array: 1 if a ',' was read, 0 if the
 * closing `close` was read, -1 on error. */
int tn_json_next(tn_json *j, char close);
/* Offset of the cursor from the start. */
static inline size_t tn_json_offset(const tn_json *j) {
  return (size_t)(j->p - j->start);
}

/* Appends s as a JSON string literal (with quotes). Invalid UTF-8 is
 * escaped as \ufffd so the output always parses. */
int tn_json_write_string(tn_buf *out, const char *s, size_t len);

#endif
