/* CSV and TSV importer (RFC 4180 with a header row): quoted fields with
 * embedded separators, quotes and newlines; CRLF; a UTF-8 BOM; and the ';'
 * that Dutch Excel writes. Written here rather than taken from libcsv so
 * that every record keeps its line number and byte offset for messages. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "corpus/corpus.h"
#include "util/alloc.h"
#include "util/utf8.h"

typedef struct field {
  const char *ptr; /* into the input, or (copied) set once the record is read */
  size_t start, len; /* start: into the record buffer when copied */
  int copied;        /* a quoted field with "" inside: unescaped copy */
} field;

typedef struct record {
  tn_buf bytes; /* unescaped copies of quoted fields that need them */
  field *fields;
  size_t nfields, cap;
  uint64_t line;   /* line the record starts on */
  uint64_t offset; /* byte offset of its start */
} record;

typedef enum { REC_OK, REC_END, REC_UNBALANCED, REC_STRAY_QUOTE, REC_NOMEM } rec_status;

/* Line ends inside quoted fields: LF, CRLF or a lone CR, as at the end of
 * a record. */
static uint64_t count_lines(const char *p, const char *e) {
  uint64_t n = 0;
  for (; p < e; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n'))) n++;
  return n;
}

/* Reads one record starting at *pos. Lines are counted in *lineno. Fields
 * point into `data` where they can (unquoted, or quoted without ""), so
 * messages can name the file offset of a bad byte and nothing is copied. */
static rec_status read_record(const char *data, size_t len, size_t *pos,
                              uint64_t *lineno, char sep, record *rec,
                              size_t *err_at) {
  size_t p = *pos;
  tn_buf_clear(&rec->bytes);
  rec->nfields = 0;
  rec->line = *lineno;
  rec->offset = p;
  if (p >= len) return REC_END;
  for (;;) {
    if (tn_grow((void **)&rec->fields, &rec->cap, rec->nfields + 1,
                sizeof *rec->fields))
      return REC_NOMEM;
    field *f = &rec->fields[rec->nfields++];
    f->copied = 0;
    if (p < len && data[p] == '"') {
      size_t open_at = p;
      p++;
      size_t first = p;
      for (;;) {
        const char *q = memchr(data + p, '"', len - p);
        if (!q) {
          *err_at = open_at;
          return REC_UNBALANCED;
        }
        size_t stop = (size_t)(q - data);
        if (stop + 1 < len && data[stop + 1] == '"') {
          /* An escaped quote: from here on the field is a copy. */
          if (!f->copied) {
            f->copied = 1;
            f->start = rec->bytes.len;
            if (tn_buf_append(&rec->bytes, data + first, stop - first))
              return REC_NOMEM;
          } else if (tn_buf_append(&rec->bytes, data + p, stop - p)) {
            return REC_NOMEM;
          }
          if (tn_buf_putc(&rec->bytes, '"')) return REC_NOMEM;
          p = stop + 2;
          continue;
        }
        if (!f->copied && memchr(data + first, '\r', stop - first)) {
          f->copied = 1; /* line ends inside: normalised below */
          f->start = rec->bytes.len;
          if (tn_buf_append(&rec->bytes, data + first, stop - first))
            return REC_NOMEM;
        } else if (f->copied &&
                   tn_buf_append(&rec->bytes, data + p, stop - p)) {
          return REC_NOMEM;
        }
        if (f->copied) {
          /* CRLF and CR inside a cell become LF, as in a text file. */
          f->len = tn_newlines_to_lf(rec->bytes.data + f->start,
                                     rec->bytes.len - f->start);
          rec->bytes.len = f->start + f->len;
        } else {
          f->ptr = data + first;
          f->len = stop - first;
        }
        *lineno += count_lines(data + first, data + stop);
        p = stop + 1; /* past the closing quote */
        break;
      }
      /* after the closing quote: separator, end of line, or end of data */
      if (p < len && data[p] != sep && data[p] != '\n' && data[p] != '\r') {
        *err_at = p;
        return REC_STRAY_QUOTE;
      }
    } else {
      size_t start = p;
      while (p < len && data[p] != sep && data[p] != '\n' && data[p] != '\r')
        p++;
      f->ptr = data + start;
      f->len = p - start;
    }
    if (p < len && data[p] == sep) {
      p++;
      continue;
    }
    /* end of record: LF, CRLF, a lone CR, or the end of the data */
    if (p < len && data[p] == '\r') {
      p++;
      if (p < len && data[p] == '\n') p++;
    } else if (p < len && data[p] == '\n') {
      p++;
    }
    (*lineno)++;
    break;
  }
  *pos = p;
  for (size_t k = 0; k < rec->nfields; k++)
    if (rec->fields[k].copied)
      rec->fields[k].ptr = rec->bytes.data + rec->fields[k].start;
  return REC_OK;
}

static int name_matches(const char *want, const char *have, size_t len) {
  size_t n = strlen(want);
  if (n != len) return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)want[i]) != tolower((unsigned char)have[i]))
      return 0;
  return 1;
}

/* Skips a blank record (a single empty field), which spreadsheets leave at
 * the end. */
static int is_blank_record(const record *rec) {
  return rec->nfields == 1 && rec->fields[0].len == 0;
}

static char guess_separator(const char *data, size_t len) {
  /* Dutch Excel writes ';' because ',' is the decimal comma: count both in
   * the header line (outside quotes) and take the more frequent. */
  size_t commas = 0, semis = 0, tabs = 0;
  int quoted = 0;
  for (size_t i = 0; i < len && (quoted || data[i] != '\n'); i++) {
    if (data[i] == '"') quoted = !quoted;
    else if (!quoted && data[i] == ',') commas++;
    else if (!quoted && data[i] == ';') semis++;
    else if (!quoted && data[i] == '\t') tabs++;
  }
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas) return '\t';
  return ',';
}

tn_status tn_import_csv(tn_corpus *c, const char *name, const char *data,
                        size_t len, char delimiter,
                        const tn_load_options *opts, tn_load_report *report,
                        tn_error *err) {
  /* Offsets count from the start of the file, BOM included. */
  size_t pos = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  char sep = delimiter ? delimiter : guess_separator(data + pos, len - pos);
  record rec;
  memset(&rec, 0, sizeof rec);
  tn_status st = TN_OK;
  uint64_t lineno = 1;
  size_t err_at = 0;
  tn_meta *meta = NULL;
  char **names = NULL;
  size_t *name_lens = NULL;
  size_t ncols = 0;

  /* Header. */
  rec_status rs = read_record(data, len, &pos, &lineno, sep, &rec, &err_at);
  if (rs == REC_NOMEM) {
    st = tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
    goto done;
  }
  if (rs == REC_END) goto done; /* empty file: the loader reports it */
  if (rs != REC_OK) {
    st = tn_error_set_at(err, TN_ESYNTAX, name, lineno, err_at,
                         "the header row does not parse (%s); the first row "
                         "must name the columns",
                         rs == REC_UNBALANCED ? "a quote is never closed"
                                              : "text after a closing quote");
    goto done;
  }
  ncols = rec.nfields;
  names = tn_calloc(ncols, sizeof *names);
  name_lens = tn_calloc(ncols, sizeof *name_lens);
  meta = tn_calloc(ncols, sizeof *meta);
  if (!names || !name_lens || !meta) {
    st = tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
    goto done;
  }
  for (size_t k = 0; k < ncols; k++) {
    const char *h = rec.fields[k].ptr;
    size_t hl = rec.fields[k].len;
    while (hl && (*h == ' ')) h++, hl--;
    while (hl && h[hl - 1] == ' ') hl--;
    size_t ok = tn_utf8_valid_prefix(h, hl);
    if (ok < hl && opts->utf8 == TN_UTF8_REJECT) {
      /* Every document would carry the bad name: stop here, once. */
      char what[96];
      tn_utf8_describe(h + ok, (size_t)(data + len - (h + ok)), what,
                       sizeof what);
      st = tn_error_set_at(err, TN_EUTF8, name, 1, (uint64_t)(h + ok - data),
                           "the name of column %zu is not valid UTF-8 (%s); "
                           "fix the encoding or pass --repair-utf8",
                           k + 1, what);
      goto done;
    }
    if (ok < hl) {
      /* Repaired here, so that two names that become the same are
       * caught below like any duplicate. */
      tn_buf fixed = TN_BUF_INIT;
      if (tn_utf8_repair(h, hl, &fixed) < 0) {
        tn_buf_free(&fixed);
        st = tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
        goto done;
      }
      names[k] = fixed.data;
      hl = fixed.len;
      if (tn_report_note(report, TN_WARNING, name, 1,
                         "the name of column %zu had invalid UTF-8, replaced "
                         "by U+FFFD (--repair-utf8): \"%s\"",
                         k + 1, names[k]) != TN_OK) {
        st = tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
        goto done;
      }
    } else {
      names[k] = tn_strndup(h, hl);
    }
    if (!names[k]) {
      st = tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
      goto done;
    }
    name_lens[k] = hl;
  }
  /* Which column plays which role. */
  const char *role_names[7] = {
      opts->id_column ? opts->id_column : "id",
      opts->text_column ? opts->text_column : "text",
      opts->parent_column ? opts->parent_column : "parent",
      opts->kind_column ? opts->kind_column : "kind",
      opts->title_column ? opts->title_column : "title",
      opts->author_column ? opts->author_column : "author",
      opts->date_column ? opts->date_column : "date"};
  long role_col[7];
  for (int r = 0; r < 7; r++) {
    role_col[r] = -1;
    for (size_t k = 0; k < ncols; k++)
      if (name_matches(role_names[r], names[k], name_lens[k])) {
        role_col[r] = (long)k;
        break;
      }
  }
  const char *explicit_names[7] = {opts->id_column,     opts->text_column,
                                   opts->parent_column, opts->kind_column,
                                   opts->title_column,  opts->author_column,
                                   opts->date_column};
  static const char *const flags[7] = {"--id-column",    "--text-column",
                                       "--parent-column", "--kind-column",
                                       "--title-column", "--author-column",
                                       "--date-column"};
  for (int r = 0; r < 7; r++) {
    if ((explicit_names[r] || r == 1) && role_col[r] < 0) {
      tn_buf cols = TN_BUF_INIT;
      for (size_t k = 0; k < ncols; k++)
        tn_buf_printf(&cols, "%s\"%s\"", k ? ", " : "", names[k]);
      st = tn_error_set(err, TN_EINVAL, name, 1,
                        "no column named \"%s\" (the columns are %s); choose "
                        "one with %s",
                        role_names[r], cols.data ? cols.data : "none",
                        flags[r]);
      tn_buf_free(&cols);
      goto done;
    }
  }
  /* Names that would make two fields of one name: a metadata field called
   * "text" beside the real text could never be told apart (and written as
   * JSON Lines it would not load again). */
  static const char *const field_names[7] = {"id",    "text",   "parent",
                                             "kind",  "title",  "author",
                                             "date"};
  for (size_t k = 0; k < ncols; k++) {
    for (size_t m = 0; m < k; m++)
      if (name_matches(names[m], names[k], name_lens[k])) {
        st = tn_error_set(err, TN_EINVAL, name, 1,
                          "the header names column \"%s\" twice (columns %zu "
                          "and %zu); rename one of them",
                          names[k], m + 1, k + 1);
        goto done;
      }
    int roles = 0, first_role = -1;
    for (int r = 0; r < 7; r++)
      if (role_col[r] == (long)k) {
        if (roles++ == 0) first_role = r;
        else {
          st = tn_error_set(err, TN_EINVAL, name, 1,
                            "column \"%s\" is chosen as both %s and %s; "
                            "choose another with %s",
                            names[k], field_names[first_role], field_names[r],
                            flags[r]);
          goto done;
        }
      }
    if (roles) continue;
    for (int r = 0; r < 7; r++)
      if (name_matches(field_names[r], names[k], name_lens[k])) {
        st = tn_error_set(err, TN_EINVAL, name, 1,
                          "column \"%s\" has the name of a document field, "
                          "but the %s comes from column \"%s\" (%s); rename "
                          "\"%s\" in the header",
                          names[k], field_names[r], names[role_col[r]],
                          flags[r], names[k]);
        goto done;
      }
  }

  char genid[600];
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  uint64_t row = 0;
  for (;;) {
    rs = read_record(data, len, &pos, &lineno, sep, &rec, &err_at);
    if (rs == REC_END) break;
    if (rs == REC_NOMEM) {
      st = tn_error_set(err, TN_ENOMEM, name, lineno, "out of memory");
      goto done;
    }
    if (rs == REC_UNBALANCED) {
      /* Everything to the end of the file sits inside the open quote: one
       * broken record, not silently many; say how much it swallowed. */
      uint64_t quote_line = rec.line + count_lines(data + rec.offset,
                                                   data + err_at);
      uint64_t last = quote_line + count_lines(data + err_at, data + len);
      if (last > quote_line && len && (data[len - 1] == '\n' || data[len - 1] == '\r'))
        last--;
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, quote_line,
                          err_at, 1, NULL,
                          "a quoted field is never closed, so the rest of the "
                          "file (lines %llu-%llu) was read as part of this "
                          "record; close the quote (a quote inside a field "
                          "is written \"\")",
                          (unsigned long long)quote_line,
                          (unsigned long long)last);
      break;
    }
    if (rs == REC_STRAY_QUOTE) {
      uint64_t at_line =
          rec.line + count_lines(data + rec.offset, data + err_at);
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, at_line, err_at,
                          1, NULL,
                          "text after a closing quote; a quote inside a "
                          "quoted field is written \"\"");
      /* resynchronise at the next line */
      pos = err_at;
      while (pos < len && data[pos] != '\n' && data[pos] != '\r') pos++;
      if (pos < len && data[pos] == '\r') pos++;
      if (pos < len && data[pos] == '\n') pos++;
      lineno = at_line + 1;
      if (st != TN_OK) break;
      continue;
    }
    if (is_blank_record(&rec)) continue;
    row++;
    if (rec.nfields != ncols) {
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, rec.line,
                          rec.offset, 1, NULL,
                          "row has %zu field%s but the header has %zu; "
                          "check the separator ('%s') and the quoting",
                          rec.nfields, rec.nfields == 1 ? "" : "s", ncols,
                          sep == '\t' ? "\\t" : (sep == ';' ? ";" : ","));
      if (st != TN_OK) break;
      continue;
    }
    tn_doc_input in;
    memset(&in, 0, sizeof in);
    tn_str *dst[7] = {&in.id,   &in.text,  &in.parent, &in.kind,
                      &in.title, &in.author, &in.date};
    uint32_t nmeta = 0;
    for (size_t k = 0; k < ncols; k++) {
      tn_str v = {rec.fields[k].ptr, rec.fields[k].len};
      int role = -1;
      for (int r = 0; r < 7; r++)
        if (role_col[r] == (long)k) role = r;
      if (role >= 0) {
        /* An empty cell is an absent value (no parent, no title). */
        if (v.len || role == 1) *dst[role] = v;
        continue;
      }
      tn_meta *m = &meta[nmeta++];
      m->key.ptr = names[k];
      m->key.len = name_lens[k];
      m->type = TN_VALUE_STRING;
      m->str = v;
    }
    if (!in.id.ptr) {
      int n = snprintf(genid, sizeof genid, "%s:%llu", base,
                       (unsigned long long)row);
      in.id.ptr = genid;
      in.id.len = (size_t)n < sizeof genid ? (size_t)n : sizeof genid - 1;
    }
    in.meta = meta;
    in.nmeta = nmeta;
    in.source = name;
    in.line = rec.line;
    in.offset = rec.offset;
    in.raw = data + rec.offset;
    in.raw_len = pos - rec.offset;
    st = tn_corpus_add(c, &in, opts, report);
    if (st != TN_OK) {
      tn_error_set(err, st, name, rec.line, "out of memory");
      break;
    }
  }
done:
  if (names)
    for (size_t k = 0; k < ncols; k++) tn_free(names[k]);
  tn_free(names);
  tn_free(name_lens);
  tn_free(meta);
  tn_buf_free(&rec.bytes);
  tn_free(rec.fields);
  return st;
}
