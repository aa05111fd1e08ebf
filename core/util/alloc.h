/* The one allocator of the core, with failure injection for tests.
 * Every core allocation goes through these so that a test can make the
 * N-th allocation fail and prove each path ends in a clean TN_ENOMEM. */
#ifndef TN_ALLOC_H
#define TN_ALLOC_H

#include <stddef.h>

void *tn_malloc(size_t size);
void *tn_calloc(size_t count, size_t size);
void *tn_realloc(void *ptr, size_t size);
void tn_free(void *ptr);
/* For large tables probed at random (hash tables of a vocabulary): aligned
 * to 2 MiB and marked for transparent huge pages where the system has
 * them, so a probe costs a cache miss and not also a page walk. Freed
 * with tn_free. */
void *tn_malloc_table(size_t size);
char *tn_strndup(const char *s, size_t len);

/* Make the allocation after `n` more successful ones fail (and all later
 * ones); n < 0 switches injection off. For tests only. */
void tn_alloc_fail_after(long n);

/* Grows `*cap` (at least doubling) so that `need` elements of `elem` bytes
 * fit in `*ptr`; returns 0 on success, -1 on overflow or out of memory
 * (leaving `*ptr` untouched). */
int tn_grow(void **ptr, size_t *cap, size_t need, size_t elem);

#endif
