/* libFuzzer target for one importer (the file name given at compile time
 * as TN_FUZZ_NAME picks JSONL, CSV, TSV or text): whatever the bytes, the
 * load accounts for every record and the corpus it builds is well formed. */
#include <stdint.h>
#include <string.h>

#include "corpus/corpus.h"
#include "fuzz_check.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_str(tn_str s) {
  return s.ptr && tn_utf8_valid_prefix(s.ptr, s.len) == s.len &&
         s.ptr[s.len] == '\0';
}

/* The corpus after tn_corpus_finish: ids unique and found, texts valid
 * UTF-8, parents resolved without cycles, children lists consistent. */
static void check_corpus(const tn_corpus *c, const tn_load_options *opts) {
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The first byte picks the options, the rest is the file. */
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  uint8_t sel = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  opts.utf8 = (sel & 1) ? TN_UTF8_REPAIR : TN_UTF8_REJECT;
  opts.orphans = (sel & 2) ? TN_ORPHANS_KEEP : TN_ORPHANS_SKIP;
  static const char delims[] = {0, ',', ';', '\t', '|'};
  opts.delimiter = delims[(sel >> 2) % sizeof delims];
  if (sel & 0x20) opts.kind = "post";

  tn_corpus *c = tn_corpus_new();
  FUZZ_CHECK(c);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load_buffer(c, TN_FUZZ_NAME, (const char *)data,
                                       size, &opts, &r, &err);
  if (st == TN_OK) st = tn_corpus_finish(c, &opts, &r);
  /* Without an allocation failure only a whole-file problem may stop the
   * load, and then it says what. */
  FUZZ_CHECK(st != TN_ENOMEM && st != TN_EINTERNAL);
  if (st != TN_OK) {
    FUZZ_CHECK(st < 0 && st >= TN_EINTERNAL);
  } else {
    FUZZ_CHECK(r.read == r.used + r.skipped);
    FUZZ_CHECK(r.used == c->ndocs);
    uint64_t by_reason = 0;
    for (int k = 0; k < TN_SKIP_REASON_COUNT; k++) by_reason += r.by_reason[k];
    FUZZ_CHECK(by_reason == r.skipped);
    FUZZ_CHECK(r.by_reason[TN_SKIP_NONE] == 0);
    size_t errors = 0;
    for (size_t i = 0; i < r.ndiags; i++) {
      FUZZ_CHECK(r.diags[i].message && r.diags[i].message[0]);
      if (r.diags[i].reason != TN_SKIP_NONE) errors++;
    }
    /* every skipped document has its message */
    FUZZ_CHECK(errors == r.skipped);
    if (opts.utf8 == TN_UTF8_REJECT) FUZZ_CHECK(r.repaired == 0);
    check_corpus(c, &opts);
  }
  tn_load_report_free(&r);
  tn_corpus_free(c);
  return 0;
}
