/* libFuzzer target for the token store and what counts over it
 * (core/analysis/store.h, freq.h, kwic.h): documents cut from the bytes at
 * each 0xFF byte (so every other byte reaches the tokenizer) are built
 * into a store once on one thread and once split over two; both must be
 * the same token for token. Frequency lists must add up to the tokens
 * counted, rows come count descending then term ascending, and a KWIC
 * search for a word finds it as often as the list counts it. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analysis/freq.h"
#include "analysis/kwic.h"
#include "analysis/store.h"
#include "corpus/corpus.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_DOCS 16

static void same_store(const tn_store *a, const tn_store *b) {
  FUZZ_CHECK(a->ntokens == b->ntokens && a->ndocs == b->ndocs &&
             a->nsents == b->nsents);
  for (size_t p = 0; p < a->ntokens; p++) {
    for (int l = 0; l < TN_LAYER_COUNT; l++)
      FUZZ_CHECK(strcmp(tn_store_str(a, (tn_layer)l, tn_store_id(a, (tn_layer)l, p)),
                        tn_store_str(b, (tn_layer)l, tn_store_id(b, (tn_layer)l, p))) == 0);
    FUZZ_CHECK(a->kind[p] == b->kind[p] && a->flags[p] == b->flags[p] &&
               a->offset[p] == b->offset[p]);
  }
  for (size_t d = 0; d <= a->ndocs; d++)
    FUZZ_CHECK(a->doc_start[d] == b->doc_start[d] &&
               a->doc_sent[d] == b->doc_sent[d]);
  for (size_t s = 0; s <= a->nsents; s++)
    FUZZ_CHECK(a->sent_start[s] == b->sent_start[s]);
}

static void check_freq(const tn_store *s, uint8_t sel) {
  tn_freq_opts o;
  memset(&o, 0, sizeof o);
  o.filter.by = (tn_layer)(sel % 3);
  o.group = (sel & 4) ? "kind" : NULL;
  tn_freq *f = NULL;
  tn_error err;
  tn_error_clear(&err);
  FUZZ_CHECK(tn_freq_count(&f, s, &o, &err) == TN_OK);
  uint64_t tokens = 0;
  for (size_t g = 0; g < f->ngroups; g++) {
    const tn_freq_group *grp = &f->groups[g];
    uint64_t sum = 0;
    for (size_t r = 0; r < grp->nrows; r++) {
      const tn_freq_row *row = &grp->rows[r];
      FUZZ_CHECK(row->count > 0 && row->docs > 0 && row->docs <= grp->ndocs);
      sum += row->count;
      if (r > 0) {
        const tn_freq_row *prev = &grp->rows[r - 1];
        FUZZ_CHECK(prev->count > row->count ||
                   (prev->count == row->count && strcmp(prev->term, row->term) < 0));
      }
    }
    /* unigrams, no filter: every token counted once */
    FUZZ_CHECK(sum == grp->counted && grp->counted == grp->tokens);
    FUZZ_CHECK(grp->types == grp->nrows);
    tokens += grp->tokens;
  }
  FUZZ_CHECK(tokens == s->ntokens);

  /* the most frequent term of the first group, searched as written */
  if (f->ngroups && f->groups[0].nrows && !o.group) {
    const tn_freq_row *top = &f->groups[0].rows[0];
    if (!strchr(top->term, ' ')) {
      tn_kwic_opts ko;
      memset(&ko, 0, sizeof ko);
      ko.by = o.filter.by;
      ko.literal = 1;
      ko.width = 3;
      ko.sort = (tn_kwic_sort)((sel >> 3) % 4);
      ko.limit = (sel & 0x40) ? 2 : 0;
      tn_kwic *k = NULL;
      tn_status st = tn_kwic_run(&k, s, top->term, &ko, &err);
      if (st == TN_OK) {
        FUZZ_CHECK(k->total == top->count);
        FUZZ_CHECK(k->nlines == (ko.limit && ko.limit < k->total ? ko.limit : k->total));
        for (size_t i = 0; i < k->nlines; i++) {
          FUZZ_CHECK(k->lines[i].doc < s->ndocs && k->lines[i].len == 1);
          FUZZ_CHECK(k->lines[i].pos < s->ntokens);
        }
      } else {
        FUZZ_CHECK(st == TN_EINVAL && err.message[0]);
      }
      tn_kwic_free(k);
    }
  }
  tn_freq_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t sel = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  tn_corpus *c = tn_corpus_new();
  FUZZ_CHECK(c);
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  opts.utf8 = TN_UTF8_REPAIR;
  tn_load_report r;
  tn_load_report_init(&r);
  const char *s = (const char *)data;
  size_t start = 0;
  for (size_t n = 0; start <= size && n < MAX_DOCS; n++) {
    const char *cut = memchr(s + start, 0xFF, size - start);
    size_t end = cut ? (size_t)(cut - s) : size;
    char id[16], parent[16];
    snprintf(id, sizeof id, "d%zu", n);
    snprintf(parent, sizeof parent, "d%zu", n - 1);
    tn_doc_input in;
    memset(&in, 0, sizeof in);
    in.id = (tn_str){id, strlen(id)};
    in.text = (tn_str){s + start, end - start};
    in.kind = (tn_str){n % 2 ? "comment" : "article", 7};
    if (n % 2) in.parent = (tn_str){parent, strlen(parent)};
    in.source = "fuzz";
    in.line = n + 1;
    FUZZ_CHECK(tn_corpus_add(c, &in, &opts, &r) == TN_OK);
    start = end + 1;
  }
  FUZZ_CHECK(tn_corpus_finish(c, &opts, &r) == TN_OK);

  tn_store *one = NULL, *two = NULL;
  tn_error err;
  tn_error_clear(&err);
  tn_store_set_parallel_threshold(SIZE_MAX);
  FUZZ_CHECK(tn_store_build(&one, c, &err) == TN_OK);
  tn_store_set_parallel_threshold(0);
  FUZZ_CHECK(tn_store_build(&two, c, &err) == TN_OK);
  FUZZ_CHECK(one->ndocs == c->ndocs);
  same_store(one, two);
  check_freq(two, sel);
  tn_store_free(one);
  tn_store_free(two);
  tn_load_report_free(&r);
  tn_corpus_free(c);
  return 0;
}
