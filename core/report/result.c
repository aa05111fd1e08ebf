/* Building and inspecting result trees; every value lives in one arena. */
#include "report/result.h"

#include <string.h>

void tn_result_init(tn_result *r) {
  tn_arena_init(&r->arena, 64 * 1024);
  r->root = NULL;
}

void tn_result_free(tn_result *r) {
  tn_arena_free(&r->arena);
  r->root = NULL;
}

static tn_rvalue *new_value(tn_result *r, tn_rtype type) {
  tn_rvalue *v = tn_arena_alloc(&r->arena, sizeof *v);
  if (!v) return NULL;
  memset(v, 0, sizeof *v);
  v->type = type;
  return v;
}

tn_rvalue *tn_rv_null(tn_result *r) { return new_value(r, TN_R_NULL); }

tn_rvalue *tn_rv_bool(tn_result *r, int b) {
  tn_rvalue *v = new_value(r, TN_R_BOOL);
  if (v) v->boolean = b != 0;
  return v;
}

tn_rvalue *tn_rv_int(tn_result *r, long long i) {
  tn_rvalue *v = new_value(r, TN_R_INT);
  if (v) v->integer = i;
  return v;
}

tn_rvalue *tn_rv_number(tn_result *r, double d) {
  tn_rvalue *v = new_value(r, TN_R_NUMBER);
  if (v) v->number = d;
  return v;
}

tn_rvalue *tn_rv_string(tn_result *r, const char *s, size_t len) {
  tn_rvalue *v = new_value(r, TN_R_STRING);
  if (!v) return NULL;
  char *copy = tn_arena_strndup(&r->arena, s, len);
  if (!copy) return NULL;
  v->str = copy;
  v->len = len;
  return v;
}

static tn_rvalue *new_container(tn_result *r, tn_rtype type, size_t n) {
  tn_rvalue *v = new_value(r, type);
  if (!v) return NULL;
  v->n = n;
  if (n == 0) return v;
  if (n > ((size_t)-1) / sizeof(tn_rvalue *)) return NULL;
  v->items = tn_arena_alloc(&r->arena, n * sizeof *v->items);
  if (!v->items) return NULL;
  memset(v->items, 0, n * sizeof *v->items);
  if (type == TN_R_RECORD) {
    v->keys = tn_arena_alloc(&r->arena, n * sizeof *v->keys);
    if (!v->keys) return NULL;
    for (size_t i = 0; i < n; i++) v->keys[i] = "";
  }
  return v;
}

tn_rvalue *tn_rv_list(tn_result *r, size_t n) {
  return new_container(r, TN_R_LIST, n);
}

tn_rvalue *tn_rv_record(tn_result *r, size_t n) {
  return new_container(r, TN_R_RECORD, n);
}

int tn_rv_set_key(tn_result *r, tn_rvalue *rec, size_t i, const char *key,
                  size_t len) {
  char *copy = tn_arena_strndup(&r->arena, key, len);
  if (!copy) return -1;
  rec->keys[i] = copy;
  return 0;
}

int tn_rv_set_columns(tn_result *r, tn_rvalue *list, const char *const *cols,
                      size_t n) {
  const char **copy = tn_arena_alloc(&r->arena, (n ? n : 1) * sizeof *copy);
  if (!copy) return -1;
  for (size_t i = 0; i < n; i++) {
    copy[i] = tn_arena_strndup(&r->arena, cols[i], strlen(cols[i]));
    if (!copy[i]) return -1;
  }
  list->columns = copy;
  list->ncolumns = n;
  return 0;
}

const tn_rvalue *tn_rv_get(const tn_rvalue *rec, const char *key) {
  if (!rec || rec->type != TN_R_RECORD) return NULL;
  for (size_t i = 0; i < rec->n; i++)
    if (strcmp(rec->keys[i], key) == 0) return rec->items[i];
  return NULL;
}

int tn_rv_is_table(const tn_rvalue *v) {
  if (!v || v->type != TN_R_LIST) return 0;
  for (size_t i = 0; i < v->n; i++)
    if (!v->items[i] || v->items[i]->type != TN_R_RECORD) return 0;
  return 1;
}

int tn_rv_is_scalar(const tn_rvalue *v) {
  return !v || (v->type != TN_R_LIST && v->type != TN_R_RECORD);
}

int tn_report_format_parse(const char *name) {
  if (strcmp(name, "text") == 0) return TN_FORMAT_TEXT;
  if (strcmp(name, "csv") == 0) return TN_FORMAT_CSV;
  if (strcmp(name, "json") == 0) return TN_FORMAT_JSON;
  if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
    return TN_FORMAT_MD;
  if (strcmp(name, "excel") == 0 || strcmp(name, "csv-nl") == 0)
    return TN_FORMAT_EXCEL;
  if (strcmp(name, "html") == 0) return TN_FORMAT_HTML;
  return -1;
}
