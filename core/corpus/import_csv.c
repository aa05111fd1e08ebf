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

/* A file read in pieces: the header's columns and roles, and where the
 * next piece starts (line, data row, byte offset). */
struct tn_csv_reader {
  char *name;
  const char *base; /* the file name without directories, for FILE:ROW */
  char delimiter, sep;
  int have_header;
  record rec;
  char **names;
  size_t *name_lens;
  size_t ncols;
  tn_meta *meta;
  long role_col[7];
  uint64_t lineno, row, off;
};

tn_status tn_csv_reader_new(tn_csv_reader **out, const char *name,
                            char delimiter) {
  tn_csv_reader *r = tn_calloc(1, sizeof *r);
  if (!r) return TN_ENOMEM;
  r->name = tn_strndup(name, strlen(name));
  if (!r->name) {
    tn_free(r);
    return TN_ENOMEM;
  }
  const char *slash = strrchr(r->name, '/');
  r->base = slash ? slash + 1 : r->name;
  r->delimiter = delimiter;
  r->lineno = 1;
  *out = r;
  return TN_OK;
}

void tn_csv_reader_free(tn_csv_reader *r) {
  if (!r) return;
  if (r->names)
    for (size_t k = 0; k < r->ncols; k++) tn_free(r->names[k]);
  tn_free(r->names);
  tn_free(r->name_lens);
  tn_free(r->meta);
  tn_buf_free(&r->rec.bytes);
  tn_free(r->rec.fields);
  tn_free(r->name);
  tn_free(r);
}

/* Reads the header row at data + *pos (after the BOM); its columns and
 * their roles are kept in r. */
static tn_status read_header(tn_csv_reader *r, const char *data, size_t len,
                             size_t *pos, const tn_load_options *opts,
                             tn_load_report *report, tn_error *err) {
  const char *name = r->name;
  record *rec = &r->rec;
  size_t err_at = 0;
  rec_status rs = read_record(data, len, pos, &r->lineno, r->sep, rec, &err_at);
  if (rs == REC_NOMEM) return tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
  if (rs != REC_OK)
    return tn_error_set_at(err, TN_ESYNTAX, name, r->lineno, r->off + err_at,
                           "the header row does not parse (%s); the first "
                           "row must name the columns",
                           rs == REC_UNBALANCED ? "a quote is never closed"
                                                : "text after a closing quote");
  size_t ncols = rec->nfields;
  r->ncols = ncols;
  char **names = r->names = tn_calloc(ncols, sizeof *names);
  size_t *name_lens = r->name_lens = tn_calloc(ncols, sizeof *name_lens);
  r->meta = tn_calloc(ncols, sizeof *r->meta);
  if (!names || !name_lens || !r->meta)
    return tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
  for (size_t k = 0; k < ncols; k++) {
    const char *h = rec->fields[k].ptr;
    size_t hl = rec->fields[k].len;
    while (hl && (*h == ' ')) h++, hl--;
    while (hl && h[hl - 1] == ' ') hl--;
    size_t ok = tn_utf8_valid_prefix(h, hl);
    if (ok < hl && opts->utf8 == TN_UTF8_REJECT) {
      /* Every document would carry the bad name: stop here, once. */
      char what[96];
      tn_utf8_describe(h + ok, (size_t)(data + len - (h + ok)), what,
                       sizeof what);
      return tn_error_set_at(err, TN_EUTF8, name, 1,
                             r->off + (uint64_t)(h + ok - data),
                             "the name of column %zu is not valid UTF-8 (%s); "
                             "fix the encoding or pass --repair-utf8",
                             k + 1, what);
    }
    if (ok < hl) {
      /* Repaired here, so that two names that become the same are
       * caught below like any duplicate. */
      tn_buf fixed = TN_BUF_INIT;
      if (tn_utf8_repair(h, hl, &fixed) < 0) {
        tn_buf_free(&fixed);
        return tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
      }
      names[k] = fixed.data;
      hl = fixed.len;
      if (tn_report_note(report, TN_WARNING, name, 1,
                         "the name of column %zu had invalid UTF-8, replaced "
                         "by U+FFFD (--repair-utf8): \"%s\"",
                         k + 1, names[k]) != TN_OK)
        return tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
    } else {
      names[k] = tn_strndup(h, hl);
    }
    if (!names[k]) return tn_error_set(err, TN_ENOMEM, name, 1, "out of memory");
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
  long *role_col = r->role_col;
  for (int k = 0; k < 7; k++) {
    role_col[k] = -1;
    for (size_t m = 0; m < ncols; m++)
      if (name_matches(role_names[k], names[m], name_lens[m])) {
        role_col[k] = (long)m;
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
  for (int k = 0; k < 7; k++) {
    if ((explicit_names[k] || k == 1) && role_col[k] < 0) {
      tn_buf cols = TN_BUF_INIT;
      for (size_t m = 0; m < ncols; m++)
        tn_buf_printf(&cols, "%s\"%s\"", m ? ", " : "", names[m]);
      tn_status st = tn_error_set(err, TN_EINVAL, name, 1,
                                  "no column named \"%s\" (the columns are "
                                  "%s); choose one with %s",
                                  role_names[k],
                                  cols.data ? cols.data : "none", flags[k]);
      tn_buf_free(&cols);
      return st;
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
      if (name_matches(names[m], names[k], name_lens[k]))
        return tn_error_set(err, TN_EINVAL, name, 1,
                            "the header names column \"%s\" twice (columns "
                            "%zu and %zu); rename one of them",
                            names[k], m + 1, k + 1);
    int roles = 0, first_role = -1;
    for (int q = 0; q < 7; q++)
      if (role_col[q] == (long)k) {
        if (roles++ == 0) first_role = q;
        else
          return tn_error_set(err, TN_EINVAL, name, 1,
                              "column \"%s\" is chosen as both %s and %s; "
                              "choose another with %s",
                              names[k], field_names[first_role],
                              field_names[q], flags[q]);
      }
    if (roles) continue;
    for (int q = 0; q < 7; q++)
      if (name_matches(field_names[q], names[k], name_lens[k]))
        return tn_error_set(err, TN_EINVAL, name, 1,
                            "column \"%s\" has the name of a document field, "
                            "but the %s comes from column \"%s\" (%s); rename "
                            "\"%s\" in the header",
                            names[k], field_names[q], names[role_col[q]],
                            flags[q], names[k]);
  }
  r->have_header = 1;
  return TN_OK;
}

/* One data record (already read into r->rec) as a document. */
static tn_status add_record(tn_csv_reader *r, tn_corpus *c, const char *data,
                            size_t end, const tn_load_options *opts,
                            tn_load_report *report) {
  const record *rec = &r->rec;
  tn_doc_input in;
  memset(&in, 0, sizeof in);
  tn_str *dst[7] = {&in.id,    &in.text,   &in.parent, &in.kind,
                    &in.title, &in.author, &in.date};
  uint32_t nmeta = 0;
  for (size_t k = 0; k < r->ncols; k++) {
    tn_str v = {rec->fields[k].ptr, rec->fields[k].len};
    int role = -1;
    for (int q = 0; q < 7; q++)
      if (r->role_col[q] == (long)k) role = q;
    if (role >= 0) {
      /* An empty cell is an absent value (no parent, no title). */
      if (v.len || role == 1) *dst[role] = v;
      continue;
    }
    tn_meta *m = &r->meta[nmeta++];
    m->key.ptr = r->names[k];
    m->key.len = r->name_lens[k];
    m->type = TN_VALUE_STRING;
    m->str = v;
  }
  char genid[600];
  if (!in.id.ptr) {
    int n = snprintf(genid, sizeof genid, "%s:%llu", r->base,
                     (unsigned long long)r->row);
    in.id.ptr = genid;
    in.id.len = (size_t)n < sizeof genid ? (size_t)n : sizeof genid - 1;
  }
  in.meta = r->meta;
  in.nmeta = nmeta;
  in.source = r->name;
  in.line = rec->line;
  in.offset = r->off + rec->offset;
  in.raw = data + rec->offset;
  in.raw_len = end - rec->offset;
  return tn_corpus_add(c, &in, opts, report);
}

tn_status tn_csv_reader_feed(tn_csv_reader *r, tn_corpus *c, const char *data,
                             size_t len, int eof, size_t want, size_t *used,
                             const tn_load_options *opts,
                             tn_load_report *report, tn_error *err) {
  const char *name = r->name;
  record *rec = &r->rec;
  tn_status st = TN_OK;
  size_t pos = 0, err_at = 0;
  *used = 0;
  if (!r->have_header) {
    /* Offsets count from the start of the file, BOM included. The header
     * is read only once whole: a piece that cuts it waits for more. */
    if (r->off == 0 && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
      pos = 3;
    size_t p = pos;
    uint64_t ln = r->lineno;
    r->sep = r->delimiter ? r->delimiter : guess_separator(data + pos, len - pos);
    rec_status rs = read_record(data, len, &p, &ln, r->sep, rec, &err_at);
    if (rs == REC_END && eof) { /* empty file: the loader reports it */
      *used = len;
      r->off += len;
      return TN_OK;
    }
    if (!eof && (rs == REC_END || rs == REC_UNBALANCED || p == len))
      return TN_OK;
    st = read_header(r, data, len, &pos, opts, report, err);
    if (st != TN_OK) return st;
  }
  const char sep = r->sep;
  while (pos < len && pos < want) {
    size_t p = pos;
    uint64_t ln = r->lineno;
    rec_status rs = read_record(data, len, &p, &ln, sep, rec, &err_at);
    if (rs == REC_END) break;
    if (rs == REC_NOMEM) {
      st = tn_error_set(err, TN_ENOMEM, name, ln, "out of memory");
      break;
    }
    /* A record the end of this piece may cut: wait for more. */
    if (!eof && (rs == REC_UNBALANCED || (rs == REC_OK && p == len))) break;
    if (rs == REC_UNBALANCED) {
      /* Everything to the end of the file sits inside the open quote: one
       * broken record, not silently many; say how much it swallowed. */
      uint64_t quote_line = rec->line + count_lines(data + rec->offset,
                                                    data + err_at);
      uint64_t last = quote_line + count_lines(data + err_at, data + len);
      if (last > quote_line && len &&
          (data[len - 1] == '\n' || data[len - 1] == '\r'))
        last--;
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, quote_line,
                          r->off + err_at, 1, NULL,
                          "a quoted field is never closed, so the rest of the "
                          "file (lines %llu-%llu) was read as part of this "
                          "record; close the quote (a quote inside a field "
                          "is written \"\")",
                          (unsigned long long)quote_line,
                          (unsigned long long)last);
      pos = len;
      break;
    }
    if (rs == REC_STRAY_QUOTE) {
      uint64_t at_line =
          rec->line + count_lines(data + rec->offset, data + err_at);
      /* resynchronise at the next line */
      p = err_at;
      while (p < len && data[p] != '\n' && data[p] != '\r') p++;
      if (p < len && data[p] == '\r') p++;
      if (p < len && data[p] == '\n') p++;
      if (!eof && p == len) break;
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, at_line,
                          r->off + err_at, 1, NULL,
                          "text after a closing quote; a quote inside a "
                          "quoted field is written \"\"");
      pos = p;
      r->lineno = at_line + 1;
      if (st != TN_OK) break;
      continue;
    }
    pos = p;
    r->lineno = ln;
    if (is_blank_record(rec)) continue;
    r->row++;
    if (rec->nfields != r->ncols) {
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, rec->line,
                          r->off + rec->offset, 1, NULL,
                          "row has %zu field%s but the header has %zu; "
                          "check the separator ('%s') and the quoting",
                          rec->nfields, rec->nfields == 1 ? "" : "s",
                          r->ncols,
                          sep == '\t' ? "\\t" : (sep == ';' ? ";" : ","));
      if (st != TN_OK) break;
      continue;
    }
    st = add_record(r, c, data, pos, opts, report);
    if (st != TN_OK) {
      tn_error_set(err, st, name, rec->line, "out of memory");
      break;
    }
  }
  *used = pos;
  r->off += pos;
  return st;
}

tn_status tn_import_csv(tn_corpus *c, const char *name, const char *data,
                        size_t len, char delimiter,
                        const tn_load_options *opts, tn_load_report *report,
                        tn_error *err) {
  tn_csv_reader *r;
  if (tn_csv_reader_new(&r, name, delimiter) != TN_OK)
    return tn_error_set(err, TN_ENOMEM, name, 0, "out of memory");
  size_t used;
  tn_status st = tn_csv_reader_feed(r, c, data, len, 1, SIZE_MAX, &used, opts,
                                    report, err);
  tn_csv_reader_free(r);
  return st;
}
