/* Counting a batch of documents into partials on several threads: each
 * thread owns one tn_partial, so no counter is shared and the merged
 * result is the one-thread result byte for byte. */
#include <pthread.h>
#include <string.h>

#include "analysis/partial.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

typedef struct job {
  tn_partial *p;
  const tn_corpus *c;
  size_t from, to;
  tn_status st;
} job;

static void *run_job(void *arg) {
  job *j = arg;
  j->st = TN_OK;
  for (size_t i = j->from; i < j->to && j->st == TN_OK; i++)
    j->st = tn_partial_add(j->p, tn_corpus_doc(j->c, i));
  return NULL;
}

enum { MAX_PARTS = 64 };

tn_status tn_partial_add_corpus(tn_partial **parts, size_t nparts,
                                const tn_corpus *c) {
  if (nparts == 0) return TN_EINVAL;
  if (nparts > MAX_PARTS) nparts = MAX_PARTS;
  job jobs[MAX_PARTS];
  pthread_t th[MAX_PARTS];
  int started[MAX_PARTS] = {0};
  /* ranges of about equal text size: tokenizing costs by the byte */
  size_t total = 0;
  for (size_t i = 0; i < c->ndocs; i++) total += c->docs[i].text.len;
  size_t at = 0, acc = 0;
  for (size_t k = 0; k < nparts; k++) {
    size_t goal = total / nparts * (k + 1);
    size_t from = at;
    if (k + 1 == nparts) at = c->ndocs;
    else
      while (at < c->ndocs && acc < goal) acc += c->docs[at++].text.len;
    jobs[k] = (job){parts[k], c, from, at, TN_OK};
  }
  for (size_t k = 1; k < nparts; k++)
    if (jobs[k].from < jobs[k].to)
      started[k] = pthread_create(&th[k], NULL, run_job, &jobs[k]) == 0;
  run_job(&jobs[0]);
  tn_status st = jobs[0].st;
  for (size_t k = 1; k < nparts; k++) {
    if (started[k]) pthread_join(th[k], NULL);
    else run_job(&jobs[k]); /* no thread: count it here */
    if (st == TN_OK) st = jobs[k].st;
  }
  return st;
}

/* ---- tokenizing on a second thread -------------------------------------- */

/* A slab: the tokens of documents [from, to), doc k's at
 * toks[end[k - from - 1] .. end[k - from]) (0 for the first). */
enum { SLAB_DOCS = 256, NSLABS = 2 };
typedef struct slab {
  size_t from, to;
  tn_partial_tok *toks;
  size_t ntoks, cap;
  size_t end[SLAB_DOCS];
  int full; /* filled by the tokenizer, not yet counted */
} slab;

typedef struct pipe {
  const tn_corpus *c;
  slab slabs[NSLABS];
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int stop;       /* the counter gave up: the tokenizer ends too */
  tn_status st;   /* the tokenizer's status */
} pipe_t;

static tn_status fill_slab(tn_tokenizer *tok, const tn_corpus *c, slab *s) {
  s->ntoks = 0;
  for (size_t k = s->from; k < s->to; k++) {
    const tn_doc *d = tn_corpus_doc(c, k);
    if (d->text.len > UINT32_MAX) return TN_ELIMIT;
    tn_tok_reset(tok, d->text.ptr, d->text.len);
    tn_token t;
    while (tn_tok_next(tok, &t)) {
      if (s->ntoks == s->cap &&
          tn_grow((void **)&s->toks, &s->cap, s->ntoks + 1, sizeof *s->toks))
        return TN_ENOMEM;
      s->toks[s->ntoks++] = (tn_partial_tok){(uint32_t)t.start, (uint32_t)t.len,
                                             t.kind, t.flags};
    }
    s->end[k - s->from] = s->ntoks;
  }
  return TN_OK;
}

static void *tokenize_thread(void *arg) {
  pipe_t *pp = arg;
  tn_tokenizer *tok = tn_tok_new();
  tn_status st = tok ? TN_OK : TN_ENOMEM;
  size_t next = 0;
  for (size_t i = 0; st == TN_OK && next < pp->c->ndocs; i = (i + 1) % NSLABS) {
    slab *s = &pp->slabs[i];
    pthread_mutex_lock(&pp->mu);
    while (s->full && !pp->stop) pthread_cond_wait(&pp->cv, &pp->mu);
    int stop = pp->stop;
    pthread_mutex_unlock(&pp->mu);
    if (stop) break;
    s->from = next;
    s->to = next + SLAB_DOCS < pp->c->ndocs ? next + SLAB_DOCS : pp->c->ndocs;
    next = s->to;
    st = fill_slab(tok, pp->c, s);
    pthread_mutex_lock(&pp->mu);
    s->full = 1;
    pthread_cond_broadcast(&pp->cv);
    pthread_mutex_unlock(&pp->mu);
  }
  pthread_mutex_lock(&pp->mu);
  pp->st = st;
  pthread_cond_broadcast(&pp->cv);
  pthread_mutex_unlock(&pp->mu);
  tn_tok_free(tok);
  return NULL;
}

tn_status tn_partial_add_piped(tn_partial *p, const tn_corpus *c) {
  pipe_t pp;
  memset(&pp, 0, sizeof pp);
  pp.c = c;
  pp.st = TN_OK;
  if (pthread_mutex_init(&pp.mu, NULL)) return tn_partial_add_corpus(&p, 1, c);
  if (pthread_cond_init(&pp.cv, NULL)) {
    pthread_mutex_destroy(&pp.mu);
    return tn_partial_add_corpus(&p, 1, c);
  }
  pthread_t th;
  if (pthread_create(&th, NULL, tokenize_thread, &pp)) {
    pthread_cond_destroy(&pp.cv);
    pthread_mutex_destroy(&pp.mu);
    return tn_partial_add_corpus(&p, 1, c);
  }
  tn_status st = TN_OK;
  size_t done = 0;
  for (size_t i = 0; st == TN_OK && done < c->ndocs; i = (i + 1) % NSLABS) {
    slab *s = &pp.slabs[i];
    pthread_mutex_lock(&pp.mu);
    while (!s->full && pp.st == TN_OK) pthread_cond_wait(&pp.cv, &pp.mu);
    int ready = s->full;
    if (!ready) st = pp.st;
    pthread_mutex_unlock(&pp.mu);
    if (!ready) break;
    for (size_t k = s->from; st == TN_OK && k < s->to; k++) {
      size_t a = k == s->from ? 0 : s->end[k - s->from - 1];
      st = tn_partial_add_tokens(p, tn_corpus_doc(c, k), s->toks + a,
                                 s->end[k - s->from] - a);
    }
    done = s->to;
    pthread_mutex_lock(&pp.mu);
    s->full = 0;
    pthread_cond_broadcast(&pp.cv);
    pthread_mutex_unlock(&pp.mu);
  }
  pthread_mutex_lock(&pp.mu);
  pp.stop = 1;
  pthread_cond_broadcast(&pp.cv);
  pthread_mutex_unlock(&pp.mu);
  pthread_join(th, NULL);
  if (st == TN_OK) st = pp.st;
  for (size_t i = 0; i < NSLABS; i++) tn_free(pp.slabs[i].toks);
  pthread_cond_destroy(&pp.cv);
  pthread_mutex_destroy(&pp.mu);
  return st;
}
