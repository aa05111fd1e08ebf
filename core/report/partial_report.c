/* The counts report of a merged partial: totals, the top terms of the
 * whole corpus and of each group, built as a result tree for the writers.
 * Kept in step with scripts/counts.lua, which computes the same tables
 * from a corpus; a test holds the two byte-identical. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/freq.h"
#include "report/partial_report.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/intern.h"

typedef struct rgroup {
  const char *name;
  uint64_t docs, tokens, all_tokens, sentences;
  tn_freq_row *rows;
  size_t nrows, cap;
} rgroup;

typedef struct report_state {
  tn_arena arena;
  rgroup *groups;
  size_t ngroups, gcap;
  tn_intern all;       /* every term of the layer */
  uint64_t *all_count; /* by id in `all` */
  uint32_t *all_docs;
  size_t all_cap;
  uint64_t tot[4]; /* docs, tokens, all tokens, sentences */
} report_state;

/* Undoes put_field's escapes into the arena. */
static const char *unescape(tn_arena *a, const char *s, size_t len) {
  char *out = tn_arena_alloc(a, len + 1);
  if (!out) return NULL;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\\' && i + 1 < len && s[i + 1] == '\\') {
      out[n++] = '\\';
      i++;
    } else if (s[i] == '\\' && i + 3 < len && s[i + 1] == 'x') {
      char hex[3] = {s[i + 2], s[i + 3], 0};
      out[n++] = (char)strtol(hex, NULL, 16);
      i += 3;
    } else {
      out[n++] = s[i];
    }
  }
  out[n] = '\0';
  return out;
}

static rgroup *group_named(report_state *r, const char *name) {
  for (size_t i = r->ngroups; i-- > 0;)
    if (strcmp(r->groups[i].name, name) == 0) return &r->groups[i];
  if (tn_grow((void **)&r->groups, &r->gcap, r->ngroups + 1, sizeof *r->groups))
    return NULL;
  rgroup *g = &r->groups[r->ngroups++];
  memset(g, 0, sizeof *g);
  g->name = name;
  return g;
}

/* Splits a line at tabs into at most `max` fields. */
static size_t fields(char *line, char **f, size_t max) {
  size_t n = 0;
  f[n++] = line;
  for (char *p = line; *p && n < max; p++)
    if (*p == '\t') {
      *p = '\0';
      f[n++] = p + 1;
    }
  return n;
}

static tn_status read_lines(report_state *r, tn_partial_src *src,
                            const char *by, tn_error *err) {
  tn_status st = TN_OK;
  int header = 1;
  for (;;) {
    int c = 0;
    size_t n = 0;
    if (src->fp) {
      while ((c = getc(src->fp)) != EOF && c != '\n') {
        if (n + 2 > src->linecap &&
            tn_grow((void **)&src->line, &src->linecap, n + 2, 1))
          return TN_ENOMEM;
        src->line[n++] = (char)c;
      }
      if (c == EOF && n == 0) break;
    } else {
      if (src->pos >= src->len) break;
      const char *p = src->data + src->pos;
      const char *nl = memchr(p, '\n', src->len - src->pos);
      n = nl ? (size_t)(nl - p) : src->len - src->pos;
      if (tn_grow((void **)&src->line, &src->linecap, n + 1, 1))
        return TN_ENOMEM;
      memcpy(src->line, p, n);
      src->pos += n + (nl ? 1 : 0);
    }
    if (!src->line && tn_grow((void **)&src->line, &src->linecap, 1, 1))
      return TN_ENOMEM;
    src->line[n] = '\0';
    src->lineno++;
    if (header) {
      if (strncmp(src->line, TN_PARTIAL_MAGIC "\t", strlen(TN_PARTIAL_MAGIC) + 1))
        return tn_error_set(err, TN_ESYNTAX, src->name, 1,
                            "not a partial result (no '" TN_PARTIAL_MAGIC
                            "' header); make one with 'tussen map'");
      if (strcmp(by, "norm2") == 0 && !strstr(src->line, "\tbigrams=yes"))
        return tn_error_set(err, TN_EFORMAT, src->name, 1,
                            "these partials hold no pairs of norms; map with "
                            "--bigrams for --by norm2");
      header = 0;
      continue;
    }
    char *f[8];
    size_t nf = fields(src->line, f, 8);
    if (f[0][0] == 'c' && nf == 6 && strcmp(f[1], by) == 0) {
      const char *gname = unescape(&r->arena, f[2], strlen(f[2]));
      const char *term = unescape(&r->arena, f[3], strlen(f[3]));
      rgroup *g = gname && term ? group_named(r, gname) : NULL;
      if (!g ||
          tn_grow((void **)&g->rows, &g->cap, g->nrows + 1, sizeof *g->rows))
        return TN_ENOMEM;
      tn_freq_row *row = &g->rows[g->nrows++];
      memset(row, 0, sizeof *row);
      row->term = term;
      row->count = strtoull(f[4], NULL, 10);
      row->docs = (uint32_t)strtoul(f[5], NULL, 10);
      uint32_t id = tn_intern_add(&r->all, term, strlen(term));
      if (id == TN_INTERN_NONE) return TN_ENOMEM;
      if (id >= r->all_cap) {
        size_t cap = r->all_cap;
        if (tn_grow((void **)&r->all_count, &cap, (size_t)id + 1,
                    sizeof *r->all_count))
          return TN_ENOMEM;
        uint32_t *d = tn_realloc(r->all_docs, cap * sizeof *d);
        if (!d) return TN_ENOMEM;
        r->all_docs = d;
        memset(r->all_count + r->all_cap, 0,
               (cap - r->all_cap) * sizeof *r->all_count);
        memset(r->all_docs + r->all_cap, 0, (cap - r->all_cap) * sizeof *d);
        r->all_cap = cap;
      }
      r->all_count[id] += row->count;
      r->all_docs[id] += row->docs;
    } else if (f[0][0] == 'g' && nf == 6) {
      const char *gname = unescape(&r->arena, f[1], strlen(f[1]));
      rgroup *g = gname ? group_named(r, gname) : NULL;
      if (!g) return TN_ENOMEM;
      g->docs = strtoull(f[2], NULL, 10);
      g->tokens = strtoull(f[3], NULL, 10);
      g->all_tokens = strtoull(f[4], NULL, 10);
      g->sentences = strtoull(f[5], NULL, 10);
    } else if (f[0][0] == 't' && nf == 5) {
      for (int k = 0; k < 4; k++) r->tot[k] = strtoull(f[k + 1], NULL, 10);
    }
  }
  if (header)
    return tn_error_set(err, TN_ESYNTAX, src->name, 0,
                        "empty: not a partial result; make one with "
                        "'tussen map'");
  return st;
}

static double per_million(uint64_t count, uint64_t tokens) {
  if (!tokens) return 0.0;
  double x = (double)count * 1e6 / (double)tokens;
  double r = floor(x * 100 + 0.5) / 100; /* two decimals, as in counts.lua */
  return r == 0 ? 0.0 : r;
}

static int set_keys(tn_result *res, tn_rvalue *rec, const char *const *keys,
                    size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tn_rv_set_key(res, rec, i, keys[i], strlen(keys[i]))) return -1;
  return 0;
}

static const char *const row_keys[] = {"group", "rank", "term", "count",
                                       "docs", "per_million"};

/* One table row; `group` NULL for the whole corpus (no group column). */
static tn_rvalue *row_value(tn_result *res, const char *group, size_t rank,
                            const tn_freq_row *row, uint64_t tokens) {
  size_t off = group ? 0 : 1, n = 6 - off;
  tn_rvalue *rec = tn_rv_record(res, n);
  if (!rec || set_keys(res, rec, row_keys + off, n)) return NULL;
  size_t i = 0;
  if (group) rec->items[i++] = tn_rv_string(res, group, strlen(group));
  rec->items[i++] = tn_rv_int(res, (long long)rank);
  rec->items[i++] = tn_rv_string(res, row->term, strlen(row->term));
  rec->items[i++] = tn_rv_int(res, (long long)row->count);
  rec->items[i++] = tn_rv_int(res, (long long)row->docs);
  rec->items[i++] = tn_rv_number(res, per_million(row->count, tokens));
  for (size_t k = 0; k < n; k++)
    if (!rec->items[k]) return NULL;
  return rec;
}

static int group_cmp(const void *a, const void *b) {
  return strcmp(((const rgroup *)a)->name, ((const rgroup *)b)->name);
}

static tn_status build(report_state *r, const char *by, size_t top,
                       tn_result *res) {
  size_t nall = tn_intern_count(&r->all);
  tn_freq_row *all = tn_calloc(nall ? nall : 1, sizeof *all);
  if (!all) return TN_ENOMEM;
  for (size_t i = 0; i < nall; i++) {
    all[i].term = tn_intern_str(&r->all, (uint32_t)i);
    all[i].count = r->all_count[i];
    all[i].docs = r->all_docs[i];
  }
  tn_freq_sort(all, nall);
  qsort(r->groups, r->ngroups, sizeof *r->groups, group_cmp);
  tn_status st = TN_ENOMEM;
  tn_rvalue *root = tn_rv_record(res, 3);
  tn_rvalue *sum = tn_rv_record(res, 7);
  static const char *const root_keys[] = {"summary", "top_terms", "groups"};
  static const char *const sum_keys[] = {"documents", "sentences", "tokens",
                                         "counted", "types", "by", "groups"};
  if (!root || !sum || set_keys(res, root, root_keys, 3) ||
      set_keys(res, sum, sum_keys, 7))
    goto done;
  sum->items[0] = tn_rv_int(res, (long long)r->tot[0]);
  sum->items[1] = tn_rv_int(res, (long long)r->tot[3]);
  sum->items[2] = tn_rv_int(res, (long long)r->tot[2]);
  sum->items[3] = tn_rv_int(res, (long long)r->tot[1]);
  sum->items[4] = tn_rv_int(res, (long long)nall);
  sum->items[5] = tn_rv_string(res, by, strlen(by));
  sum->items[6] = tn_rv_int(res, (long long)r->ngroups);
  for (int k = 0; k < 7; k++)
    if (!sum->items[k]) goto done;
  size_t ntop = nall < top ? nall : top;
  tn_rvalue *tt = tn_rv_list(res, ntop);
  if (!tt || tn_rv_set_columns(res, tt, row_keys + 1, 5)) goto done;
  for (size_t i = 0; i < ntop; i++)
    if (!(tt->items[i] = row_value(res, NULL, i + 1, &all[i], r->tot[1])))
      goto done;
  size_t ng = 0;
  for (size_t g = 0; g < r->ngroups; g++) {
    tn_freq_sort(r->groups[g].rows, r->groups[g].nrows);
    ng += r->groups[g].nrows < top ? r->groups[g].nrows : top;
  }
  tn_rvalue *gt = tn_rv_list(res, ng);
  if (!gt || tn_rv_set_columns(res, gt, row_keys, 6)) goto done;
  size_t k = 0;
  for (size_t g = 0; g < r->ngroups; g++)
    for (size_t i = 0; i < r->groups[g].nrows && i < top; i++)
      if (!(gt->items[k++] = row_value(res, r->groups[g].name, i + 1,
                                       &r->groups[g].rows[i],
                                       r->groups[g].tokens)))
        goto done;
  root->items[0] = sum;
  root->items[1] = tt;
  root->items[2] = gt;
  res->root = root;
  st = TN_OK;
done:
  tn_free(all);
  return st;
}

tn_status tn_partial_report(tn_partial_src *src, const char *by, size_t top,
                            tn_result *res, tn_error *err) {
  report_state r;
  memset(&r, 0, sizeof r);
  tn_arena_init(&r.arena, 1u << 16);
  tn_intern_init(&r.all);
  tn_status st = read_lines(&r, src, by, err);
  if (st == TN_OK) st = build(&r, by, top, res);
  for (size_t g = 0; g < r.ngroups; g++) tn_free(r.groups[g].rows);
  tn_free(r.groups);
  tn_free(r.all_count);
  tn_free(r.all_docs);
  tn_intern_free(&r.all);
  tn_arena_free(&r.arena);
  return st;
}
