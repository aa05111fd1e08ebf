/* The corpus: an ordered list of documents with metadata, held compactly
 * (all bytes in one arena, documents in one array), plus the load report
 * that accounts for every document read, used or skipped. */
#ifndef TN_CORPUS_H
#define TN_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/status.h"

/* ---- metadata values ---------------------------------------------------- */

typedef enum tn_value_type {
  TN_VALUE_NULL,
  TN_VALUE_BOOL,
  TN_VALUE_NUMBER,
  TN_VALUE_STRING,
  TN_VALUE_JSON /* an array or object, kept as its JSON text */
} tn_value_type;

typedef struct tn_str {
  const char *ptr; /* NUL-terminated when owned by a corpus */
  size_t len;
} tn_str;

typedef struct tn_meta {
  tn_str key;
  tn_value_type type;
  int boolean;
  double number;
  tn_str str; /* STRING: the text; JSON: the JSON source; NUMBER: its source */
} tn_meta;

/* ---- documents ---------------------------------------------------------- */

typedef struct tn_doc {
  tn_str id;
  tn_str text;
  tn_str kind;   /* ptr NULL when absent; likewise parent, title, ... */
  tn_str parent;
  tn_str title;
  tn_str author;
  tn_str date;
  tn_meta *meta; /* every other field, in the order of the source */
  uint32_t nmeta;
  int32_t parent_index;     /* index of the parent document, -1 if none */
  uint32_t first_child;     /* index into corpus->children */
  uint32_t nchildren;
  const char *source;       /* file the document came from */
  uint64_t line;            /* line (or CSV record start line) in it */
} tn_doc;

/* What an importer hands to tn_corpus_add: borrowed slices, copied on add. */
typedef struct tn_doc_input {
  tn_str id, text, kind, parent, title, author, date;
  const tn_meta *meta;
  uint32_t nmeta;
  const char *source;
  uint64_t line;
  uint64_t offset; /* byte offset of the record in the file */
  /* The record's bytes as they are in the file (starting at `offset`), or
   * NULL: lets messages give the file offset and line of a bad byte. */
  const char *raw;
  size_t raw_len;
} tn_doc_input;

/* ---- the load report ---------------------------------------------------- */

typedef enum tn_skip_reason {
  TN_SKIP_NONE = 0,
  TN_SKIP_DUPLICATE_ID,
  TN_SKIP_MISSING_TEXT,
  TN_SKIP_UNKNOWN_PARENT,
  TN_SKIP_PARENT_CYCLE,
  TN_SKIP_INVALID_UTF8,
  TN_SKIP_BROKEN_RECORD, /* a JSON line or CSV record that does not parse */
  TN_SKIP_BAD_FIELD,     /* a known field of the wrong type */
  TN_SKIP_EMPTY_ID,      /* an id field that is empty */
  TN_SKIP_REASON_COUNT
} tn_skip_reason;

/* Short phrase for summaries: "duplicate id", "invalid UTF-8", ... */
const char *tn_skip_reason_name(tn_skip_reason reason);

typedef enum tn_severity { TN_NOTE, TN_WARNING, TN_ERROR } tn_severity;

/* One message about the load, located as precisely as the input allows. */
typedef struct tn_diagnostic {
  tn_severity severity;
  tn_skip_reason reason; /* TN_SKIP_NONE for notes and warnings */
  char *file;   /* owned copy; NULL when the load as a whole is meant */
  uint64_t line;
  uint64_t offset;
  int has_offset;
  char *doc_id; /* may be NULL */
  char *message;
} tn_diagnostic;

typedef struct tn_load_report {
  uint64_t files;     /* files read */
  uint64_t read;      /* documents (records) seen */
  uint64_t used;      /* documents in the corpus */
  uint64_t skipped;   /* read - used */
  uint64_t by_reason[TN_SKIP_REASON_COUNT];
  uint64_t repaired;  /* documents whose invalid UTF-8 was replaced */
  tn_diagnostic *diags;
  size_t ndiags, cap;
} tn_load_report;

/* ---- options ------------------------------------------------------------ */

typedef enum tn_utf8_policy {
  TN_UTF8_REJECT = 0, /* skip the document, naming the byte offset */
  TN_UTF8_REPAIR      /* replace each bad sequence by U+FFFD and warn */
} tn_utf8_policy;

typedef enum tn_orphan_policy {
  TN_ORPHANS_SKIP = 0, /* a document whose parent is absent is skipped */
  TN_ORPHANS_KEEP      /* kept, with a warning; parent_index stays -1 */
} tn_orphan_policy;

typedef struct tn_load_options {
  tn_utf8_policy utf8;
  tn_orphan_policy orphans;
  /* CSV/TSV column names; NULL means the defaults "id", "text", "parent",
   * "kind", "title", "author", "date" (matched case-insensitively). */
  const char *id_column, *text_column, *parent_column, *kind_column;
  const char *title_column, *author_column, *date_column;
  char delimiter;      /* 0: ',' for .csv guessing ';' from the header, '\t' for .tsv */
  const char *kind;    /* default kind for documents without one (or NULL) */
} tn_load_options;

/* ---- the corpus --------------------------------------------------------- */

typedef struct tn_corpus {
  tn_arena arena;       /* every string of every document */
  tn_doc *docs;
  size_t ndocs, cap;
  uint32_t *children;   /* child indices grouped by parent, in corpus order */
  /* id -> index, open addressing: each slot holds index + 1 (0 = empty)
   * and the id's hash side by side, so a probe costs one cache line and
   * rarely touches a document */
  struct tn_id_slot {
    uint32_t index1;
    uint32_t hash;
  } *id_slots;
  size_t id_nslots;
  char **sources;       /* file names, owned */
  size_t nsources, sources_cap;
  int finished;
  /* Called after each document is added, with the documents so far and
   * the bytes of input files read up to that document (the CLI's progress
   * line, compared with tn_corpus_input_size); NULL: nothing is called. */
  void (*on_add)(void *ud, size_t ndocs, unsigned long long input_bytes);
  void *on_add_ud;
  unsigned long long input_base; /* input bytes of the files before this one */
  double input_scale;            /* file bytes per loaded byte (.gz: < 1) */
  /* Ids taken outside this corpus, by earlier batches or files of a load
   * done in pieces (corpus/idset.h); NULL: none. A document whose id is in
   * it is skipped as a duplicate, like one repeated within the corpus. */
  const struct tn_idset *prior_ids;
} tn_corpus;

tn_corpus *tn_corpus_new(void);
void tn_corpus_free(tn_corpus *c);

/* Loads each path (file or directory) in order into one corpus, then
 * resolves parents. Per-document problems become diagnostics in `report`
 * and the document is skipped; only problems that stop the whole load
 * (an unreadable file, an unsupported file type, out of memory) return an
 * error status with `err` filled. */
/* Bytes of the files that tn_corpus_load would read from these paths (as
 * stored, so .gz files count compressed), for a progress line's total. */
unsigned long long tn_corpus_input_size(const char *const *paths,
                                        size_t npaths);

tn_status tn_corpus_load(tn_corpus *c, const char *const *paths, size_t npaths,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err);

/* Loads one file's bytes as the format its name says (used by the loader
 * and by tests; `name` picks the importer, `data` need not be
 * NUL-terminated). */
tn_status tn_corpus_load_buffer(tn_corpus *c, const char *name,
                                const char *data, size_t len,
                                const tn_load_options *opts,
                                tn_load_report *report, tn_error *err);

/* TN_EUTF8, with a message saying how to convert it, when `data` (the
 * start of a file) begins with a UTF-16 or UTF-32 byte order mark. */
tn_status tn_corpus_check_encoding(const char *path, const char *data,
                                   size_t len, tn_error *err);

/* Adds one document after checking it (UTF-8, text, duplicate id). A
 * rejected document is recorded in `report` and TN_OK is returned; only
 * TN_ENOMEM is an error. Parents are resolved by tn_corpus_finish. */
tn_status tn_corpus_add(tn_corpus *c, const tn_doc_input *in,
                        const tn_load_options *opts, tn_load_report *report);

/* Resolves parents (unknown parents and cycles per the options) and builds
 * the children lists. Called by tn_corpus_load; importers driven by hand
 * call it once at the end. */
tn_status tn_corpus_finish(tn_corpus *c, const tn_load_options *opts,
                           tn_load_report *report);

/* Index of the document with this id, or -1. */
long tn_corpus_find(const tn_corpus *c, const char *id, size_t len);

static inline const tn_doc *tn_corpus_doc(const tn_corpus *c, size_t i) {
  return &c->docs[i];
}

/* Counts as read a record that never became a document input (a broken
 * line), recording the diagnostic. */
tn_status tn_report_skip(tn_load_report *r, tn_skip_reason reason,
                         const char *file, uint64_t line, uint64_t offset,
                         int has_offset, const char *doc_id, const char *fmt,
                         ...) __attribute__((format(printf, 8, 9)));
/* A note or warning that skips nothing. */
tn_status tn_report_note(tn_load_report *r, tn_severity severity,
                         const char *file, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

void tn_load_report_init(tn_load_report *r);
void tn_load_report_free(tn_load_report *r);
/* "read 9 documents from 2 files: used 8, skipped 1 (1 duplicate id)" */
void tn_load_report_summary(const tn_load_report *r, tn_buf *out);

/* Importers, one per format; each parses the whole buffer. */
tn_status tn_import_jsonl(tn_corpus *c, const char *name, const char *data,
                          size_t len, const tn_load_options *opts,
                          tn_load_report *report, tn_error *err);
/* tn_import_jsonl for a piece of a file (tn_stream's batches, whole lines)
 * that starts after line `line0` at byte `offset0` of it: messages,
 * documents' lines and the FILE:LINE ids of documents without one count
 * from the start of the file, as in a load of the whole file. */
tn_status tn_import_jsonl_part(tn_corpus *c, const char *name,
                               const char *data, size_t len, uint64_t line0,
                               uint64_t offset0, const tn_load_options *opts,
                               tn_load_report *report, tn_error *err);
tn_status tn_import_csv(tn_corpus *c, const char *name, const char *data,
                        size_t len, char delimiter,
                        const tn_load_options *opts, tn_load_report *report,
                        tn_error *err);
/* A CSV/TSV file imported in pieces of whole records (tussen map's
 * batches): the header row is read once and kept; lines, byte offsets and
 * the FILE:ROW ids of documents without one count from the file's start,
 * as in tn_import_csv of the whole file (which is one piece). */
typedef struct tn_csv_reader tn_csv_reader;
tn_status tn_csv_reader_new(tn_csv_reader **out, const char *name,
                            char delimiter);
void tn_csv_reader_free(tn_csv_reader *r);
/* Imports the records of data[0..len), the file's bytes from where the
 * last call stopped, until at least `want` bytes are used; *used says how
 * many. Unless `eof` (the piece ends the file), a record the end of the
 * piece may cut is left for the next call, so *used can be 0: call again
 * with more bytes. */
tn_status tn_csv_reader_feed(tn_csv_reader *r, tn_corpus *c, const char *data,
                             size_t len, int eof, size_t want, size_t *used,
                             const tn_load_options *opts,
                             tn_load_report *report, tn_error *err);
tn_status tn_import_text(tn_corpus *c, const char *name, const char *data,
                         size_t len, const tn_load_options *opts,
                         tn_load_report *report, tn_error *err);

#endif
