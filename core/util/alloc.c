/* The core's allocator: plain libc behind a counter tests can trip. */
/* madvise's MADV_HUGEPAGE is a Linux extension outside POSIX */
#define _DEFAULT_SOURCE
#include "util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Atomic: the token store allocates from two threads at once. */
static _Atomic long fail_countdown = -1;

static int should_fail(void) {
  long n = atomic_load(&fail_countdown);
  while (n > 0 && !atomic_compare_exchange_weak(&fail_countdown, &n, n - 1)) {
  }
  return n == 0;
}

void tn_alloc_fail_after(long n) { atomic_store(&fail_countdown, n); }

void *tn_malloc(size_t size) {
  if (should_fail()) return NULL;
  return malloc(size ? size : 1);
}

void *tn_calloc(size_t count, size_t size) {
  if (should_fail()) return NULL;
  return calloc(count ? count : 1, size ? size : 1);
}

void *tn_realloc(void *ptr, size_t size) {
  if (should_fail()) return NULL;
  return realloc(ptr, size ? size : 1);
}

void tn_free(void *ptr) { free(ptr); }

#define HUGE_PAGE ((size_t)2 << 20)

void *tn_malloc_table(size_t size) {
  if (should_fail()) return NULL;
  if (size < HUGE_PAGE) return malloc(size ? size : 1);
  void *p = NULL;
  if (posix_memalign(&p, HUGE_PAGE, size) != 0) return NULL;
#ifdef MADV_HUGEPAGE
  madvise(p, size, MADV_HUGEPAGE); /* advice only: fine if refused */
#endif
  return p;
}

char *tn_strndup(const char *s, size_t len) {
  char *copy = tn_malloc(len + 1);
  if (!copy) return NULL;
  memcpy(copy, s, len);
  copy[len] = '\0';
  return copy;
}

int tn_grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t new_cap = *cap ? *cap : 8;
  while (new_cap < need) {
    if (new_cap > SIZE_MAX / 2) return -1;
    new_cap *= 2;
  }
  if (elem && new_cap > SIZE_MAX / elem) return -1;
  void *grown = tn_realloc(*ptr, new_cap * elem);
  if (!grown) return -1;
  *ptr = grown;
  *cap = new_cap;
  return 0;
}
