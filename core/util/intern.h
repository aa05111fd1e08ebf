/* String interning: a lexicon mapping strings to dense ids and back, the
 * Corpus Workbench way. Ids count from 0 in order of first appearance. */
#ifndef TN_INTERN_H
#define TN_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/status.h"

typedef struct tn_intern {
  tn_arena strings;   /* the bytes, NUL-terminated */
  const char **by_id; /* id -> string */
  uint32_t *lens;     /* id -> byte length */
  size_t count, cap;
  /* Open addressing at most half full. A slot holds the string's hash
   * next to its id, so a probe that is not a match is rejected without
   * touching another array: on a large vocabulary every such touch was a
   * cache miss, and inserts probed several slots each. */
  struct tn_intern_slot {
    uint32_t hash, id1; /* id + 1; 0 = empty */
  } * slots;
  size_t nslots;
} tn_intern;

#define TN_INTERN_NONE UINT32_MAX

void tn_intern_init(tn_intern *in);
void tn_intern_free(tn_intern *in);
/* Returns the id of the string, adding it if new; TN_INTERN_NONE when
 * memory ran out. */
uint32_t tn_intern_add(tn_intern *in, const char *s, size_t len);
/* A copy of src with the same ids: copying the table and the strings
 * costs far less than adding every string again. dst need not be
 * initialised; on failure it is empty (and freed). */
tn_status tn_intern_clone(tn_intern *dst, const tn_intern *src);
/* Returns the id or TN_INTERN_NONE if absent. */
uint32_t tn_intern_find(const tn_intern *in, const char *s, size_t len);
static inline const char *tn_intern_str(const tn_intern *in, uint32_t id) {
  return in->by_id[id];
}
static inline size_t tn_intern_len(const tn_intern *in, uint32_t id) {
  return in->lens[id];
}
static inline size_t tn_intern_count(const tn_intern *in) {
  return in->count;
}

/* A fast 32-bit hash of bytes (word at a time); not stable across
 * versions, so never part of any output. */
uint32_t tn_hash_bytes(const void *data, size_t len);

#endif
