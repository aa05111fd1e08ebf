/* A bump allocator: many small objects, freed all at once. */
#ifndef TN_ARENA_H
#define TN_ARENA_H

#include <stddef.h>

typedef struct tn_arena_block tn_arena_block;

typedef struct tn_arena {
  tn_arena_block *head;
  size_t block_size;
  size_t total; /* bytes handed out, for memory reports */
} tn_arena;

void tn_arena_init(tn_arena *a, size_t block_size);
/* Returns NULL when memory runs out; alignment is 8 bytes. */
void *tn_arena_alloc(tn_arena *a, size_t size);
/* Copies `len` bytes and adds a NUL. */
char *tn_arena_strndup(tn_arena *a, const char *s, size_t len);
void tn_arena_free(tn_arena *a);

#endif
