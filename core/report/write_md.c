/* The Markdown writer: GitHub pipe tables, "- key: value" lists for
 * records, a heading per section (## for the top level). */
#include <string.h>

#include "report/writers.h"
#include "util/alloc.h"

typedef struct md_ctx {
  tn_buf *out;
  tn_buf cell;
  int gap;
} md_ctx;

/* A cell on one line, with the pipe escaped so the table holds. */
static int put_cell(md_ctx *m, const tn_rvalue *v) {
  tn_buf_clear(&m->cell);
  if (tn_cell_append(&m->cell, v, 1)) return -1;
  for (size_t i = 0; i < m->cell.len; i++) {
    char c = m->cell.data[i];
    if (c == '|' || c == '\\') {
      if (tn_buf_putc(m->out, '\\')) return -1;
    } else if ((unsigned char)c < 0x20 || c == 0x7f) {
      c = ' ';
    }
    if (tn_buf_putc(m->out, c)) return -1;
  }
  return 0;
}

static int start_block(md_ctx *m) {
  if (m->gap && tn_buf_putc(m->out, '\n')) return -1;
  m->gap = 1;
  return 0;
}

static int write_table(md_ctx *m, const tn_rvalue *list) {
  const char **cols;
  size_t ncols;
  if (tn_table_columns(list, &cols, &ncols)) return -1;
  int rc = -1;
  if (start_block(m)) goto done;
  if (ncols == 0) {
    rc = tn_buf_puts(m->out, "_(no rows)_\n");
    goto done;
  }
  for (size_t c = 0; c < ncols; c++) {
    tn_rvalue name = {0};
    name.type = TN_R_STRING;
    name.str = cols[c];
    name.len = strlen(cols[c]);
    if (tn_buf_puts(m->out, "| ") || put_cell(m, &name) ||
        tn_buf_putc(m->out, ' '))
      goto done;
  }
  if (tn_buf_puts(m->out, "|\n")) goto done;
  for (size_t c = 0; c < ncols; c++) {
    int numeric = 0, other = 0;
    for (size_t r = 0; r < list->n; r++) {
      const tn_rvalue *v = tn_table_cell(list, r, cols[c]);
      if (v && (v->type == TN_R_INT || v->type == TN_R_NUMBER)) numeric = 1;
      else if (v && v->type != TN_R_NULL) other = 1;
    }
    if (tn_buf_puts(m->out, numeric && !other ? "| ---: " : "| --- "))
      goto done;
  }
  if (tn_buf_puts(m->out, "|\n")) goto done;
  for (size_t r = 0; r < list->n; r++) {
    for (size_t c = 0; c < ncols; c++)
      if (tn_buf_puts(m->out, "| ") ||
          put_cell(m, tn_table_cell(list, r, cols[c])) ||
          tn_buf_putc(m->out, ' '))
        goto done;
    if (tn_buf_puts(m->out, "|\n")) goto done;
  }
  if (list->n == 0 && tn_buf_puts(m->out, "\n_(no rows)_\n")) goto done;
  rc = 0;
done:
  tn_free(cols);
  return rc;
}

static int write_value(md_ctx *m, const tn_rvalue *v, int level);

static int write_record(md_ctx *m, const tn_rvalue *rec, int level) {
  if (rec->n == 0) return start_block(m) || tn_buf_puts(m->out, "_(empty)_\n");
  size_t i = 0;
  while (i < rec->n) {
    if (tn_rv_is_scalar(rec->items[i])) {
      if (start_block(m)) return -1;
      for (; i < rec->n && tn_rv_is_scalar(rec->items[i]); i++) {
        tn_rvalue key = {0};
        key.type = TN_R_STRING;
        key.str = rec->keys[i];
        key.len = strlen(rec->keys[i]);
        if (tn_buf_puts(m->out, "- ") || put_cell(m, &key) ||
            tn_buf_puts(m->out, ": ") || put_cell(m, rec->items[i]) ||
            tn_buf_putc(m->out, '\n'))
          return -1;
      }
      continue;
    }
    if (start_block(m)) return -1;
    for (int h = 0; h < level + 1 && h < 6; h++)
      if (tn_buf_putc(m->out, '#')) return -1;
    if (tn_buf_putc(m->out, ' ') || tn_buf_puts(m->out, rec->keys[i]) ||
        tn_buf_putc(m->out, '\n'))
      return -1;
    if (write_value(m, rec->items[i], level + 1)) return -1;
    i++;
  }
  return 0;
}

static int write_value(md_ctx *m, const tn_rvalue *v, int level) {
  if (!v) return 0;
  if (v->type == TN_R_LIST) return write_table(m, v);
  if (v->type == TN_R_RECORD) return write_record(m, v, level);
  if (start_block(m) || put_cell(m, v)) return -1;
  return tn_buf_putc(m->out, '\n');
}

tn_status tn_write_md(const tn_rvalue *root, tn_buf *out) {
  /* A script that returns one string (a Markdown outline, a Graphviz
   * graph) gets it as it is, like jq -r: it is a document, not a cell. */
  if (root && root->type == TN_R_STRING) {
    if (tn_buf_append(out, root->str, root->len)) return TN_ENOMEM;
    if ((root->len == 0 || root->str[root->len - 1] != '\n') &&
        tn_buf_putc(out, '\n'))
      return TN_ENOMEM;
    return TN_OK;
  }
  md_ctx m = {out, TN_BUF_INIT, 0};
  int rc = write_value(&m, root, 1);
  tn_buf_free(&m.cell);
  return rc ? TN_ENOMEM : TN_OK;
}
