/* Interned strings in an open-addressing table of hash tags and ids. */
#include "util/intern.h"

#include <string.h>

#include "util/alloc.h"

/* Word-at-a-time: tokens are short, and a byte loop (FNV) showed up in
 * profiles of large corpora. */
uint32_t tn_hash_bytes(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = (uint64_t)len * 0x9E3779B97F4A7C15u;
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDu;
    h ^= h >> 32;
    p += 8;
    len -= 8;
  }
  if (len) {
    /* the tail without a byte loop: two overlapping 4-byte reads, or
     * three bytes for 1..3 (as wyhash does) */
    uint64_t w;
    if (len >= 4) {
      uint32_t x, y;
      memcpy(&x, p, 4);
      memcpy(&y, p + len - 4, 4);
      w = ((uint64_t)x << 32) | y;
    } else {
      w = ((uint64_t)p[0] << 16) | ((uint64_t)p[len >> 1] << 8) | p[len - 1];
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
  }
  h ^= h >> 29;
  return (uint32_t)(h ^ (h >> 32));
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
  memset(in, 0, sizeof *in);
}

static uint32_t lookup(const tn_intern *in, const char *s, size_t len,
                       uint32_t h, size_t *slot_out) {
  size_t mask = in->nslots - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const struct tn_intern_slot *e = &in->slots[i];
    if (e->id1 == 0) {
      *slot_out = i;
      return TN_INTERN_NONE;
    }
    uint32_t id = e->id1 - 1;
    if (e->hash == h && in->lens[id] == len &&
        memcmp(in->by_id[id], s, len) == 0)
      return id;
  }
}

uint32_t tn_intern_find(const tn_intern *in, const char *s, size_t len) {
  if (in->nslots == 0) return TN_INTERN_NONE;
  size_t slot;
  return lookup(in, s, len, tn_hash_bytes(s, len), &slot);
}

/* The new table is written before it is read (malloc, then memset): a
 * calloc'd table of fresh pages is first mapped to the shared zero page
 * by the probes' reads, and each later write then costs a copy-on-write
 * fault with a TLB flush on every core the process runs on. */
static int rehash(tn_intern *in, size_t nslots) {
  struct tn_intern_slot *slots = tn_malloc(nslots * sizeof *slots);
  if (!slots) return -1;
  memset(slots, 0, nslots * sizeof *slots);
  for (size_t j = 0; j < in->nslots; j++) {
    const struct tn_intern_slot *e = &in->slots[j];
    if (e->id1 == 0) continue;
    size_t i = e->hash & (nslots - 1);
    while (slots[i].id1)
      i = (i + 1) & (nslots - 1);
    slots[i] = *e;
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
  if ((in->count + 1) * 2 > in->nslots) {
    if (rehash(in, in->nslots * 2) != 0) return TN_INTERN_NONE;
    lookup(in, s, len, h, &slot);
  }
  size_t cap = in->cap;
  if (tn_grow((void **)&in->by_id, &cap, in->count + 1, sizeof *in->by_id))
    return TN_INTERN_NONE;
  cap = in->cap;
  if (tn_grow((void **)&in->lens, &cap, in->count + 1, sizeof *in->lens))
    return TN_INTERN_NONE;
  in->cap = cap;
  char *copy = tn_arena_strndup(&in->strings, s, len);
  if (!copy) return TN_INTERN_NONE;
  id = (uint32_t)in->count++;
  in->by_id[id] = copy;
  in->lens[id] = (uint32_t)len;
  in->slots[slot] = (struct tn_intern_slot){h, id + 1};
  return id;
}

tn_status tn_intern_clone(tn_intern *dst, const tn_intern *src) {
  tn_intern_init(dst);
  size_t n = src->count, bytes = 0;
  for (size_t id = 0; id < n; id++)
    bytes += src->lens[id] + 1;
  dst->by_id = tn_malloc((n ? n : 1) * sizeof *dst->by_id);
  dst->lens = tn_malloc((n ? n : 1) * sizeof *dst->lens);
  dst->slots = src->nslots ? tn_malloc(src->nslots * sizeof *dst->slots) : NULL;
  /* every string in one block, in id order */
  char *text = tn_arena_alloc(&dst->strings, bytes ? bytes : 1);
  if (!dst->by_id || !dst->lens || (src->nslots && !dst->slots) || !text) {
    tn_intern_free(dst);
    return TN_ENOMEM;
  }
  for (size_t id = 0; id < n; id++) {
    memcpy(text, src->by_id[id], src->lens[id] + 1);
    dst->by_id[id] = text;
    text += src->lens[id] + 1;
  }
  if (n) memcpy(dst->lens, src->lens, n * sizeof *dst->lens);
  if (src->nslots)
    memcpy(dst->slots, src->slots, src->nslots * sizeof *dst->slots);
  dst->count = n;
  dst->cap = n ? n : 1;
  dst->nslots = src->nslots;
  return TN_OK;
}
