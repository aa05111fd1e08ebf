/* The HTML writer's widgets, asked for by a record whose first key is
 * "widget": "bars" (a bar chart as inline SVG), "marked" (a text with
 * spans marked and their weights shown), "graph" (Graphviz DOT drawn as
 * SVG by dot, or its outline as nested lists when dot is absent). Shapes
 * are documented in scripts/README.md (section HTML reports). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "text/unicode.h"
#include "util/alloc.h"

const char *tn_html_widget_name(const tn_rvalue *v) {
  if (!v || v->type != TN_R_RECORD || v->n == 0) return NULL;
  if (strcmp(v->keys[0], "widget") != 0) return NULL;
  const tn_rvalue *w = v->items[0];
  if (!w || w->type != TN_R_STRING) return NULL;
  if (strcmp(w->str, "bars") == 0 || strcmp(w->str, "marked") == 0 ||
      strcmp(w->str, "graph") == 0)
    return w->str;
  return NULL;
}

static const char *str_of(const tn_rvalue *rec, const char *key) {
  const tn_rvalue *v = tn_rv_get(rec, key);
  return v && v->type == TN_R_STRING ? v->str : NULL;
}

static double num_of(const tn_rvalue *v, int *ok) {
  *ok = 1;
  if (v && v->type == TN_R_INT) return (double)v->integer;
  if (v && v->type == TN_R_NUMBER && isfinite(v->number)) return v->number;
  *ok = 0;
  return 0;
}

/* ---- bars ---------------------------------------------------------------- */

/* Fills that differ in pattern as well as colour, each with a dark edge,
 * so bars of different groups stay apart in greyscale. */
enum { NPATTERNS = 6 };
static const char *const pattern_body[NPATTERNS] = {
    "<rect width=\"8\" height=\"8\" fill=\"#1f4e79\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"#f6d0c4\"/><path d=\"M0 8L8 0M-2 "
    "2L2 -2M6 10L10 6\" stroke=\"#8a1f0b\" stroke-width=\"2\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><circle cx=\"4\" cy=\"4\" "
    "r=\"2\" fill=\"#1d5e1d\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"#e6def3\"/><path d=\"M0 0L8 8M8 0L0 "
    "8\" stroke=\"#4b2d7f\" stroke-width=\"1.5\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"#fff3c4\"/><path d=\"M0 2H8M0 6H8\" "
    "stroke=\"#6b5000\" stroke-width=\"1.5\"/>",
    "<rect width=\"8\" height=\"8\" fill=\"#b8b8b8\"/>"};

static long label_width(const char *s) {
  long w = tn_text_width(s, strlen(s));
  return w < 0 ? (long)strlen(s) : w;
}

/* Up to `max` columns of s, cut at a code point, with "…" when cut. */
static int put_short(tn_buf *out, const char *s, long max) {
  size_t len = strlen(s);
  if (label_width(s) <= max) return tn_html_escape(out, s, len);
  size_t cut = tn_text_offset(s, len, (size_t)(max > 1 ? max - 1 : 1));
  while (cut > 0 && tn_text_width(s, cut) > max - 1) {
    cut--;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
  }
  return tn_html_escape(out, s, cut) || tn_buf_puts(out, "\xE2\x80\xA6");
}

static int put_num(tn_html *h, double d) {
  tn_rvalue v = {0};
  v.type = TN_R_NUMBER;
  v.number = d;
  return tn_html_scalar(h, &v);
}

static int group_index(const char **groups, size_t *ngroups,
                       const char *g) {
  for (size_t i = 0; i < *ngroups; i++)
    if (strcmp(groups[i], g) == 0) return (int)i;
  groups[*ngroups] = g;
  return (int)(*ngroups)++;
}

/* 480 wide: on a phone the chart shrinks by no more than a fifth, so its
 * 13 px labels stay readable; on a wide screen CSS lets it grow. */
enum { LABEL_COLS = 22, ROW_H = 22, CHART_W = 480, VALUE_W = 56 };

static int write_bars(tn_html *h, const tn_rvalue *w) {
  const tn_rvalue *rows = tn_rv_get(w, "rows");
  const char *title = str_of(w, "title");
  const char *note = str_of(w, "note");
  if (!title) title = "";
  size_t n = rows && rows->type == TN_R_LIST ? rows->n : 0;
  if (n == 0)
    return tn_buf_puts(h->out, "<p><em>") ||
           tn_html_escape(h->out, title, strlen(title)) ||
           tn_buf_puts(h->out, ": geen gegevens</em></p>\n");
  const char **groups = tn_calloc(n, sizeof *groups);
  int *gi = tn_calloc(n, sizeof *gi);
  int rc = -1;
  if (!groups || !gi) goto done;
  size_t ngroups = 0;
  double lo = 0, hi = 0;
  long lw = 4;
  for (size_t i = 0; i < n; i++) {
    const tn_rvalue *r = rows->items[i];
    int ok;
    double v = num_of(tn_rv_get(r, "value"), &ok);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    const char *label = str_of(r, "label");
    long l = label ? label_width(label) : 0;
    if (l > lw) lw = l;
    const char *g = str_of(r, "group");
    gi[i] = group_index(groups, &ngroups, g ? g : "");
  }
  if (lw > LABEL_COLS) lw = LABEL_COLS;
  long label_px = lw * 8 + 12; /* about 8 px per column at 13 px */
  long area = CHART_W - label_px - VALUE_W - (lo < 0 ? VALUE_W : 0);
  double span = hi - lo > 0 ? hi - lo : 1;
  double zero = (double)label_px + (lo < 0 ? VALUE_W : 0) +
                (double)area * (-lo / span);
  long height = (long)n * ROW_H + 8;
  unsigned id = ++h->ids;
  if (tn_buf_printf(h->out,
                    "<figure class=\"chart\">\n<figcaption id=\"c%u\">", id) ||
      tn_html_escape(h->out, title, strlen(title)) ||
      tn_buf_puts(h->out, "</figcaption>\n") ||
      tn_buf_printf(h->out,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
                    "%d %ld\" width=\"%d\" height=\"%ld\" role=\"img\" "
                    "aria-labelledby=\"c%u\">\n<defs>",
                    CHART_W, height, CHART_W, height, id))
    goto done;
  for (size_t g = 0; g < ngroups; g++)
    if (tn_buf_printf(h->out,
                      "<pattern id=\"c%up%zu\" width=\"8\" height=\"8\" "
                      "patternUnits=\"userSpaceOnUse\">%s</pattern>",
                      id, g, pattern_body[g % NPATTERNS]))
      goto done;
  if (tn_buf_puts(h->out, "</defs>\n")) goto done;
  for (size_t i = 0; i < n; i++) {
    const tn_rvalue *r = rows->items[i];
    int ok;
    double v = num_of(tn_rv_get(r, "value"), &ok);
    const char *label = str_of(r, "label");
    long y = (long)i * ROW_H + 4;
    /* divided first: area * 1e308 would overflow to infinity */
    double len = (double)area * (fabs(v) / span);
    double x = v < 0 ? zero - len : zero;
    char xs[32], ws[32], vx[32];
    snprintf(xs, sizeof xs, "%.1f", x);
    snprintf(ws, sizeof ws, "%.1f", len < 1 && ok && v != 0 ? 1.0 : len);
    snprintf(vx, sizeof vx, "%.1f", v < 0 ? x - 4 : x + len + 4);
    /* "%.1f" may print a decimal comma under a locale: never here */
    for (char *p = xs; *p; p++) if (*p == ',') *p = '.';
    for (char *p = ws; *p; p++) if (*p == ',') *p = '.';
    for (char *p = vx; *p; p++) if (*p == ',') *p = '.';
    if (tn_buf_printf(h->out,
                      "<g><text x=\"%ld\" y=\"%ld\" text-anchor=\"end\">",
                      label_px - 6, y + 14) ||
        put_short(h->out, label ? label : "", lw) ||
        tn_buf_printf(h->out,
                      "</text><rect x=\"%s\" y=\"%ld\" width=\"%s\" "
                      "height=\"%d\" fill=\"url(#c%up%d)\" stroke=\"#1a1a1a\""
                      " stroke-width=\"1\"/><text x=\"%s\" y=\"%ld\"%s>",
                      xs, y + 2, ws, ROW_H - 6, id, gi[i], vx, y + 14,
                      v < 0 ? " text-anchor=\"end\"" : "") ||
        (ok && put_num(h, v)) || tn_buf_puts(h->out, "</text></g>\n"))
      goto done;
  }
  if (lo < 0) {
    char zs[32];
    snprintf(zs, sizeof zs, "%.1f", zero);
    for (char *p = zs; *p; p++) if (*p == ',') *p = '.';
    if (tn_buf_printf(h->out,
                      "<line x1=\"%s\" y1=\"0\" x2=\"%s\" y2=\"%ld\" "
                      "stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\n",
                      zs, zs, height))
      goto done;
  }
  if (tn_buf_puts(h->out, "</svg>\n")) goto done;
  /* a legend when there are groups: the pattern next to the name */
  if (ngroups > 1 || (ngroups == 1 && groups[0][0])) {
    if (tn_buf_puts(h->out, "<p class=\"legend\">")) goto done;
    for (size_t g = 0; g < ngroups; g++)
      if (tn_buf_printf(h->out,
                        "%s<svg width=\"16\" height=\"12\" aria-hidden=\"true\">"
                        "<rect width=\"16\" height=\"12\" fill=\"url(#c%up%zu)\""
                        " stroke=\"#1a1a1a\"/></svg> ",
                        g ? " &nbsp; " : "", id, g) ||
          tn_html_escape(h->out, groups[g], strlen(groups[g])))
        goto done;
    if (tn_buf_puts(h->out, "</p>\n")) goto done;
  }
  if (note && (tn_buf_puts(h->out, "<p class=\"legend\">") ||
               tn_html_escape(h->out, note, strlen(note)) ||
               tn_buf_puts(h->out, "</p>\n")))
    goto done;
  rc = tn_buf_puts(h->out, "</figure>\n");
done:
  tn_free(groups);
  tn_free(gi);
  return rc;
}

/* ---- marked text --------------------------------------------------------- */

typedef struct span {
  size_t from, to; /* bytes [from, to) */
  const tn_rvalue *mark;
} span;

static int by_start(const void *a, const void *b) {
  const span *x = a, *y = b;
  if (x->from != y->from) return x->from < y->from ? -1 : 1;
  return x->mark < y->mark ? -1 : x->mark > y->mark;
}

static int boundary(const char *s, size_t len, size_t at) {
  return at == 0 || at >= len || ((unsigned char)s[at] & 0xC0) != 0x80;
}

/* Text with newlines as line breaks. */
static int put_text(tn_buf *out, const char *s, size_t len) {
  size_t from = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '\n') continue;
    if (tn_html_escape(out, s + from, i - from) || tn_buf_puts(out, "<br>"))
      return -1;
    from = i + 1;
  }
  return tn_html_escape(out, s + from, len - from);
}

static int write_marked(tn_html *h, const tn_rvalue *w, int inline_) {
  const tn_rvalue *tv = tn_rv_get(w, "text");
  const tn_rvalue *marks = tn_rv_get(w, "marks");
  const char *text = tv && tv->type == TN_R_STRING ? tv->str : "";
  size_t len = tv && tv->type == TN_R_STRING ? tv->len : 0;
  size_t n = marks && marks->type == TN_R_LIST ? marks->n : 0;
  span *sp = tn_calloc(n ? n : 1, sizeof *sp);
  if (!sp) return -1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    int ok1, ok2;
    double a = num_of(tn_rv_get(marks->items[i], "start"), &ok1);
    double b = num_of(tn_rv_get(marks->items[i], "stop"), &ok2);
    /* 1-based, inclusive, as Lua's string.sub takes them; a span off the
     * text or inside a character is left unmarked */
    if (!ok1 || !ok2 || a < 1 || b < a || b > (double)len) continue;
    size_t from = (size_t)a - 1, to = (size_t)b;
    if (!boundary(text, len, from) || !boundary(text, len, to)) continue;
    sp[k].from = from;
    sp[k].to = to;
    sp[k++].mark = marks->items[i];
  }
  qsort(sp, k, sizeof *sp, by_start);
  int rc = -1;
  size_t at = 0;
  if (tn_buf_puts(h->out, inline_ ? "<span class=\"marked\" lang=\"nl\">"
                                  : "<p class=\"marked\" lang=\"nl\">"))
    goto done;
  for (size_t i = 0; i < k; i++) {
    if (sp[i].from < at) continue; /* overlaps the one before */
    int ok;
    double wt = num_of(tn_rv_get(sp[i].mark, "weight"), &ok);
    const char *rule = str_of(sp[i].mark, "rule");
    const char *cls = !ok || wt == 0 ? "zero" : wt > 0 ? "pos" : "neg";
    if (put_text(h->out, text + at, sp[i].from - at) ||
        tn_buf_printf(h->out, "<mark class=\"%s\"", cls))
      goto done;
    if (rule && (tn_buf_puts(h->out, " title=\"") ||
                 tn_html_escape(h->out, rule, strlen(rule)) ||
                 tn_buf_putc(h->out, '"')))
      goto done;
    if (tn_buf_putc(h->out, '>') ||
        put_text(h->out, text + sp[i].from, sp[i].to - sp[i].from) ||
        tn_buf_puts(h->out, "<sup>"))
      goto done;
    /* the sign in print, so the mark does not rest on its colour */
    if (ok && (tn_buf_puts(h->out, wt > 0 ? "+" : wt < 0 ? "\xE2\x88\x92" : "\xC2\xB1") ||
               put_num(h, fabs(wt))))
      goto done;
    if (tn_buf_puts(h->out, "</sup></mark>")) goto done;
    at = sp[i].to;
  }
  if (put_text(h->out, text + at, len - at) ||
      tn_buf_puts(h->out, inline_ ? "</span>" : "</p>\n"))
    goto done;
  rc = 0;
done:
  tn_free(sp);
  return rc;
}

/* ---- graph ----------------------------------------------------------------- */

/* Inline Markdown of the outlines: **strong** and *emphasis*. */
static int put_inline(tn_buf *out, const char *s, size_t len) {
  int strong = 0, em = 0;
  size_t from = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '*') continue;
    int two = i + 1 < len && s[i + 1] == '*';
    if (tn_html_escape(out, s + from, i - from)) return -1;
    if (two) {
      if (tn_buf_puts(out, strong ? "</strong>" : "<strong>")) return -1;
      strong = !strong;
      i++;
    } else {
      if (tn_buf_puts(out, em ? "</em>" : "<em>")) return -1;
      em = !em;
    }
    from = i + 1;
  }
  if (tn_html_escape(out, s + from, len - from)) return -1;
  if (em && tn_buf_puts(out, "</em>")) return -1;
  if (strong && tn_buf_puts(out, "</strong>")) return -1;
  return 0;
}

/* A Markdown outline (headings, paragraphs, "- " items indented by two
 * spaces per level) as headings, paragraphs and nested lists. */
static int write_outline(tn_html *h, const char *md, size_t len, int level) {
  int depth = 0;
  const char *p = md, *end = md + len;
  if (tn_buf_puts(h->out, "<div class=\"outline\" lang=\"nl\">\n")) return -1;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *eol = nl ? nl : end;
    size_t indent = 0;
    while (p + indent < eol && p[indent] == ' ') indent++;
    const char *t = p + indent;
    int item = eol - t >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ';
    if (item) {
      int want = (int)(indent / 2) + 1;
      if (want > depth + 1) want = depth + 1;
      if (want > depth) {
        if (tn_buf_puts(h->out, "<ul>\n<li>")) return -1;
      } else {
        for (; depth > want; depth--)
          if (tn_buf_puts(h->out, "</li>\n</ul>\n")) return -1;
        if (tn_buf_puts(h->out, "</li>\n<li>")) return -1;
      }
      depth = want;
      if (put_inline(h->out, t + 2, (size_t)(eol - t - 2))) return -1;
    } else if (t < eol) {
      for (; depth > 0; depth--)
        if (tn_buf_puts(h->out, "</li>\n</ul>\n")) return -1;
      size_t hashes = 0;
      while (t + hashes < eol && t[hashes] == '#') hashes++;
      if (hashes && t + hashes < eol && t[hashes] == ' ') {
        int hl = level + (int)hashes;
        if (hl > 6) hl = 6;
        if (tn_buf_printf(h->out, "<h%d>", hl) ||
            put_inline(h->out, t + hashes + 1, (size_t)(eol - t - hashes - 1)) ||
            tn_buf_printf(h->out, "</h%d>\n", hl))
          return -1;
      } else if (tn_buf_puts(h->out, "<p>") ||
                 put_inline(h->out, t, (size_t)(eol - t)) ||
                 tn_buf_puts(h->out, "</p>\n")) {
        return -1;
      }
    }
    p = nl ? nl + 1 : end;
  }
  for (; depth > 0; depth--)
    if (tn_buf_puts(h->out, "</li>\n</ul>\n")) return -1;
  return tn_buf_puts(h->out, "</div>\n");
}

/* dot's SVG from "<svg" on, without the comments (one names dot's
 * version), so the page does not change with the Graphviz release more
 * than the drawing does. */
static int put_svg(tn_buf *out, const char *svg, size_t len, unsigned id) {
  const char *start = strstr(svg, "<svg");
  if (!start) return 1;
  const char *p = start, *end = svg + len;
  int first = 1;
  while (p < end) {
    const char *c = strstr(p, "<!--");
    const char *stop = c ? c : end;
    if (first) {
      /* the svg element gets a role and a name */
      const char *gt = memchr(p, '>', (size_t)(stop - p));
      if (!gt) return 1;
      if (tn_buf_append(out, p, (size_t)(gt - p)) ||
          tn_buf_printf(out, " role=\"img\" aria-labelledby=\"g%u\"", id))
        return -1;
      p = gt;
      first = 0;
    }
    if (tn_buf_append(out, p, (size_t)(stop - p))) return -1;
    if (!c) break;
    const char *close = strstr(c, "-->");
    if (!close) break;
    p = close + 3;
    if (p < end && *p == '\n') p++;
  }
  return 0;
}

static int write_graph(tn_html *h, const tn_rvalue *w, int level) {
  const tn_rvalue *dot = tn_rv_get(w, "dot");
  const char *outline = str_of(w, "outline");
  const char *title = str_of(w, "title");
  if (!title) title = "";
  unsigned id = ++h->ids;
  if (tn_buf_printf(h->out, "<figure>\n<figcaption id=\"g%u\">", id) ||
      tn_html_escape(h->out, title, strlen(title)) ||
      tn_buf_puts(h->out, "</figcaption>\n"))
    return -1;
  tn_buf svg = TN_BUF_INIT;
  int drawn = 0;
  if (dot && dot->type == TN_R_STRING &&
      tn_graphviz_svg(dot->str, dot->len, &svg) == 0) {
    size_t mark = h->out->len;
    if (tn_buf_puts(h->out, "<div class=\"graph\" tabindex=\"0\">\n")) {
      tn_buf_free(&svg);
      return -1;
    }
    int r = put_svg(h->out, svg.data, svg.len, id);
    if (r < 0) {
      tn_buf_free(&svg);
      return -1;
    }
    if (r == 0) {
      drawn = 1;
      if (tn_buf_puts(h->out, "</div>\n")) drawn = -1;
    } else {
      h->out->len = mark; /* not SVG after all: the outline instead */
    }
  }
  tn_buf_free(&svg);
  if (drawn < 0) return -1;
  if (outline) {
    if (drawn) {
      if (tn_buf_puts(h->out, "<details>\n<summary>De kaart als lijst"
                              "</summary>\n"))
        return -1;
    } else if (tn_buf_puts(h->out,
                           "<p class=\"legend\">De kaart als lijst (Graphviz "
                           "<code>dot</code> was niet beschikbaar om haar te "
                           "tekenen).</p>\n")) {
      return -1;
    }
    if (write_outline(h, outline, strlen(outline), level)) return -1;
    if (drawn && tn_buf_puts(h->out, "</details>\n")) return -1;
  }
  return tn_buf_puts(h->out, "</figure>\n");
}

int tn_html_widget(tn_html *h, const tn_rvalue *v, int level) {
  const char *name = tn_html_widget_name(v);
  if (!name) return 0;
  if (strcmp(name, "bars") == 0) return write_bars(h, v);
  if (strcmp(name, "marked") == 0) return write_marked(h, v, level == 0);
  return write_graph(h, v, level > 0 ? level : 5);
}
