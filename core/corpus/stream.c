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
  const char *base; /* the file name without directories */
  size_t batch;
  tn_buf buf;       /* bytes read but not yet imported */
  uint64_t line0;   /* lines before buf */
  uint64_t off0;    /* bytes before buf */
  int eof;
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
                         tn_load_report *report, tn_error *err) {
  tn_stream *s = tn_calloc(1, sizeof *s);
  if (!s) return TN_ENOMEM;
  s->path = tn_strndup(path, strlen(path));
  if (!s->path) {
    tn_free(s);
    return TN_ENOMEM;
  }
  const char *slash = strrchr(s->path, '/');
  s->base = slash ? slash + 1 : s->path;
  s->batch = batch_bytes ? batch_bytes : 1;
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

/* Reads until the buffer holds a batch and ends in a newline (or the file
 * ends). */
static tn_status fill(tn_stream *s, tn_error *err) {
  while (!s->eof) {
    const char *nl = s->buf.len ? memchr(s->buf.data, '\n', s->buf.len) : NULL;
    if (nl && s->buf.len >= s->batch) return TN_OK;
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
      break;
    }
    s->buf.len += (size_t)n;
  }
  return TN_OK;
}

/* Names like "FILE:LINE" made by the importer count lines from the start
 * of the batch: give them the line of the file. */
static tn_status rebase_ids(tn_stream *s, tn_corpus *c, size_t len_base) {
  char want[64];
  for (size_t i = 0; i < c->ndocs; i++) {
    tn_doc *d = &c->docs[i];
    if (d->id.len != len_base + 1 + (size_t)snprintf(want, sizeof want, "%llu",
                                                     (unsigned long long)d->line) ||
        memcmp(d->id.ptr, s->base, len_base) != 0 || d->id.ptr[len_base] != ':' ||
        memcmp(d->id.ptr + len_base + 1, want, d->id.len - len_base - 1) != 0)
      continue;
    char *id = tn_arena_alloc(&c->arena, len_base + 24);
    if (!id) return TN_ENOMEM;
    int n = snprintf(id, len_base + 24, "%s:%llu", s->base,
                     (unsigned long long)(d->line + s->line0));
    d->id.ptr = id;
    d->id.len = (size_t)n;
  }
  return TN_OK;
}

tn_status tn_stream_next(tn_stream *s, tn_corpus **out,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err) {
  *out = NULL;
  tn_status st = fill(s, err);
  if (st != TN_OK) return st;
  if (s->buf.len == 0) return TN_OK;
  /* the batch: up to the last newline (everything at the end of the file) */
  size_t len = s->buf.len;
  if (!s->eof) {
    const char *p = s->buf.data + len;
    while (p > s->buf.data && p[-1] != '\n') p--;
    len = (size_t)(p - s->buf.data);
  }
  tn_corpus *c = tn_corpus_new();
  if (!c) return TN_ENOMEM;
  size_t d0 = report->ndiags;
  st = tn_corpus_load_buffer(c, s->path, s->buf.data, len, opts, report, err);
  for (size_t i = d0; i < report->ndiags; i++) {
    tn_diagnostic *d = &report->diags[i];
    if (d->line) d->line += s->line0;
    if (d->has_offset) d->offset += s->off0;
  }
  if (st == TN_OK) st = rebase_ids(s, c, strlen(s->base));
  for (size_t i = 0; st == TN_OK && i < c->ndocs; i++) c->docs[i].line += s->line0;
  if (st != TN_OK) {
    tn_corpus_free(c);
    return st;
  }
  for (size_t i = 0; i < len; i++) s->line0 += s->buf.data[i] == '\n';
  s->off0 += len;
  memmove(s->buf.data, s->buf.data + len, s->buf.len - len);
  s->buf.len -= len;
  *out = c;
  return TN_OK;
}
