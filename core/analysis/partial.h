/* Mergeable partial results ("tussen-partials", version 1): the counts of
 * a part of a corpus as sorted text lines that tn_partial_merge sums, so a
 * corpus split over processes or machines gives the same bytes as one run.
 * The format is described in README.md (section "Runs on many machines"). */
#ifndef TN_PARTIAL_H
#define TN_PARTIAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "corpus/corpus.h"
#include "util/buf.h"
#include "util/status.h"

#define TN_PARTIAL_MAGIC "#tussen-partials"
#define TN_PARTIAL_VERSION 1

typedef struct tn_partial_opts {
  uint32_t kinds;     /* TN_KIND_BIT mask of token kinds counted; 0 = all */
  const char *kinds_name; /* as given ("word,hashtag,mention"), for the header */
  const char *group;  /* document field the counts are grouped by */
  int bigrams;        /* also count pairs of norms (layer "norm2") */
  int docs;           /* write one "d" record per document */
} tn_partial_opts;

typedef struct tn_partial tn_partial;

tn_status tn_partial_new(tn_partial **out, const tn_partial_opts *opts);
void tn_partial_free(tn_partial *p);

/* Tokenizes one document and adds its counts; the document's text is not
 * kept. Not thread-safe: one tn_partial per thread. */
tn_status tn_partial_add(tn_partial *p, const tn_doc *d);

/* A token as tn_partial_add_tokens takes it: bytes in the document's
 * text, a tn_tok_kind and TN_TOK_* flags. */
typedef struct tn_partial_tok {
  uint32_t start, len;
  uint8_t kind, flags;
} tn_partial_tok;

/* Adds a document already tokenized (by another thread): the same counts
 * as tn_partial_add. */
tn_status tn_partial_add_tokens(tn_partial *p, const tn_doc *d,
                                const tn_partial_tok *toks, size_t n);

/* The header line (with its "\n") that every partial of these options
 * starts with; merged inputs must agree on it. */
tn_status tn_partial_header(const tn_partial_opts *opts, tn_buf *out);

/* Appends the header and every record, sorted, to `out`. A document id
 * seen twice is an error (TN_EINVAL, err names it). */
tn_status tn_partial_write(const tn_partial *p, tn_buf *out, tn_error *err);

/* ---- merging ------------------------------------------------------------ */

/* A source of lines for the merge: a FILE (a partial file) or a buffer. */
typedef struct tn_partial_src {
  const char *name; /* for messages */
  FILE *fp;         /* read line by line when set */
  const char *data; /* else these bytes */
  size_t len, pos;
  /* the current line, without its "\n" */
  char *line;
  size_t linelen, linecap;
  uint64_t lineno;
  int eof;
} tn_partial_src;

/* Frees the line buffer of a source (not its FILE). */
void tn_partial_src_close(tn_partial_src *s);

/* Merges sorted partials (k-way, one line of each in memory): counts with
 * the same key are summed, documents must be distinct. Writes the merged
 * partial with `emit` (called with chunks of output). The result does not
 * depend on how the corpus was split nor on the order of the sources. */
typedef int (*tn_partial_emit)(void *ud, const char *data, size_t len);
tn_status tn_partial_merge(tn_partial_src *srcs, size_t n,
                           tn_partial_emit emit, void *ud, tn_error *err);

/* tn_partial_write in pieces of about 64 KiB, each handed to `emit` (no
 * second copy of the output in memory). */
tn_status tn_partial_write_to(const tn_partial *p, tn_partial_emit emit,
                              void *ud, tn_error *err);

/* ---- counting on several threads ---------------------------------------- */

/* Adds every document of `c` to the partials: the documents are cut into
 * `nparts` contiguous ranges of about equal text size, range k counted into parts[k] on a thread of its own. Merging the
 * parts gives the same bytes as counting everything into one. */
tn_status tn_partial_add_corpus(tn_partial **parts, size_t nparts,
                                const tn_corpus *c);

/* Adds every document of `c` to one partial, tokenizing on a second
 * thread while this one counts (slabs of 256 documents, two in flight):
 * one vocabulary, so nothing is done twice. */
tn_status tn_partial_add_piped(tn_partial *p, const tn_corpus *c);

#endif
