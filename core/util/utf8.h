/* UTF-8 validation, repair, decoding and encoding (no tables needed). */
#ifndef TN_UTF8_H
#define TN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/status.h"

/* Returns the length of the valid UTF-8 prefix: `len` when all of it is
 * valid. Overlong forms, surrogates, code points above U+10FFFF and NUL
 * bytes count as invalid (NUL is never text in a corpus). */
size_t tn_utf8_valid_prefix(const char *s, size_t len);

/* Describes the invalid sequence that starts at s[0] (as found by
 * tn_utf8_valid_prefix) for a message: "a NUL byte", "an overlong
 * encoding", "byte 0xE9 without its continuation bytes", ... */
void tn_utf8_describe(const char *s, size_t len, char *buf, size_t size);

/* Appends `s` to `out` with every invalid sequence (and NUL) replaced by
 * U+FFFD; returns how many replacements were made, or -1 without memory. */
long tn_utf8_repair(const char *s, size_t len, tn_buf *out);

/* Decodes one code point at s[*pos], advancing *pos; returns -1 (and
 * advances one byte) on an invalid sequence. */
int32_t tn_utf8_decode(const char *s, size_t len, size_t *pos);

/* Rewrites CRLF and lone CR as LF in place; returns the new length. */
size_t tn_newlines_to_lf(char *s, size_t len);

/* Encodes cp into out (4 bytes room); returns the byte count. */
int tn_utf8_encode(int32_t cp, char *out);

#endif
