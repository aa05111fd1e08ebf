/* Differential tests of core/analysis/scan: every answer of a streaming
 * scan is compared field by field with the store-based function it stands
 * in for (tn_freq_count; tn_colloc_run_many and tn_kwic_run with literal
 * terms), over many filters, groupings, windows and widths; one worker
 * against two on a corpus of a few MB; a streamed file against the same
 * file loaded; the errors; and every allocation failing in turn. Runs from
 * the repository root (the data files are named relative to it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/colloc.h"
#include "analysis/freq.h"
#include "analysis/kwic.h"
#include "analysis/scan.h"
#include "analysis/scan_int.h"
#include "analysis/store.h"
#include "corpus/corpus.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

/* ---- comparing ---------------------------------------------------------- */

/* What is being compared, for the failure message. */
static char where[512];

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) fail_msg("%s: %s (line %d)", where, #cond, __LINE__);         \
  } while (0)
#define CHECK_STR(a, b)                                                        \
  do {                                                                         \
    const char *a_ = (a), *b_ = (b);                                           \
    if (!a_ || !b_ ? a_ != b_ : strcmp(a_, b_) != 0)                           \
      fail_msg("%s: %s is '%s', %s is '%s' (line %d)", where, #a,              \
               a_ ? a_ : "(null)", #b, b_ ? b_ : "(null)", __LINE__);          \
  } while (0)

/* Two frequency lists, field by field: groups, their rows, forms and DP
 * (exactly: the same sums in the same order give the same doubles). */
static void freq_same(tn_freq *a, tn_freq *b) {
  CHECK(a->ngroups == b->ngroups);
  CHECK(a->by == b->by);
  CHECK(a->n == b->n);
  CHECK(a->forms == b->forms);
  CHECK(a->dp == b->dp);
  CHECK((a->group_doc == NULL) == (b->group_doc == NULL));
  for (size_t g = 0; g < a->ngroups; g++) {
    tn_freq_group *x = &a->groups[g], *y = &b->groups[g];
    /* a full list of a scan is ordered when read */
    tn_freq_order(x, 0);
    tn_freq_order(y, 0);
    CHECK(x->ordered == x->nrows);
    CHECK_STR(x->name, y->name);
    CHECK(x->tokens == y->tokens);
    CHECK(x->counted == y->counted);
    CHECK(x->types == y->types);
    CHECK(x->ndocs == y->ndocs);
    CHECK(x->nrows == y->nrows);
    if (a->group_doc) CHECK(a->group_doc[g] == b->group_doc[g]);
    for (size_t r = 0; r < x->nrows; r++) {
      const tn_freq_row *p = &x->rows[r], *q = &y->rows[r];
      CHECK_STR(p->term, q->term);
      CHECK(p->count == q->count);
      CHECK(p->docs == q->docs);
      CHECK_STR(p->form, q->form);
      CHECK(p->dp == q->dp);
      CHECK(p->dp_norm == q->dp_norm);
      /* the row's id names its term in the list's own vocabulary */
      CHECK_STR(tn_intern_str(&a->terms, p->id), p->term);
    }
  }
}

static void colloc_same(const tn_colloc *a, const tn_colloc *b) {
  CHECK(a->n == b->n);
  CHECK(a->f_node == b->f_node);
  CHECK(a->nrows == b->nrows);
  for (size_t r = 0; r < a->nrows; r++) {
    const tn_colloc_row *p = &a->rows[r], *q = &b->rows[r];
    CHECK_STR(p->term, q->term);
    CHECK(p->f_nc == q->f_nc);
    CHECK(p->f_c == q->f_c);
    for (int m = 0; m < TN_ASSOC_COUNT; m++)
      CHECK(p->score[m] == q->score[m]);
  }
}

/* KWIC lines of a scan against those of the store: document ids,
 * positions in the document from 1, and the three spans. */
static void kwic_same(const tn_scan_kwic *a, const tn_kwic *b,
                      const tn_store *s, const tn_corpus *c) {
  CHECK(a->nlines == b->nlines);
  for (size_t i = 0; i < a->nlines; i++) {
    const tn_scan_line *p = &a->lines[i];
    const tn_kwic_line *q = &b->lines[i];
    const tn_doc *d = tn_corpus_doc(c, q->doc);
    CHECK(strlen(p->doc) == d->id.len &&
          memcmp(p->doc, d->id.ptr, d->id.len) == 0);
    CHECK(q->len == 1);
    CHECK(p->position == q->pos - s->doc_start[q->doc] + 1);
    CHECK_STR(p->left, q->left);
    CHECK_STR(p->match, q->match);
    CHECK_STR(p->right, q->right);
  }
}

static void skwic_same(const tn_scan_kwic *a, const tn_scan_kwic *b) {
  CHECK(a->nlines == b->nlines);
  for (size_t i = 0; i < a->nlines; i++) {
    CHECK_STR(a->lines[i].doc, b->lines[i].doc);
    CHECK(a->lines[i].position == b->lines[i].position);
    CHECK_STR(a->lines[i].left, b->lines[i].left);
    CHECK_STR(a->lines[i].match, b->lines[i].match);
    CHECK_STR(a->lines[i].right, b->lines[i].right);
  }
}

/* Reports of the same documents read two ways, skip by skip. */
static void reports_same(const tn_load_report *sr, const tn_load_report *lr) {
  CHECK(sr->files == lr->files);
  CHECK(sr->read == lr->read);
  CHECK(sr->used == lr->used);
  CHECK(sr->skipped == lr->skipped);
  for (int k = 0; k < TN_SKIP_REASON_COUNT; k++)
    CHECK(sr->by_reason[k] == lr->by_reason[k]);
  CHECK(sr->ndiags == lr->ndiags);
  for (size_t k = 0; k < sr->ndiags && k < lr->ndiags; k++) {
    const tn_diagnostic *x = &sr->diags[k], *y = &lr->diags[k];
    CHECK(x->severity == y->severity);
    CHECK(x->reason == y->reason);
    CHECK_STR(x->file, y->file);
    CHECK(x->line == y->line);
    CHECK(x->offset == y->offset);
    CHECK_STR(x->doc_id, y->doc_id);
    CHECK_STR(x->message, y->message);
  }
}

/* ---- fixtures ----------------------------------------------------------- */

/* Case variants, stopwords, a document without text, numbers, URLs, mail
 * addresses, hashtags, emoticons, abbreviations, accents, a text of
 * punctuation only, a text that does not end its sentence; "author" and "topic"
 * missing from some documents (their group is "(none)"), "topic" a number in
 * one. */
static const char inline_jsonl[] =
    "{\"id\":\"a\",\"kind\":\"article\",\"author\":\"Anne\",\"topic\":\"stad\","
    "\"text\":\"De ambtenaren werken hard. De Ambtenaren werkten! Werken ze? "
    "T-shaped professionals, zo'n 3 jaar.\"}\n"
    "{\"id\":\"b\",\"kind\":\"comment\",\"text\":\"Ja. de gemeente en de "
    "bewoners: samen. Zie https://example.nl of mail naam@example.nl "
    "#tussen @iemand :-) en 12:00 uur.\"}\n"
    "{\"id\":\"c\",\"kind\":\"comment\",\"author\":\"Piet\",\"topic\":7,"
    "\"text\":\"\\u00c9\\u00e9n caf\\u00e9, twee caf\\u00e9s. Het caf\\u00e9 "
    "werkt. t-shaped werken is werk\"}\n"
    "{\"id\":\"d\",\"kind\":\"article\",\"author\":\"Anne\",\"text\":\"...!? "
    "--\"}\n"
    "{\"id\":\"e\",\"kind\":\"opinion\",\"author\":\"Sanne\",\"topic\":"
    "\"stad\","
    "\"text\":\"Ambtenaren, ambtenaren en nog eens AMBTENAREN. De de de. "
    "Bijv. o.a. om 12:00 werken de bewoners.\\n\\nNieuwe alinea: de "
    "gemeente werkt.\"}\n";

static char tmpdir[256];

static void tmp_path(char *buf, size_t size, const char *name) {
  snprintf(buf, size, "%s/%s", tmpdir, name);
}

static void write_file(const char *name, const char *data, size_t len) {
  char path[512];
  tmp_path(path, sizeof path, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static tn_corpus *load_path(const char *path, tn_load_report *r) {
  tn_corpus *c = tn_corpus_new();
  assert_non_null(c);
  tn_load_options lo;
  memset(&lo, 0, sizeof lo);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load(c, &path, 1, &lo, r, &err);
  if (st != TN_OK) fail_msg("loading %s: %s", path, err.message);
  return c;
}

static tn_store *build_store(const tn_corpus *c) {
  tn_store *s = NULL;
  tn_error err;
  tn_error_clear(&err);
  assert_int_equal(tn_store_build(&s, c, &err), TN_OK);
  return s;
}

static tn_scan *scan_of(const tn_corpus *c, const tn_scan_opts *o) {
  tn_scan *sc = NULL;
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_new(&sc, o, &err) != TN_OK)
    fail_msg("tn_scan_new: %s", err.message);
  if (tn_scan_corpus(sc, c, &err) != TN_OK)
    fail_msg("tn_scan_corpus: %s", err.message);
  return sc;
}

static tn_freq *scan_freq(tn_scan *sc, int grouped, const tn_freq_opts *o) {
  tn_freq *f = NULL;
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_freq(&f, sc, grouped, o, &err) != TN_OK)
    fail_msg("%s: tn_scan_freq: %s", where, err.message);
  return f;
}

static tn_freq *store_freq(const tn_store *s, const tn_freq_opts *o) {
  tn_freq *f = NULL;
  tn_error err;
  tn_error_clear(&err);
  if (tn_freq_count(&f, s, o, &err) != TN_OK)
    fail_msg("%s: tn_freq_count: %s", where, err.message);
  return f;
}

static tn_stopwords stop;

static int setup(void **state) {
  (void)state;
  const char *tmp = getenv("TMPDIR");
  snprintf(tmpdir, sizeof tmpdir, "%s/tussen-scan-XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(tmpdir)) return -1;
  tn_stopwords_init(&stop);
  static const char *const words[] = {"de",  "het", "en",
                                      "een", "is",  "ambtenaren"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (tn_stopwords_add(&stop, words[i], strlen(words[i])) != TN_OK) return -1;
  return 0;
}

static int teardown(void **state) {
  (void)state;
  tn_stopwords_free(&stop);
  static const char *const names[] = {
      "inline.jsonl", "big.jsonl", "skips.jsonl", "second.jsonl", "oom.jsonl"};
  char path[512];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    tmp_path(path, sizeof path, names[i]);
    unlink(path);
  }
  rmdir(tmpdir);
  return 0;
}

/* ---- scan against the store --------------------------------------------- */

#define K(k) TN_KIND_BIT(TN_TOK_##k)

typedef struct variant {
  uint32_t kinds;
  size_t min_len, max_len;
  const char *glob, *regex;
  int stop;
} variant;

static const variant variants[] = {
    {0, 0, 0, NULL, NULL, 0},
    {K(WORD), 0, 0, NULL, NULL, 1},
    {K(WORD) | K(NUMBER), 3, 0, NULL, NULL, 0},
    {K(WORD), 0, 4, NULL, NULL, 1},
    {0, 4, 8, NULL, NULL, 0},
    {K(WORD), 0, 0, "*en", NULL, 0},
    {0, 0, 0, "?e*", NULL, 1},
    {K(WORD), 0, 0, NULL, "^[a-z]+$", 0},
    {0, 0, 0, NULL, "(en|s)$", 1},
    {K(PUNCT), 0, 0, NULL, NULL, 0},
    {K(URL) | K(EMAIL) | K(HASHTAG) | K(MENTION) | K(EMOTICON) | K(ABBREV), 0,
     0, NULL, NULL, 0},
};

static const char *const groups[] = {NULL, "kind", "id", "author", "topic"};
static const char *const layer_names[] = {"form", "norm", "stem"};

/* Windows: left, right, sentence, sort, min, top. */
typedef struct window {
  size_t left, right;
  int sentence;
  tn_assoc sort;
  uint64_t min;
  size_t top;
} window;

static const window windows[] = {
    {5, 5, 0, TN_ASSOC_LOGDICE, 0, 0}, {2, 0, 1, TN_ASSOC_MI, 0, 0},
    {0, 3, 0, TN_ASSOC_LL, 0, 4},      {1, 1, 1, TN_ASSOC_T, 2, 0},
    {4, 2, 1, TN_ASSOC_FREQ, 0, 0},    {3, 3, 0, TN_ASSOC_MI3, 1, 3},
};

/* Collocates and KWIC of the nodes from one scan against the store. */
static void compare_nodes(tn_scan *sc, const tn_store *s, const tn_corpus *c,
                          const tn_term_filter *filter,
                          const char *const *nodes, size_t nn) {
  size_t wlen = strlen(where);
  tn_error err;
  for (size_t w = 0; w < sizeof windows / sizeof *windows; w++) {
    const window *win = &windows[w];
    snprintf(where + wlen, sizeof where - wlen, " window %zu", w);
    tn_colloc_opts co = {.filter = *filter,
                         .left = win->left,
                         .right = win->right,
                         .sentence = win->sentence,
                         .min_count = win->min,
                         .sort = win->sort,
                         .top = win->top,
                         .literal = 1};
    tn_colloc *a[8] = {0}, *b[8] = {0}, *f[8] = {0};
    tn_error_clear(&err);
    if (tn_scan_colloc(a, sc, nodes, nn, &co, &err) != TN_OK)
      fail_msg("%s: tn_scan_colloc: %s", where, err.message);
    /* the 32-bit counts added into the totals after every few: the same */
    scan_colloc_flush_at = 3;
    tn_status fst = tn_scan_colloc(f, sc, nodes, nn, &co, &err);
    scan_colloc_flush_at = UINT32_MAX;
    if (fst != TN_OK) fail_msg("%s: tn_scan_colloc: %s", where, err.message);
    tn_error_clear(&err);
    if (tn_colloc_run_many(b, s, nodes, nn, &co, &err) != TN_OK)
      fail_msg("%s: tn_colloc_run_many: %s", where, err.message);
    for (size_t k = 0; k < nn; k++) {
      snprintf(where + wlen, sizeof where - wlen, " window %zu node '%s'", w,
               nodes[k]);
      colloc_same(a[k], b[k]);
      colloc_same(f[k], b[k]);
      tn_colloc_free(a[k]);
      tn_colloc_free(b[k]);
      tn_colloc_free(f[k]);
    }
  }
  static const size_t widths[] = {1, 5}, limits[] = {0, 2};
  for (size_t k = 0; k < nn; k++)
    for (size_t wi = 0; wi < 2; wi++)
      for (size_t li = 0; li < 2; li++) {
        snprintf(where + wlen, sizeof where - wlen,
                 " kwic '%s' width %zu limit %zu", nodes[k], widths[wi],
                 limits[li]);
        tn_scan_kwic *a = NULL;
        tn_kwic *b = NULL;
        tn_kwic_opts ko = {.by = filter->by,
                           .width = widths[wi],
                           .sort = TN_KWIC_POSITION,
                           .limit = limits[li],
                           .literal = 1};
        tn_error_clear(&err);
        if (tn_scan_kwic_run(&a, sc, nodes[k], widths[wi], limits[li], &err) !=
            TN_OK)
          fail_msg("%s: tn_scan_kwic_run: %s", where, err.message);
        tn_error_clear(&err);
        if (tn_kwic_run(&b, s, nodes[k], &ko, &err) != TN_OK)
          fail_msg("%s: tn_kwic_run: %s", where, err.message);
        kwic_same(a, b, s, c);
        tn_scan_kwic_free(a);
        tn_kwic_free(b);
      }
  where[wlen] = '\0';
}

/* Every variant, layer and grouping of one corpus. */
static void compare_corpus(const char *name, const tn_corpus *c) {
  tn_store *s = build_store(c);
  for (size_t v = 0; v < sizeof variants / sizeof *variants; v++)
    for (int layer = 0; layer < 3; layer++)
      for (size_t gi = 0; gi < sizeof groups / sizeof *groups; gi++) {
        const variant *va = &variants[v];
        tn_term_filter filter = {.by = (tn_layer)layer,
                                 .kinds = va->kinds,
                                 .min_len = va->min_len,
                                 .max_len = va->max_len,
                                 .glob = va->glob,
                                 .regex = va->regex,
                                 .stop = va->stop ? &stop : NULL};
        const char *group = groups[gi];
        snprintf(where, sizeof where, "%s variant %zu by %s group %s", name, v,
                 layer_names[layer], group ? group : "-");
        /* every other variant keeps its tokens in the temporary file */
        tn_scan_opts so = {.filter = filter,
                           .group = group,
                           .keep_tokens = 1,
                           .token_memory = v % 2 ? 1 : 0};
        tn_scan *sc = scan_of(c, &so);

        tn_scan_totals t = tn_scan_get_totals(sc);
        CHECK(t.documents == c->ndocs);
        CHECK(t.tokens == s->ntokens);
        CHECK(t.sentences == s->nsents);

        /* the whole corpus, with forms and DP; then cut by min and top */
        tn_freq_opts fo = {.filter = filter, .forms = 1, .dp = 1};
        tn_freq *a = scan_freq(sc, 0, &fo), *b = store_freq(s, &fo);
        freq_same(a, b);
        tn_freq_free(a);
        tn_freq_free(b);
        tn_freq_opts cut = {.filter = filter, .min_count = 2, .top = 5};
        a = scan_freq(sc, 0, &cut);
        b = store_freq(s, &cut);
        freq_same(a, b);
        tn_freq_free(a);
        tn_freq_free(b);
        if (group) {
          tn_freq_opts go = {.filter = filter, .group = group, .forms = 1};
          a = scan_freq(sc, 1, &go);
          b = store_freq(s, &go);
          freq_same(a, b);
          tn_freq_free(a);
          tn_freq_free(b);
          go.min_count = 2;
          go.top = 3;
          go.forms = 0;
          a = scan_freq(sc, 1, &go);
          b = store_freq(s, &go);
          freq_same(a, b);
          tn_freq_free(a);
          tn_freq_free(b);
        }

        /* collocates and KWIC do not depend on the grouping: once a layer */
        if (gi == 1) {
          /* nodes: the two most frequent terms of the layer (the first
           * twice), a stopword, punctuation, an absent term */
          tn_freq_opts all = {.filter = {.by = (tn_layer)layer}, .top = 2};
          tn_freq *top = store_freq(s, &all);
          const char *nodes[6];
          size_t nn = 0;
          for (size_t r = 0; r < top->groups[0].nrows; r++)
            nodes[nn++] = top->groups[0].rows[r].term;
          if (nn) nodes[nn++] = nodes[0];
          nodes[nn++] = "de";
          nodes[nn++] = ".";
          nodes[nn++] = "xyzzy";
          compare_nodes(sc, s, c, &filter, nodes, nn);
          tn_freq_free(top);
        }
        tn_scan_free(sc);
      }
  tn_store_free(s);
}

static void test_against_store_inline(void **state) {
  (void)state;
  write_file("inline.jsonl", inline_jsonl, sizeof inline_jsonl - 1);
  char path[512];
  tmp_path(path, sizeof path, "inline.jsonl");
  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path(path, &r);
  assert_int_equal(c->ndocs, 5);
  compare_corpus("inline", c);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

static void test_against_store_files(void **state) {
  (void)state;
  static const char *const files[] = {"corpus/streetwise/streetwise.jsonl",
                                      "tests/data/keywords/reference.jsonl",
                                      "tests/data/importers/basic.jsonl",
                                      "tests/data/importers/comma.csv"};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    tn_load_report r;
    tn_load_report_init(&r);
    tn_corpus *c = load_path(files[i], &r);
    assert_true(c->ndocs > 0);
    compare_corpus(files[i], c);
    tn_corpus_free(c);
    tn_load_report_free(&r);
  }
}

/* Forms the form table compares without their string (up to 16 bytes)
 * and with it (longer), around each boundary: words that share their
 * first 8 or 16 bytes, lengths 8, 15..18, 24 and 252..256 (the tag keeps
 * lengths up to 253), a prefix of another word, and capitals that norm
 * folds into the same term. Counts are checked by hand for two of them. */
static void test_long_forms(void **state) {
  (void)state;
  static const size_t lens[] = {8, 15, 16, 17, 18, 24, 252, 253, 254, 255, 256};
  tn_buf b = TN_BUF_INIT;
  for (int d = 0; d < 6; d++) {
    assert_int_equal(tn_buf_printf(&b,
                                   "{\"id\":\"l%d\",\"kind\":\"%s\","
                                   "\"text\":\"",
                                   d, d % 2 ? "comment" : "article"),
                     0);
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++)
      for (int v = 0; v <= d % 3; v++) {
        /* stem of n letters, its last letter varied: same prefix, same
         * length, other word */
        for (size_t k = 0; k < lens[i]; k++) {
          char ch = (char)('a' + (k % 7 == 6 ? (int)(k % 5) : (int)(k % 3)));
          if (k + 1 == lens[i]) ch = (char)('p' + v);
          if (k == 0 && d == 5) ch = (char)(ch - 'a' + 'A');
          assert_int_equal(tn_buf_append(&b, &ch, 1), 0);
        }
        assert_int_equal(tn_buf_append(&b, " ", 1), 0);
      }
    assert_int_equal(tn_buf_append(&b, "einde.\"}\n", 9), 0);
  }
  write_file("long.jsonl", b.data, b.len);
  char path[512];
  tmp_path(path, sizeof path, "long.jsonl");
  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path(path, &r);
  assert_int_equal(c->ndocs, 6);
  compare_corpus("long forms", c);
  /* by norm: the word of 254 letters ending in 'p' is in every document,
   * capitalised in the last; the one ending in 'r' in d = 2 and 5 */
  tn_scan_opts o = {.filter = {.by = TN_LAYER_NORM}};
  tn_scan *sc = scan_of(c, &o);
  tn_freq_opts fo = {.filter = o.filter};
  tn_freq *f = scan_freq(sc, 0, &fo);
  char word[255];
  for (size_t k = 0; k < 254; k++)
    word[k] = (char)('a' + (k % 7 == 6 ? (int)(k % 5) : (int)(k % 3)));
  word[253] = 'p';
  word[254] = '\0';
  uint64_t np = 0, nr = 0;
  for (size_t i = 0; i < f->groups[0].nrows; i++) {
    const tn_freq_row *row = &f->groups[0].rows[i];
    if (strcmp(row->term, word) == 0) np = row->count;
    word[253] = 'r';
    if (strcmp(row->term, word) == 0) nr = row->count;
    word[253] = 'p';
  }
  assert_int_equal(np, 6);
  assert_int_equal(nr, 2);
  tn_freq_free(f);
  tn_scan_free(sc);
  tn_corpus_free(c);
  tn_load_report_free(&r);
  /* 20,000 words of 20 letters that differ in their last 4 only: the
   * tags (24 bits of hash) of some collide, and only the comparison of
   * the rest of the string tells them apart */
  tn_buf_clear(&b);
  assert_int_equal(tn_buf_puts(&b, "{\"id\":\"many\",\"text\":\""), 0);
  for (unsigned i = 0; i < 20000; i++) {
    char w[22] = "gemeenteambtenaar";
    for (unsigned k = 0, x = i; k < 4; k++, x /= 26)
      w[16 + k] = (char)('a' + x % 26);
    w[20] = ' ';
    assert_int_equal(tn_buf_append(&b, w, 21), 0);
  }
  assert_int_equal(tn_buf_puts(&b, "\"}\n"), 0);
  write_file("long.jsonl", b.data, b.len);
  tn_load_report_init(&r);
  c = load_path(path, &r);
  o.filter.by = TN_LAYER_FORM;
  sc = scan_of(c, &o);
  fo.filter = o.filter;
  f = scan_freq(sc, 0, &fo);
  assert_int_equal(f->groups[0].types, 20000);
  assert_int_equal(f->groups[0].rows[0].count, 1);
  tn_freq_free(f);
  tn_scan_free(sc);
  tn_corpus_free(c);
  tn_load_report_free(&r);
  tn_buf_free(&b);
  unlink(path);
}

/* ---- one worker against two --------------------------------------------- */

/* A few MB of JSON Lines from a fixed pseudo-random sequence: enough items
 * (1 MiB of text each) that two workers both take some, and a vocabulary
 * large enough that their vocabularies differ. */
static char *big_corpus(size_t *len) {
  static const char *const syl[] = {
      "ge", "meen", "te",   "amb", "te",   "na",   "ren",  "wijk",
      "be", "wo",   "ners", "ver", "zorg", "zaam", "heid", "stad",
      "bu", "ren",  "De",   "Het", "é",    "k"};
  static const char *const kinds[] = {"article", "comment", "opinion"};
  size_t cap = 5u << 20, n = 0;
  char *b = malloc(cap);
  assert_non_null(b);
  uint64_t x = 0x2545F4914F6CDD1Du;
#define NEXT() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x)
  for (unsigned d = 0; n + 4096 < cap - (1u << 20) || d < 8; d++) {
    n += (size_t)sprintf(b + n, "{\"id\":\"d%u\",\"kind\":\"%s\",\"text\":\"",
                         d, kinds[NEXT() % 3]);
    unsigned words = 50 + (unsigned)(NEXT() % 400);
    for (unsigned w = 0; w < words; w++) {
      unsigned parts = 1 + (unsigned)(NEXT() % 3);
      for (unsigned p = 0; p < parts; p++) {
        const char *s = syl[NEXT() % (sizeof syl / sizeof *syl)];
        memcpy(b + n, s, strlen(s));
        n += strlen(s);
      }
      uint64_t r = NEXT() % 20;
      const char *sep = r == 0 ? ". " : r == 1 ? ", " : r == 2 ? " 12 " : " ";
      memcpy(b + n, sep, strlen(sep));
      n += strlen(sep);
    }
    memcpy(b + n, "\"}\n", 3);
    n += 3;
  }
#undef NEXT
  *len = n;
  return b;
}

/* Writes big.jsonl (once) and gives its path. */
static void big_file(char *path, size_t size) {
  tmp_path(path, size, "big.jsonl");
  struct stat sb;
  if (stat(path, &sb) == 0) return;
  size_t len;
  char *data = big_corpus(&len);
  assert_true(len > (3u << 20));
  write_file("big.jsonl", data, len);
  free(data);
}

static void test_threads(void **state) {
  (void)state;
  char path[512];
  big_file(path, sizeof path);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path(path, &r);
  tn_store *s = build_store(c);
  /* by kind (three groups, counted in place), by id (thousands, in the
   * cells of a hash), none */
  static const char *const g[] = {"kind", "id", NULL};
  for (int layer = 0; layer < 3; layer++) {
    tn_term_filter filter = {.by = (tn_layer)layer,
                             .kinds = layer == 1 ? K(WORD) : 0,
                             .stop = layer == 1 ? &stop : NULL,
                             .glob = layer == 2 ? "*e*" : NULL};
    snprintf(where, sizeof where, "big by %s", layer_names[layer]);
    tn_scan_opts so = {
        .filter = filter, .group = g[layer], .keep_tokens = 1, .threads = 1};
    tn_scan *one = scan_of(c, &so);
    so.threads = 2;
    tn_scan *two = scan_of(c, &so);
    /* two workers with part of the tokens in a temporary file */
    so.token_memory = 1 << 20;
    tn_scan *spill = scan_of(c, &so);
    so.token_memory = 0;
    /* and two workers on the file streamed in batches */
    tn_scan *file = NULL;
    tn_error err;
    tn_error_clear(&err);
    assert_int_equal(tn_scan_new(&file, &so, &err), TN_OK);
    tn_load_report fr;
    tn_load_report_init(&fr);
    tn_load_options lo;
    memset(&lo, 0, sizeof lo);
    if (tn_scan_file(file, path, 256 * 1024, &lo, &fr, &err) != TN_OK)
      fail_msg("tn_scan_file: %s", err.message);
    CHECK(fr.used == c->ndocs);
    tn_load_report_free(&fr);
    tn_scan *scans[] = {two, spill, file};
    static const char *const how[] = {"two workers", "spilled", "streamed"};
    tn_scan_totals t1 = tn_scan_get_totals(one);
    CHECK(t1.tokens == s->ntokens);
    CHECK(t1.sentences == s->nsents);
    tn_freq_opts fo = {.filter = filter, .forms = 1, .dp = 1};
    tn_freq *f1 = scan_freq(one, 0, &fo), *fs = store_freq(s, &fo);
    freq_same(f1, fs);
    tn_freq_free(fs);
    tn_freq_opts go = {.filter = filter, .group = so.group, .forms = 1};
    tn_freq *g1 = so.group ? scan_freq(one, 1, &go) : NULL;
    if (g1) {
      fs = store_freq(s, &go);
      freq_same(g1, fs);
      tn_freq_free(fs);
    }
    const char *nodes[] = {layer == 0 ? "De" : "de", "stad", "gemeente", "."};
    tn_colloc_opts co = {.filter = filter,
                         .left = 3,
                         .right = 4,
                         .sentence = layer != 0,
                         .literal = 1};
    tn_colloc *c1[4];
    assert_int_equal(tn_scan_colloc(c1, one, nodes, 4, &co, &err), TN_OK);
    tn_scan_kwic *k1 = NULL;
    assert_int_equal(tn_scan_kwic_run(&k1, one, nodes[1], 4, 50, &err), TN_OK);
    assert_int_equal(k1->nlines, 50);
    for (size_t i = 0; i < 3; i++) {
      snprintf(where, sizeof where, "big by %s, %s", layer_names[layer],
               how[i]);
      tn_scan_totals t = tn_scan_get_totals(scans[i]);
      CHECK(t.documents == t1.documents);
      CHECK(t.tokens == t1.tokens);
      CHECK(t.sentences == t1.sentences);
      tn_freq *f2 = scan_freq(scans[i], 0, &fo);
      freq_same(f2, f1);
      tn_freq_free(f2);
      if (g1) {
        tn_freq *g2 = scan_freq(scans[i], 1, &go);
        freq_same(g2, g1);
        tn_freq_free(g2);
      }
      tn_colloc *c2[4];
      assert_int_equal(tn_scan_colloc(c2, scans[i], nodes, 4, &co, &err),
                       TN_OK);
      for (size_t k = 0; k < 4; k++) {
        colloc_same(c2[k], c1[k]);
        tn_colloc_free(c2[k]);
      }
      tn_scan_kwic *k2 = NULL;
      assert_int_equal(tn_scan_kwic_run(&k2, scans[i], nodes[1], 4, 50, &err),
                       TN_OK);
      skwic_same(k2, k1);
      tn_scan_kwic_free(k2);
    }
    for (size_t k = 0; k < 4; k++)
      tn_colloc_free(c1[k]);
    tn_scan_kwic_free(k1);
    tn_freq_free(f1);
    tn_freq_free(g1);
    tn_scan_free(one);
    tn_scan_free(two);
    tn_scan_free(spill);
    tn_scan_free(file);
  }
  tn_store_free(s);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* ---- a streamed file against the same file loaded ----------------------- */

/* Documents a load skips (a broken line, invalid UTF-8, an id used again
 * in a later batch, a document without text) and one without an id (named
 * FILE:LINE): the stream must skip and name the same. */
static const char skips_jsonl[] =
    "{\"id\":\"a\",\"kind\":\"x\",\"text\":\"De kat zit op de mat. De hond "
    "niet.\"}\n"
    "{\"id\":\"b\",\"kind\":\"y\",\"text\":\"broken\"\n"
    "{\"id\":\"c\",\"kind\":\"x\",\"text\":\"bad \xff byte\"}\n"
    "{\"kind\":\"y\",\"text\":\"Zonder id zit de kat hier.\"}\n"
    "{\"id\":\"d\",\"kind\":\"y\"}\n"
    "{\"id\":\"e\",\"kind\":\"x\",\"text\":\"Nog een kat, en nog een mat. "
    "Klaar\"}\n"
    "{\"id\":\"a\",\"kind\":\"y\",\"text\":\"Dubbel id: de kat.\"}\n"
    "{\"id\":\"f\",\"text\":\"De mat is van de kat.\"}\n";

static void test_file_vs_loaded(void **state) {
  (void)state;
  write_file("skips.jsonl", skips_jsonl, sizeof skips_jsonl - 1);
  char path[512];
  tmp_path(path, sizeof path, "skips.jsonl");
  tn_load_report lr;
  tn_load_report_init(&lr);
  tn_corpus *c = load_path(path, &lr);
  assert_int_equal(c->ndocs, 4);
  static const size_t batches[] = {1, 64, 1 << 20};
  for (size_t bi = 0; bi < 3; bi++)
    for (int grouped = 0; grouped < 2; grouped++) {
      snprintf(where, sizeof where, "file batch %zu grouped %d", batches[bi],
               grouped);
      tn_scan_opts so = {.filter = {.by = TN_LAYER_NORM, .kinds = K(WORD)},
                         .group = grouped ? "kind" : NULL,
                         .keep_tokens = 1};
      tn_scan *loaded = scan_of(c, &so), *streamed = NULL;
      tn_error err;
      tn_error_clear(&err);
      assert_int_equal(tn_scan_new(&streamed, &so, &err), TN_OK);
      tn_load_report sr;
      tn_load_report_init(&sr);
      tn_load_options lo;
      memset(&lo, 0, sizeof lo);
      if (tn_scan_file(streamed, path, batches[bi], &lo, &sr, &err) != TN_OK)
        fail_msg("%s: tn_scan_file: %s", where, err.message);
      reports_same(&sr, &lr);
      tn_load_report_free(&sr);
      tn_scan_totals a = tn_scan_get_totals(streamed),
                     b = tn_scan_get_totals(loaded);
      CHECK(a.documents == b.documents);
      CHECK(a.tokens == b.tokens);
      CHECK(a.sentences == b.sentences);
      tn_freq_opts fo = {.forms = 1, .dp = !grouped};
      tn_freq *fa = scan_freq(streamed, grouped, &fo),
              *fb = scan_freq(loaded, grouped, &fo);
      freq_same(fa, fb);
      tn_freq_free(fa);
      tn_freq_free(fb);
      const char *nodes[] = {"kat", "mat", "de"};
      tn_colloc_opts co = {.sentence = 1};
      tn_colloc *ca[3], *cb[3];
      assert_int_equal(tn_scan_colloc(ca, streamed, nodes, 3, &co, &err),
                       TN_OK);
      assert_int_equal(tn_scan_colloc(cb, loaded, nodes, 3, &co, &err), TN_OK);
      for (size_t k = 0; k < 3; k++) {
        colloc_same(ca[k], cb[k]);
        tn_colloc_free(ca[k]);
        tn_colloc_free(cb[k]);
      }
      tn_scan_kwic *ka = NULL, *kb = NULL;
      assert_int_equal(tn_scan_kwic_run(&ka, streamed, "kat", 3, 0, &err),
                       TN_OK);
      assert_int_equal(tn_scan_kwic_run(&kb, loaded, "kat", 3, 0, &err), TN_OK);
      /* the document without an id is named by its file and line */
      CHECK(ka->nlines == 4);
      CHECK(ka->nlines == 4 && strstr(ka->lines[1].doc, "skips.jsonl:4"));
      skwic_same(ka, kb);
      tn_scan_kwic_free(ka);
      tn_scan_kwic_free(kb);
      tn_scan_free(loaded);
      tn_scan_free(streamed);
    }
  tn_corpus_free(c);
  tn_load_report_free(&lr);
}

/* Two scans of the same documents, every answer: totals, the lists with
 * forms and DP, the grouped lists, collocates and KWIC of the nodes. */
static void scans_same(tn_scan *a, tn_scan *b, int grouped,
                       const char *const *nodes, size_t nn) {
  tn_scan_totals x = tn_scan_get_totals(a), y = tn_scan_get_totals(b);
  CHECK(x.documents == y.documents);
  CHECK(x.tokens == y.tokens);
  CHECK(x.sentences == y.sentences);
  tn_freq_opts fo = {.forms = 1, .dp = 1};
  tn_freq *fa = scan_freq(a, 0, &fo), *fb = scan_freq(b, 0, &fo);
  CHECK(fa->groups[0].nrows > 0);
  freq_same(fa, fb);
  tn_freq_free(fa);
  tn_freq_free(fb);
  if (grouped) {
    fo.dp = 0;
    fa = scan_freq(a, 1, &fo);
    fb = scan_freq(b, 1, &fo);
    freq_same(fa, fb);
    tn_freq_free(fa);
    tn_freq_free(fb);
  }
  tn_error err;
  tn_error_clear(&err);
  tn_colloc_opts co = {.left = 2, .right = 3};
  tn_colloc *ca[4], *cb[4];
  assert_true(nn <= 4);
  assert_int_equal(tn_scan_colloc(ca, a, nodes, nn, &co, &err), TN_OK);
  assert_int_equal(tn_scan_colloc(cb, b, nodes, nn, &co, &err), TN_OK);
  for (size_t k = 0; k < nn; k++) {
    colloc_same(ca[k], cb[k]);
    tn_colloc_free(ca[k]);
    tn_colloc_free(cb[k]);
    tn_scan_kwic *ka = NULL, *kb = NULL;
    assert_int_equal(tn_scan_kwic_run(&ka, a, nodes[k], 3, 0, &err), TN_OK);
    assert_int_equal(tn_scan_kwic_run(&kb, b, nodes[k], 3, 0, &err), TN_OK);
    skwic_same(ka, kb);
    tn_scan_kwic_free(ka);
    tn_scan_kwic_free(kb);
  }
}

/* Several files into one scan (as source:scan reads its paths): an id of
 * the first file used again in the second is skipped as a load of both
 * skips it; CSV and TSV stream as JSON Lines do. */
static void test_several_files(void **state) {
  (void)state;
  write_file("skips.jsonl", skips_jsonl, sizeof skips_jsonl - 1);
  static const char second[] =
      "{\"id\":\"a\",\"kind\":\"x\",\"text\":\"Weer a: de kat.\"}\n"
      "{\"id\":\"g\",\"kind\":\"z\",\"text\":\"De kat en de mat, samen.\"}\n";
  write_file("second.jsonl", second, sizeof second - 1);
  char p1[512], p2[512];
  tmp_path(p1, sizeof p1, "skips.jsonl");
  tmp_path(p2, sizeof p2, "second.jsonl");
  const char *sets[][3] = {
      {p1, p2, NULL},
      {"tests/data/importers/comma.csv", NULL, NULL},
      {"tests/data/importers/reacties.tsv", "tests/data/importers/basic.jsonl",
       "tests/data/importers/basic.jsonl.gz"},
  };
  static const char *const nodes[][2] = {
      {"kat", "de"}, {"alinea", "en"}, {"de", "regels"}};
  for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
    size_t np = sets[i][2] ? 3 : sets[i][1] ? 2 : 1;
    snprintf(where, sizeof where, "files %zu (%s ...)", i, sets[i][0]);
    tn_load_options lo;
    memset(&lo, 0, sizeof lo);
    tn_load_report lr, sr;
    tn_load_report_init(&lr);
    tn_load_report_init(&sr);
    tn_corpus *c = tn_corpus_new();
    tn_error err;
    tn_error_clear(&err);
    if (tn_corpus_load(c, sets[i], np, &lo, &lr, &err) != TN_OK)
      fail_msg("%s: %s", where, err.message);
    tn_scan_opts so = {.filter = {.by = TN_LAYER_NORM, .kinds = K(WORD)},
                       .group = "kind",
                       .keep_tokens = 1,
                       .threads = 2};
    tn_scan *loaded = scan_of(c, &so), *streamed = NULL;
    assert_int_equal(tn_scan_new(&streamed, &so, &err), TN_OK);
    for (size_t k = 0; k < np; k++)
      if (tn_scan_file(streamed, sets[i][k], 32, &lo, &sr, &err) != TN_OK)
        fail_msg("%s: tn_scan_file: %s", where, err.message);
    reports_same(&sr, &lr);
    scans_same(streamed, loaded, 1, nodes[i], 2);
    tn_scan_free(streamed);
    tn_scan_free(loaded);
    tn_corpus_free(c);
    tn_load_report_free(&lr);
    tn_load_report_free(&sr);
  }
}

/* Ctrl-C: the stop callback ends a scan with TN_ELIMIT, "interrupted",
 * on one worker or two, reading a corpus or a file; the scan then answers
 * nothing, and frees cleanly. */
static int stop_countdown;
static int stop_after(void) {
  return --stop_countdown < 0;
}

static void test_stop(void **state) {
  (void)state;
  char path[512];
  big_file(path, sizeof path);
  for (int threads = 1; threads <= 2; threads++)
    for (int file = 0; file < 2; file++) {
      snprintf(where, sizeof where, "stop threads %d file %d", threads, file);
      tn_scan_opts so = {
          .keep_tokens = 1, .threads = threads, .stop = stop_after};
      tn_scan *sc = NULL;
      tn_error err;
      tn_error_clear(&err);
      assert_int_equal(tn_scan_new(&sc, &so, &err), TN_OK);
      stop_countdown = 2;
      tn_status st;
      tn_load_report r;
      tn_load_report_init(&r);
      tn_corpus *c = NULL;
      if (file) {
        tn_load_options lo;
        memset(&lo, 0, sizeof lo);
        st = tn_scan_file(sc, path, 64 * 1024, &lo, &r, &err);
      } else {
        c = load_path(path, &r);
        st = tn_scan_corpus(sc, c, &err);
      }
      CHECK(st == TN_ELIMIT);
      CHECK(err.status == TN_ELIMIT);
      CHECK_STR(err.message, "interrupted");
      tn_freq *f = NULL;
      tn_freq_opts fo = {0};
      tn_error_clear(&err);
      CHECK(tn_scan_freq(&f, sc, 0, &fo, &err) == TN_ELIMIT);
      CHECK(f == NULL);
      tn_scan_free(sc);
      tn_corpus_free(c);
      tn_load_report_free(&r);
    }
}

/* Kept tokens that cannot go to the temporary file: a clear TN_EIO that
 * names the directory and says what to do. */
static void set_tmpdir(const char *dir) {
  if (dir)
    setenv("TMPDIR", dir, 1);
  else
    unsetenv("TMPDIR");
}

static void test_spill_error(void **state) {
  (void)state;
  const char *old = getenv("TMPDIR");
  char *saved = old ? strdup(old) : NULL; /* setenv may move the old one */
  set_tmpdir("/nonexistent-tussen-dir");
  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path("tests/data/keywords/reference.jsonl", &r);
  tn_scan_opts so = {.keep_tokens = 1, .token_memory = 1};
  tn_scan *sc = NULL;
  tn_error err;
  tn_error_clear(&err);
  assert_int_equal(tn_scan_new(&sc, &so, &err), TN_OK);
  tn_status st = tn_scan_corpus(sc, c, &err);
  tn_scan_free(sc);
  /* without kept tokens nothing is written: that scan works */
  so.keep_tokens = 0;
  sc = scan_of(c, &so);
  set_tmpdir(saved);
  free(saved);
  assert_int_equal(st, TN_EIO);
  assert_non_null(strstr(err.message, "/nonexistent-tussen-dir"));
  assert_non_null(strstr(err.message, "set TMPDIR"));
  assert_non_null(strstr(err.message, "tokens = false"));
  tn_freq *f = NULL;
  tn_freq_opts fo = {0};
  assert_int_equal(tn_scan_freq(&f, sc, 0, &fo, &err), TN_OK);
  assert_true(f->groups[0].nrows > 0);
  tn_freq_free(f);
  tn_scan_free(sc);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* A scan of no documents (every one skipped, or an empty corpus): one
 * group "all" without rows, as freq.h describes an ungrouped list (the
 * store of an empty corpus gives no group at all: no loaded run reaches
 * it, a load of nothing fails first); no groups when grouped; collocates
 * and KWIC as the store's, empty. */
static void test_empty(void **state) {
  (void)state;
  snprintf(where, sizeof where, "empty");
  tn_corpus *c = tn_corpus_new();
  tn_load_options lo;
  memset(&lo, 0, sizeof lo);
  tn_load_report r;
  tn_load_report_init(&r);
  assert_int_equal(tn_corpus_finish(c, &lo, &r), TN_OK);
  tn_store *s = build_store(c);
  tn_scan_opts so = {
      .filter = {.by = TN_LAYER_NORM}, .group = "kind", .keep_tokens = 1};
  tn_scan *a = scan_of(c, &so), *b = NULL;
  /* the same from a file whose documents are all skipped */
  static const char none[] = "{\"id\":\"a\"}\n{\"broken\n";
  write_file("none.jsonl", none, sizeof none - 1);
  char path[512];
  tmp_path(path, sizeof path, "none.jsonl");
  tn_error err;
  tn_error_clear(&err);
  assert_int_equal(tn_scan_new(&b, &so, &err), TN_OK);
  assert_int_equal(tn_scan_file(b, path, 4096, &lo, &r, &err), TN_OK);
  assert_int_equal(r.skipped, 2);
  unlink(path);
  tn_scan *scans[] = {a, b};
  for (int i = 0; i < 2; i++) {
    tn_scan_totals t = tn_scan_get_totals(scans[i]);
    CHECK(t.documents == 0 && t.tokens == 0 && t.sentences == 0);
    tn_freq_opts fo = {.filter = so.filter, .forms = 1, .dp = 1};
    tn_freq *x = scan_freq(scans[i], 0, &fo);
    CHECK(x->ngroups == 1);
    CHECK_STR(x->groups[0].name, "all");
    CHECK(x->groups[0].nrows == 0 && x->groups[0].ndocs == 0);
    CHECK(x->groups[0].tokens == 0 && x->groups[0].types == 0);
    tn_freq_free(x);
    tn_freq *y;
    tn_freq_opts go = {.filter = so.filter, .group = "kind"};
    x = scan_freq(scans[i], 1, &go);
    y = store_freq(s, &go);
    freq_same(x, y);
    CHECK(x->ngroups == 0);
    tn_freq_free(x);
    tn_freq_free(y);
    const char *nodes[] = {"de"};
    tn_colloc_opts co = {.filter = so.filter, .literal = 1};
    tn_colloc *ca[1], *cb[1];
    assert_int_equal(tn_scan_colloc(ca, scans[i], nodes, 1, &co, &err), TN_OK);
    assert_int_equal(tn_colloc_run_many(cb, s, nodes, 1, &co, &err), TN_OK);
    colloc_same(ca[0], cb[0]);
    tn_colloc_free(ca[0]);
    tn_colloc_free(cb[0]);
    tn_scan_kwic *ka = NULL;
    tn_kwic *kb = NULL;
    tn_kwic_opts ko = {.by = TN_LAYER_NORM, .literal = 1};
    assert_int_equal(tn_scan_kwic_run(&ka, scans[i], "de", 5, 0, &err), TN_OK);
    assert_int_equal(tn_kwic_run(&kb, s, "de", &ko, &err), TN_OK);
    kwic_same(ka, kb, s, c);
    tn_scan_kwic_free(ka);
    tn_kwic_free(kb);
  }
  tn_scan_free(a);
  tn_scan_free(b);
  tn_store_free(s);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* ---- errors ------------------------------------------------------------- */

static void test_errors(void **state) {
  (void)state;
  snprintf(where, sizeof where, "errors");
  tn_error err;
  tn_scan *sc = (tn_scan *)&err;
  tn_scan_opts bad = {.filter = {.regex = "(unclosed"}};
  tn_error_clear(&err);
  assert_int_equal(tn_scan_new(&sc, &bad, &err), TN_EINVAL);
  assert_null(sc);
  assert_non_null(strstr(err.message, "bad regular expression '(unclosed'"));

  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path("tests/data/keywords/reference.jsonl", &r);
  tn_scan_opts so = {.filter = {.by = TN_LAYER_NORM}, .keep_tokens = 1};
  sc = scan_of(c, &so);
  tn_freq *f = (tn_freq *)&err;
  tn_freq_opts fo = {.dp = 1};
  /* grouped lists from a scan without a group field */
  tn_error_clear(&err);
  assert_int_equal(tn_scan_freq(&f, sc, 1, &fo, &err), TN_EINVAL);
  assert_null(f);
  assert_non_null(strstr(err.message, "not grouped"));
  /* a phrase or nothing where one term is wanted */
  const char *phrase[] = {"de", "de gemeente"};
  tn_colloc *co[2] = {(tn_colloc *)&err, (tn_colloc *)&err};
  tn_colloc_opts cop = {0};
  tn_error_clear(&err);
  assert_int_equal(tn_scan_colloc(co, sc, phrase, 2, &cop, &err), TN_EINVAL);
  assert_null(co[0]);
  assert_null(co[1]);
  assert_non_null(strstr(err.message, "phrase ('de gemeente')"));
  tn_scan_kwic *k = (tn_scan_kwic *)&err;
  tn_error_clear(&err);
  assert_int_equal(tn_scan_kwic_run(&k, sc, "de gemeente", 5, 0, &err),
                   TN_EINVAL);
  assert_null(k);
  assert_non_null(strstr(err.message, "one term"));
  tn_error_clear(&err);
  assert_int_equal(tn_scan_kwic_run(&k, sc, "", 5, 0, &err), TN_EINVAL);
  /* an unknown association measure */
  cop.sort = (tn_assoc)(TN_ASSOC_FREQ + 1);
  tn_error_clear(&err);
  assert_int_equal(tn_scan_colloc(co, sc, phrase, 1, &cop, &err), TN_EINVAL);
  /* once answered, a scan counts no more */
  tn_error_clear(&err);
  assert_int_equal(tn_scan_corpus(sc, c, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "finished"));
  tn_scan_free(sc);

  /* DP per group */
  so.group = "kind";
  sc = scan_of(c, &so);
  tn_error_clear(&err);
  assert_int_equal(tn_scan_freq(&f, sc, 1, &fo, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "DP per group"));
  /* the same scan answers ungrouped DP */
  assert_int_equal(tn_scan_freq(&f, sc, 0, &fo, &err), TN_OK);
  assert_true(f->dp && f->groups[0].nrows > 0);
  tn_freq_free(f);
  tn_scan_free(sc);

  /* without the tokens: no DP, collocates or KWIC; lists still */
  so.keep_tokens = 0;
  sc = scan_of(c, &so);
  tn_error_clear(&err);
  assert_int_equal(tn_scan_freq(&f, sc, 0, &fo, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "DP needs the tokens"));
  tn_error_clear(&err);
  cop.sort = TN_ASSOC_LOGDICE;
  assert_int_equal(tn_scan_colloc(co, sc, phrase, 1, &cop, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "collocates needs the tokens"));
  tn_error_clear(&err);
  assert_int_equal(tn_scan_kwic_run(&k, sc, "de", 5, 0, &err), TN_EINVAL);
  assert_non_null(strstr(err.message, "KWIC needs the tokens"));
  fo.dp = 0;
  assert_int_equal(tn_scan_freq(&f, sc, 1, &fo, &err), TN_OK);
  assert_int_equal(f->ngroups, 1);
  assert_string_equal(f->groups[0].name, "news");
  tn_freq_free(f);
  tn_scan_free(sc);

  /* a file that is not there */
  assert_int_equal(tn_scan_new(&sc, &so, &err), TN_OK);
  tn_load_options lo;
  memset(&lo, 0, sizeof lo);
  tn_load_report fr;
  tn_load_report_init(&fr);
  tn_error_clear(&err);
  assert_true(tn_scan_file(sc, "tests/data/no-such-file.jsonl", 4096, &lo, &fr,
                           &err) != TN_OK);
  assert_true(strstr(err.file, "no-such-file") ||
              strstr(err.message, "no-such-file"));
  tn_load_report_free(&fr);
  tn_scan_free(sc);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* ---- out of memory ------------------------------------------------------ */

/* The step of scan_everything that failed, for the message. */
static const char *step;

/* Everything a scan does, on a small corpus and a small file: the first
 * failure's status, with err filled. */
static tn_status scan_everything(const tn_corpus *c, const char *path,
                                 tn_error *err) {
  tn_scan_opts so = {.filter = {.by = TN_LAYER_STEM,
                                .kinds = K(WORD),
                                .stop = &stop,
                                .glob = "*"},
                     .group = "author",
                     .keep_tokens = 1};
  tn_scan *sc = NULL;
  step = "new";
  tn_status st = tn_scan_new(&sc, &so, err);
  if (st == TN_OK && (step = "corpus")) st = tn_scan_corpus(sc, c, err);
  tn_freq *f = NULL;
  tn_freq_opts fo = {.forms = 1, .dp = 1, .top = 3};
  if (st == TN_OK && (step = "freq dp")) st = tn_scan_freq(&f, sc, 0, &fo, err);
  tn_freq_free(f);
  f = NULL;
  fo.dp = 0;
  if (st == TN_OK && (step = "freq grouped"))
    st = tn_scan_freq(&f, sc, 1, &fo, err);
  tn_freq_free(f);
  const char *nodes[] = {"werk", "ambtenar", "werk"};
  tn_colloc *co[3] = {0};
  tn_colloc_opts cop = {.sentence = 1};
  if (st == TN_OK && (step = "colloc"))
    st = tn_scan_colloc(co, sc, nodes, 3, &cop, err);
  for (size_t k = 0; k < 3; k++)
    tn_colloc_free(co[k]);
  tn_scan_kwic *k = NULL;
  if (st == TN_OK && (step = "kwic"))
    st = tn_scan_kwic_run(&k, sc, "werk", 2, 1, err);
  tn_scan_kwic_free(k);
  tn_scan_free(sc);
  if (st != TN_OK) return st;
  /* a streamed file, in small batches, with skips in its report, its
   * tokens in the temporary file */
  so.group = NULL;
  so.token_memory = 1;
  so.filter.by = TN_LAYER_NORM;
  step = "new for the file";
  st = tn_scan_new(&sc, &so, err);
  tn_load_options lo;
  memset(&lo, 0, sizeof lo);
  tn_load_report r;
  tn_load_report_init(&r);
  if (st == TN_OK && (step = "file"))
    st = tn_scan_file(sc, path, 64, &lo, &r, err);
  fo.dp = 1;
  if (st == TN_OK && (step = "file freq"))
    st = tn_scan_freq(&f, sc, 0, &fo, err);
  if (st == TN_OK) tn_freq_free(f);
  k = NULL;
  if (st == TN_OK && (step = "file kwic"))
    st = tn_scan_kwic_run(&k, sc, "kat", 2, 0, err);
  tn_scan_kwic_free(k);
  tn_load_report_free(&r);
  tn_scan_free(sc);
  return st;
}

static void test_out_of_memory(void **state) {
  (void)state;
  write_file("inline.jsonl", inline_jsonl, sizeof inline_jsonl - 1);
  write_file("oom.jsonl", skips_jsonl, sizeof skips_jsonl - 1);
  char path[512], file[512];
  tmp_path(path, sizeof path, "inline.jsonl");
  tmp_path(file, sizeof file, "oom.jsonl");
  tn_load_report r;
  tn_load_report_init(&r);
  tn_corpus *c = load_path(path, &r);
  long n = 0, failures = 0;
  for (;; n++) {
    tn_error err;
    tn_error_clear(&err);
    tn_alloc_fail_after(n);
    tn_status st = scan_everything(c, file, &err);
    tn_alloc_fail_after(-1);
    if (st == TN_OK) break;
    if (st != TN_ENOMEM || err.status != TN_ENOMEM || !err.message[0])
      fail_msg("allocation %ld failing in %s: status %d, error %d '%s'", n,
               step, st, err.status, err.message);
    failures++;
    assert_true(n < 100000);
  }
  /* every allocation of the run failed once */
  assert_true(failures == n && n > 100);
  tn_corpus_free(c);
  tn_load_report_free(&r);
}

/* The same on two workers over a streamed file of some 40 batches, its
 * kept tokens partly in the temporary file, collocates counted on two
 * threads: allocations fail at points spread over the whole run (denser
 * at the start), on whichever thread comes first; every failure must be
 * a clean TN_ENOMEM that leaks nothing. */
static void test_out_of_memory_threads(void **state) {
  (void)state;
  size_t len;
  char *data = big_corpus(&len);
  size_t cut = 400 * 1024;
  while (data[cut - 1] != '\n')
    cut++;
  write_file("oom2.jsonl", data, cut);
  free(data);
  char path[512];
  tmp_path(path, sizeof path, "oom2.jsonl");
  tn_scan_opts so = {.filter = {.by = TN_LAYER_NORM, .stop = &stop},
                     .group = "kind",
                     .keep_tokens = 1,
                     .token_memory = 64 * 1024,
                     .threads = 2};
  long runs = 0;
  for (long n = 0;; n += 1 + n / 8, runs++) {
    tn_error err;
    tn_error_clear(&err);
    tn_alloc_fail_after(n);
    tn_scan *sc = NULL;
    tn_load_report r;
    tn_load_report_init(&r);
    tn_load_options lo;
    memset(&lo, 0, sizeof lo);
    tn_status st = tn_scan_new(&sc, &so, &err);
    if (st == TN_OK) st = tn_scan_file(sc, path, 10 * 1024, &lo, &r, &err);
    tn_freq *f = NULL;
    tn_freq_opts fo = {.forms = 1, .dp = 1, .top = 10};
    if (st == TN_OK) st = tn_scan_freq(&f, sc, 0, &fo, &err);
    tn_freq_free(f);
    f = NULL;
    fo.dp = 0;
    if (st == TN_OK) st = tn_scan_freq(&f, sc, 1, &fo, &err);
    tn_freq_free(f);
    const char *nodes[] = {"stad", "de"};
    tn_colloc *co[2] = {0};
    tn_colloc_opts cop = {.sentence = 1};
    if (st == TN_OK) st = tn_scan_colloc(co, sc, nodes, 2, &cop, &err);
    tn_colloc_free(co[0]);
    tn_colloc_free(co[1]);
    tn_scan_kwic *k = NULL;
    if (st == TN_OK) st = tn_scan_kwic_run(&k, sc, "stad", 3, 0, &err);
    tn_scan_kwic_free(k);
    tn_scan_free(sc);
    tn_load_report_free(&r);
    tn_alloc_fail_after(-1);
    if (st == TN_OK) break;
    if (st != TN_ENOMEM || err.status != TN_ENOMEM || !err.message[0])
      fail_msg("allocation %ld failing on two workers: status %d, error %d "
               "'%s'",
               n, st, err.status, err.message);
    assert_true(n < 10000000);
  }
  assert_true(runs > 40);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_against_store_inline),
      cmocka_unit_test(test_against_store_files),
      cmocka_unit_test(test_long_forms),
      cmocka_unit_test(test_threads),
      cmocka_unit_test(test_file_vs_loaded),
      cmocka_unit_test(test_several_files),
      cmocka_unit_test(test_stop),
      cmocka_unit_test(test_spill_error),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_out_of_memory),
      cmocka_unit_test(test_out_of_memory_threads),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
