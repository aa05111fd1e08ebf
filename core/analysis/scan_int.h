/* Inside the scan: the workers' vocabularies and tallies, the items of
 * documents, and the merged counts (scan.c and scan_count.c count,
 * scan_result.c and scan_concord.c answer). */
#ifndef TN_SCAN_INT_H
#define TN_SCAN_INT_H

#include <pthread.h>
#include <regex.h>

#include "analysis/scan.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/intern.h"

#define SCAN_MAX_WORKERS 8

struct sb_stemmer;
struct tn_idset;
struct tn_tokenizer;

/* A form type of one worker: its term (a local term id), whether the
 * filter lets it count, and how many tokens counted as it. */
typedef struct scan_lform {
  const char *str;
  uint32_t len, term, count;
  uint8_t allowed;
} scan_lform;

/* A slot of a worker's form table: all a token needs in one cache line
 * (two slots a line), so a lookup that the batch prefetched touches
 * nothing else: the first 16 bytes of the form (zero-padded), enough to
 * compare almost every form without its string (the string of a longer
 * one is its forms[] entry's), and a tag of hash and length; the form's
 * id; its term with SCAN_ALLOWED when the filter counts it; the tokens
 * counted as it. A tag is never 0 (a form has a length): 0 is empty. */
typedef struct scan_fslot {
  uint64_t prefix[2];
  uint32_t tag, id, term, count;
} scan_fslot;

#define SCAN_ALLOWED 0x80000000u
/* Groups counted in place per term; more go to a hash of cells. */
#define SCAN_DENSE 3

/* Per local term: its bag in the current document (stamp, count), its
 * totals, and those of the first SCAN_DENSE groups. One cache line. */
typedef struct scan_term {
  uint32_t stamp, bag, docs, gdocs[SCAN_DENSE];
  uint64_t count, gcount[SCAN_DENSE];
  uint8_t ok; /* the term's own tests: 0 untested, 1 passes, 2 not */
} scan_term;

/* Count and documents of a term in a group; term UINT32_MAX = empty. */
typedef struct scan_cell {
  uint32_t g, term, docs;
  uint64_t count;
} scan_cell;

typedef struct scan_cells {
  scan_cell *slots;
  size_t nslots, used;
} scan_cells;

tn_status scan_cells_add(scan_cells *c, uint32_t g, uint32_t t, uint64_t count,
                         uint32_t docs);
void scan_cells_free(scan_cells *c);

typedef struct tn_scan tn_scan;

typedef struct scan_worker {
  tn_scan *sc;
  int index, running;
  pthread_t th;
  struct tn_tokenizer *tok;
  scan_fslot *slots;
  size_t nslots;
  tn_arena strings;
  scan_lform *forms;
  size_t nforms, fcap;
  tn_intern terms;
  scan_term *tdata;  /* per local term */
  uint32_t *touched; /* terms of the current document */
  size_t tcap;
  uint32_t doc_stamp;
  scan_cells cells;  /* (group, term) when grouped */
  uint64_t *gtokens; /* per group: tokens of the counted kinds */
  size_t gcap;
  uint64_t tokens, sentences;
  struct sb_stemmer *stemmer;
  tn_buf norm;
  uint32_t *remap; /* after the merge: local term -> global term */
} scan_worker;

/* Documents [first, last) of a corpus, counted by one worker; with
 * keep_tokens its tokens as that worker's form ids, kinds and flags. */
typedef struct scan_item {
  size_t seq;
  const tn_corpus *c;
  tn_corpus *owned; /* a streamed batch, freed once counted */
  size_t first, last;
  size_t doc0;   /* global index of its first document */
  uint32_t *gid; /* group of each document */
  int keep, worker;
  uint32_t *form;
  uint8_t *kind, *flags;
  size_t ntok, cap;
  uint32_t *doc_tok; /* last - first + 1 token starts */
  /* in the spill file at spill_off instead: form, doc_tok, kind, flags */
  int spilled;
  uint64_t spill_off;
} scan_item;

/* The tokens of an item, from memory or read back from the spill file
 * into buf; NULL (with *st) when the read failed. */
const scan_item *scan_item_view(const tn_scan *sc, const scan_item *it,
                                scan_item *tmp, void **buf, size_t *cap,
                                tn_status *st);

void scan_item_free(scan_item *it);

struct tn_scan {
  tn_term_filter filter;
  regex_t re;
  int have_re;
  uint32_t kinds; /* mask, all bits for every kind */
  const char *group;
  int grouped, keep_tokens, threads;
  size_t token_memory, kept_bytes;
  int spill_fd; /* -1 until the first spill */
  uint64_t spill_end;
  int (*stop)(void);
  void (*progress)(void *ud, uint64_t docs, unsigned long long bytes);
  void *progress_ud;
  unsigned long long bytes_done; /* of the files finished */

  /* the reader's side: groups in order of first appearance, documents */
  tn_intern groups;
  uint32_t *group_ndocs;
  size_t gdocs_cap;
  const char **doc_ids;
  size_t ndocs, docs_cap;
  tn_arena text;
  struct tn_idset *ids;

  pthread_mutex_t mu;
  pthread_cond_t more, room;
  scan_item **items;
  size_t nitems, items_cap, next_item, done_items;
  int input_done, started;
  tn_status failed;
  tn_error err;
  scan_worker workers[SCAN_MAX_WORKERS];
  int nworkers;

  /* merged (scan_finish) */
  int finished;
  tn_status finished_status;
  tn_intern terms;              /* global terms */
  uint64_t *count;              /* global term -> count over every document */
  uint32_t *docs;               /* global term -> documents */
  uint64_t *gcount[SCAN_DENSE]; /* global term -> its count in group k */
  uint32_t *gdocs[SCAN_DENSE];  /* ... and documents (when grouped) */
  scan_cells cells;  /* (group >= SCAN_DENSE, global term) when grouped */
  uint64_t *gtokens; /* group -> tokens of the counted kinds */
  uint64_t ntokens;  /* tokens of the counted kinds, every group */
};

/* scan_count.c: counts documents [it->first, it->last) of an item into
 * the worker's vocabulary (keeping its tokens when it->keep). */
tn_status scan_count_item(scan_worker *w, scan_item *it);
/* Room in the worker's form table for `need` forms (at most half full). */
int scan_grow_slots(scan_worker *w, size_t need);

/* Collocates are counted in 32 bits and added into 64-bit totals once
 * this many counts could have gone up: UINT32_MAX, so none overflows;
 * tests lower it to check that the totals come out the same. */
extern uint64_t scan_colloc_flush_at;

tn_status grow_group_docs(tn_scan *sc, uint32_t g);
tn_status scan_finish(tn_scan *sc, tn_error *err);
/* TN_OK when the scan kept its tokens, else TN_EINVAL saying `what`
 * needs them. */
tn_status scan_need_tokens(tn_scan *sc, const char *what, tn_error *err);
tn_status scan_merge(tn_scan *sc);
void scan_merged_free(tn_scan *sc);

#endif
