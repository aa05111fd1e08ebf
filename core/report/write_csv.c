/* The CSV writers (RFC 4180: comma, CRLF, quotes doubled; and the Dutch
 * Excel variant: ';', a BOM, decimal commas). CSV holds one
 * table, so a result with several sections shows one: the one --table
 * names, else the first table found; the caller hears which were left. */
#include <string.h>

#include "report/writers.h"
#include "util/alloc.h"

/* The two dialects: RFC 4180, and Dutch Excel's. */
typedef struct dialect {
  char sep;
  int excel;
} dialect;

static int put_field(tn_buf *out, tn_buf *cell, const tn_rvalue *v,
                     const dialect *d) {
  tn_buf_clear(cell);
  if (tn_cell_append(cell, v, 0)) return -1;
  if (d->excel && v && v->type == TN_R_NUMBER)
    for (size_t i = 0; i < cell->len; i++)
      if (cell->data[i] == '.') cell->data[i] = ',';
  const char *s = cell->data ? cell->data : "";
  const char specials[] = {d->sep, '"', '\r', '\n', '\0'};
  if (!strpbrk(s, specials) && strlen(s) == cell->len)
    return tn_buf_append(out, s, cell->len);
  if (tn_buf_putc(out, '"')) return -1;
  for (size_t i = 0; i < cell->len; i++) {
    if (s[i] == '"' && tn_buf_putc(out, '"')) return -1;
    if (tn_buf_putc(out, s[i])) return -1;
  }
  return tn_buf_putc(out, '"');
}

static int put_name(tn_buf *out, tn_buf *cell, const char *name,
                    const dialect *d) {
  tn_rvalue v = {0};
  v.type = TN_R_STRING;
  v.str = name;
  v.len = strlen(name);
  return put_field(out, cell, &v, d);
}

static int write_list(tn_buf *out, const tn_rvalue *list, const dialect *d) {
  const char **cols;
  size_t ncols;
  if (tn_table_columns(list, &cols, &ncols)) return -1;
  tn_buf cell = TN_BUF_INIT;
  int rc = -1;
  if (ncols == 0) {
    rc = 0;
    goto done;
  }
  for (size_t c = 0; c < ncols; c++)
    if ((c && tn_buf_putc(out, d->sep)) || put_name(out, &cell, cols[c], d))
      goto done;
  if (tn_buf_puts(out, "\r\n")) goto done;
  for (size_t r = 0; r < list->n; r++) {
    for (size_t c = 0; c < ncols; c++)
      if ((c && tn_buf_putc(out, d->sep)) ||
          put_field(out, &cell, tn_table_cell(list, r, cols[c]), d))
        goto done;
    if (tn_buf_puts(out, "\r\n")) goto done;
  }
  rc = 0;
done:
  tn_buf_free(&cell);
  tn_free(cols);
  return rc;
}

/* A record as a one-row table, a scalar as a one-cell table. */
static int write_single(tn_buf *out, const tn_rvalue *v, const dialect *d) {
  tn_buf cell = TN_BUF_INIT;
  int rc = -1;
  if (v && v->type == TN_R_RECORD) {
    for (size_t i = 0; i < v->n; i++)
      if ((i && tn_buf_putc(out, d->sep)) || put_name(out, &cell, v->keys[i], d))
        goto done;
    if (v->n && tn_buf_puts(out, "\r\n")) goto done;
    for (size_t i = 0; i < v->n; i++)
      if ((i && tn_buf_putc(out, d->sep)) ||
          put_field(out, &cell, v->items[i], d))
        goto done;
    if (v->n && tn_buf_puts(out, "\r\n")) goto done;
  } else if (put_name(out, &cell, "value", d) || tn_buf_puts(out, "\r\n") ||
             put_field(out, &cell, v, d) || tn_buf_puts(out, "\r\n")) {
    goto done;
  }
  rc = 0;
done:
  tn_buf_free(&cell);
  return rc;
}

/* Depth-first: the first list inside v; its top-level key in *top. */
static const tn_rvalue *first_list(const tn_rvalue *v) {
  if (!v) return NULL;
  if (v->type == TN_R_LIST) return v;
  if (v->type != TN_R_RECORD) return NULL;
  for (size_t i = 0; i < v->n; i++) {
    const tn_rvalue *found = first_list(v->items[i]);
    if (found) return found;
  }
  return NULL;
}

/* Finds a dotted path ("summary.by_kind") among the sections. */
static const tn_rvalue *find_section(const tn_rvalue *root, const char *path,
                                     size_t *top) {
  const tn_rvalue *v = root;
  const char *p = path;
  int first = 1;
  while (v && v->type == TN_R_RECORD) {
    size_t n = strcspn(p, ".");
    const tn_rvalue *next = NULL;
    for (size_t i = 0; i < v->n; i++)
      if (strlen(v->keys[i]) == n && memcmp(v->keys[i], p, n) == 0) {
        next = v->items[i];
        if (first) *top = i;
        if (!next) next = v; /* a key with a null value still exists */
        break;
      }
    if (!next) return NULL;
    first = 0;
    if (p[n] == '\0') return next == v ? NULL : next;
    v = next;
    p += n + 1;
  }
  return NULL;
}

static int list_sections(tn_buf *out, const tn_rvalue *root, size_t skip) {
  for (size_t i = 0; i < root->n; i++) {
    if (i == skip) continue;
    if (out->len && tn_buf_puts(out, ", ")) return -1;
    if (tn_buf_puts(out, root->keys[i])) return -1;
  }
  return 0;
}

static tn_status write_csv(const tn_rvalue *root,
                           const tn_report_options *opts, tn_buf *out,
                           tn_error *err, const dialect *d) {
  const char *want = opts ? opts->table : NULL;
  tn_buf *omitted = opts ? opts->omitted : NULL;
  if (!root) return TN_OK;
  if (root->type != TN_R_RECORD) {
    if (want)
      return tn_error_set(err, TN_EINVAL, NULL, 0,
                          "--table %s: the result has no sections (it is "
                          "one table); leave --table out",
                          want);
    if (root->type == TN_R_LIST)
      return write_list(out, root, d) ? TN_ENOMEM : TN_OK;
    return write_single(out, root, d) ? TN_ENOMEM : TN_OK;
  }
  size_t top = (size_t)-1;
  const tn_rvalue *chosen = NULL;
  if (want) {
    chosen = find_section(root, want, &top);
    if (!chosen) {
      tn_buf names = TN_BUF_INIT;
      list_sections(&names, root, (size_t)-1);
      tn_error_set(err, TN_EINVAL, NULL, 0,
                   "--table %s: no such section; the result has: %s", want,
                   names.data ? names.data : "(nothing)");
      tn_buf_free(&names);
      return TN_EINVAL;
    }
  } else {
    for (size_t i = 0; i < root->n && !chosen; i++) {
      chosen = first_list(root->items[i]);
      if (chosen) top = i;
    }
  }
  if (!chosen) return write_single(out, root, d) ? TN_ENOMEM : TN_OK;
  if (omitted && list_sections(omitted, root, top)) return TN_ENOMEM;
  int rc = chosen->type == TN_R_LIST ? write_list(out, chosen, d)
                                     : write_single(out, chosen, d);
  return rc ? TN_ENOMEM : TN_OK;
}

tn_status tn_write_csv(const tn_rvalue *root, const tn_report_options *opts,
                       tn_buf *out, tn_error *err) {
  static const dialect rfc = {',', 0};
  return write_csv(root, opts, out, err, &rfc);
}

tn_status tn_write_csv_excel(const tn_rvalue *root,
                             const tn_report_options *opts, tn_buf *out,
                             tn_error *err) {
  static const dialect excel = {';', 1};
  /* The byte order mark tells Excel the file is UTF-8. */
  if (tn_buf_puts(out, "\xEF\xBB\xBF")) return TN_ENOMEM;
  return write_csv(root, opts, out, err, &excel);
}
