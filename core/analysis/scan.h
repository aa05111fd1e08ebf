/* Counting a corpus in one streaming pass on several threads: documents
 * are tokenized and counted as they are read, each worker with its own
 * vocabulary, and only the counts (and, when asked, a compact token
 * stream of 6 bytes a token) are kept. It answers what the keywords
 * report needs (frequency lists per group with document frequencies,
 * usual spellings, Gries's DP, collocates, KWIC lines) without loading
 * the corpus or building the token store, and gives the same numbers as
 * those (tests/unit/test_scan.c compares them). */
#ifndef TN_SCAN_H
#define TN_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/colloc.h"
#include "analysis/freq.h"
#include "analysis/freq_filter.h"
#include "corpus/corpus.h"
#include "util/status.h"

typedef struct tn_scan_opts {
  /* by, kinds, lengths, glob, regex and stopwords as for tn_freq_count
   * (filter.forms is not supported: it names store form ids) */
  tn_term_filter filter;
  /* a document field to group by ("kind", "author", "id", a metadata
   * key); NULL: one group "all" */
  const char *group;
  /* keep the token stream, for DP, collocates and KWIC: 6 bytes a token,
   * in memory up to `token_memory` bytes (0: TN_SCAN_TOKEN_MEMORY), the
   * rest in a temporary file (in $TMPDIR, else /tmp; removed at once, so
   * nothing is left behind), read back piece by piece */
  int keep_tokens;
  size_t token_memory;
  /* worker threads; 0 = two when there is text enough to share */
  int threads;
  /* polled between pieces of work: nonzero stops the scan (Ctrl-C) with
   * TN_ELIMIT; NULL: never */
  int (*stop)(void);
  /* called by the reading thread after each batch of a file: documents
   * and bytes (uncompressed) read so far over every file; NULL: none */
  void (*progress)(void *ud, uint64_t docs, unsigned long long bytes);
  void *progress_ud;
} tn_scan_opts;

#define TN_SCAN_TOKEN_MEMORY ((size_t)512 << 20)

typedef struct tn_scan tn_scan;

/* Copies the options (strings included); the stopword set must outlive
 * the scan. A bad regex is TN_EINVAL. */
tn_status tn_scan_new(tn_scan **out, const tn_scan_opts *opts, tn_error *err);
void tn_scan_free(tn_scan *sc);

/* Counts every document of a loaded corpus. */
tn_status tn_scan_corpus(tn_scan *sc, const tn_corpus *c, tn_error *err);

/* Counts a JSON Lines file (plain or .gz) read in batches of about
 * `batch_bytes`: memory follows the vocabulary (and the kept tokens), not
 * the file. Skipped documents and their reasons go to `report` as a whole
 * load would give them. */
tn_status tn_scan_file(tn_scan *sc, const char *path, size_t batch_bytes,
                       const tn_load_options *lo, tn_load_report *report,
                       tn_error *err);

/* Totals of what was read: documents, all tokens, sentences. */
typedef struct tn_scan_totals {
  uint64_t documents, tokens, sentences;
} tn_scan_totals;
tn_scan_totals tn_scan_get_totals(const tn_scan *sc);

/* A frequency list as tn_freq_count gives it for the same filter and
 * grouping: `grouped` 0 counts every document as one group "all"; opts
 * gives min_count, top, forms and dp (dp needs keep_tokens and grouped 0).
 * opts->filter, n, group, docs and cross_sentences are ignored. Without
 * a top, a list's rows are ordered when read (tn_freq_order). Call after
 * the counting; the scan may be counted into no further. */
tn_status tn_scan_freq(tn_freq **out, tn_scan *sc, int grouped,
                       const tn_freq_opts *opts, tn_error *err);

/* Collocates of nodes that are terms of the layer as they are (one word
 * each), as tn_colloc_run_many gives them with opts->literal set; the
 * filter is the scan's (opts->filter and docs are ignored). Needs
 * keep_tokens. */
tn_status tn_scan_colloc(tn_colloc **out, tn_scan *sc, const char *const *nodes,
                         size_t nnodes, const tn_colloc_opts *opts,
                         tn_error *err);

/* KWIC lines of one term of the layer (as it is), in corpus order, the
 * first `limit` (0 = all): as tn_kwic_run with literal set and position
 * order. The search stops at the limit, so a frequent keyword costs its
 * first lines, not a pass over the corpus. Needs keep_tokens. */
typedef struct tn_scan_line {
  const char *doc;   /* the document's id */
  uint32_t position; /* of the match in its document, from 1 */
  const char *left, *match, *right;
} tn_scan_line;
typedef struct tn_scan_kwic {
  tn_scan_line *lines;
  size_t nlines;
  tn_arena text;
} tn_scan_kwic;
tn_status tn_scan_kwic_run(tn_scan_kwic **out, tn_scan *sc, const char *term,
                           size_t width, size_t limit, tn_error *err);
void tn_scan_kwic_free(tn_scan_kwic *k);

#endif
