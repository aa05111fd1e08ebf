/* Dictionaries: categories with roll-up, entries compiled into one rule
 * set, the CSV loader, per-category counting and KWIC lines. */
#include "analysis/dict.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "util/intern.h"

struct tn_dict {
  tn_rules *rules;
  tn_intern cats;      /* category path -> index */
  long *parent;        /* per category */
  size_t parent_cap;
  uint32_t *rule_cat;  /* per rule */
  size_t rule_cat_cap;
  uint32_t *stamp;     /* per category, for counting */
  size_t stamp_cap;
  uint32_t gen;
};

tn_dict *tn_dict_new(tn_rules_normfn normfn) {
  tn_dict *d = tn_calloc(1, sizeof *d);
  if (!d) return NULL;
  d->rules = tn_rules_new(normfn);
  if (!d->rules) {
    tn_free(d);
    return NULL;
  }
  tn_intern_init(&d->cats);
  return d;
}

void tn_dict_free(tn_dict *d) {
  if (!d) return;
  tn_rules_free(d->rules);
  tn_intern_free(&d->cats);
  tn_free(d->parent);
  tn_free(d->rule_cat);
  tn_free(d->stamp);
  tn_free(d);
}

tn_rules *tn_dict_rules(tn_dict *d) { return d->rules; }
size_t tn_dict_ncategories(const tn_dict *d) { return tn_intern_count(&d->cats); }
const char *tn_dict_category(const tn_dict *d, size_t c) {
  return tn_intern_str(&d->cats, (uint32_t)c);
}
long tn_dict_parent(const tn_dict *d, size_t c) { return d->parent[c]; }
size_t tn_dict_rule_category(const tn_dict *d, size_t rule) { return d->rule_cat[rule]; }
size_t tn_dict_nentries(const tn_dict *d) { return tn_rules_count(d->rules); }

long tn_dict_find(const tn_dict *d, const char *category) {
  uint32_t id = tn_intern_find(&d->cats, category, strlen(category));
  return id == TN_INTERN_NONE ? -1 : (long)id;
}

/* The index of category path[0..len) (already checked), creating it and
 * its parents; -1 when memory ran out. */
static long category(tn_dict *d, const char *path, size_t len) {
  uint32_t id = tn_intern_find(&d->cats, path, len);
  if (id != TN_INTERN_NONE) return (long)id;
  long parent = -1;
  for (size_t i = len; i > 0; i--) {
    if (path[i - 1] == '/') {
      parent = category(d, path, i - 1);
      if (parent < 0) return -1;
      break;
    }
  }
  id = tn_intern_add(&d->cats, path, len);
  if (id == TN_INTERN_NONE) return -1;
  if (tn_grow((void **)&d->parent, &d->parent_cap, (size_t)id + 1, sizeof *d->parent) < 0)
    return -1;
  d->parent[id] = parent;
  return (long)id;
}

/* Normalises "zorg / jeugd " to "zorg/jeugd" into out; -1 on an empty
 * path or part. */
static int clean_path(const char *s, tn_buf *out) {
  tn_buf_clear(out);
  const char *p = s;
  for (;;) {
    while (*p == ' ' || *p == '\t') p++;
    const char *a = p;
    while (*p && *p != '/') p++;
    const char *b = p;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b == a) return -1;
    if (out->len && tn_buf_putc(out, '/') < 0) return -2;
    if (tn_buf_append(out, a, (size_t)(b - a)) < 0) return -2;
    if (!*p) return 0;
    p++;
  }
}

tn_status tn_dict_add(tn_dict *d, const char *cat, const char *pattern,
                      double weight, const char *file, uint64_t line,
                      tn_error *err) {
  tn_buf path = TN_BUF_INIT;
  int rc = clean_path(cat, &path);
  if (rc == -1) {
    tn_buf_free(&path);
    return tn_error_set(err, TN_ESYNTAX, file, line,
                        "category '%s': expected names separated by '/' "
                        "(like zorg/jeugd), with no empty part", cat);
  }
  long c = rc < 0 ? -1 : category(d, path.data, path.len);
  if (c < 0) {
    tn_buf_free(&path);
    return tn_error_set(err, TN_ENOMEM, file, line, "out of memory");
  }
  tn_error local;
  tn_error *e = err ? err : &local;
  tn_status st = tn_rules_add(d->rules, path.data, pattern, strlen(pattern),
                              path.data, weight, 0, e);
  tn_buf_free(&path);
  if (st != TN_OK) {
    char msg[sizeof e->message];
    snprintf(msg, sizeof msg, "%s", e->message);
    return tn_error_set(err, st, file, line, "%s", msg);
  }
  size_t r = tn_rules_count(d->rules) - 1;
  if (tn_grow((void **)&d->rule_cat, &d->rule_cat_cap, r + 1, sizeof *d->rule_cat) < 0)
    return tn_error_set(err, TN_ENOMEM, file, line, "out of memory");
  d->rule_cat[r] = (uint32_t)c;
  return TN_OK;
}

/* ---- CSV ---------------------------------------------------------------- */

/* The delimiter of a scheme, from its first line: ',' unless that line
 * has a ';' or a tab outside quotes and no ',' (Dutch spreadsheets save
 * CSV with ';'). */
static char guess_delimiter(const char *s, size_t len) {
  size_t comma = 0, semi = 0, tab = 0;
  int quoted = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '"') quoted = !quoted;
    else if (!quoted && s[i] == ',') comma++;
    else if (!quoted && s[i] == ';') semi++;
    else if (!quoted && s[i] == '\t') tab++;
  }
  if (comma) return ',';
  if (semi) return ';';
  if (tab) return '\t';
  return ',';
}

/* Splits one line into at most 4 fields (copies in f[k]); returns the
 * number of fields or -1 for an unterminated quote. */
static int split_csv(const char *s, size_t len, char delim, tn_buf *f, int maxf) {
  int n = 0;
  size_t i = 0;
  for (;;) {
    if (n == maxf) return n + 1; /* too many: the caller reports it */
    tn_buf_clear(&f[n]);
    if (tn_buf_puts(&f[n], "") < 0) return -2;
    while (i < len && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i < len && s[i] == '"') {
      i++;
      for (;;) {
        if (i >= len) return -1;
        if (s[i] == '"') {
          if (i + 1 < len && s[i + 1] == '"') {
            if (tn_buf_putc(&f[n], '"') < 0) return -2;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (tn_buf_putc(&f[n], s[i++]) < 0) return -2;
      }
      while (i < len && s[i] != delim) i++;
    } else {
      size_t a = i;
      while (i < len && s[i] != delim) i++;
      size_t b = i;
      while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
      if (tn_buf_append(&f[n], s + a, b - a) < 0) return -2;
    }
    n++;
    if (i >= len) return n;
    i++; /* the delimiter */
  }
}

tn_status tn_dict_load_csv_buffer(tn_dict *d, const char *name,
                                  const char *data, size_t len,
                                  tn_error *err) {
  tn_buf f[4] = {TN_BUF_INIT, TN_BUF_INIT, TN_BUF_INIT, TN_BUF_INIT};
  tn_status st = TN_OK;
  uint64_t line = 0;
  size_t i = 0;
  int first = 1;
  char delim = ',';
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) i = 3; /* BOM */
  while (i < len && st == TN_OK) {
    size_t a = i;
    while (i < len && data[i] != '\n') i++;
    size_t b = i;
    i++;
    line++;
    if (b > a && data[b - 1] == '\r') b--;
    size_t c = a;
    while (c < b && (data[c] == ' ' || data[c] == '\t')) c++;
    if (c == b || data[c] == '#') continue;
    if (memchr(data + a, '\0', b - a)) {
      st = tn_error_set(err, TN_ESYNTAX, name, line, "NUL byte in the line");
      break;
    }
    if (first) delim = guess_delimiter(data + a, b - a);
    int n = split_csv(data + a, b - a, delim, f, 3);
    if (n == -2) {
      st = tn_error_set(err, TN_ENOMEM, name, line, "out of memory");
      break;
    }
    if (n == -1) {
      st = tn_error_set(err, TN_ESYNTAX, name, line,
                        "a quoted field has no closing '\"'");
      break;
    }
    if (first && strcasecmp(f[0].data, "category") == 0 && n >= 2 &&
        strcasecmp(f[1].data, "pattern") == 0) {
      first = 0;
      continue;
    }
    first = 0;
    if (n < 2 || n > 3) {
      st = tn_error_set(err, TN_ESYNTAX, name, line,
                        "expected 2 or 3 columns (category,pattern[,weight]), "
                        "got %d; quote a pattern that holds a comma", n > 3 ? 4 : n);
      break;
    }
    double weight = 1.0;
    if (n == 3 && f[2].len) {
      /* a ';' file comes from a Dutch spreadsheet: 2,5 means 2.5 */
      char *comma = delim == ';' ? strchr(f[2].data, ',') : NULL;
      if (comma && !strchr(comma + 1, ',')) *comma = '.';
      char *end;
      weight = strtod(f[2].data, &end);
      if (*end != '\0') {
        st = tn_error_set(err, TN_ESYNTAX, name, line,
                          "weight '%s' is not a number", f[2].data);
        break;
      }
    }
    st = tn_dict_add(d, f[0].data, f[1].data, weight, name, line, err);
  }
  for (int k = 0; k < 4; k++) tn_buf_free(&f[k]);
  return st;
}

tn_status tn_dict_load_csv(tn_dict *d, const char *path, tn_error *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return tn_error_set(err, TN_EIO, path, 0, "cannot open the scheme: %s",
                        strerror(errno));
  tn_buf data = TN_BUF_INIT;
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
    if (tn_buf_append(&data, chunk, got) < 0) {
      fclose(fp);
      tn_buf_free(&data);
      return tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
    }
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    tn_buf_free(&data);
    return tn_error_set(err, TN_EIO, path, 0, "cannot read the scheme");
  }
  tn_status st = tn_dict_load_csv_buffer(d, path, data.data ? data.data : "",
                                         data.len, err);
  tn_buf_free(&data);
  return st;
}

/* ---- counting ----------------------------------------------------------- */

static void count_span(tn_dict *d, const tn_matches *m, size_t from, size_t to,
                       uint32_t last, uint64_t *counts) {
  if (++d->gen == 0) {
    memset(d->stamp, 0, d->stamp_cap * sizeof *d->stamp);
    d->gen = 1;
  }
  for (size_t k = from; k < to; k++) {
    if (m->items[k].last != last) continue;
    long c = (long)d->rule_cat[m->items[k].rule];
    /* Walk up until a category this span already counted: its ancestors
     * were counted with it. */
    while (c >= 0 && d->stamp[c] != d->gen) {
      d->stamp[c] = d->gen;
      counts[c]++;
      c = d->parent[c];
    }
  }
}

tn_status tn_dict_count(tn_dict *d, const tn_matches *m, uint64_t *counts) {
  size_t nc = tn_dict_ncategories(d);
  if (nc > d->stamp_cap) {
    uint32_t *s = tn_realloc(d->stamp, nc * sizeof *s);
    if (!s) return TN_ENOMEM;
    memset(s, 0, nc * sizeof *s);
    d->stamp = s;
    d->stamp_cap = nc;
    d->gen = 0;
  }
  size_t i = 0;
  while (i < m->n) {
    size_t j = i;
    while (j < m->n && m->items[j].first == m->items[i].first) j++;
    for (size_t a = i; a < j; a++) {
      size_t b;
      for (b = i; b < a && m->items[b].last != m->items[a].last; b++) {}
      if (b == a) count_span(d, m, a, j, m->items[a].last, counts);
    }
    i = j;
  }
  return TN_OK;
}

/* ---- KWIC --------------------------------------------------------------- */

static int put_squeezed(tn_buf *out, const char *s, size_t len) {
  int space = 0;
  tn_buf_clear(out);
  if (tn_buf_puts(out, "") < 0) return -1;
  for (size_t i = 0; i < len; i++) {
    if (isspace((unsigned char)s[i])) {
      space = 1;
      continue;
    }
    if (space && out->len && tn_buf_putc(out, ' ') < 0) return -1;
    space = 0;
    if (tn_buf_putc(out, s[i]) < 0) return -1;
  }
  return 0;
}

tn_status tn_match_kwic(const tn_tokview *tv, const char *text, size_t len,
                        const tn_match *m, size_t width, tn_buf *left,
                        tn_buf *match, tn_buf *right) {
  if (!tv->offset) return TN_EINVAL;
  size_t lf = m->first > width ? m->first - width : 0;
  size_t rl = (size_t)m->last + width < tv->n - 1 ? m->last + width : tv->n - 1;
  size_t ls = tv->offset[lf];
  size_t re = tv->offset[rl] + tn_intern_len(tv->lex[0], tv->form[rl]);
  if (re > len || m->byte_end > len) return TN_EINVAL;
  if (put_squeezed(left, text + ls, m->byte_start - ls) < 0 ||
      put_squeezed(match, text + m->byte_start, m->byte_end - m->byte_start) < 0 ||
      put_squeezed(right, text + m->byte_end, re - m->byte_end) < 0)
    return TN_ENOMEM;
  return TN_OK;
}
