/* The JSON writer: the whole result, keys in the order the model holds
 * them, two-space indentation (or one line for table cells). */
#include <math.h>
#include <string.h>

#include "report/writers.h"
#include "util/json.h"

static int newline(tn_buf *out, int indent, int level) {
  if (indent < 0) return 0;
  if (tn_buf_putc(out, '\n')) return -1;
  for (int i = 0; i < indent * level; i++)
    if (tn_buf_putc(out, ' ')) return -1;
  return 0;
}

static int write_value(tn_buf *out, const tn_rvalue *v, int indent, int level,
                       const char **cols, size_t ncols);

static int write_member(tn_buf *out, int *first, const char *key,
                        const tn_rvalue *v, int indent, int level) {
  if (!*first && tn_buf_putc(out, ',')) return -1;
  if (*first == 0 && indent < 0 && tn_buf_putc(out, ' ')) return -1;
  *first = 0;
  if (newline(out, indent, level + 1)) return -1;
  if (tn_json_write_string(out, key, strlen(key))) return -1;
  if (tn_buf_puts(out, ": ")) return -1;
  return write_value(out, v, indent, level + 1, NULL, 0);
}

static int in_list(const char **cols, size_t n, const char *key) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(cols[i], key) == 0) return 1;
  return 0;
}

static int write_record(tn_buf *out, const tn_rvalue *v, int indent,
                        int level, const char **cols, size_t ncols) {
  if (v->n == 0 && ncols == 0) return tn_buf_puts(out, "{}");
  if (tn_buf_putc(out, '{')) return -1;
  int first = 1;
  /* Declared columns first (null when this record lacks one), then the
   * record's other keys in its own order. */
  for (size_t i = 0; i < ncols; i++)
    if (write_member(out, &first, cols[i], tn_rv_get(v, cols[i]), indent,
                     level))
      return -1;
  for (size_t i = 0; i < v->n; i++) {
    if (in_list(cols, ncols, v->keys[i])) continue;
    if (write_member(out, &first, v->keys[i], v->items[i], indent, level))
      return -1;
  }
  if (newline(out, indent, level)) return -1;
  return tn_buf_putc(out, '}');
}

static int write_list(tn_buf *out, const tn_rvalue *v, int indent, int level) {
  if (v->n == 0) return tn_buf_puts(out, "[]");
  if (tn_buf_putc(out, '[')) return -1;
  for (size_t i = 0; i < v->n; i++) {
    if (i && tn_buf_puts(out, indent < 0 ? ", " : ",")) return -1;
    if (newline(out, indent, level + 1)) return -1;
    const tn_rvalue *item = v->items[i];
    if (item && item->type == TN_R_RECORD) {
      if (write_record(out, item, indent, level + 1, v->columns, v->ncolumns))
        return -1;
    } else if (write_value(out, item, indent, level + 1, NULL, 0)) {
      return -1;
    }
  }
  if (newline(out, indent, level)) return -1;
  return tn_buf_putc(out, ']');
}

static int write_value(tn_buf *out, const tn_rvalue *v, int indent, int level,
                       const char **cols, size_t ncols) {
  if (!v) return tn_buf_puts(out, "null");
  switch (v->type) {
  case TN_R_NULL: return tn_buf_puts(out, "null");
  case TN_R_BOOL: return tn_buf_puts(out, v->boolean ? "true" : "false");
  case TN_R_INT: return tn_buf_printf(out, "%lld", v->integer);
  case TN_R_NUMBER:
    /* JSON has no NaN or infinity. */
    if (isnan(v->number) || isinf(v->number)) return tn_buf_puts(out, "null");
    return tn_buf_put_double(out, v->number);
  case TN_R_STRING: return tn_json_write_string(out, v->str, v->len);
  case TN_R_LIST: return write_list(out, v, indent, level);
  case TN_R_RECORD: return write_record(out, v, indent, level, cols, ncols);
  }
  return 0;
}

int tn_json_append(tn_buf *out, const tn_rvalue *v, int indent) {
  return write_value(out, v, indent, 0, NULL, 0);
}

tn_status tn_write_json(const tn_rvalue *root, tn_buf *out) {
  if (write_value(out, root, 2, 0, NULL, 0) || tn_buf_putc(out, '\n'))
    return TN_ENOMEM;
  return TN_OK;
}
