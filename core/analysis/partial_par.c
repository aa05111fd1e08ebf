/* Counting a batch of documents into partials on several threads: each
 * thread owns one tn_partial, so no counter is shared and the merged
 * result is the one-thread result byte for byte. */
#include <pthread.h>

#include "analysis/partial.h"
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
