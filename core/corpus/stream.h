/* Reading a JSON Lines or CSV/TSV corpus (plain or gzipped) in batches of
 * whole records, so a corpus larger than memory can be processed document
 * by document: each batch is a small corpus of its own, freed before the
 * next. */
#ifndef TN_STREAM_H
#define TN_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"
#include "corpus/idset.h"
#include "util/status.h"

typedef struct tn_stream tn_stream;

/* Whether tn_stream can read this file: .jsonl, .ndjson, .csv, .tsv or
 * .tab, optionally .gz. */
int tn_stream_supports(const char *path);

/* Opens `path`; a batch ends at the first record end at or after
 * `batch_bytes` of input (so a long record makes a larger batch; a CSV
 * quote never closed makes the rest of the file one). Counts the
 * file in report->files. With `ids` (may be NULL), a document whose id is
 * in it is skipped as a duplicate, and each batch adds its ids: an id is
 * then used once across batches and across the files sharing the set, as
 * in a whole load. */
tn_status tn_stream_open(tn_stream **out, const char *path, size_t batch_bytes,
                         tn_idset *ids, tn_load_report *report, tn_error *err);

/* Reads the next batch into a new corpus (*out; NULL at the end of the
 * file, which then gets the whole-file loader's warning if it held no
 * record). Documents go through the importer of the format as in a
 * whole-file load; the diagnostics it adds to `report` carry lines and
 * byte offsets counted from the start of the file, and documents without
 * an id are named FILE:LINE (JSON Lines) or FILE:ROW (CSV) of the file.
 * Parents are not resolved (a batch is not the whole corpus). A batch may
 * hold no document (only skipped records, or a CSV header). */
tn_status tn_stream_next(tn_stream *s, tn_corpus **out,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err);

/* Bytes of the file consumed so far (uncompressed, for a .gz). */
unsigned long long tn_stream_offset(const tn_stream *s);

void tn_stream_close(tn_stream *s);

#endif
