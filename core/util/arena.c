/* Bump allocator in chunks; large requests get a block of their own. */
#include "util/arena.h"

#include <string.h>

#include "util/alloc.h"

struct tn_arena_block {
  tn_arena_block *next;
  size_t used;
  size_t size;
  _Alignas(8) unsigned char data[];
};

void tn_arena_init(tn_arena *a, size_t block_size) {
  a->head = NULL;
  a->block_size = block_size ? block_size : 64 * 1024;
  a->total = 0;
}

void *tn_arena_alloc(tn_arena *a, size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (size == 0) size = 8;
  tn_arena_block *b = a->head;
  if (!b || b->size - b->used < size) {
    size_t want = size > a->block_size ? size : a->block_size;
    b = tn_malloc(sizeof *b + want);
    if (!b) return NULL;
    b->size = want;
    b->used = 0;
    /* A big block goes behind the head so the head's free space is kept. */
    if (a->head && size > a->block_size) {
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
    }
  }
  void *p = b->data + b->used;
  b->used += size;
  a->total += size;
  return p;
}

char *tn_arena_strndup(tn_arena *a, const char *s, size_t len) {
  char *copy = tn_arena_alloc(a, len + 1);
  if (!copy) return NULL;
  memcpy(copy, s, len);
  copy[len] = '\0';
  return copy;
}

void tn_arena_free(tn_arena *a) {
  tn_arena_block *b = a->head;
  while (b) {
    tn_arena_block *next = b->next;
    tn_free(b);
    b = next;
  }
  a->head = NULL;
  a->total = 0;
}
