/* A set of document ids kept across the batches of a streamed load: the
 * id bytes in an arena, a record per id, an open-addressing index of
 * (hash, record) pairs at most half full. */
#include "corpus/idset.h"

#include <string.h>

#include "util/alloc.h"
#include "util/arena.h"
#include "util/intern.h"

typedef struct id_rec {
  const char *id; /* in the arena */
  size_t len;
  uint64_t line;
  uint32_t source; /* index into sources */
  uint32_t hash;
} id_rec;

/* A slot keeps the hash beside the record number, so a probe that is not
 * a match is rejected without touching the record. */
typedef struct id_slot {
  uint32_t hash, rec1; /* record + 1; 0 = empty */
} id_slot;

struct tn_idset {
  tn_arena arena;
  id_rec *recs;
  size_t nrecs, cap;
  id_slot *slots;
  size_t nslots;
  char **sources; /* file names, owned; few, so a list */
  size_t nsources, sources_cap;
};

tn_idset *tn_idset_new(void) {
  tn_idset *s = tn_calloc(1, sizeof *s);
  if (!s) return NULL;
  tn_arena_init(&s->arena, 1u << 16);
  s->nslots = 1024;
  s->slots = tn_calloc(s->nslots, sizeof *s->slots);
  if (!s->slots) {
    tn_idset_free(s);
    return NULL;
  }
  return s;
}

void tn_idset_free(tn_idset *s) {
  if (!s) return;
  tn_arena_free(&s->arena);
  tn_free(s->recs);
  tn_free(s->slots);
  for (size_t i = 0; i < s->nsources; i++) tn_free(s->sources[i]);
  tn_free(s->sources);
  tn_free(s);
}

size_t tn_idset_count(const tn_idset *s) { return s->nrecs; }

/* The slot holding `id`, or the empty slot where it would go. */
static size_t probe(const tn_idset *s, const char *id, size_t len,
                    uint32_t h) {
  size_t mask = s->nslots - 1, i = h & mask;
  for (;;) {
    const id_slot *sl = &s->slots[i];
    if (sl->rec1 == 0) return i;
    if (sl->hash == h) {
      const id_rec *r = &s->recs[sl->rec1 - 1];
      if (r->len == len && memcmp(r->id, id, len) == 0) return i;
    }
    i = (i + 1) & mask;
  }
}

int tn_idset_find(const tn_idset *s, const char *id, size_t len,
                  const char **source, uint64_t *line) {
  const id_slot *sl = &s->slots[probe(s, id, len, tn_hash_bytes(id, len))];
  if (sl->rec1 == 0) return 0;
  const id_rec *r = &s->recs[sl->rec1 - 1];
  if (source) *source = s->sources[r->source];
  if (line) *line = r->line;
  return 1;
}

static int grow(tn_idset *s) {
  size_t n = s->nslots * 2;
  id_slot *slots = tn_calloc(n, sizeof *slots);
  if (!slots) return -1;
  for (size_t k = 0; k < s->nrecs; k++) {
    size_t i = s->recs[k].hash & (n - 1);
    while (slots[i].rec1) i = (i + 1) & (n - 1);
    slots[i].hash = s->recs[k].hash;
    slots[i].rec1 = (uint32_t)k + 1;
  }
  tn_free(s->slots);
  s->slots = slots;
  s->nslots = n;
  return 0;
}

/* Index of the source named `name`: the last one, usually. */
static tn_status source_index(tn_idset *s, const char *name, uint32_t *out) {
  for (size_t i = s->nsources; i-- > 0;)
    if (strcmp(s->sources[i], name) == 0) {
      *out = (uint32_t)i;
      return TN_OK;
    }
  if (s->nsources >= UINT32_MAX) return TN_ELIMIT;
  if (tn_grow((void **)&s->sources, &s->sources_cap, s->nsources + 1,
              sizeof *s->sources))
    return TN_ENOMEM;
  char *copy = tn_strndup(name, strlen(name));
  if (!copy) return TN_ENOMEM;
  s->sources[s->nsources] = copy;
  *out = (uint32_t)s->nsources++;
  return TN_OK;
}

tn_status tn_idset_add_corpus(tn_idset *s, const tn_corpus *c) {
  const char *last_name = NULL;
  uint32_t src = 0;
  for (size_t k = 0; k < c->ndocs; k++) {
    const tn_doc *d = &c->docs[k];
    if (s->nrecs >= UINT32_MAX - 1) return TN_ELIMIT;
    if ((s->nrecs + 1) * 2 > s->nslots && grow(s)) return TN_ENOMEM;
    uint32_t h = tn_hash_bytes(d->id.ptr, d->id.len);
    size_t i = probe(s, d->id.ptr, d->id.len, h);
    if (s->slots[i].rec1) continue; /* taken before: keeps its first place */
    const char *name = d->source ? d->source : "";
    if (name != last_name) {
      tn_status st = source_index(s, name, &src);
      if (st != TN_OK) return st;
      last_name = name;
    }
    if (tn_grow((void **)&s->recs, &s->cap, s->nrecs + 1, sizeof *s->recs))
      return TN_ENOMEM;
    char *id = tn_arena_strndup(&s->arena, d->id.ptr, d->id.len);
    if (!id) return TN_ENOMEM;
    id_rec *r = &s->recs[s->nrecs];
    r->id = id;
    r->len = d->id.len;
    r->line = d->line;
    r->source = src;
    r->hash = h;
    s->slots[i].hash = h;
    s->slots[i].rec1 = (uint32_t)++s->nrecs;
  }
  return TN_OK;
}
