/* Token filters: stopword lists, wildcards, regexes, kinds, lengths. */
#include "analysis/freq_filter.h"

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/utf8.h"

void tn_stopwords_init(tn_stopwords *sw) { tn_intern_init(&sw->set); }
void tn_stopwords_free(tn_stopwords *sw) { tn_intern_free(&sw->set); }

tn_status tn_stopwords_add(tn_stopwords *sw, const char *word, size_t len) {
  tn_buf b = TN_BUF_INIT;
  tn_status st = tn_tok_norm(word, len, &b);
  if (st == TN_OK &&
      tn_intern_add(&sw->set, b.data ? b.data : "", b.len) == TN_INTERN_NONE)
    st = TN_ENOMEM;
  tn_buf_free(&b);
  return st;
}

int tn_stopwords_has(const tn_stopwords *sw, const char *norm, size_t len) {
  return tn_intern_find(&sw->set, norm, len) != TN_INTERN_NONE;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

tn_status tn_stopwords_parse(tn_stopwords *sw, const char *name,
                             const char *data, size_t len, tn_error *err) {
  size_t i = 0;
  uint64_t line = 0;
  while (i < len) {
    line++;
    size_t start = i;
    while (i < len && data[i] != '\n') i++;
    size_t end = i;
    if (i < len) i++;
    const char *hash = memchr(data + start, '#', end - start);
    if (hash) end = (size_t)(hash - data);
    while (start < end && is_space(data[start])) start++;
    while (end > start && is_space(data[end - 1])) end--;
    if (start == end) continue;
    size_t ok = tn_utf8_valid_prefix(data + start, end - start);
    if (ok != end - start)
      return tn_error_set_at(err, TN_EUTF8, name, line, start + ok,
                             "invalid UTF-8 in the word list; save it as "
                             "UTF-8");
    if (tn_stopwords_add(sw, data + start, end - start) != TN_OK)
      return tn_error_set(err, TN_ENOMEM, name, line, "out of memory");
  }
  return TN_OK;
}

tn_status tn_stopwords_load(tn_stopwords *sw, const char *path,
                            tn_error *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp)
    return tn_error_set(err, TN_EIO, path, 0, "cannot open the word list: %s",
                        strerror(errno));
  tn_buf b = TN_BUF_INIT;
  char chunk[65536];
  size_t n;
  tn_status st = TN_OK;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
    if (tn_buf_append(&b, chunk, n) != 0) {
      st = tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
      break;
    }
  if (st == TN_OK && ferror(fp))
    st = tn_error_set(err, TN_EIO, path, 0, "cannot read the word list: %s",
                      strerror(errno));
  fclose(fp);
  if (st == TN_OK) st = tn_stopwords_parse(sw, path, b.data, b.len, err);
  tn_buf_free(&b);
  return st;
}

size_t tn_utf8_count(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

/* Length of the UTF-8 sequence that starts with byte c (1 for a stray
 * byte, so matching always advances). */
static size_t seq_len(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

int tn_glob_match(const char *pat, size_t plen, const char *s, size_t slen) {
  /* Iterative matching with one backtrack point for the last '*': linear
   * in practice, never exponential. */
  size_t p = 0, i = 0, star_p = (size_t)-1, star_i = 0;
  while (i < slen) {
    if (p < plen && pat[p] == '*') {
      star_p = ++p;
      star_i = i;
      continue;
    }
    if (p < plen && pat[p] == '?') {
      p++;
      size_t l = seq_len((unsigned char)s[i]);
      i += l > slen - i ? slen - i : l;
      continue;
    }
    if (p < plen) {
      size_t q = p;
      if (pat[q] == '\\' && q + 1 < plen) q++;
      if (pat[q] == s[i]) {
        p = q + 1;
        i++;
        continue;
      }
    }
    if (star_p == (size_t)-1) return 0;
    p = star_p;
    star_i += seq_len((unsigned char)s[star_i]);
    if (star_i > slen) return 0;
    i = star_i;
  }
  while (p < plen && pat[p] == '*') p++;
  return p == plen;
}

int tn_glob_has_wildcard(const char *pat, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (pat[i] == '\\') {
      i++;
      continue;
    }
    if (pat[i] == '*' || pat[i] == '?') return 1;
  }
  return 0;
}

tn_status tn_filter_compile(const tn_store *s, const tn_term_filter *f,
                            uint8_t **allowed, tn_error *err) {
  *allowed = NULL;
  regex_t re;
  int have_re = 0;
  if (f->regex) {
    int rc = regcomp(&re, f->regex, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
      char msg[256];
      regerror(rc, &re, msg, sizeof msg);
      return tn_error_set(err, TN_EINVAL, NULL, 0,
                          "bad regular expression '%s': %s", f->regex, msg);
    }
    have_re = 1;
  }
  size_t nforms = tn_store_vocab_size(s, TN_LAYER_FORM);
  size_t nterms = tn_store_vocab_size(s, f->by);
  /* Decide per term of the layer (0 unknown, 1 in, 2 out), then per form. */
  uint8_t *term_ok = tn_calloc(nterms ? nterms : 1, 1);
  uint8_t *out = tn_malloc(nforms ? nforms : 1);
  size_t nnorms = tn_store_vocab_size(s, TN_LAYER_NORM);
  uint8_t *norm_stop = tn_calloc(nnorms ? nnorms : 1, 1);
  if (!term_ok || !out || !norm_stop) {
    tn_free(term_ok);
    tn_free(out);
    tn_free(norm_stop);
    if (have_re) regfree(&re);
    return tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  }
  size_t glen = f->glob ? strlen(f->glob) : 0;
  for (size_t fid = 0; fid < nforms; fid++) {
    uint32_t nid = s->form_norm[fid];
    if (f->forms && !f->forms[fid]) {
      out[fid] = 0;
      continue;
    }
    if (f->stop) {
      /* decided once per norm: many forms share one ("De", "de") */
      if (norm_stop[nid] == 0)
        norm_stop[nid] =
            tn_stopwords_has(f->stop, tn_store_str(s, TN_LAYER_NORM, nid),
                             tn_intern_len(&s->vocab[TN_LAYER_NORM], nid))
                ? 1
                : 2;
      if (norm_stop[nid] == 1) {
        out[fid] = 0;
        continue;
      }
    }
    uint32_t tid = tn_store_map(s, f->by, (uint32_t)fid);
    if (term_ok[tid] == 0) {
      const char *t = tn_store_str(s, f->by, tid);
      size_t tlen = tn_intern_len(&s->vocab[f->by], tid);
      int ok = 1;
      if (f->min_len || f->max_len) {
        size_t n = tn_utf8_count(t, tlen);
        if (f->min_len && n < f->min_len) ok = 0;
        if (f->max_len && n > f->max_len) ok = 0;
      }
      if (ok && f->glob) ok = tn_glob_match(f->glob, glen, t, tlen);
      if (ok && have_re) ok = regexec(&re, t, 0, NULL, 0) == 0;
      term_ok[tid] = ok ? 1 : 2;
    }
    out[fid] = term_ok[tid] == 1;
  }
  tn_free(term_ok);
  tn_free(norm_stop);
  if (have_re) regfree(&re);
  *allowed = out;
  return TN_OK;
}

tn_status tn_kinds_parse(const char *list, uint32_t *mask, tn_error *err) {
  uint32_t m = 0;
  const char *p = list;
  while (*p) {
    while (*p == ',' || *p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ',' && *e != ' ') e++;
    char name[32];
    size_t n = (size_t)(e - p);
    if (n >= sizeof name) n = sizeof name - 1;
    memcpy(name, p, n);
    name[n] = 0;
    if (strcmp(name, "all") == 0) {
      m = (1u << TN_TOK_KIND_COUNT) - 1;
    } else {
      int k = tn_tok_kind_from_name(name);
      if (k < 0)
        return tn_error_set(err, TN_EINVAL, NULL, 0,
                            "unknown token kind '%s'; kinds are word, number, "
                            "punct, symbol, url, email, hashtag, mention, "
                            "emoticon, emoji, abbrev (or all)",
                            name);
      m |= TN_KIND_BIT(k);
    }
    p = e;
  }
  *mask = m;
  return TN_OK;
}
