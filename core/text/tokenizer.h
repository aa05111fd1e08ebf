/* The Dutch tokenizer and sentence splitter: a streaming iterator over a
 * UTF-8 buffer that yields tokens with kinds, offsets and sentence flags. */
#ifndef TN_TOKENIZER_H
#define TN_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/status.h"

/* What a token is. The order is part of the API (values are stored in
 * corpora); new kinds go before TN_TOK_KIND_COUNT. */
typedef enum tn_tok_kind {
  TN_TOK_WORD,     /* huis, auto's, e-mail, CD&V, 's-Hertogenbosch, F1 */
  TN_TOK_NUMBER,   /* 3029, 1.234,56, 41,5, 1985-1987, 3e, 13u30, 12:00 */
  TN_TOK_PUNCT,    /* . , ; : ! ? ... … ( ) " ,, '' « » - – — / */
  TN_TOK_SYMBOL,   /* % € $ ° ² + = & alone, and any invalid UTF-8 byte */
  TN_TOK_URL,      /* https://..., www.example.nl, example.nl/pad */
  TN_TOK_EMAIL,    /* naam@example.nl */
  TN_TOK_HASHTAG,  /* #tussen */
  TN_TOK_MENTION,  /* @tussen */
  TN_TOK_EMOTICON, /* :-) ;-) :( :D <3 */
  TN_TOK_EMOJI,    /* one emoji with its modifiers, joiners and flags */
  TN_TOK_ABBREV,   /* bijv. o.a. d.w.z. Nr. P. (initials) a.u.b. V.S. */
  TN_TOK_KIND_COUNT
} tn_tok_kind;

/* Stable lowercase names used in Lua and in every output format: "word",
 * "number", "punct", "symbol", "url", "email", "hashtag", "mention",
 * "emoticon", "emoji", "abbrev"; "?" for a value out of range. */
const char *tn_tok_kind_name(tn_tok_kind kind);

/* The kind with that name, or -1. */
int tn_tok_kind_from_name(const char *name);

/* Token flags. */
enum {
  TN_TOK_SPACE_AFTER = 1u << 0, /* whitespace follows the token */
  TN_TOK_SENT_END = 1u << 1,    /* the last token of a sentence */
  TN_TOK_PARA_END = 1u << 2,    /* the last token of a paragraph (a blank
                                   line or the end of the text follows);
                                   always comes with TN_TOK_SENT_END */
  TN_TOK_LINE_END = 1u << 3,    /* the whitespace after it holds a newline */
  TN_TOK_INVALID = 1u << 4      /* one invalid UTF-8 byte (kind SYMBOL) */
};

/* One token. The surface form is text[start .. start+len) exactly as in the
 * text (never rewritten); tokens concatenate to the text minus whitespace.
 * Offsets count from the start of the text given to tn_tok_reset. */
typedef struct tn_token {
  size_t start, len;       /* bytes */
  size_t cp_start, cp_len; /* code points (an invalid byte counts as one) */
  uint8_t kind;            /* a tn_tok_kind */
  uint8_t flags;           /* TN_TOK_* bits above */
} tn_token;

/* Opaque and reusable: one allocation at tn_tok_new, none per token.
 * Sentence decisions look a few tokens ahead; the tokenizer buffers them
 * internally in a fixed ring. Not thread-safe; use one per thread. */
typedef struct tn_tokenizer tn_tokenizer;

tn_tokenizer *tn_tok_new(void); /* NULL when memory ran out */
void tn_tok_free(tn_tokenizer *tok);

/* Starts iterating over text (UTF-8; invalid bytes become one-byte SYMBOL
 * tokens with TN_TOK_INVALID, never a crash). The text must stay alive and
 * unchanged while iterating. The end of the text ends a sentence and a
 * paragraph. */
void tn_tok_reset(tn_tokenizer *tok, const char *text, size_t len);

/* For text that arrives in pieces (a file read in chunks): like
 * tn_tok_reset, but more text follows this piece. tn_tok_next then stops
 * (returns 0) after the last sentence whose end it can decide from the
 * piece; tn_tok_consumed() says how many bytes that covered. Pass the rest
 * of the piece again, followed by more text, to the next call. A sentence
 * longer than the piece is cut at the last token boundary that is certain
 * (without TN_TOK_SENT_END), so memory stays bounded by the piece size. */
void tn_tok_reset_partial(tn_tokenizer *tok, const char *text, size_t len);
size_t tn_tok_consumed(const tn_tokenizer *tok);

/* The text given to the last reset ("" before any), so a consumer that
 * holds only the tokenizer can read token forms. */
const char *tn_tok_text(const tn_tokenizer *tok);

/* Fills *out with the next token: 1 = a token, 0 = the end. */
int tn_tok_next(tn_tokenizer *tok, tn_token *out);

/* Up to `max` next tokens into out[]: the ones tn_tok_next would give,
 * in order; fewer than max only at the end (or where a piece stops).
 * For a caller that takes tokens by the batch: the common word then
 * costs no call. */
size_t tn_tok_fill(tn_tokenizer *tok, tn_token *out, size_t max);

/* Appends the normalised form of a token for counting: NFC, case folded,
 * typographic quotes, apostrophes and dashes lumped to their ASCII forms
 * (’ -> ', „ “ ” « » ,, '' -> ", – — -> -), the ligature ĳ/Ĳ -> ij,
 * … -> "...". Invalid UTF-8 bytes become U+FFFD, so the result is always
 * valid UTF-8. Returns TN_OK or TN_ENOMEM. */
tn_status tn_tok_norm(const char *form, size_t len, tn_buf *out);

#endif
