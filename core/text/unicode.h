/* Unicode operations over utf8proc: case mapping, folding, normalisation,
 * length and display width, each on whole strings. */
#ifndef TN_UNICODE_H
#define TN_UNICODE_H

#include <stddef.h>

#include "util/buf.h"
#include "util/status.h"

typedef enum tn_text_map {
  TN_MAP_LOWER,
  TN_MAP_UPPER,
  TN_MAP_CASEFOLD, /* full case folding: "Straße" -> "strasse" */
  TN_MAP_NFC,
  TN_MAP_NFD,
  TN_MAP_NFKC
} tn_text_map;

/* Appends the mapped form of s to out. Invalid UTF-8 returns TN_EUTF8
 * with the byte offset in *bad_at (if given). */
tn_status tn_text_apply(tn_text_map map, const char *s, size_t len,
                        tn_buf *out, size_t *bad_at);

/* Number of code points; -1 on invalid UTF-8. */
long tn_text_len(const char *s, size_t len);

/* Terminal display width (East Asian wide and emoji count 2, combining
 * marks 0); -1 on invalid UTF-8. */
long tn_text_width(const char *s, size_t len);

/* Byte offset of the code point with 0-based index `cp_index`, or len when
 * past the end. */
size_t tn_text_offset(const char *s, size_t len, size_t cp_index);

#endif
