/* JSON Lines importer: one object per line, the canonical corpus format. */
#include <stdio.h>
#include <string.h>

#include "corpus/corpus.h"
#include "util/alloc.h"
#include "util/json.h"
#include "util/utf8.h"

/* Fields with a place of their own in tn_doc. */
enum { F_ID, F_TEXT, F_KIND, F_PARENT, F_TITLE, F_AUTHOR, F_DATE, F_COUNT };
static const char *const field_names[F_COUNT] = {
    "id", "text", "kind", "parent", "title", "author", "date"};

static const size_t field_lens[F_COUNT] = {2, 4, 4, 6, 5, 6, 4};

static int known_field(const char *key, size_t len) {
  for (int f = 0; f < F_COUNT; f++)
    if (field_lens[f] == len && memcmp(field_names[f], key, len) == 0)
      return f;
  return -1;
}

static const char *json_type_name(tn_json_type t) {
  switch (t) {
  case TN_JSON_NULL: return "null";
  case TN_JSON_FALSE:
  case TN_JSON_TRUE: return "a boolean";
  case TN_JSON_NUMBER: return "a number";
  case TN_JSON_STRING: return "a string";
  case TN_JSON_ARRAY: return "an array";
  case TN_JSON_OBJECT: return "an object";
  case TN_JSON_END: break;
  }
  return "nothing";
}

/* Where a string value lives while the line is parsed: either in the input
 * (stable) or at an offset in the scratch buffer (which may move). */
typedef struct slice {
  int in_scratch;
  size_t off;
  const char *ptr;
  size_t len;
} slice;

static slice make_slice(const tn_buf *scratch, const char *ptr, size_t len,
                        int escaped) {
  slice s = {0, 0, ptr, len};
  if (escaped) {
    s.in_scratch = 1;
    s.off = (size_t)(ptr - scratch->data);
  }
  return s;
}

static tn_str resolve(const tn_buf *scratch, const slice *s) {
  tn_str out = {s->in_scratch ? scratch->data + s->off : s->ptr, s->len};
  return out;
}

typedef struct line_state {
  tn_buf scratch;
  slice fields[F_COUNT];
  int have[F_COUNT];
  /* other metadata */
  tn_meta *meta;
  slice *meta_keys, *meta_vals;
  size_t nmeta, cap_meta, cap_keys, cap_vals;
} line_state;

static void line_state_free(line_state *ls) {
  tn_buf_free(&ls->scratch);
  tn_free(ls->meta);
  tn_free(ls->meta_keys);
  tn_free(ls->meta_vals);
}

typedef enum { LINE_OK, LINE_BROKEN, LINE_BAD_FIELD, LINE_NOMEM } line_result;

/* Parses one line into ls; on LINE_BROKEN/LINE_BAD_FIELD `why` and `at`
 * describe the problem. */
static line_result parse_line(line_state *ls, const char *line, size_t len,
                              char *why, size_t whysize, size_t *at) {
  tn_json j;
  tn_json_init(&j, line, len);
  tn_buf_clear(&ls->scratch);
  memset(ls->have, 0, sizeof ls->have);
  ls->nmeta = 0;
  if (tn_json_peek(&j) != TN_JSON_OBJECT) {
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
      snprintf(why, whysize, "a byte order mark (U+FEFF) before the object "
                             "(were files joined with cat?)");
    else
      snprintf(why, whysize, "expected a JSON object ('{') at the start of "
                             "the line");
    *at = tn_json_offset(&j);
    return LINE_BROKEN;
  }
  j.p++;
  while (j.p < j.end && (*j.p == ' ' || *j.p == '\t' || *j.p == '\r'))
    j.p++;
  int empty = j.p < j.end && *j.p == '}';
  if (empty) j.p++;
  if (!empty) {
    for (;;) {
      const char *k;
      size_t klen;
      int kesc;
      /* Not tn_json_peek: "expected a JSON value" would be less clear
       * than saying what belongs here. */
      while (j.p < j.end && (*j.p == ' ' || *j.p == '\t' || *j.p == '\r'))
        j.p++;
      if (j.p >= j.end) {
        j.msg = "unexpected end of the line: missing '}'";
        goto broken;
      }
      if (*j.p != '"') {
        j.msg = "expected a field name in double quotes";
        goto broken;
      }
      if (tn_json_string(&j, &ls->scratch, &k, &klen, &kesc)) goto broken;
      slice key = make_slice(&ls->scratch, k, klen, kesc);
      if (tn_json_expect(&j, ':')) goto broken;
      size_t value_at = tn_json_offset(&j);
      tn_json_type t = tn_json_peek(&j);
      if (t == TN_JSON_END) {
        if (!j.msg) j.msg = "expected a value";
        goto broken;
      }
      tn_str keystr = resolve(&ls->scratch, &key);
      int f = known_field(keystr.ptr, keystr.len);
      if (f >= 0) {
        if (ls->have[f]) {
          snprintf(why, whysize, "field \"%s\" appears twice", field_names[f]);
          *at = value_at;
          return LINE_BROKEN;
        }
        if (t == TN_JSON_NULL) {
          if (tn_json_literal(&j)) goto broken;
        } else if (t == TN_JSON_STRING) {
          const char *v;
          size_t vlen;
          int vesc;
          if (tn_json_string(&j, &ls->scratch, &v, &vlen, &vesc)) goto broken;
          ls->fields[f] = make_slice(&ls->scratch, v, vlen, vesc);
          ls->have[f] = 1;
        } else if (t == TN_JSON_NUMBER &&
                   (f == F_ID || f == F_PARENT || f == F_DATE)) {
          /* Numeric ids are common; keep the number's own spelling. */
          const char *src;
          size_t srclen;
          if (tn_json_number(&j, NULL, &src, &srclen)) goto broken;
          ls->fields[f] = make_slice(&ls->scratch, src, srclen, 0);
          ls->have[f] = 1;
        } else {
          snprintf(why, whysize, "field \"%s\" must be a string%s, not %s",
                   field_names[f],
                   (f == F_ID || f == F_PARENT || f == F_DATE) ? " or number"
                                                                : "",
                   json_type_name(t));
          *at = value_at;
          /* Still check the rest of the line parses, so a broken line is
           * reported as broken rather than as a bad field. */
          if (tn_json_skip(&j, NULL, NULL)) goto broken;
          return LINE_BAD_FIELD;
        }
      } else {
        /* Two values for one name: which one would a script see? */
        for (size_t m = 0; m < ls->nmeta; m++) {
          tn_str prev = resolve(&ls->scratch, &ls->meta_keys[m]);
          if (prev.len == keystr.len &&
              memcmp(prev.ptr, keystr.ptr, keystr.len) == 0) {
            snprintf(why, whysize, "field \"%.*s\" appears twice",
                     (int)(keystr.len > 60 ? 60 : keystr.len), keystr.ptr);
            *at = value_at;
            return LINE_BROKEN;
          }
        }
        if (tn_grow((void **)&ls->meta, &ls->cap_meta, ls->nmeta + 1,
                    sizeof *ls->meta) ||
            tn_grow((void **)&ls->meta_keys, &ls->cap_keys, ls->nmeta + 1,
                    sizeof *ls->meta_keys) ||
            tn_grow((void **)&ls->meta_vals, &ls->cap_vals, ls->nmeta + 1,
                    sizeof *ls->meta_vals))
          return LINE_NOMEM;
        tn_meta *m = &ls->meta[ls->nmeta];
        memset(m, 0, sizeof *m);
        ls->meta_keys[ls->nmeta] = key;
        slice val = {0, 0, NULL, 0};
        switch (t) {
        case TN_JSON_NULL:
          m->type = TN_VALUE_NULL;
          if (tn_json_literal(&j)) goto broken;
          break;
        case TN_JSON_TRUE:
        case TN_JSON_FALSE:
          m->type = TN_VALUE_BOOL;
          m->boolean = t == TN_JSON_TRUE;
          if (tn_json_literal(&j)) goto broken;
          break;
        case TN_JSON_NUMBER: {
          const char *src;
          size_t srclen;
          m->type = TN_VALUE_NUMBER;
          if (tn_json_number(&j, &m->number, &src, &srclen)) goto broken;
          val = make_slice(&ls->scratch, src, srclen, 0);
          break;
        }
        case TN_JSON_STRING: {
          const char *v;
          size_t vlen;
          int vesc;
          m->type = TN_VALUE_STRING;
          if (tn_json_string(&j, &ls->scratch, &v, &vlen, &vesc)) goto broken;
          val = make_slice(&ls->scratch, v, vlen, vesc);
          break;
        }
        default: {
          const char *src;
          size_t srclen;
          m->type = TN_VALUE_JSON;
          if (tn_json_skip(&j, &src, &srclen)) goto broken;
          val = make_slice(&ls->scratch, src, srclen, 0);
        }
        }
        ls->meta_vals[ls->nmeta] = val;
        ls->nmeta++;
      }
      int more = tn_json_next(&j, '}');
      if (more < 0) goto broken;
      if (!more) break;
    }
  }
  if (tn_json_peek(&j) != TN_JSON_END || j.msg) {
    j.msg = "text after the end of the JSON object (one object per line)";
    goto broken;
  }
  return LINE_OK;
broken:
  snprintf(why, whysize, "%s", j.msg ? j.msg : "malformed JSON");
  *at = tn_json_offset(&j);
  return LINE_BROKEN;
}

/* Under --repair-utf8 two different bad names can become the same name
 * ("\xff" and "\xfe" both become U+FFFD): a document would then have one
 * field twice. Rare, so checked only when a name is invalid. */
static int repaired_keys_clash(const line_state *ls, char *why,
                               size_t whysize) {
  int any = 0;
  for (size_t m = 0; m < ls->nmeta && !any; m++)
    any = tn_utf8_valid_prefix(ls->meta[m].key.ptr, ls->meta[m].key.len) <
          ls->meta[m].key.len;
  if (!any) return 0;
  int clash = 0;
  tn_buf a = TN_BUF_INIT, b = TN_BUF_INIT;
  for (size_t m = 0; m < ls->nmeta && !clash; m++) {
    tn_buf_clear(&a);
    if (tn_utf8_repair(ls->meta[m].key.ptr, ls->meta[m].key.len, &a) < 0)
      break; /* out of memory: tn_corpus_add will say so */
    for (size_t n = m + 1; n < ls->nmeta && !clash; n++) {
      tn_buf_clear(&b);
      if (tn_utf8_repair(ls->meta[n].key.ptr, ls->meta[n].key.len, &b) < 0)
        break;
      clash = a.len == b.len && memcmp(a.data ? a.data : "",
                                       b.data ? b.data : "", a.len) == 0;
    }
  }
  if (clash)
    snprintf(why, whysize,
             "two field names become \"%.*s\" once their invalid UTF-8 is "
             "replaced (--repair-utf8); fix the encoding of the names",
             (int)(a.len > 60 ? 60 : a.len), a.data ? a.data : "");
  tn_buf_free(&a);
  tn_buf_free(&b);
  return clash;
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

tn_status tn_import_jsonl(tn_corpus *c, const char *name, const char *data,
                          size_t len, const tn_load_options *opts,
                          tn_load_report *report, tn_error *err) {
  return tn_import_jsonl_part(c, name, data, len, 0, 0, opts, report, err);
}

tn_status tn_import_jsonl_part(tn_corpus *c, const char *name,
                               const char *data, size_t len, uint64_t line0,
                               uint64_t offset0, const tn_load_options *opts,
                               tn_load_report *report, tn_error *err) {
  line_state ls;
  memset(&ls, 0, sizeof ls);
  tn_status st = TN_OK;
  uint64_t lineno = line0;
  size_t pos = 0;
  /* a byte order mark can only start the file, not a later piece */
  if (offset0 == 0 && len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  char why[256];
  char genid[600];
  /* Lines end in LF, CRLF or a lone CR (old Mac files): JSON allows no raw
   * CR inside a string, so a CR can only end a line or be blank space.
   * The next LF is remembered so that a file without any stays linear. */
  size_t next_lf = 0;
  int have_lf = 0;
  while (pos < len && st == TN_OK) {
    lineno++;
    const char *line = data + pos;
    if (!have_lf || next_lf < pos) {
      const char *nl = memchr(line, '\n', len - pos);
      next_lf = nl ? (size_t)(nl - data) : len;
      have_lf = 1;
    }
    size_t linelen = next_lf - pos;
    const char *cr = memchr(line, '\r', linelen);
    size_t line_off = pos;
    if (cr && (size_t)(cr - line) + 1 < linelen) {
      linelen = (size_t)(cr - line); /* a lone CR ends this line */
      pos += linelen + 1;
    } else {
      pos += linelen + (next_lf < len ? 1 : 0);
      if (cr) linelen--; /* CRLF, or a CR at the very end */
    }
    size_t k = 0;
    while (k < linelen && (line[k] == ' ' || line[k] == '\t')) k++;
    if (k == linelen) continue; /* blank lines hold no document */
    size_t at = 0;
    line_result lr = parse_line(&ls, line, linelen, why, sizeof why, &at);
    if (lr == LINE_NOMEM) {
      st = TN_ENOMEM;
      break;
    }
    if (lr == LINE_BROKEN) {
      st = tn_report_skip(report, TN_SKIP_BROKEN_RECORD, name, lineno,
                          offset0 + line_off + at, 1, NULL,
                          "malformed JSON: %s; fix or remove the line", why);
      continue;
    }
    tn_doc_input in;
    memset(&in, 0, sizeof in);
    tn_str *dst[F_COUNT] = {&in.id,    &in.text,   &in.kind, &in.parent,
                            &in.title, &in.author, &in.date};
    for (int f = 0; f < F_COUNT; f++)
      if (ls.have[f]) *dst[f] = resolve(&ls.scratch, &ls.fields[f]);
    if (lr == LINE_BAD_FIELD) {
      char idbuf[128] = "";
      if (in.id.ptr)
        snprintf(idbuf, sizeof idbuf, "%.*s", (int)(in.id.len > 100 ? 100 : in.id.len),
                 in.id.ptr);
      st = tn_report_skip(report, TN_SKIP_BAD_FIELD, name, lineno,
                          offset0 + line_off + at, 1,
                          in.id.ptr ? idbuf : NULL, "%s", why);
      continue;
    }
    if (!in.id.ptr) {
      int n = snprintf(genid, sizeof genid, "%s:%llu", base_name(name),
                       (unsigned long long)lineno);
      in.id.ptr = genid;
      in.id.len = (size_t)n < sizeof genid ? (size_t)n : sizeof genid - 1;
    }
    for (size_t m = 0; m < ls.nmeta; m++) {
      ls.meta[m].key = resolve(&ls.scratch, &ls.meta_keys[m]);
      ls.meta[m].str = resolve(&ls.scratch, &ls.meta_vals[m]);
    }
    if (opts->utf8 == TN_UTF8_REPAIR && repaired_keys_clash(&ls, why,
                                                          sizeof why)) {
      st = tn_report_skip(report, TN_SKIP_INVALID_UTF8, name, lineno,
                          offset0 + line_off, 1, NULL, "%s", why);
      continue;
    }
    in.meta = ls.meta;
    in.nmeta = (uint32_t)ls.nmeta;
    in.source = name;
    in.line = lineno;
    in.offset = offset0 + line_off;
    in.raw = line;
    in.raw_len = linelen;
    st = tn_corpus_add(c, &in, opts, report);
  }
  line_state_free(&ls);
  if (st == TN_ENOMEM)
    return tn_error_set(err, TN_ENOMEM, name, lineno, "out of memory");
  return st;
}
