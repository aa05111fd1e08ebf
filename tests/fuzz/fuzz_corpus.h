/* Shared by the importer fuzz targets: the invariants of a finished load
 * (the report accounts for every record; the corpus is well formed). */
#ifndef TN_FUZZ_CORPUS_H
#define TN_FUZZ_CORPUS_H

#include <stdint.h>
#include <string.h>

#include "corpus/corpus.h"
#include "fuzz_check.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/utf8.h"

static inline int valid_str(tn_str s) {
  return s.ptr && tn_utf8_valid_prefix(s.ptr, s.len) == s.len &&
         s.ptr[s.len] == '\0';
}

/* The corpus after tn_corpus_finish: ids unique and found, texts valid
 * UTF-8, parents resolved without cycles, children lists consistent. */
static inline void check_corpus(const tn_corpus *c, const tn_load_options *opts) {
  size_t with_parent = 0;
  for (size_t i = 0; i < c->ndocs; i++) {
    const tn_doc *d = tn_corpus_doc(c, i);
    FUZZ_CHECK(valid_str(d->id) && d->id.len > 0);
    FUZZ_CHECK(valid_str(d->text));
    FUZZ_CHECK(tn_corpus_find(c, d->id.ptr, d->id.len) == (long)i);
    const tn_str opt[] = {d->kind, d->parent, d->title, d->author, d->date};
    for (size_t k = 0; k < sizeof opt / sizeof *opt; k++)
      FUZZ_CHECK(!opt[k].ptr || valid_str(opt[k]));
    for (uint32_t m = 0; m < d->nmeta; m++) {
      FUZZ_CHECK(valid_str(d->meta[m].key));
      if (d->meta[m].type == TN_VALUE_STRING) FUZZ_CHECK(valid_str(d->meta[m].str));
    }
    FUZZ_CHECK(d->parent_index >= -1 && d->parent_index < (long)c->ndocs);
    FUZZ_CHECK(d->parent_index != (int32_t)i);
    if (d->parent_index >= 0) {
      const tn_doc *p = tn_corpus_doc(c, (size_t)d->parent_index);
      FUZZ_CHECK(d->parent.ptr && d->parent.len == p->id.len &&
                 memcmp(d->parent.ptr, p->id.ptr, p->id.len) == 0);
      with_parent++;
    } else if (opts->orphans == TN_ORPHANS_SKIP) {
      /* a document naming a parent that is absent is skipped */
      FUZZ_CHECK(!d->parent.ptr || d->parent.len == 0);
    }
    /* following parents ends within ndocs steps: no cycle survived */
    size_t steps = 0;
    for (int32_t p = d->parent_index; p >= 0;
         p = tn_corpus_doc(c, (size_t)p)->parent_index)
      FUZZ_CHECK(++steps <= c->ndocs);
  }
  size_t children = 0;
  for (size_t i = 0; i < c->ndocs; i++) {
    const tn_doc *d = tn_corpus_doc(c, i);
    for (uint32_t k = 0; k < d->nchildren; k++) {
      uint32_t child = c->children[d->first_child + k];
      FUZZ_CHECK(child < c->ndocs);
      FUZZ_CHECK(tn_corpus_doc(c, child)->parent_index == (int32_t)i);
      children++;
    }
  }
  FUZZ_CHECK(children == with_parent);
}

/* read = used + skipped, reasons add up, one message per skipped record,
 * and the corpus holds exactly the documents used. */
static inline void check_report(const tn_load_report *r, const tn_corpus *c,
                                const tn_load_options *opts) {
  FUZZ_CHECK(r->read == r->used + r->skipped);
  FUZZ_CHECK(r->used == c->ndocs);
  uint64_t by_reason = 0;
  for (int k = 0; k < TN_SKIP_REASON_COUNT; k++) by_reason += r->by_reason[k];
  FUZZ_CHECK(by_reason == r->skipped);
  FUZZ_CHECK(r->by_reason[TN_SKIP_NONE] == 0);
  size_t errors = 0;
  for (size_t i = 0; i < r->ndiags; i++) {
    FUZZ_CHECK(r->diags[i].message && r->diags[i].message[0]);
    if (r->diags[i].reason != TN_SKIP_NONE) errors++;
  }
  /* every skipped document has its message */
  FUZZ_CHECK(errors == r->skipped);
  if (opts->utf8 == TN_UTF8_REJECT) FUZZ_CHECK(r->repaired == 0);
}

/* ---- round trip --------------------------------------------------------- */

/* The document as canonical JSONL, as `tussen corpus` writes it. */
static inline void put_str_field(tn_buf *b, const char *key, tn_str v) {
  if (!v.ptr) return;
  FUZZ_CHECK(tn_buf_putc(b, ',') == 0 &&
             tn_json_write_string(b, key, strlen(key)) == 0 &&
             tn_buf_putc(b, ':') == 0 &&
             tn_json_write_string(b, v.ptr, v.len) == 0);
}

static inline void put_jsonl(tn_buf *b, const tn_doc *d) {
  FUZZ_CHECK(tn_buf_puts(b, "{\"id\":") == 0 &&
             tn_json_write_string(b, d->id.ptr, d->id.len) == 0);
  put_str_field(b, "kind", d->kind);
  put_str_field(b, "parent", d->parent);
  put_str_field(b, "title", d->title);
  put_str_field(b, "author", d->author);
  put_str_field(b, "date", d->date);
  for (uint32_t k = 0; k < d->nmeta; k++) {
    const tn_meta *m = &d->meta[k];
    FUZZ_CHECK(tn_buf_putc(b, ',') == 0 &&
               tn_json_write_string(b, m->key.ptr, m->key.len) == 0 &&
               tn_buf_putc(b, ':') == 0);
    switch (m->type) {
    case TN_VALUE_NULL: FUZZ_CHECK(tn_buf_puts(b, "null") == 0); break;
    case TN_VALUE_BOOL:
      FUZZ_CHECK(tn_buf_puts(b, m->boolean ? "true" : "false") == 0);
      break;
    case TN_VALUE_NUMBER:
    case TN_VALUE_JSON:
      FUZZ_CHECK(tn_buf_append(b, m->str.ptr, m->str.len) == 0);
      break;
    case TN_VALUE_STRING:
      FUZZ_CHECK(tn_json_write_string(b, m->str.ptr, m->str.len) == 0);
      break;
    }
  }
  put_str_field(b, "text", d->text);
  FUZZ_CHECK(tn_buf_puts(b, "}\n") == 0);
}

static inline int same_str(tn_str a, tn_str b) {
  size_t al = a.ptr ? a.len : 0, bl = b.ptr ? b.len : 0;
  return al == bl && (al == 0 || memcmp(a.ptr, b.ptr, al) == 0);
}

/* Written as canonical JSONL and read back with the same options, the
 * corpus is the same: same documents in the same order, same fields and
 * metadata, nothing skipped. Whatever format it came from, nothing is
 * lost or changed on the way through `tussen corpus`. */
static inline void check_roundtrip(const tn_corpus *c,
                                   const tn_load_options *opts) {
  tn_buf out = TN_BUF_INIT;
  for (size_t i = 0; i < c->ndocs; i++) put_jsonl(&out, tn_corpus_doc(c, i));
  tn_corpus *back = tn_corpus_new();
  FUZZ_CHECK(back);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  FUZZ_CHECK(tn_corpus_load_buffer(back, "roundtrip.jsonl",
                                   out.data ? out.data : "", out.len, opts,
                                   &r, &err) == TN_OK);
  FUZZ_CHECK(tn_corpus_finish(back, opts, &r) == TN_OK);
  FUZZ_CHECK(r.skipped == 0 && back->ndocs == c->ndocs);
  for (size_t i = 0; i < c->ndocs; i++) {
    const tn_doc *a = tn_corpus_doc(c, i), *b = tn_corpus_doc(back, i);
    FUZZ_CHECK(same_str(a->id, b->id) && same_str(a->text, b->text));
    FUZZ_CHECK(same_str(a->kind, b->kind) && same_str(a->parent, b->parent));
    FUZZ_CHECK(same_str(a->title, b->title) &&
               same_str(a->author, b->author) && same_str(a->date, b->date));
    FUZZ_CHECK(a->parent_index == b->parent_index);
    FUZZ_CHECK(a->nmeta == b->nmeta);
    for (uint32_t k = 0; k < a->nmeta; k++) {
      const tn_meta *x = &a->meta[k], *y = &b->meta[k];
      FUZZ_CHECK(same_str(x->key, y->key) && x->type == y->type);
      if (x->type == TN_VALUE_BOOL) FUZZ_CHECK(x->boolean == y->boolean);
      if (x->type >= TN_VALUE_NUMBER) FUZZ_CHECK(same_str(x->str, y->str));
    }
  }
  tn_load_report_free(&r);
  tn_corpus_free(back);
  tn_buf_free(&out);
}

#endif
