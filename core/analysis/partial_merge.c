/* Merging sorted partial results: a k-way merge that keeps one line of
 * each source in memory and sums the counts of equal keys, so merging is
 * associative and commutative and runs in constant memory. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/partial.h"
#include "util/alloc.h"

void tn_partial_src_close(tn_partial_src *s) {
  tn_free(s->line);
  s->line = NULL;
  s->linecap = 0;
}

/* Per record type: key fields after the type, then value fields. */
static int shape(char type, int *keys, int *values) {
  switch (type) {
  case 'c': *keys = 3; *values = 2; return 0; /* layer group term : count docs */
  case 'd': *keys = 1; *values = 4; return 0; /* id : group parent tokens sents */
  case 'g': *keys = 1; *values = 4; return 0; /* group : docs tokens all sents */
  case 't': *keys = 0; *values = 4; return 0; /* : docs tokens all sents */
  default: return -1;
  }
}

/* Reads the next line of a source; 0 at the end, -1 on a read error. */
static int next_line(tn_partial_src *s) {
  if (s->eof) return 0;
  if (s->fp) {
    size_t n = 0;
    for (;;) {
      int c = getc(s->fp);
      if (c == EOF) {
        if (ferror(s->fp)) return -1;
        if (n == 0) {
          s->eof = 1;
          return 0;
        }
        break;
      }
      if (c == '\n') break;
      if (n + 2 > s->linecap &&
          tn_grow((void **)&s->line, &s->linecap, n + 2, 1))
        return -1;
      s->line[n++] = (char)c;
    }
    if (!s->line && tn_grow((void **)&s->line, &s->linecap, 1, 1)) return -1;
    s->line[n] = '\0';
    s->linelen = n;
  } else {
    if (s->pos >= s->len) {
      s->eof = 1;
      return 0;
    }
    const char *p = s->data + s->pos;
    const char *nl = memchr(p, '\n', s->len - s->pos);
    size_t n = nl ? (size_t)(nl - p) : s->len - s->pos;
    if (tn_grow((void **)&s->line, &s->linecap, n + 1, 1)) return -1;
    memcpy(s->line, p, n);
    s->line[n] = '\0';
    s->linelen = n;
    s->pos += n + (nl ? 1 : 0);
  }
  s->lineno++;
  return 1;
}

/* Length of the key (type and key fields) of the current line, or 0 when
 * the line is not a record of the format. */
static size_t key_len(const tn_partial_src *s) {
  int keys, values;
  if (s->linelen < 2 || s->line[1] != '\t' || shape(s->line[0], &keys, &values))
    return 0;
  size_t pos = 1;
  for (int k = 0; k < keys; k++) {
    const char *t = memchr(s->line + pos + 1, '\t', s->linelen - pos - 1);
    if (!t) return 0;
    pos = (size_t)(t - s->line);
  }
  /* then exactly `values` fields */
  int tabs = 0;
  for (size_t i = pos; i < s->linelen; i++) tabs += s->line[i] == '\t';
  return tabs == values ? pos : 0;
}

static int key_cmp(const char *a, size_t alen, const char *b, size_t blen) {
  int c = memcmp(a, b, alen < blen ? alen : blen);
  if (c) return c;
  return alen < blen ? -1 : alen > blen;
}

static tn_status bad_line(tn_partial_src *s, tn_error *err, const char *what) {
  return tn_error_set(err, TN_ESYNTAX, s->name, s->lineno,
                      "%s; is it a file written by 'tussen map' or "
                      "'tussen merge'?",
                      what);
}

/* Adds the numeric fields after `key` of a line into sums[]. */
static int add_values(const char *line, size_t key, uint64_t *sums, int n) {
  const char *p = line + key;
  for (int i = 0; i < n; i++) {
    if (*p != '\t' || p[1] < '0' || p[1] > '9') return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p + 1, &end, 10);
    if (errno || (*end != '\t' && *end != '\0')) return -1;
    sums[i] += v;
    p = end;
  }
  return 0;
}

tn_status tn_partial_merge(tn_partial_src *srcs, size_t n,
                           tn_partial_emit emit, void *ud, tn_error *err) {
  tn_status st = TN_OK;
  size_t *klen = tn_calloc(n ? n : 1, sizeof *klen);
  char **prev = tn_calloc(n ? n : 1, sizeof *prev);
  size_t *prevlen = tn_calloc(n ? n : 1, sizeof *prevlen);
  tn_buf out = {0};
  if (!klen || !prev || !prevlen) {
    st = TN_ENOMEM;
    goto done;
  }
  /* The headers: every source says the same options. */
  for (size_t i = 0; i < n; i++) {
    int r = next_line(&srcs[i]);
    if (r < 0) {
      st = tn_error_set(err, TN_EIO, srcs[i].name, 0, "read error: %s",
                        strerror(errno));
      goto done;
    }
    size_t ml = strlen(TN_PARTIAL_MAGIC);
    if (r == 0 || strncmp(srcs[i].line, TN_PARTIAL_MAGIC, ml) != 0 ||
        srcs[i].line[ml] != '\t') {
      st = bad_line(&srcs[i], err, "not a partial result (no '" TN_PARTIAL_MAGIC
                                   "' header)");
      goto done;
    }
    if (atoi(srcs[i].line + ml + 1) != TN_PARTIAL_VERSION) {
      st = tn_error_set(err, TN_EFORMAT, srcs[i].name, 1,
                        "partial format version %d; this tussen reads "
                        "version %d: run 'tussen map' again",
                        atoi(srcs[i].line + ml + 1), TN_PARTIAL_VERSION);
      goto done;
    }
    if (i > 0 && strcmp(srcs[i].line, srcs[0].line) != 0) {
      st = tn_error_set(err, TN_EINVAL, srcs[i].name, 1,
                        "made with other options than %s (header '%s' vs "
                        "'%s'); map every part with the same options",
                        srcs[0].name, srcs[i].line, srcs[0].line);
      goto done;
    }
  }
  if (n > 0 && (tn_buf_puts(&out, srcs[0].line) || tn_buf_putc(&out, '\n'))) {
    st = TN_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n; i++) {
    int r = next_line(&srcs[i]);
    if (r < 0) {
      st = tn_error_set(err, TN_EIO, srcs[i].name, 0, "read error: %s",
                        strerror(errno));
      goto done;
    }
    if (r && !(klen[i] = key_len(&srcs[i]))) {
      st = bad_line(&srcs[i], err, "not a record");
      goto done;
    }
  }
  for (;;) {
    /* the smallest key among the sources */
    size_t min = n;
    for (size_t i = 0; i < n; i++) {
      if (srcs[i].eof) continue;
      if (min == n || key_cmp(srcs[i].line, klen[i], srcs[min].line,
                              klen[min]) < 0)
        min = i;
    }
    if (min == n) break;
    char type = srcs[min].line[0];
    /* every line's type was checked when it was read (key_length) */
    int keys = 0, nvals = 0;
    if (shape(type, &keys, &nvals) != 0) {
      st = TN_EINTERNAL;
      goto done;
    }
    uint64_t sums[4] = {0, 0, 0, 0};
    size_t first = min, holders = 0;
    size_t klen_min = klen[min];
    if (tn_buf_append(&out, srcs[min].line, klen_min)) {
      st = TN_ENOMEM;
      goto done;
    }
    if (type == 'd' &&
        tn_buf_append(&out, srcs[min].line + klen_min, srcs[min].linelen - klen_min)) {
      st = TN_ENOMEM;
      goto done;
    }
    size_t keystart = out.len - (type == 'd' ? srcs[min].linelen : klen_min);
    for (size_t i = 0; i < n; i++) {
      if (srcs[i].eof || key_cmp(srcs[i].line, klen[i], out.data + keystart,
                                 klen_min) != 0)
        continue;
      holders++;
      if (type == 'd' && holders > 1) {
        st = tn_error_set(err, TN_EINVAL, srcs[i].name, srcs[i].lineno,
                          "document \"%.*s\" is also in %s; each document "
                          "must be in one part only",
                          (int)(klen_min > 202 ? 200 : klen_min - 2),
                          srcs[i].line + 2, srcs[first].name);
        goto done;
      }
      if (type != 'd' && add_values(srcs[i].line, klen[i], sums, nvals)) {
        st = bad_line(&srcs[i], err, "a count is not a number");
        goto done;
      }
      /* advance, checking the source is sorted */
      if (tn_grow((void **)&prev[i], &prevlen[i], klen[i] + 1, 1)) {
        st = TN_ENOMEM;
        goto done;
      }
      memcpy(prev[i], srcs[i].line, klen[i]);
      size_t pl = klen[i];
      int r = next_line(&srcs[i]);
      if (r < 0) {
        st = tn_error_set(err, TN_EIO, srcs[i].name, 0, "read error: %s",
                          strerror(errno));
        goto done;
      }
      if (r == 0) continue;
      if (!(klen[i] = key_len(&srcs[i]))) {
        st = bad_line(&srcs[i], err, "not a record");
        goto done;
      }
      if (key_cmp(srcs[i].line, klen[i], prev[i], pl) <= 0) {
        st = bad_line(&srcs[i], err, "records out of order or repeated");
        goto done;
      }
    }
    if (type != 'd') {
      for (int v = 0; v < nvals; v++)
        if (tn_buf_printf(&out, "\t%llu", (unsigned long long)sums[v])) {
          st = TN_ENOMEM;
          goto done;
        }
    }
    if (tn_buf_putc(&out, '\n')) {
      st = TN_ENOMEM;
      goto done;
    }
    if (out.len >= 1u << 16) {
      if (emit(ud, out.data, out.len)) {
        st = tn_error_set(err, TN_EIO, NULL, 0, "write error: %s",
                          strerror(errno));
        goto done;
      }
      tn_buf_clear(&out);
    }
  }
  if (out.len && emit(ud, out.data, out.len))
    st = tn_error_set(err, TN_EIO, NULL, 0, "write error: %s", strerror(errno));
done:
  for (size_t i = 0; prev && i < n; i++) tn_free(prev[i]);
  tn_free(prev);
  tn_free(prevlen);
  tn_free(klen);
  tn_buf_free(&out);
  return st;
}
