/* The result model: what a script returns, as a tree of values that every
 * writer (text, CSV, JSON, Markdown) renders. Records keep their key order
 * (the binding decides it), lists may carry a column order. */
#ifndef TN_RESULT_H
#define TN_RESULT_H

#include <stddef.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/status.h"

typedef enum tn_rtype {
  TN_R_NULL,
  TN_R_BOOL,
  TN_R_INT,
  TN_R_NUMBER,
  TN_R_STRING,
  TN_R_LIST,
  TN_R_RECORD
} tn_rtype;

typedef struct tn_rvalue tn_rvalue;

struct tn_rvalue {
  tn_rtype type;
  int boolean;
  long long integer;
  double number;
  const char *str; /* STRING: NUL-terminated */
  size_t len;
  /* LIST: items; RECORD: items with keys[i]/keylens[i] */
  tn_rvalue **items;
  const char **keys;
  size_t n;
  /* LIST only: the declared column order of its records (or NULL). */
  const char **columns;
  size_t ncolumns;
};

/* A result owns every value in one arena: freeing it frees the tree. */
typedef struct tn_result {
  tn_arena arena;
  tn_rvalue *root; /* NULL: the script returned nothing */
} tn_result;

void tn_result_init(tn_result *r);
void tn_result_free(tn_result *r);

/* Builders; each returns NULL when memory ran out. Lists and records are
 * made with room for n items, filled by the caller (items start NULL,
 * which writers treat as null). */
tn_rvalue *tn_rv_null(tn_result *r);
tn_rvalue *tn_rv_bool(tn_result *r, int b);
tn_rvalue *tn_rv_int(tn_result *r, long long i);
tn_rvalue *tn_rv_number(tn_result *r, double d);
tn_rvalue *tn_rv_string(tn_result *r, const char *s, size_t len);
tn_rvalue *tn_rv_list(tn_result *r, size_t n);
tn_rvalue *tn_rv_record(tn_result *r, size_t n);
/* Sets key i of a record (copied); returns -1 without memory. */
int tn_rv_set_key(tn_result *r, tn_rvalue *rec, size_t i, const char *key,
                  size_t len);
/* Gives a list a column order (copied); returns -1 without memory. */
int tn_rv_set_columns(tn_result *r, tn_rvalue *list, const char *const *cols,
                      size_t n);

/* Value of `key` in a record, or NULL. */
const tn_rvalue *tn_rv_get(const tn_rvalue *rec, const char *key);

/* A table: a list whose items are all records (an empty list counts). */
int tn_rv_is_table(const tn_rvalue *v);
/* A scalar: null, boolean, number or string. */
int tn_rv_is_scalar(const tn_rvalue *v);

/* ---- writers -------------------------------------------------------------- */

typedef enum tn_report_format {
  TN_FORMAT_TEXT,
  TN_FORMAT_CSV,
  TN_FORMAT_JSON,
  TN_FORMAT_MD,
  /* CSV as Dutch Excel opens it by double-click: ';' between fields, a
   * UTF-8 byte order mark, decimal commas (the one place numbers follow a
   * locale, because Excel would otherwise read 0.5 as text or a date). */
  TN_FORMAT_EXCEL,
  /* One self-contained HTML page (write_html.c). */
  TN_FORMAT_HTML
} tn_report_format;

/* "text", "csv", "json", "md" (also "markdown"), "excel" (also
 * "csv-nl"), "html"; -1 when unknown. */
int tn_report_format_parse(const char *name);

typedef struct tn_report_options {
  /* CSV shows one table: this section (NULL: the first table found). */
  const char *table;
  /* Set by the CSV writer when it left sections out: their names, comma
   * separated, so the caller can say so on stderr. */
  tn_buf *omitted;
} tn_report_options;

/* How a result is shown, beyond what it holds (tn_report_render). */
typedef struct tn_report_view {
  /* HTML: the page title when the result names none (the report name). */
  const char *title;
  /* Text: the width to wrap tables to, in terminal columns; 0: no
   * wrapping (one line per row, however long). */
  int width;
} tn_report_view;

/* Renders the result into out. TN_EINVAL (with err) when --table names no
 * section; TN_ENOMEM. A NULL root renders nothing (JSON: "null"). */
tn_status tn_report_write(const tn_rvalue *root, tn_report_format format,
                          const tn_report_options *opts, tn_buf *out,
                          tn_error *err);
/* The same with a view (NULL: no title, no wrapping). */
tn_status tn_report_render(const tn_rvalue *root, tn_report_format format,
                           const tn_report_options *opts,
                           const tn_report_view *view, tn_buf *out,
                           tn_error *err);

#endif
