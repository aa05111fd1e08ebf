/* The one entry point of the writers: pick the format. */
#include "report/writers.h"

tn_status tn_report_write(const tn_rvalue *root, tn_report_format format,
                          const tn_report_options *opts, tn_buf *out,
                          tn_error *err) {
  return tn_report_render(root, format, opts, NULL, out, err);
}

tn_status tn_report_render(const tn_rvalue *root, tn_report_format format,
                           const tn_report_options *opts,
                           const tn_report_view *view, tn_buf *out,
                           tn_error *err) {
  switch (format) {
  case TN_FORMAT_TEXT: return tn_write_text(root, view ? view->width : 0, out);
  case TN_FORMAT_CSV: return tn_write_csv(root, opts, out, err);
  case TN_FORMAT_JSON: return tn_write_json(root, out);
  case TN_FORMAT_MD: return tn_write_md(root, out);
  case TN_FORMAT_EXCEL: return tn_write_csv_excel(root, opts, out, err);
  case TN_FORMAT_HTML: return tn_write_html(root, view, out);
  }
  return tn_error_set(err, TN_EINVAL, NULL, 0, "unknown output format");
}
