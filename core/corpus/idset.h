/* The ids of documents already taken by earlier batches or files of a
 * load done in pieces (tussen map), with where each was first used: a
 * corpus given the set (tn_corpus.prior_ids) skips a document whose id is
 * in it as a duplicate, exactly as it skips an id repeated within itself. */
#ifndef TN_IDSET_H
#define TN_IDSET_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"
#include "util/status.h"

typedef struct tn_idset tn_idset;

/* NULL when out of memory. Memory grows with the ids only: their bytes
 * plus about 50 bytes each (its record and its share of the index). */
tn_idset *tn_idset_new(void);
void tn_idset_free(tn_idset *s);

/* Adds the id of every document of `c`, with its source file and line.
 * An id already in the set keeps its first place. TN_ENOMEM, or
 * TN_ELIMIT past 4294967295 ids. */
tn_status tn_idset_add_corpus(tn_idset *s, const tn_corpus *c);

/* 1 when `id` is in the set, with the file and line of its first use
 * (valid while the set lives); else 0. Ids are compared byte for byte: a
 * hash only narrows the search, so two ids whose hashes collide are still
 * two ids. */
int tn_idset_find(const tn_idset *s, const char *id, size_t len,
                  const char **source, uint64_t *line);

size_t tn_idset_count(const tn_idset *s);

#endif
