/* The text writer: aligned tables (by display width, so Dutch accents and
 * emoji line up; long text wrapped at spaces when a width is given),
 * "key: value" blocks for records, a heading per section. */
#include <string.h>

#include "report/writers.h"
#include "text/unicode.h"
#include "util/alloc.h"
#include "util/utf8.h"

static size_t width_of(const char *s, size_t len) {
  long w = tn_text_width(s, len);
  return w < 0 ? len : (size_t)w;
}

typedef struct text_ctx {
  tn_buf *out;
  tn_buf cell;
  int gap; /* a block was written: the next one starts after a blank line */
  size_t width; /* wrap tables to this many columns; 0: never */
} text_ctx;

/* One physical line of a wrapped cell: bytes [off, off+len), `width`
 * columns wide. */
typedef struct seg {
  size_t off, len, width;
} seg;

typedef struct segs {
  seg *items;
  size_t n, cap;
} segs;

static int push_seg(segs *sg, size_t off, size_t len, size_t width) {
  if (tn_grow((void **)&sg->items, &sg->cap, sg->n + 1, sizeof *sg->items))
    return -1;
  sg->items[sg->n++] = (seg){off, len, width};
  return 0;
}

static size_t cp_width(const char *s, size_t len) {
  long w = tn_text_width(s, len);
  return w < 0 ? 1 : (size_t)w;
}

/* Splits s into lines of at most w columns, at spaces where it can, else
 * between code points (a word longer than the column). w == 0: one line. */
static int wrap_cell(const char *s, size_t len, size_t w, segs *sg) {
  sg->n = 0;
  if (len == 0 || w == 0) return push_seg(sg, 0, len, width_of(s, len));
  size_t pos = 0;
  while (pos < len) {
    size_t i = pos, cur = 0, cut = 0, cut_w = 0;
    int have_cut = 0;
    while (i < len) {
      size_t next = i;
      tn_utf8_decode(s, len, &next);
      size_t cw = cp_width(s + i, next - i);
      if (cur + cw > w && i > pos) break;
      if (s[i] == ' ' && i > pos) {
        cut = i;
        cut_w = cur;
        have_cut = 1;
      }
      cur += cw;
      i = next;
    }
    if (i < len && have_cut) {
      if (push_seg(sg, pos, cut - pos, cut_w)) return -1;
      pos = cut;
    } else {
      if (push_seg(sg, pos, i - pos, cur)) return -1;
      pos = i;
    }
    while (pos < len && s[pos] == ' ') pos++; /* a break eats its spaces */
  }
  return 0;
}

/* Narrows the widest text columns, one column at a time, until the table
 * fits t->width; numbers and headers are never cut, and no column gets
 * narrower than 8. */
static void fit_widths(const text_ctx *t, const char **cols, size_t ncols,
                       size_t *width, const int *right) {
  if (!t->width || ncols == 0) return;
  size_t total = 2 * (ncols - 1);
  for (size_t c = 0; c < ncols; c++) total += width[c];
  while (total > t->width) {
    size_t best = ncols;
    for (size_t c = 0; c < ncols; c++) {
      size_t floor = width_of(cols[c], strlen(cols[c]));
      if (floor < 8) floor = 8;
      if (!right[c] && width[c] > floor &&
          (best == ncols || width[c] > width[best]))
        best = c;
    }
    if (best == ncols) return; /* nothing left to narrow */
    width[best]--;
    total--;
  }
}

/* One line per cell: control characters (newlines, tabs) become spaces. */
static int format_cell(text_ctx *t, const tn_rvalue *v) {
  tn_buf_clear(&t->cell);
  if (tn_cell_append(&t->cell, v, 1)) return -1;
  for (size_t i = 0; i < t->cell.len; i++)
    if ((unsigned char)t->cell.data[i] < 0x20 || t->cell.data[i] == 0x7f)
      t->cell.data[i] = ' ';
  return 0;
}


static int pad(tn_buf *out, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tn_buf_putc(out, ' ')) return -1;
  return 0;
}

static int start_block(text_ctx *t) {
  if (t->gap && tn_buf_putc(t->out, '\n')) return -1;
  t->gap = 1;
  return 0;
}

static int is_number(const tn_rvalue *v) {
  return v && (v->type == TN_R_INT || v->type == TN_R_NUMBER);
}

static int write_table(text_ctx *t, const tn_rvalue *list) {
  const char **cols;
  size_t ncols;
  if (tn_table_columns(list, &cols, &ncols)) return -1;
  int rc = -1;
  tn_buf *cells = NULL;
  segs *lines = NULL;
  size_t *width = tn_calloc(ncols ? ncols : 1, sizeof *width);
  int *right = tn_calloc(ncols ? ncols : 1, sizeof *right);
  if (!width || !right) goto done;
  if (start_block(t)) goto done;
  for (size_t c = 0; c < ncols; c++) {
    width[c] = width_of(cols[c], strlen(cols[c]));
    int numeric = 0, other = 0;
    for (size_t r = 0; r < list->n; r++) {
      const tn_rvalue *v = tn_table_cell(list, r, cols[c]);
      if (format_cell(t, v)) goto done;
      size_t w = width_of(t->cell.data ? t->cell.data : "", t->cell.len);
      if (w > width[c]) width[c] = w;
      if (is_number(v)) numeric = 1;
      else if (v && v->type != TN_R_NULL) other = 1;
    }
    right[c] = numeric && !other;
  }
  fit_widths(t, cols, ncols, width, right);
  /* header, rule, rows; the last column is never padded on the right */
  for (size_t c = 0; c < ncols && ncols; c++) {
    size_t w = width_of(cols[c], strlen(cols[c]));
    int last = c + 1 == ncols;
    if (right[c] && pad(t->out, width[c] - w)) goto done;
    if (tn_buf_puts(t->out, cols[c])) goto done;
    if (!last && !right[c] && pad(t->out, width[c] - w)) goto done;
    if (tn_buf_puts(t->out, last ? "\n" : "  ")) goto done;
  }
  for (size_t c = 0; c < ncols; c++) {
    for (size_t i = 0; i < width[c]; i++)
      if (tn_buf_putc(t->out, '-')) goto done;
    if (tn_buf_puts(t->out, c + 1 == ncols ? "\n" : "  ")) goto done;
  }
  cells = tn_calloc(ncols ? ncols : 1, sizeof *cells);
  lines = tn_calloc(ncols ? ncols : 1, sizeof *lines);
  if (!cells || !lines) goto done;
  for (size_t r = 0; r < list->n; r++) {
    /* each cell as its lines (one unless it wraps) */
    size_t height = 1;
    for (size_t c = 0; c < ncols; c++) {
      if (format_cell(t, tn_table_cell(list, r, cols[c]))) goto done;
      tn_buf_clear(&cells[c]);
      if (tn_buf_append(&cells[c], t->cell.data ? t->cell.data : "",
                        t->cell.len))
        goto done;
      if (wrap_cell(cells[c].data ? cells[c].data : "", cells[c].len,
                    right[c] || !t->width ? 0 : width[c], &lines[c]))
        goto done;
      if (lines[c].n > height) height = lines[c].n;
    }
    for (size_t k = 0; k < height; k++) {
      size_t row_start = t->out->len;
      for (size_t c = 0; c < ncols; c++) {
        int last = c + 1 == ncols;
        seg sg = k < lines[c].n ? lines[c].items[k] : (seg){0, 0, 0};
        size_t w = sg.width < width[c] ? sg.width : width[c];
        if (right[c] && pad(t->out, width[c] - w)) goto done;
        if (sg.len && tn_buf_append(t->out, cells[c].data + sg.off, sg.len))
          goto done;
        if (!last && !right[c] && pad(t->out, width[c] - w)) goto done;
        if (!last && tn_buf_puts(t->out, "  ")) goto done;
      }
      /* empty cells at the end leave no trailing blanks */
      while (t->out->len > row_start && t->out->data[t->out->len - 1] == ' ')
        t->out->len--;
      if (tn_buf_putc(t->out, '\n')) goto done;
    }
  }
  if (list->n == 0 && tn_buf_puts(t->out, "(no rows)\n")) goto done;
  rc = 0;
done:
  for (size_t c = 0; c < ncols && cells; c++) tn_buf_free(&cells[c]);
  for (size_t c = 0; c < ncols && lines; c++) tn_free(lines[c].items);
  tn_free(cells);
  tn_free(lines);
  tn_free(width);
  tn_free(right);
  tn_free(cols);
  return rc;
}

/* Consecutive scalar fields [from, to) of a record as aligned lines. */
static int write_fields(text_ctx *t, const tn_rvalue *rec, size_t from,
                        size_t to) {
  size_t keyw = 0;
  for (size_t i = from; i < to; i++) {
    size_t w = width_of(rec->keys[i], strlen(rec->keys[i]));
    if (w > keyw) keyw = w;
  }
  if (start_block(t)) return -1;
  for (size_t i = from; i < to; i++) {
    if (format_cell(t, rec->items[i])) return -1;
    size_t w = width_of(rec->keys[i], strlen(rec->keys[i]));
    if (tn_buf_puts(t->out, rec->keys[i]) || tn_buf_putc(t->out, ':'))
      return -1;
    if (t->cell.len && (pad(t->out, keyw - w + 1) ||
                        tn_buf_append(t->out, t->cell.data, t->cell.len)))
      return -1;
    if (tn_buf_putc(t->out, '\n')) return -1;
  }
  return 0;
}

static int write_value(text_ctx *t, const tn_rvalue *v, tn_buf *path);

static int write_record(text_ctx *t, const tn_rvalue *rec, tn_buf *path) {
  if (rec->n == 0) {
    if (start_block(t)) return -1;
    return tn_buf_puts(t->out, "(empty)\n");
  }
  size_t i = 0;
  while (i < rec->n) {
    if (tn_rv_is_scalar(rec->items[i])) {
      size_t j = i;
      while (j < rec->n && tn_rv_is_scalar(rec->items[j])) j++;
      if (write_fields(t, rec, i, j)) return -1;
      i = j;
      continue;
    }
    size_t mark = path->len;
    if ((mark && tn_buf_putc(path, '.')) || tn_buf_puts(path, rec->keys[i]))
      return -1;
    if (start_block(t) || tn_buf_puts(t->out, "== ") ||
        tn_buf_append(t->out, path->data, path->len) ||
        tn_buf_puts(t->out, " ==\n"))
      return -1;
    t->gap = 0; /* the section's content follows its heading directly */
    if (write_value(t, rec->items[i], path)) return -1;
    path->len = mark;
    if (path->data) path->data[mark] = '\0';
    i++;
  }
  return 0;
}

static int write_value(text_ctx *t, const tn_rvalue *v, tn_buf *path) {
  if (!v) return 0;
  if (v->type == TN_R_LIST) return write_table(t, v);
  if (v->type == TN_R_RECORD) return write_record(t, v, path);
  if (start_block(t) || format_cell(t, v)) return -1;
  if (tn_buf_append(t->out, t->cell.data, t->cell.len)) return -1;
  return tn_buf_putc(t->out, '\n');
}

tn_status tn_write_text(const tn_rvalue *root, int width, tn_buf *out) {
  /* A script that returns one string (a Markdown outline, a Graphviz
   * graph) gets it as it is, like jq -r: it is a document, not a cell. */
  if (root && root->type == TN_R_STRING) {
    if (tn_buf_append(out, root->str, root->len)) return TN_ENOMEM;
    if ((root->len == 0 || root->str[root->len - 1] != '\n') &&
        tn_buf_putc(out, '\n'))
      return TN_ENOMEM;
    return TN_OK;
  }
  text_ctx t = {out, TN_BUF_INIT, 0, width > 0 ? (size_t)width : 0};
  tn_buf path = TN_BUF_INIT;
  int rc = write_value(&t, root, &path);
  tn_buf_free(&t.cell);
  tn_buf_free(&path);
  return rc ? TN_ENOMEM : TN_OK;
}
