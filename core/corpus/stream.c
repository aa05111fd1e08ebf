/* Batches of whole records from a JSON Lines or CSV/TSV file, read through
 * zlib (which reads plain files as they are), each imported as a corpus of
 * its own. */
#include "corpus/stream.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "util/alloc.h"
#include "util/buf.h"

/* Bytes read at a time: about a batch, within these bounds, so small
 * batches keep memory small too. */
enum { MIN_CHUNK = 1 << 12, MAX_CHUNK = 1 << 20 };
typedef enum { FMT_JSONL, FMT_CSV, FMT_TSV } stream_format;

struct tn_stream {
  gzFile gz;
  char *path;
  stream_format fmt;
  size_t batch, chunk;
  tn_buf buf; /* bytes read; those from `start` on are not imported */
  size_t start;
  size_t scanned;     /* JSON Lines: no batch ends before this index of buf */
  uint64_t line0;     /* JSON Lines: lines before buf.data + start */
  uint64_t off0;      /* bytes before buf.data + start */
  uint64_t read0;     /* report->read when the file was opened */
  tn_idset *ids;      /* ids of earlier batches and files, or NULL */
  tn_csv_reader *csv; /* CSV/TSV: the header and where the next record is */
  int eof, ended, checked;
};

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (n < m) return 0;
  for (size_t i = 0; i < m; i++) {
    char a = s[n - m + i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != suffix[i]) return 0;
  }
  return 1;
}

/* The format of a name the stream reads (as load.c names formats), or -1. */
static int format_of(const char *path) {
  static const struct {
    const char *suffix;
    stream_format fmt;
  } known[] = {{".jsonl", FMT_JSONL},
               {".ndjson", FMT_JSONL},
               {".csv", FMT_CSV},
               {".tsv", FMT_TSV},
               {".tab", FMT_TSV}};
  char plain[1024];
  size_t n = strlen(path);
  if (ends_with(path, ".gz")) n -= 3;
  if (n >= sizeof plain) return -1;
  memcpy(plain, path, n);
  plain[n] = '\0';
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (ends_with(plain, known[i].suffix)) return (int)known[i].fmt;
  return -1;
}

int tn_stream_supports(const char *path) {
  return format_of(path) >= 0;
}

tn_status tn_stream_open(tn_stream **out, const char *path, size_t batch_bytes,
                         tn_idset *ids, tn_load_report *report, tn_error *err) {
  int fmt = format_of(path);
  if (fmt < 0)
    return tn_error_set(err, TN_EFORMAT, path, 0,
                        "not a file that can be read in batches");
  tn_stream *s = tn_calloc(1, sizeof *s);
  if (!s) return TN_ENOMEM;
  s->path = tn_strndup(path, strlen(path));
  if (!s->path) {
    tn_free(s);
    return TN_ENOMEM;
  }
  s->fmt = (stream_format)fmt;
  s->batch = batch_bytes ? batch_bytes : 1;
  s->chunk = s->batch < MIN_CHUNK   ? MIN_CHUNK
             : s->batch > MAX_CHUNK ? MAX_CHUNK
                                    : s->batch;
  s->ids = ids;
  errno = 0;
  s->gz = gzopen(path, "rb");
  if (!s->gz) {
    tn_status st =
        tn_error_set(err, TN_EIO, path, 0, "cannot open: %s%s",
                     errno ? strerror(errno) : "out of memory",
                     errno == EACCES ? "; check the file's permissions" : "");
    tn_stream_close(s);
    return st;
  }
  gzbuffer(s->gz, 1 << 17);
  report->files++;
  s->read0 = report->read;
  *out = s;
  return TN_OK;
}

unsigned long long tn_stream_offset(const tn_stream *s) {
  return (unsigned long long)s->off0;
}

void tn_stream_close(tn_stream *s) {
  if (!s) return;
  if (s->gz) gzclose(s->gz);
  tn_csv_reader_free(s->csv);
  tn_buf_free(&s->buf);
  tn_free(s->path);
  tn_free(s);
}

/* Reads up to a chunk more bytes, first moving the unimported ones to
 * the front: what moves is less than a batch and a record, once per read. */
static tn_status read_more(tn_stream *s, tn_error *err) {
  if (s->start) {
    memmove(s->buf.data, s->buf.data + s->start, s->buf.len - s->start);
    s->buf.len -= s->start;
    s->scanned = s->scanned > s->start ? s->scanned - s->start : 0;
    s->start = 0;
  }
  if (tn_buf_reserve(&s->buf, s->chunk)) return TN_ENOMEM;
  int n = gzread(s->gz, s->buf.data + s->buf.len, (unsigned)s->chunk);
  if (n < 0) {
    int code;
    const char *msg = gzerror(s->gz, &code);
    return tn_error_set_at(err, TN_EIO, s->path, 0, s->off0 + s->buf.len,
                           "read error or damaged gzip data (%s); "
                           "gzip -t tells whether the file is intact",
                           msg);
  }
  if (n == 0) {
    int code = 0;
    gzerror(s->gz, &code);
    if (code == Z_BUF_ERROR)
      return tn_error_set_at(err, TN_EIO, s->path, 0, s->off0 + s->buf.len,
                             "the gzip file is truncated after %llu "
                             "uncompressed bytes; re-create it (gzip -t "
                             "tells whether it is intact)",
                             (unsigned long long)(s->off0 + s->buf.len));
    s->eof = 1;
  }
  s->buf.len += (size_t)n;
  return TN_OK;
}

/* JSON Lines: index just past the first newline at or after `batch` bytes
 * from `start`, the end of the next batch; 0 when the buffer holds none. */
static size_t batch_end(tn_stream *s) {
  size_t avail = s->buf.len - s->start;
  size_t from = s->batch - 1 < avail ? s->start + s->batch - 1 : s->buf.len;
  if (from < s->scanned) from = s->scanned;
  if (from < s->buf.len) {
    const char *nl = memchr(s->buf.data + from, '\n', s->buf.len - from);
    if (nl) return (size_t)(nl - s->buf.data) + 1;
  }
  s->scanned = from > s->buf.len ? from : s->buf.len;
  return 0;
}

/* Lines as the JSON Lines importer counts them: each LF, and each CR not
 * followed by one (a lone CR ends a line in old Mac files). */
static uint64_t count_lines(const char *p, size_t len) {
  uint64_t n = 0;
  /* memchr jumps from line end to line end: a byte loop here cost the
   * reader as much as parsing the JSON */
  for (const char *q = p, *e = p + len;
       q < e && (q = memchr(q, '\n', (size_t)(e - q))); q++)
    n++;
  if (!memchr(p, '\r', len)) return n;
  for (size_t i = 0; i < len; i++)
    n += p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n');
  return n;
}

/* The next batch of a JSON Lines file into c; *used = 0 at the end. */
static tn_status next_jsonl(tn_stream *s, tn_corpus *c,
                            const tn_load_options *opts, tn_load_report *report,
                            tn_error *err, size_t *used) {
  size_t end;
  for (;;) {
    end = batch_end(s);
    if (end) break;
    if (s->eof) {
      end = s->buf.len;
      break;
    }
    tn_status st = read_more(s, err);
    if (st != TN_OK) return st;
  }
  *used = end - s->start;
  if (!*used) return TN_OK;
  const char *data = s->buf.data + s->start;
  /* The importer counts lines and bytes from the file's start, so
   * messages, lines and FILE:LINE ids are those of a whole-file load. */
  tn_status st = tn_import_jsonl_part(c, s->path, data, *used, s->line0,
                                      s->off0, opts, report, err);
  if (st == TN_OK) s->line0 += count_lines(data, *used);
  return st;
}

/* The next batch of a CSV/TSV file: whole records (a quoted cell may hold
 * line ends), the header read once by the reader. */
static tn_status next_csv(tn_stream *s, tn_corpus *c,
                          const tn_load_options *opts, tn_load_report *report,
                          tn_error *err, size_t *used) {
  if (!s->csv) {
    char delim = opts->delimiter;
    if (s->fmt == FMT_TSV && !delim) delim = '\t';
    if (tn_csv_reader_new(&s->csv, s->path, delim) != TN_OK) return TN_ENOMEM;
  }
  /* Bytes to hold before the reader is fed: one more than a batch, so the
   * reader sees where the batch's last record ends; twice as many after a
   * record longer than that. */
  size_t need = s->batch < SIZE_MAX / 2 ? s->batch + 1 : SIZE_MAX / 2;
  for (;;) {
    while (!s->eof && s->buf.len - s->start < need) {
      tn_status st = read_more(s, err);
      if (st != TN_OK) return st;
    }
    size_t avail = s->buf.len - s->start;
    tn_status st =
        tn_csv_reader_feed(s->csv, c, s->buf.data + s->start, avail, s->eof,
                           s->batch, used, opts, report, err);
    if (st != TN_OK || *used || s->eof) return st;
    need = avail < SIZE_MAX / 4 ? 2 * avail + 1 : SIZE_MAX / 2;
  }
}

tn_status tn_stream_next(tn_stream *s, tn_corpus **out,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err) {
  *out = NULL;
  if (s->ended) return TN_OK;
  if (!s->checked) {
    /* UTF-16 or UTF-32 is refused as a whole load refuses it. */
    while (!s->eof && s->buf.len < 4) {
      tn_status st = read_more(s, err);
      if (st != TN_OK) return st;
    }
    s->checked = 1;
    tn_status st =
        tn_corpus_check_encoding(s->path, s->buf.data, s->buf.len, err);
    if (st != TN_OK) return st;
  }
  tn_corpus *c = tn_corpus_new();
  if (!c) return TN_ENOMEM;
  c->prior_ids = s->ids;
  size_t used = 0;
  tn_status st = s->fmt == FMT_JSONL
                     ? next_jsonl(s, c, opts, report, err, &used)
                     : next_csv(s, c, opts, report, err, &used);
  if (st == TN_OK && used && s->ids) {
    st = tn_idset_add_corpus(s->ids, c);
    if (st != TN_OK)
      st = tn_error_set(err, st, s->path, 0,
                        st == TN_ENOMEM ? "out of memory keeping the "
                                          "documents' ids"
                                        : "too many documents (ids)");
  }
  if (st != TN_OK || !used) tn_corpus_free(c);
  if (st != TN_OK) return st;
  if (!used) {
    /* The end of the file: a file without a single record is noted as
     * the whole-file loader notes it (load.c). */
    s->ended = 1;
    if (report->read == s->read0)
      return tn_report_note(report, TN_WARNING, s->path, 0,
                            s->off0 == 0 ? "empty file: no documents"
                                         : "no documents in this file");
    return TN_OK;
  }
  s->off0 += used;
  s->start += used;
  *out = c;
  return TN_OK;
}
