/* Batches of whole lines from a JSON Lines file, read through zlib (which
 * reads plain files as they are), each imported as a corpus of its own. */
#include "corpus/stream.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "util/alloc.h"
#include "util/buf.h"

struct tn_stream {
  gzFile gz;
  char *path;
  size_t batch;
  tn_buf buf;       /* bytes read; those from `start` on are not imported */
  size_t start;
  size_t scanned;   /* no batch ends before this index of buf */
  uint64_t line0;   /* lines before buf.data + start */
  uint64_t off0;    /* bytes before buf.data + start */
  uint64_t read0;   /* report->read when the file was opened */
  tn_idset *ids;    /* ids of earlier batches and files, or NULL */
  int eof, ended;
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

int tn_stream_supports(const char *path) {
  return ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ||
         ends_with(path, ".jsonl.gz") || ends_with(path, ".ndjson.gz");
}

tn_status tn_stream_open(tn_stream **out, const char *path, size_t batch_bytes,
                         tn_idset *ids, tn_load_report *report,
                         tn_error *err) {
  tn_stream *s = tn_calloc(1, sizeof *s);
  if (!s) return TN_ENOMEM;
  s->path = tn_strndup(path, strlen(path));
  if (!s->path) {
    tn_free(s);
    return TN_ENOMEM;
  }
  s->batch = batch_bytes ? batch_bytes : 1;
  s->ids = ids;
  errno = 0;
  s->gz = gzopen(path, "rb");
  if (!s->gz) {
    tn_status st = tn_error_set(err, TN_EIO, path, 0, "cannot open: %s%s",
                                errno ? strerror(errno) : "out of memory",
                                errno == EACCES
                                    ? "; check the file's permissions"
                                    : "");
    tn_stream_close(s);
    return st;
  }
  gzbuffer(s->gz, 1 << 17);
  report->files++;
  s->read0 = report->read;
  *out = s;
  return TN_OK;
}

void tn_stream_close(tn_stream *s) {
  if (!s) return;
  if (s->gz) gzclose(s->gz);
  tn_buf_free(&s->buf);
  tn_free(s->path);
  tn_free(s);
}

/* Index just past the first newline at or after `batch` bytes from
 * `start`: the end of the next batch; 0 when the buffer holds none yet. */
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

/* Reads until the buffer holds a whole batch (or the file ends); *end is
 * the index in buf where the batch ends. */
static tn_status fill(tn_stream *s, size_t *end, tn_error *err) {
  for (;;) {
    *end = batch_end(s);
    if (*end) return TN_OK;
    if (s->eof) {
      *end = s->buf.len;
      return TN_OK;
    }
    /* Imported bytes go before reading more: what moves is less than a
     * batch and a line, once per read of up to 1 MiB. */
    if (s->start) {
      memmove(s->buf.data, s->buf.data + s->start, s->buf.len - s->start);
      s->buf.len -= s->start;
      s->scanned = s->scanned > s->start ? s->scanned - s->start : 0;
      s->start = 0;
    }
    if (tn_buf_reserve(&s->buf, 1 << 20)) return TN_ENOMEM;
    int n = gzread(s->gz, s->buf.data + s->buf.len, 1 << 20);
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
  }
}

/* Lines as the JSON Lines importer counts them: each LF, and each CR not
 * followed by one (a lone CR ends a line in old Mac files). */
static uint64_t count_lines(const char *p, size_t len) {
  uint64_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'));
  return n;
}

tn_status tn_stream_next(tn_stream *s, tn_corpus **out,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err) {
  *out = NULL;
  size_t end;
  tn_status st = fill(s, &end, err);
  if (st != TN_OK) return st;
  if (end == s->start) {
    /* The end of the file: a file without a single record is noted as
     * the whole-file loader notes it (load.c). */
    if (!s->ended && report->read == s->read0) {
      s->ended = 1;
      return tn_report_note(report, TN_WARNING, s->path, 0,
                            s->off0 == 0
                                ? "empty file: no documents"
                                : "no documents in this file");
    }
    s->ended = 1;
    return TN_OK;
  }
  const char *data = s->buf.data + s->start;
  size_t len = end - s->start;
  tn_corpus *c = tn_corpus_new();
  if (!c) return TN_ENOMEM;
  c->prior_ids = s->ids;
  /* The importer counts lines and bytes from the file's start, so
   * messages, lines and FILE:LINE ids are those of a whole-file load. */
  st = tn_import_jsonl_part(c, s->path, data, len, s->line0, s->off0, opts,
                            report, err);
  if (st == TN_OK && s->ids) {
    st = tn_idset_add_corpus(s->ids, c);
    if (st != TN_OK)
      st = tn_error_set(err, st, s->path, 0,
                        st == TN_ENOMEM ? "out of memory keeping the "
                                          "documents' ids"
                                        : "too many documents (ids)");
  }
  if (st != TN_OK) {
    tn_corpus_free(c);
    return st;
  }
  s->line0 += count_lines(data, len);
  s->off0 += len;
  s->start = end;
  *out = c;
  return TN_OK;
}
