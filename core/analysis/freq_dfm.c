/* Per-document views of a frequency list: Gries's DP and the sparse
 * document-feature matrix export. */
#include "analysis/freq.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

tn_status tn_freq_dp(const tn_freq *f, double *dp, double *dp_norm) {
  size_t nt = tn_intern_count(&f->terms);
  uint64_t *total = tn_calloc(nt ? nt : 1, sizeof *total);
  double *sum_abs = tn_calloc(nt ? nt : 1, sizeof *sum_abs);
  double *sum_s = tn_calloc(nt ? nt : 1, sizeof *sum_s);
  if (!total || !sum_abs || !sum_s) {
    tn_free(total);
    tn_free(sum_abs);
    tn_free(sum_s);
    return TN_ENOMEM;
  }
  uint64_t size = 0;
  for (size_t g = 0; g < f->ngroups; g++) {
    size += f->groups[g].tokens;
    for (size_t i = 0; i < f->groups[g].nrows; i++)
      total[f->groups[g].rows[i].id] += f->groups[g].rows[i].count;
  }
  double min_s = 1.0;
  for (size_t g = 0; g < f->ngroups; g++) {
    const tn_freq_group *gr = &f->groups[g];
    double s = size ? (double)gr->tokens / (double)size : 0.0;
    if (s < min_s) min_s = s;
    for (size_t i = 0; i < gr->nrows; i++) {
      uint32_t id = gr->rows[i].id;
      double v = (double)gr->rows[i].count / (double)total[id];
      sum_abs[id] += fabs(v - s);
      sum_s[id] += s;
    }
  }
  /* A part where the term is absent contributes |0 - s| = s: the sizes of
   * those parts sum to 1 - (the sizes of the parts where it occurs). */
  for (size_t id = 0; id < nt; id++) {
    double d = total[id] ? 0.5 * (sum_abs[id] + (1.0 - sum_s[id])) : 1.0;
    if (d < 0) d = 0; /* rounding */
    dp[id] = d;
    dp_norm[id] = f->ngroups > 1 && min_s < 1.0 ? d / (1.0 - min_s) : 0.0;
  }
  tn_free(total);
  tn_free(sum_abs);
  tn_free(sum_s);
  return TN_OK;
}

/* ---- DFM ---------------------------------------------------------------- */

typedef struct feature {
  const char *term;
  uint64_t total;
  uint32_t id;
} feature;

static int feature_cmp(const void *a, const void *b) {
  const feature *x = a, *y = b;
  if (x->total != y->total) return x->total > y->total ? -1 : 1;
  return strcmp(x->term, y->term);
}

typedef struct cell {
  uint32_t feature;
  uint64_t count;
} cell;

static int cell_cmp(const void *a, const void *b) {
  const cell *x = a, *y = b;
  return x->feature < y->feature ? -1 : x->feature > y->feature;
}

static int put_csv(tn_buf *out, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) return tn_buf_puts(out, s);
  if (tn_buf_putc(out, '"')) return -1;
  for (; *s; s++)
    if ((*s == '"' && tn_buf_putc(out, '"')) || tn_buf_putc(out, *s))
      return -1;
  return tn_buf_putc(out, '"');
}

static int put_json(tn_buf *out, const char *s) {
  if (tn_buf_putc(out, '"')) return -1;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    int rc;
    if (c == '"' || c == '\\') rc = tn_buf_putc(out, '\\') || tn_buf_putc(out, (char)c);
    else if (c == '\n') rc = tn_buf_puts(out, "\\n");
    else if (c == '\t') rc = tn_buf_puts(out, "\\t");
    else if (c == '\r') rc = tn_buf_puts(out, "\\r");
    else if (c < 0x20) rc = tn_buf_printf(out, "\\u%04x", c);
    else rc = tn_buf_putc(out, (char)c);
    if (rc) return -1;
  }
  return tn_buf_putc(out, '"');
}

tn_status tn_dfm_write(const tn_freq *f, tn_dfm_format format, tn_buf *out) {
  size_t nt = tn_intern_count(&f->terms);
  feature *feats = tn_calloc(nt ? nt : 1, sizeof *feats);
  uint32_t *index = tn_malloc((nt ? nt : 1) * sizeof *index);
  size_t maxrows = 0;
  for (size_t g = 0; g < f->ngroups; g++)
    if (f->groups[g].nrows > maxrows) maxrows = f->groups[g].nrows;
  cell *cells = tn_malloc((maxrows ? maxrows : 1) * sizeof *cells);
  if (!feats || !index || !cells) {
    tn_free(feats);
    tn_free(index);
    tn_free(cells);
    return TN_ENOMEM;
  }
  for (size_t id = 0; id < nt; id++) {
    feats[id].term = tn_intern_str(&f->terms, (uint32_t)id);
    feats[id].id = (uint32_t)id;
  }
  for (size_t g = 0; g < f->ngroups; g++)
    for (size_t i = 0; i < f->groups[g].nrows; i++)
      feats[f->groups[g].rows[i].id].total += f->groups[g].rows[i].count;
  qsort(feats, nt, sizeof *feats, feature_cmp);
  size_t nf = 0; /* features with a count (min/top may have dropped some) */
  for (size_t k = 0; k < nt; k++) {
    index[feats[k].id] = (uint32_t)k;
    if (feats[k].total) nf = k + 1;
  }
  int rc = 0;
  if (format == TN_DFM_CSV) {
    rc = tn_buf_puts(out, "doc,feature,count\n");
  } else {
    rc = tn_buf_puts(out, "{\"docs\": [");
    for (size_t g = 0; g < f->ngroups && !rc; g++)
      rc = (g && tn_buf_puts(out, ", ")) || put_json(out, f->groups[g].name);
    rc = rc || tn_buf_puts(out, "],\n \"features\": [");
    for (size_t k = 0; k < nf && !rc; k++)
      rc = (k && tn_buf_puts(out, ", ")) || put_json(out, feats[k].term);
    rc = rc || tn_buf_puts(out, "],\n \"cells\": [");
  }
  int first = 1;
  for (size_t g = 0; g < f->ngroups && !rc; g++) {
    const tn_freq_group *gr = &f->groups[g];
    for (size_t i = 0; i < gr->nrows; i++)
      cells[i] = (cell){index[gr->rows[i].id], gr->rows[i].count};
    qsort(cells, gr->nrows, sizeof *cells, cell_cmp);
    for (size_t i = 0; i < gr->nrows && !rc; i++) {
      if (format == TN_DFM_CSV) {
        rc = put_csv(out, gr->name) || tn_buf_putc(out, ',') ||
             put_csv(out, feats[cells[i].feature].term) ||
             tn_buf_printf(out, ",%llu\n", (unsigned long long)cells[i].count);
      } else {
        rc = tn_buf_printf(out, "%s[%zu, %u, %llu]", first ? "" : ", ", g,
                           cells[i].feature,
                           (unsigned long long)cells[i].count);
        first = 0;
      }
    }
  }
  if (format == TN_DFM_JSON) rc = rc || tn_buf_puts(out, "]}\n");
  tn_free(feats);
  tn_free(index);
  tn_free(cells);
  return rc ? TN_ENOMEM : TN_OK;
}
