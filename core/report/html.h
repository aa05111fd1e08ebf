/* Internal to the HTML writer: its widgets (charts, marked text, graphs)
 * and the Graphviz subprocess. */
#ifndef TN_REPORT_HTML_H
#define TN_REPORT_HTML_H

#include "report/writers.h"

/* The shared state of one HTML rendering. */
typedef struct tn_html {
  tn_buf *out;
  tn_buf tmp;
  unsigned ids; /* a counter for element ids unique in the page */
} tn_html;

/* Appends s escaped for HTML text and attribute values. */
int tn_html_escape(tn_buf *out, const char *s, size_t len);
/* Appends a scalar cell as escaped text (numbers as the text writer shows
 * them). */
int tn_html_scalar(tn_html *h, const tn_rvalue *v);

/* The widget a record asks for ("bars", "marked", "graph"), by its first
 * key "widget"; NULL for a plain record. */
const char *tn_html_widget_name(const tn_rvalue *v);
/* Renders a widget record; `level` is the heading level of the section it
 * is in, 0 inside a table cell (marked text is then inline, not a
 * paragraph). Returns -1 without memory. */
int tn_html_widget(tn_html *h, const tn_rvalue *v, int level);

/* The dot program to run: $TUSSEN_DOT, else "dot"; NULL when TUSSEN_DOT is
 * "none" or empty (never run it). */
const char *tn_graphviz_program(void);
/* Runs `dot -Tsvg` on the source and appends what it prints to svg.
 * Returns -1 (svg unchanged) when dot is missing, fails, takes more than
 * 30 seconds or prints more than 64 MB. */
int tn_graphviz_svg(const char *dot, size_t len, tn_buf *svg);

#endif
