/* The HTML writer: one self-contained page (inline CSS, no scripts, no
 * fonts or images from elsewhere) that reads on a phone and with a screen
 * reader: a heading per section, tables with captions and header scopes
 * that scroll sideways on a narrow screen, records as definition lists,
 * and the widgets of html.h (charts, marked text, graphs). */
#include <string.h>

#include "report/html.h"
#include "util/alloc.h"

/* Colours have at least 4.5:1 contrast on their backgrounds; marks and
 * bars also differ by line style, pattern and a printed sign, so nothing
 * is told by colour alone (a greyscale print keeps every difference). */
static const char css[] =
    ":root{color-scheme:light}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,"
    "'DejaVu Sans',sans-serif;color:#1a1a1a;background:#fff}\n"
    "main{max-width:64rem;margin:0 auto;padding:1rem}\n"
    "h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;"
    "border-bottom:2px solid #1a1a1a;margin-top:2rem}h3{font-size:1.1rem}"
    "h4,h5,h6{font-size:1rem}\n"
    "dl.fields{display:grid;grid-template-columns:max-content 1fr;"
    "gap:.2rem 1rem;margin:.5rem 0}dl.fields dt{font-weight:600}"
    "dl.fields dd{margin:0;overflow-wrap:anywhere}\n"
    ".table-wrap{overflow-x:auto;margin:.5rem 0 1rem;max-width:100%}\n"
    "table{border-collapse:collapse;font-size:.9rem}caption{text-align:left;"
    "font-weight:600;padding:.3rem 0;caption-side:top}\n"
    "th,td{border:1px solid #767676;padding:.25rem .5rem;vertical-align:top;"
    "text-align:left}thead th{background:#e8e8e8}"
    "tbody th{font-weight:normal;background:#f6f6f6}\n"
    "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}\n"
    "td.text{min-width:16rem;max-width:40rem}\n"
    "ul.in-cell{margin:0;padding-left:1rem}\n"
    "figure{margin:1rem 0}figcaption{font-weight:600}\n"
    ".chart>svg{width:100%;max-width:40rem;height:auto}\n"
    ".chart svg text{font:13px system-ui,'DejaVu Sans',sans-serif;fill:#1a1a1a}\n"
    "mark{color:inherit;padding:0 .1em;border-radius:2px}\n"
    "mark.pos{background:#d6e9ff;border-bottom:2px solid #0b4f8a}\n"
    "mark.neg{background:#ffe1d6;border-bottom:2px dashed #8a1f0b}\n"
    "mark.zero{background:#eee;border-bottom:2px dotted #555}\n"
    "mark sup{font-size:.7em;font-weight:700;margin-left:.1em}\n"
    ".graph{overflow:auto;max-height:80vh;border:1px solid #ccc}"
    ".graph svg{height:auto}\n"
    ".outline ul{padding-left:1.2rem}.outline li{margin:.2rem 0}\n"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere}\n"
    ".legend{font-size:.9rem}\n"
    "@media (max-width:40rem){main{padding:.5rem}td.text{min-width:12rem}}\n"
    "@media print{.graph{max-height:none}}\n";

int tn_html_escape(tn_buf *out, const char *s, size_t len) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep = NULL;
    switch (c) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default:
      /* control characters other than tab and newline are not HTML */
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) rep = " ";
    }
    if (!rep) continue;
    if (tn_buf_append(out, s + from, i - from) || tn_buf_puts(out, rep))
      return -1;
    from = i + 1;
  }
  return tn_buf_append(out, s + from, len - from);
}

int tn_html_scalar(tn_html *h, const tn_rvalue *v) {
  tn_buf_clear(&h->tmp);
  if (tn_cell_append(&h->tmp, v, 1)) return -1;
  return tn_html_escape(h->out, h->tmp.data ? h->tmp.data : "", h->tmp.len);
}

/* A key as a heading or caption: underscores read as spaces. */
static int put_label(tn_buf *out, const char *key) {
  size_t n = strlen(key);
  size_t from = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && key[i] != '_') continue;
    if (tn_html_escape(out, key + from, i - from)) return -1;
    if (i < n && tn_buf_putc(out, ' ')) return -1;
    from = i + 1;
  }
  return 0;
}

static int is_number(const tn_rvalue *v) {
  return v && (v->type == TN_R_INT || v->type == TN_R_NUMBER);
}

static int write_value(tn_html *h, const tn_rvalue *v, const char *key,
                       int level);

/* A value inside a table cell: scalars as text, widgets as themselves,
 * lists as a small list, records as "key: value" pairs. */
static int write_cell(tn_html *h, const tn_rvalue *v) {
  if (!v || tn_rv_is_scalar(v)) return tn_html_scalar(h, v);
  if (tn_html_widget_name(v)) return tn_html_widget(h, v, 0);
  if (v->type == TN_R_LIST) {
    if (v->n == 0) return 0;
    if (tn_buf_puts(h->out, "<ul class=\"in-cell\">")) return -1;
    for (size_t i = 0; i < v->n; i++)
      if (tn_buf_puts(h->out, "<li>") || write_cell(h, v->items[i]) ||
          tn_buf_puts(h->out, "</li>"))
        return -1;
    return tn_buf_puts(h->out, "</ul>");
  }
  for (size_t i = 0; i < v->n; i++) {
    if (i && tn_buf_puts(h->out, "; ")) return -1;
    if (tn_html_escape(h->out, v->keys[i], strlen(v->keys[i])) ||
        tn_buf_puts(h->out, ": ") || write_cell(h, v->items[i]))
      return -1;
  }
  return 0;
}

static int write_table(tn_html *h, const tn_rvalue *list, const char *key) {
  if (!tn_rv_is_table(list)) {
    /* a list of scalars (or of mixed things) is a plain list */
    if (list->n == 0) return tn_buf_puts(h->out, "<p><em>(geen)</em></p>\n");
    if (tn_buf_puts(h->out, "<ul>\n")) return -1;
    for (size_t i = 0; i < list->n; i++) {
      const tn_rvalue *item = list->items[i];
      if (tn_buf_puts(h->out, "<li>")) return -1;
      if (item && !tn_rv_is_scalar(item) && !tn_html_widget_name(item) &&
          item->type == TN_R_LIST) {
        if (write_table(h, item, NULL)) return -1;
      } else if (write_cell(h, item)) {
        return -1;
      }
      if (tn_buf_puts(h->out, "</li>\n")) return -1;
    }
    return tn_buf_puts(h->out, "</ul>\n");
  }
  const char **cols;
  size_t ncols;
  if (tn_table_columns(list, &cols, &ncols)) return -1;
  int rc = -1;
  int *num = tn_calloc(ncols ? ncols : 1, sizeof *num);
  if (!num) goto done;
  for (size_t c = 0; c < ncols; c++) {
    int numeric = 0, other = 0;
    for (size_t r = 0; r < list->n; r++) {
      const tn_rvalue *v = tn_table_cell(list, r, cols[c]);
      if (is_number(v)) numeric = 1;
      else if (v && v->type != TN_R_NULL) other = 1;
      if (tn_html_widget_name(v) || (v && v->type == TN_R_LIST)) num[c] = 2;
    }
    if (num[c] != 2) num[c] = numeric && !other;
  }
  unsigned id = ++h->ids;
  if (tn_buf_printf(h->out,
                    "<div class=\"table-wrap\" role=\"region\" "
                    "aria-labelledby=\"t%u\" tabindex=\"0\">\n<table>\n"
                    "<caption id=\"t%u\">",
                    id, id))
    goto done;
  if (key && put_label(h->out, key)) goto done;
  if (tn_buf_printf(h->out, "%s(%zu %s)</caption>\n<thead><tr>",
                    key ? " " : "", list->n, list->n == 1 ? "rij" : "rijen"))
    goto done;
  for (size_t c = 0; c < ncols; c++)
    if (tn_buf_puts(h->out, num[c] == 1 ? "<th scope=\"col\" class=\"num\">"
                                        : "<th scope=\"col\">") ||
        put_label(h->out, cols[c]) || tn_buf_puts(h->out, "</th>"))
      goto done;
  if (tn_buf_puts(h->out, "</tr></thead>\n<tbody>\n")) goto done;
  for (size_t r = 0; r < list->n; r++) {
    if (tn_buf_puts(h->out, "<tr>")) goto done;
    for (size_t c = 0; c < ncols; c++) {
      /* the first column names the row for a screen reader */
      const char *open = c == 0 ? (num[c] == 1 ? "<th scope=\"row\" class=\"num\">"
                                               : "<th scope=\"row\">")
                         : num[c] == 1 ? "<td class=\"num\">"
                         : num[c] == 2 ? "<td class=\"text\">"
                                       : "<td>";
      if (tn_buf_puts(h->out, open) ||
          write_cell(h, tn_table_cell(list, r, cols[c])) ||
          tn_buf_puts(h->out, c == 0 ? "</th>" : "</td>"))
        goto done;
    }
    if (tn_buf_puts(h->out, "</tr>\n")) goto done;
  }
  if (tn_buf_puts(h->out, "</tbody>\n</table>\n</div>\n")) goto done;
  rc = 0;
done:
  tn_free(num);
  tn_free(cols);
  return rc;
}

static int write_record(tn_html *h, const tn_rvalue *rec, int level) {
  if (rec->n == 0) return tn_buf_puts(h->out, "<p><em>(leeg)</em></p>\n");
  size_t i = 0;
  while (i < rec->n) {
    if (tn_rv_is_scalar(rec->items[i])) {
      if (tn_buf_puts(h->out, "<dl class=\"fields\">\n")) return -1;
      for (; i < rec->n && tn_rv_is_scalar(rec->items[i]); i++)
        if (tn_buf_puts(h->out, "<dt>") || put_label(h->out, rec->keys[i]) ||
            tn_buf_puts(h->out, "</dt><dd>") ||
            tn_html_scalar(h, rec->items[i]) ||
            tn_buf_puts(h->out, "</dd>\n"))
          return -1;
      if (tn_buf_puts(h->out, "</dl>\n")) return -1;
      continue;
    }
    if (write_value(h, rec->items[i], rec->keys[i], level + 1)) return -1;
    i++;
  }
  return 0;
}

/* A section: its heading (levels past 6 stay at 6), then its content. */
static int write_value(tn_html *h, const tn_rvalue *v, const char *key,
                       int level) {
  if (!v) return 0;
  if (tn_html_widget_name(v)) return tn_html_widget(h, v, level);
  int hl = level > 6 ? 6 : level;
  if (key) {
    unsigned id = ++h->ids;
    if (tn_buf_printf(h->out, "<section aria-labelledby=\"s%u\">\n"
                              "<h%d id=\"s%u\">",
                      id, hl, id) ||
        put_label(h->out, key) || tn_buf_printf(h->out, "</h%d>\n", hl))
      return -1;
  }
  int rc;
  if (v->type == TN_R_LIST) {
    rc = write_table(h, v, key);
  } else if (v->type == TN_R_RECORD) {
    rc = write_record(h, v, level);
  } else if (v->type == TN_R_STRING && !key) {
    /* a whole result that is one string (an outline, a graph): as is */
    rc = tn_buf_puts(h->out, "<pre>") ||
         tn_html_escape(h->out, v->str, v->len) ||
         tn_buf_puts(h->out, "</pre>\n");
  } else {
    rc = tn_buf_puts(h->out, "<p>") || tn_html_scalar(h, v) ||
         tn_buf_puts(h->out, "</p>\n");
  }
  if (rc) return -1;
  return key ? tn_buf_puts(h->out, "</section>\n") : 0;
}

tn_status tn_write_html(const tn_rvalue *root, const tn_report_view *view,
                        tn_buf *out) {
  const char *title = view && view->title ? view->title : "report";
  /* A root record may name its own page title (a widget's title is its
   * caption). */
  const tn_rvalue *own = tn_html_widget_name(root) ? NULL
                                                   : tn_rv_get(root, "title");
  tn_html h = {out, TN_BUF_INIT, 0};
  int rc = tn_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
                            "<meta charset=\"utf-8\">\n"
                            "<meta name=\"viewport\" content=\"width=device-"
                            "width, initial-scale=1\">\n"
                            "<meta name=\"generator\" content=\"tussen\">\n"
                            "<title>");
  if (!rc && own && own->type == TN_R_STRING)
    rc = tn_html_escape(out, own->str, own->len);
  else if (!rc)
    rc = tn_buf_puts(out, "tussen: ") || tn_html_escape(out, title, strlen(title));
  rc = rc || tn_buf_puts(out, "</title>\n<style>\n") || tn_buf_puts(out, css) ||
       tn_buf_puts(out, "</style>\n</head>\n<body>\n<main>\n<h1>");
  if (!rc && own && own->type == TN_R_STRING)
    rc = tn_html_escape(out, own->str, own->len);
  else if (!rc)
    rc = tn_buf_puts(out, "tussen: ") || tn_html_escape(out, title, strlen(title));
  rc = rc || tn_buf_puts(out, "</h1>\n");
  if (!rc && root && root->type == TN_R_RECORD && own) {
    /* the title is the heading already: the rest without it */
    tn_rvalue rest = *root;
    const char *keys[64];
    tn_rvalue *items[64];
    size_t n = 0;
    for (size_t i = 0; i < root->n && n < 64; i++)
      if (strcmp(root->keys[i], "title") != 0) {
        keys[n] = root->keys[i];
        items[n++] = root->items[i];
      }
    if (root->n <= 65) {
      rest.keys = keys;
      rest.items = items;
      rest.n = n;
      rc = write_record(&h, &rest, 1);
    } else {
      rc = write_record(&h, root, 1);
    }
  } else if (!rc) {
    rc = write_value(&h, root, NULL, 1);
  }
  rc = rc || tn_buf_puts(out, "</main>\n</body>\n</html>\n");
  tn_buf_free(&h.tmp);
  return rc ? TN_ENOMEM : TN_OK;
}
