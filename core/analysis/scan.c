/* Counting a corpus in one streaming pass on several threads (see
 * scan.h): the work queue, the kept tokens and their spill file, and the
 * scan's life. The reader (the calling thread) cuts the input into items
 * of whole documents and gives each document its group; workers tokenize
 * and count items into their own vocabularies (scan_count.c); the
 * vocabularies are merged once at the end (scan_result.c). Results depend on
 * strings and counts only, never on which worker took which item, so every run
 * gives the same bytes. */
#include "analysis/scan_int.h"

#include <errno.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/idset.h"
#include "corpus/stream.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

/* Text of a loaded corpus per item: small enough to share out evenly,
 * large enough that handing items over costs nothing. */
#define ITEM_BYTES ((size_t)1 << 20)
/* Items read but not yet counted: bounds memory while streaming. */
#define IN_FLIGHT 4
/* Below this much text one worker does it all. */
#define PARALLEL_BYTES ((size_t)4 << 20)

/* ---- the work queue ----------------------------------------------------- */

static scan_item *take_item(tn_scan *sc) {
  pthread_mutex_lock(&sc->mu);
  while (sc->next_item == sc->nitems && !sc->input_done && !sc->failed)
    pthread_cond_wait(&sc->more, &sc->mu);
  scan_item *it = NULL;
  if (sc->next_item < sc->nitems && !sc->failed)
    it = sc->items[sc->next_item++];
  pthread_mutex_unlock(&sc->mu);
  return it;
}

static size_t item_bytes(const scan_item *it) {
  return it->ntok * 6 + (it->last - it->first + 1) * sizeof *it->doc_tok;
}

/* Writes all of buf at off; 0 on success. */
static int put_at(int fd, const void *buf, size_t len, uint64_t off) {
  const char *p = buf;
  while (len) {
    ssize_t n = pwrite(fd, p, len, (off_t)off);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return -1;
    }
    p += n;
    len -= (size_t)n;
    off += (uint64_t)n;
  }
  return 0;
}

/* A temporary file that is gone once closed: unlinked at once. */
static int open_spill(void) {
  const char *dir = getenv("TMPDIR");
  char path[4096];
  snprintf(path, sizeof path, "%s/tussen-scan.XXXXXX",
           dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  if (fd >= 0) unlink(path);
  return fd;
}

/* Keeps the item's tokens in memory while the budget lasts, else moves
 * them to the spill file (the room there is claimed under the lock, the
 * writing done outside it). */
static tn_status keep_or_spill(tn_scan *sc, scan_item *it, tn_error *err) {
  size_t bytes = item_bytes(it);
  uint64_t off = 0;
  int spill = 0;
  pthread_mutex_lock(&sc->mu);
  if (sc->kept_bytes + bytes <= sc->token_memory) {
    sc->kept_bytes += bytes;
  } else {
    if (sc->spill_fd < 0) sc->spill_fd = open_spill();
    spill = 1;
    off = sc->spill_end;
    sc->spill_end += bytes;
  }
  int fd = sc->spill_fd;
  pthread_mutex_unlock(&sc->mu);
  if (!spill) return TN_OK;
  size_t n = it->ntok, nd = it->last - it->first + 1;
  if (fd < 0 || put_at(fd, it->form, n * 4, off) ||
      put_at(fd, it->doc_tok, nd * 4, off + n * 4) ||
      put_at(fd, it->kind, n, off + n * 4 + nd * 4) ||
      put_at(fd, it->flags, n, off + n * 5 + nd * 4)) {
    const char *dir = getenv("TMPDIR");
    return tn_error_set(err, TN_EIO, NULL, 0,
                        "cannot write the kept tokens to a temporary file in "
                        "%s: %s; set TMPDIR to a directory with room (about "
                        "6 bytes a token), or scan with tokens = false",
                        dir && *dir ? dir : "/tmp", strerror(errno));
  }
  tn_free(it->form);
  tn_free(it->kind);
  tn_free(it->flags);
  tn_free(it->doc_tok);
  it->form = it->doc_tok = NULL;
  it->kind = it->flags = NULL;
  it->spilled = 1;
  it->spill_off = off;
  return TN_OK;
}

static void item_done(tn_scan *sc, scan_item *it, tn_status st,
                      const tn_error *err) {
  /* the documents' text is no longer needed: a streamed batch goes */
  tn_corpus_free(it->owned);
  it->owned = NULL;
  it->c = NULL;
  tn_free(it->gid);
  it->gid = NULL;
  tn_error spill_err;
  tn_error_clear(&spill_err);
  if (st == TN_OK && it->keep) {
    st = keep_or_spill(sc, it, &spill_err);
    if (st != TN_OK) err = &spill_err;
  }
  pthread_mutex_lock(&sc->mu);
  sc->done_items++;
  if (st != TN_OK && !sc->failed) {
    sc->failed = st;
    if (err) sc->err = *err;
  }
  pthread_cond_broadcast(&sc->room);
  pthread_cond_broadcast(&sc->more);
  pthread_mutex_unlock(&sc->mu);
}

static void *work(void *arg) {
  scan_worker *w = arg;
  scan_item *it;
  while ((it = take_item(w->sc))) {
    tn_status st = scan_count_item(w, it);
    tn_error err;
    tn_error_clear(&err);
    if (st != TN_OK) {
      const tn_doc *d = it->c && it->first < it->last
                            ? tn_corpus_doc(it->c, it->first)
                            : NULL;
      tn_error_set(
          &err, st, d ? d->source : NULL, d ? d->line : 0, "%s while counting",
          st == TN_ELIMIT ? "a token or text over 4 GB" : tn_strerror(st));
    }
    item_done(w->sc, it, st, &err);
  }
  return NULL;
}

static tn_status start_workers(tn_scan *sc, size_t bytes_hint) {
  if (sc->started) return TN_OK;
  int n = sc->threads;
  if (n <= 0) n = bytes_hint >= PARALLEL_BYTES ? 2 : 1;
  if (n > SCAN_MAX_WORKERS) n = SCAN_MAX_WORKERS;
  for (int i = 0; i < n; i++) {
    scan_worker *w = &sc->workers[i];
    w->sc = sc;
    w->index = i;
    w->tok = tn_tok_new();
    if (!w->tok) return TN_ENOMEM;
    if (scan_grow_slots(w, 1)) return TN_ENOMEM;
  }
  sc->nworkers = n;
  /* worker 0 runs here when alone: no thread to start or stop */
  for (int i = 0; i < n && n > 1; i++) {
    if (pthread_create(&sc->workers[i].th, NULL, work, &sc->workers[i]) != 0) {
      sc->nworkers = i; /* the rest of the work goes to those started */
      break;
    }
    sc->workers[i].running = 1;
  }
  sc->started = 1;
  return TN_OK;
}

/* Hands an item to the workers (waiting while too many are in flight). */
static tn_status push_item(tn_scan *sc, scan_item *it) {
  pthread_mutex_lock(&sc->mu);
  while (sc->workers[0].running && sc->nitems - sc->done_items >= IN_FLIGHT &&
         !sc->failed)
    pthread_cond_wait(&sc->room, &sc->mu);
  tn_status st = sc->failed;
  if (st == TN_OK && sc->stop && sc->stop()) st = sc->failed = TN_ELIMIT;
  if (st == TN_OK) {
    size_t cap = sc->items_cap;
    if (tn_grow((void **)&sc->items, &cap, sc->nitems + 1, sizeof *sc->items)) {
      st = TN_ENOMEM;
    } else {
      sc->items_cap = cap;
      it->seq = sc->nitems;
      sc->items[sc->nitems++] = it;
      pthread_cond_signal(&sc->more);
    }
  }
  pthread_mutex_unlock(&sc->mu);
  if (st != TN_OK) {
    scan_item_free(it); /* not queued: nothing else would free it */
    return st;
  }
  /* no threads: count it now */
  if (!sc->workers[0].running) {
    scan_item *next = take_item(sc);
    tn_status cst = scan_count_item(&sc->workers[0], next);
    tn_error err;
    tn_error_clear(&err);
    if (cst != TN_OK)
      tn_error_set(&err, cst, NULL, 0, "%s while counting", tn_strerror(cst));
    item_done(sc, next, cst, &err);
    return cst;
  }
  return TN_OK;
}

/* Makes an item of documents [first, last) of c: their groups and ids. */
static tn_status new_item(tn_scan *sc, const tn_corpus *c, tn_corpus *owned,
                          size_t first, size_t last, scan_item **out) {
  *out = NULL;
  scan_item *it = tn_calloc(1, sizeof *it);
  if (!it) return TN_ENOMEM;
  it->c = c;
  it->owned = owned;
  it->first = first;
  it->last = last;
  it->keep = sc->keep_tokens;
  it->doc0 = sc->ndocs;
  it->gid = tn_malloc((last - first ? last - first : 1) * sizeof *it->gid);
  tn_status st = it->gid ? TN_OK : TN_ENOMEM;
  size_t cap = sc->docs_cap;
  if (st == TN_OK &&
      tn_grow((void **)&sc->doc_ids, &cap, sc->ndocs + (last - first) + 1,
              sizeof *sc->doc_ids))
    st = TN_ENOMEM;
  else if (st == TN_OK)
    sc->docs_cap = cap;
  for (size_t d = first; d < last && st == TN_OK; d++) {
    const tn_doc *doc = tn_corpus_doc(c, d);
    tn_str v = {"all", 3};
    if (sc->group && !tn_doc_field(doc, sc->group, &v)) {
      v.ptr = "(none)";
      v.len = 6;
    }
    uint32_t g = tn_intern_add(&sc->groups, v.ptr, v.len);
    if (g == TN_INTERN_NONE || grow_group_docs(sc, g) != TN_OK) {
      st = TN_ENOMEM;
      break;
    }
    sc->group_ndocs[g]++;
    it->gid[d - first] = g;
    const char *id = tn_arena_strndup(&sc->text, doc->id.ptr ? doc->id.ptr : "",
                                      doc->id.len);
    if (!id) {
      st = TN_ENOMEM;
      break;
    }
    sc->doc_ids[sc->ndocs++] = id;
  }
  if (st != TN_OK) {
    tn_free(it->gid);
    tn_free(it);
    return st;
  }
  *out = it;
  return TN_OK;
}

tn_status grow_group_docs(tn_scan *sc, uint32_t g) {
  if (g < sc->gdocs_cap) return TN_OK;
  size_t cap = sc->gdocs_cap;
  if (tn_grow((void **)&sc->group_ndocs, &cap, (size_t)g + 1,
              sizeof *sc->group_ndocs))
    return TN_ENOMEM;
  memset(sc->group_ndocs + sc->gdocs_cap, 0,
         (cap - sc->gdocs_cap) * sizeof *sc->group_ndocs);
  sc->gdocs_cap = cap;
  return TN_OK;
}

/* Waits for the workers to finish what they were given. */
static tn_status drain(tn_scan *sc) {
  pthread_mutex_lock(&sc->mu);
  while (sc->done_items < sc->nitems && !sc->failed)
    pthread_cond_wait(&sc->room, &sc->mu);
  tn_status st = sc->failed;
  pthread_mutex_unlock(&sc->mu);
  return st;
}

/* Stops the other workers after a failure and fills `err` with what
 * failed: the reader's own error when it set one, else a worker's. */
static tn_status fail(tn_scan *sc, tn_status st, tn_error *err) {
  pthread_mutex_lock(&sc->mu);
  if (!sc->failed) sc->failed = st;
  pthread_cond_broadcast(&sc->more);
  pthread_cond_broadcast(&sc->room);
  pthread_mutex_unlock(&sc->mu);
  if (err && err->status == TN_OK) {
    if (sc->stop && sc->stop())
      tn_error_set(err, st, NULL, 0, "interrupted");
    else if (sc->err.status != TN_OK)
      *err = sc->err;
    else
      tn_error_set(err, st, NULL, 0, "%s while counting", tn_strerror(st));
  }
  return st;
}

tn_status tn_scan_corpus(tn_scan *sc, const tn_corpus *c, tn_error *err) {
  if (sc->finished)
    return tn_error_set(err, TN_EINVAL, NULL, 0, "the scan is finished");
  size_t bytes = 0;
  for (size_t d = 0; d < c->ndocs; d++)
    bytes += tn_corpus_doc(c, d)->text.len;
  tn_status st = start_workers(sc, bytes);
  size_t first = 0, acc = 0;
  for (size_t d = 0; d < c->ndocs && st == TN_OK; d++) {
    acc += tn_corpus_doc(c, d)->text.len;
    if (acc >= ITEM_BYTES || d + 1 == c->ndocs) {
      scan_item *it;
      st = new_item(sc, c, NULL, first, d + 1, &it);
      if (st == TN_OK) st = push_item(sc, it);
      first = d + 1;
      acc = 0;
    }
  }
  if (st == TN_OK) st = drain(sc);
  return st == TN_OK ? TN_OK : fail(sc, st, err);
}

tn_status tn_scan_file(tn_scan *sc, const char *path, size_t batch_bytes,
                       const tn_load_options *lo, tn_load_report *report,
                       tn_error *err) {
  if (sc->finished)
    return tn_error_set(err, TN_EINVAL, NULL, 0, "the scan is finished");
  if (!sc->ids && !(sc->ids = tn_idset_new())) return fail(sc, TN_ENOMEM, err);
  tn_stream *s = NULL;
  tn_status st = tn_stream_open(&s, path, batch_bytes, sc->ids, report, err);
  /* out of memory there leaves err empty */
  if (st != TN_OK && err && err->status == TN_OK)
    return tn_error_set(err, st, path, 0, "%s opening the file",
                        tn_strerror(st));
  if (st != TN_OK) return st;
  struct stat sb;
  st = start_workers(sc, stat(path, &sb) == 0 ? (size_t)sb.st_size : 0);
  while (st == TN_OK) {
    tn_corpus *c = NULL;
    st = tn_stream_next(s, &c, lo, report, err);
    if (st != TN_OK || !c) break;
    if (c->ndocs == 0) {
      tn_corpus_free(c);
      continue;
    }
    scan_item *it;
    st = new_item(sc, c, c, 0, c->ndocs, &it);
    if (st != TN_OK) {
      tn_corpus_free(c);
      break;
    }
    st = push_item(sc, it);
    if (st == TN_OK && sc->progress)
      sc->progress(sc->progress_ud, sc->ndocs,
                   sc->bytes_done + tn_stream_offset(s));
  }
  sc->bytes_done += tn_stream_offset(s);
  tn_stream_close(s);
  if (st == TN_OK) st = drain(sc);
  return st == TN_OK ? TN_OK : fail(sc, st, err);
}

/* ---- the scan ----------------------------------------------------------- */

tn_status tn_scan_new(tn_scan **out, const tn_scan_opts *o, tn_error *err) {
  *out = NULL;
  tn_scan *sc = tn_calloc(1, sizeof *sc);
  if (!sc) return tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  sc->filter = o->filter;
  sc->filter.forms = NULL;
  sc->kinds = o->filter.kinds ? o->filter.kinds : UINT32_MAX;
  sc->keep_tokens = o->keep_tokens;
  sc->token_memory = o->token_memory ? o->token_memory : TN_SCAN_TOKEN_MEMORY;
  sc->spill_fd = -1;
  sc->threads = o->threads;
  sc->stop = o->stop;
  sc->progress = o->progress;
  sc->progress_ud = o->progress_ud;
  sc->grouped = o->group != NULL;
  tn_intern_init(&sc->groups);
  tn_arena_init(&sc->text, 64 * 1024);
  pthread_mutex_init(&sc->mu, NULL);
  pthread_cond_init(&sc->more, NULL);
  pthread_cond_init(&sc->room, NULL);
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    tn_arena_init(&sc->workers[i].strings, 256 * 1024);
    tn_intern_init(&sc->workers[i].terms);
  }
  tn_status st = TN_OK;
  if (o->group &&
      !(sc->group = tn_arena_strndup(&sc->text, o->group, strlen(o->group))))
    st = TN_ENOMEM;
  if (st == TN_OK && o->filter.glob &&
      !(sc->filter.glob = tn_arena_strndup(&sc->text, o->filter.glob,
                                           strlen(o->filter.glob))))
    st = TN_ENOMEM;
  sc->filter.regex = NULL;
  if (st == TN_OK && o->filter.regex) {
    int rc = regcomp(&sc->re, o->filter.regex, REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
      char msg[256];
      regerror(rc, &sc->re, msg, sizeof msg);
      tn_scan_free(sc);
      return tn_error_set(err, TN_EINVAL, NULL, 0,
                          "bad regular expression '%s': %s", o->filter.regex,
                          msg);
    }
    sc->have_re = 1;
  }
  if (st != TN_OK) {
    tn_scan_free(sc);
    return tn_error_set(err, st, NULL, 0, "out of memory");
  }
  *out = sc;
  return TN_OK;
}

static void stop_workers(tn_scan *sc) {
  pthread_mutex_lock(&sc->mu);
  sc->input_done = 1;
  pthread_cond_broadcast(&sc->more);
  pthread_mutex_unlock(&sc->mu);
  for (int i = 0; i < sc->nworkers; i++)
    if (sc->workers[i].running) {
      pthread_join(sc->workers[i].th, NULL);
      sc->workers[i].running = 0;
    }
}

void scan_item_free(scan_item *it) {
  if (!it) return;
  tn_corpus_free(it->owned);
  tn_free(it->gid);
  tn_free(it->form);
  tn_free(it->kind);
  tn_free(it->flags);
  tn_free(it->doc_tok);
  tn_free(it);
}

void tn_scan_free(tn_scan *sc) {
  if (!sc) return;
  stop_workers(sc);
  for (size_t i = 0; i < sc->nitems; i++)
    scan_item_free(sc->items[i]);
  tn_free(sc->items);
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    scan_worker *w = &sc->workers[i];
    tn_tok_free(w->tok);
    tn_free(w->slots);
    tn_arena_free(&w->strings);
    tn_free(w->forms);
    tn_intern_free(&w->terms);
    tn_free(w->tdata);
    tn_free(w->touched);
    scan_cells_free(&w->cells);
    tn_free(w->gtokens);
    tn_free(w->remap);
    if (w->stemmer) sb_stemmer_delete(w->stemmer);
    tn_buf_free(&w->norm);
  }
  scan_merged_free(sc);
  tn_free(sc->doc_ids);
  tn_free(sc->group_ndocs);
  tn_intern_free(&sc->groups);
  tn_arena_free(&sc->text);
  if (sc->ids) tn_idset_free(sc->ids);
  if (sc->have_re) regfree(&sc->re);
  if (sc->spill_fd >= 0) close(sc->spill_fd);
  pthread_mutex_destroy(&sc->mu);
  pthread_cond_destroy(&sc->more);
  pthread_cond_destroy(&sc->room);
  tn_free(sc);
}

tn_scan_totals tn_scan_get_totals(const tn_scan *sc) {
  tn_scan_totals t = {sc->ndocs, 0, 0};
  for (int i = 0; i < SCAN_MAX_WORKERS; i++) {
    t.tokens += sc->workers[i].tokens;
    t.sentences += sc->workers[i].sentences;
  }
  return t;
}

/* Stops the workers and merges their vocabularies: global term ids, the
 * totals per term and the counts per group and term. Once. */
tn_status scan_finish(tn_scan *sc, tn_error *err) {
  if (sc->finished) return sc->finished_status;
  stop_workers(sc);
  sc->finished = 1;
  tn_status st = sc->failed;
  if (st == TN_OK) st = scan_merge(sc);
  sc->finished_status = st;
  if (st != TN_OK)
    tn_error_set(err, st, NULL, 0, "%s merging the counts", tn_strerror(st));
  return st;
}

const scan_item *scan_item_view(const tn_scan *sc, const scan_item *it,
                                scan_item *tmp, void **buf, size_t *cap,
                                tn_status *st) {
  if (!it->spilled) return it;
  size_t bytes = item_bytes(it), n = it->ntok, nd = it->last - it->first + 1;
  if (bytes > *cap) {
    void *p = tn_realloc(*buf, bytes);
    if (!p) {
      *st = TN_ENOMEM;
      return NULL;
    }
    *buf = p;
    *cap = bytes;
  }
  char *b = *buf;
  size_t got = 0;
  while (got < bytes) {
    ssize_t r =
        pread(sc->spill_fd, b + got, bytes - got, (off_t)(it->spill_off + got));
    if (r <= 0) {
      if (r < 0 && errno == EINTR) continue;
      *st = TN_EIO;
      return NULL;
    }
    got += (size_t)r;
  }
  *tmp = *it;
  tmp->form = (uint32_t *)(void *)b;
  tmp->doc_tok = (uint32_t *)(void *)(b + n * 4);
  tmp->kind = (uint8_t *)b + n * 4 + nd * 4;
  tmp->flags = (uint8_t *)b + n * 5 + nd * 4;
  return tmp;
}
