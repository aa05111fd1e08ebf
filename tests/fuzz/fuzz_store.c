/* libFuzzer target for the token store and what counts over it
 * (core/analysis/store.h, freq.h, kwic.h, scan.h): documents cut from the
 * bytes at each 0xFF byte (so every other byte reaches the tokenizer) are
 * built into a store once on one thread and once split over two; both
 * must be the same token for token. Frequency lists must add up to the
 * tokens counted, rows come count descending then term ascending, and a
 * KWIC search for a word finds it as often as the list counts it. The
 * streaming scan of the same corpus (one worker or two) must give the
 * store's lists row for row, DP included, and its KWIC lines and
 * collocates. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "analysis/freq.h"
#include "analysis/kwic.h"
#include "analysis/scan.h"
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
      FUZZ_CHECK(
          strcmp(tn_store_str(a, (tn_layer)l, tn_store_id(a, (tn_layer)l, p)),
                 tn_store_str(b, (tn_layer)l,
                              tn_store_id(b, (tn_layer)l, p))) == 0);
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
        FUZZ_CHECK(
            prev->count > row->count ||
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
        FUZZ_CHECK(k->nlines ==
                   (ko.limit && ko.limit < k->total ? ko.limit : k->total));
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

static void same_lists(tn_freq *a, tn_freq *b) {
  FUZZ_CHECK(a->ngroups == b->ngroups);
  for (size_t g = 0; g < a->ngroups; g++) {
    tn_freq_group *x = &a->groups[g], *y = &b->groups[g];
    tn_freq_order(x, 0);
    tn_freq_order(y, 0);
    FUZZ_CHECK(strcmp(x->name, y->name) == 0 && x->tokens == y->tokens &&
               x->counted == y->counted && x->types == y->types &&
               x->ndocs == y->ndocs && x->nrows == y->nrows);
    for (size_t r = 0; r < x->nrows; r++) {
      const tn_freq_row *p = &x->rows[r], *q = &y->rows[r];
      FUZZ_CHECK(strcmp(p->term, q->term) == 0 && p->count == q->count &&
                 p->docs == q->docs && p->dp == q->dp &&
                 p->dp_norm == q->dp_norm);
      FUZZ_CHECK(!p->form == !q->form &&
                 (!p->form || !strcmp(p->form, q->form)));
    }
  }
}

/* The scan of the corpus against the store: lists (whole with forms and
 * DP, and per kind), then KWIC and collocates of the top term. */
static void check_scan(const tn_corpus *c, const tn_store *s, uint8_t sel) {
  tn_scan_opts so;
  memset(&so, 0, sizeof so);
  so.filter.by = (tn_layer)(sel % 3);
  so.group = "kind";
  so.keep_tokens = 1;
  so.threads = (sel & 0x80) ? 2 : 1;
  so.token_memory = (sel & 0x20) ? 1 : 0; /* 1 byte: every token to the file */
  tn_scan *sc = NULL;
  tn_error err;
  tn_error_clear(&err);
  FUZZ_CHECK(tn_scan_new(&sc, &so, &err) == TN_OK);
  FUZZ_CHECK(tn_scan_corpus(sc, c, &err) == TN_OK);
  tn_scan_totals t = tn_scan_get_totals(sc);
  FUZZ_CHECK(t.documents == s->ndocs && t.tokens == s->ntokens &&
             t.sentences == s->nsents);
  for (int grouped = 0; grouped < 2; grouped++) {
    tn_freq_opts o;
    memset(&o, 0, sizeof o);
    o.filter = so.filter;
    o.group = grouped ? "kind" : NULL;
    o.forms = o.dp = !grouped;
    o.top = (sel & 0x10) ? 3 : 0;
    tn_freq *fs = NULL, *fc = NULL;
    FUZZ_CHECK(tn_scan_freq(&fs, sc, grouped, &o, &err) == TN_OK);
    FUZZ_CHECK(tn_freq_count(&fc, s, &o, &err) == TN_OK);
    /* an empty corpus: the scan still names its one group */
    if (s->ndocs) same_lists(fs, fc);
    if (!grouped && fc->ngroups && fc->groups[0].nrows) {
      const char *term = fc->groups[0].rows[0].term;
      tn_scan_kwic *k = NULL;
      tn_kwic *kc = NULL;
      tn_kwic_opts ko;
      memset(&ko, 0, sizeof ko);
      ko.by = so.filter.by;
      ko.literal = 1;
      ko.width = 2;
      ko.limit = 3;
      if (!strpbrk(term, " \t\n") &&
          tn_kwic_run(&kc, s, term, &ko, &err) == TN_OK) {
        FUZZ_CHECK(tn_scan_kwic_run(&k, sc, term, 2, 3, &err) == TN_OK);
        FUZZ_CHECK(k->nlines == kc->nlines);
        for (size_t i = 0; i < k->nlines; i++)
          FUZZ_CHECK(!strcmp(k->lines[i].left, kc->lines[i].left) &&
                     !strcmp(k->lines[i].match, kc->lines[i].match) &&
                     !strcmp(k->lines[i].right, kc->lines[i].right));
        tn_colloc *a = NULL, *b = NULL;
        tn_colloc_opts co;
        memset(&co, 0, sizeof co);
        co.filter = so.filter;
        co.literal = 1;
        co.left = co.right = 2;
        co.sentence = (sel & 0x40) != 0;
        FUZZ_CHECK(tn_scan_colloc(&a, sc, &term, 1, &co, &err) == TN_OK);
        FUZZ_CHECK(tn_colloc_run(&b, s, term, &co, &err) == TN_OK);
        FUZZ_CHECK(a->f_node == b->f_node && a->n == b->n &&
                   a->nrows == b->nrows);
        for (size_t i = 0; i < a->nrows; i++)
          FUZZ_CHECK(!strcmp(a->rows[i].term, b->rows[i].term) &&
                     a->rows[i].f_nc == b->rows[i].f_nc &&
                     a->rows[i].f_c == b->rows[i].f_c);
        tn_colloc_free(a);
        tn_colloc_free(b);
      }
      tn_kwic_free(kc);
      tn_scan_kwic_free(k);
    }
    tn_freq_free(fs);
    tn_freq_free(fc);
  }
  tn_scan_free(sc);
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
  check_scan(c, two, sel);
  tn_store_free(one);
  tn_store_free(two);
  tn_load_report_free(&r);
  tn_corpus_free(c);
  return 0;
}
