/* Interned strings in an open-addressing table keyed by FNV-1a. */
#include "util/intern.h"

#include <string.h>

#include "util/alloc.h"

uint32_t tn_hash_bytes(const void *data, size_t len) {
  const unsigned char *p = data;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 16777619u;
  }
  return h;
}

void tn_intern_init(tn_intern *in) {
  memset(in, 0, sizeof *in);
  tn_arena_init(&in->strings, 64 * 1024);
}

void tn_intern_free(tn_intern *in) {
  tn_arena_free(&in->strings);
  tn_free(in->by_id);
  tn_free(in->lens);
  tn_free(in->slots);
  tn_free(in->hashes);
  memset(in, 0, sizeof *in);
}

static uint32_t lookup(const tn_intern *in, const char *s, size_t len,
                       uint32_t h, size_t *slot_out) {
  size_t mask = in->nslots - 1;
  size_t i = h & mask;
  for (;;) {
    uint32_t v = in->slots[i];
    if (v == 0) {
      *slot_out = i;
      return TN_INTERN_NONE;
    }
    uint32_t id = v - 1;
    if (in->hashes[id] == h && in->lens[id] == len &&
        memcmp(in->by_id[id], s, len) == 0)
      return id;
    i = (i + 1) & mask;
  }
}

uint32_t tn_intern_find(const tn_intern *in, const char *s, size_t len) {
  if (in->nslots == 0) return TN_INTERN_NONE;
  size_t slot;
  return lookup(in, s, len, tn_hash_bytes(s, len), &slot);
}

static int rehash(tn_intern *in, size_t nslots) {
  uint32_t *slots = tn_calloc(nslots, sizeof *slots);
  if (!slots) return -1;
  for (size_t id = 0; id < in->count; id++) {
    size_t i = in->hashes[id] & (nslots - 1);
    while (slots[i]) i = (i + 1) & (nslots - 1);
    slots[i] = (uint32_t)id + 1;
  }
  tn_free(in->slots);
  in->slots = slots;
  in->nslots = nslots;
  return 0;
}

uint32_t tn_intern_add(tn_intern *in, const char *s, size_t len) {
  if (in->nslots == 0 && rehash(in, 64) != 0) return TN_INTERN_NONE;
  uint32_t h = tn_hash_bytes(s, len);
  size_t slot;
  uint32_t id = lookup(in, s, len, h, &slot);
  if (id != TN_INTERN_NONE) return id;
  if (in->count >= UINT32_MAX - 1) return TN_INTERN_NONE;
  if ((in->count + 1) * 4 >= in->nslots * 3) {
    if (rehash(in, in->nslots * 2) != 0) return TN_INTERN_NONE;
    lookup(in, s, len, h, &slot);
  }
  size_t cap = in->cap;
  if (tn_grow((void **)&in->by_id, &cap, in->count + 1, sizeof *in->by_id))
    return TN_INTERN_NONE;
  cap = in->cap;
  if (tn_grow((void **)&in->lens, &cap, in->count + 1, sizeof *in->lens))
    return TN_INTERN_NONE;
  cap = in->cap;
  if (tn_grow((void **)&in->hashes, &cap, in->count + 1, sizeof *in->hashes))
    return TN_INTERN_NONE;
  in->cap = cap;
  char *copy = tn_arena_strndup(&in->strings, s, len);
  if (!copy) return TN_INTERN_NONE;
  id = (uint32_t)in->count++;
  in->by_id[id] = copy;
  in->lens[id] = (uint32_t)len;
  in->hashes[id] = h;
  in->slots[slot] = id + 1;
  return id;
}
