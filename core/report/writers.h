/* Shared pieces of the writers (internal to core/report). */
#ifndef TN_REPORT_WRITERS_H
#define TN_REPORT_WRITERS_H

#include "report/result.h"

/* The columns of a list rendered as a table: for a list of records its
 * declared columns, then every other key in byte order; for any other list
 * the single column "value". *cols is tn_malloc'd (strings borrowed). */
int tn_table_columns(const tn_rvalue *list, const char ***cols, size_t *n);
/* The cell of row `row` in column `col` (NULL when absent). */
const tn_rvalue *tn_table_cell(const tn_rvalue *list, size_t row,
                               const char *col);
/* Appends a cell as text. `human` rounds fractions to 4 decimals (text,
 * Markdown); otherwise numbers round-trip (CSV). Lists and records become
 * compact JSON. */
int tn_cell_append(tn_buf *out, const tn_rvalue *v, int human);
/* Appends v as JSON; indent < 0 writes it on one line. `columns` orders
 * the keys of records that are items of a list with declared columns. */
int tn_json_append(tn_buf *out, const tn_rvalue *v, int indent);

tn_status tn_write_text(const tn_rvalue *root, int width, tn_buf *out);
tn_status tn_write_md(const tn_rvalue *root, tn_buf *out);
tn_status tn_write_csv(const tn_rvalue *root, const tn_report_options *opts,
                       tn_buf *out, tn_error *err);
tn_status tn_write_csv_excel(const tn_rvalue *root,
                             const tn_report_options *opts, tn_buf *out,
                             tn_error *err);
tn_status tn_write_json(const tn_rvalue *root, tn_buf *out);
tn_status tn_write_html(const tn_rvalue *root, const tn_report_view *view,
                        tn_buf *out);

#endif
