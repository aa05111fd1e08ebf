/* Table layout shared by the writers: columns of a list, cells as text. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/writers.h"
#include "util/alloc.h"

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int has(const char **cols, size_t n, const char *key) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(cols[i], key) == 0) return 1;
  return 0;
}

int tn_table_columns(const tn_rvalue *list, const char ***cols, size_t *n) {
  *cols = NULL;
  *n = 0;
  if (!tn_rv_is_table(list)) {
    const char **one = tn_malloc(sizeof *one);
    if (!one) return -1;
    one[0] = "value";
    *cols = one;
    *n = 1;
    return 0;
  }
  size_t cap = list->ncolumns;
  for (size_t r = 0; r < list->n; r++) cap += list->items[r]->n;
  const char **out = tn_malloc((cap ? cap : 1) * sizeof *out);
  if (!out) return -1;
  size_t count = 0;
  for (size_t i = 0; i < list->ncolumns; i++)
    if (!has(out, count, list->columns[i])) out[count++] = list->columns[i];
  size_t declared = count;
  /* The rest: collected, sorted, then deduplicated. */
  for (size_t r = 0; r < list->n; r++) {
    const tn_rvalue *rec = list->items[r];
    for (size_t k = 0; k < rec->n; k++)
      if (!has(out, declared, rec->keys[k])) out[count++] = rec->keys[k];
  }
  qsort(out + declared, count - declared, sizeof *out, cmp_str);
  size_t w = declared;
  for (size_t i = declared; i < count; i++)
    if (w == declared || strcmp(out[w - 1], out[i]) != 0) out[w++] = out[i];
  *cols = out;
  *n = w;
  return 0;
}

const tn_rvalue *tn_table_cell(const tn_rvalue *list, size_t row,
                               const char *col) {
  const tn_rvalue *item = list->items[row];
  if (!item || item->type != TN_R_RECORD) return item;
  return tn_rv_get(item, col);
}

static int append_human_number(tn_buf *out, double d) {
  char tmp[64];
  if (isnan(d) || isinf(d) || d == floor(d) || fabs(d) < 1e-4 ||
      fabs(d) >= 1e15) {
    tn_format_double(d, tmp, sizeof tmp);
    return tn_buf_puts(out, tmp);
  }
  snprintf(tmp, sizeof tmp, "%.4f", d);
  char *dot = strpbrk(tmp, ".,");
  if (dot) {
    *dot = '.'; /* whatever LC_NUMERIC says */
    char *end = tmp + strlen(tmp);
    while (end > dot + 1 && end[-1] == '0') *--end = '\0';
    if (end == dot + 1) *dot = '\0';
  }
  if (strcmp(tmp, "-0") == 0) strcpy(tmp, "0");
  return tn_buf_puts(out, tmp);
}

int tn_cell_append(tn_buf *out, const tn_rvalue *v, int human) {
  if (!v) return 0;
  switch (v->type) {
  case TN_R_NULL: return 0;
  case TN_R_BOOL: return tn_buf_puts(out, v->boolean ? "true" : "false");
  case TN_R_INT: return tn_buf_printf(out, "%lld", v->integer);
  case TN_R_NUMBER:
    if (human) return append_human_number(out, v->number);
    return tn_buf_put_double(out, v->number);
  case TN_R_STRING: return tn_buf_append(out, v->str, v->len);
  case TN_R_LIST:
  case TN_R_RECORD: return tn_json_append(out, v, -1);
  }
  return 0;
}
