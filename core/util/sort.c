/* Sorting a list when only its first rows are wanted (see sort.h). */
#include "util/sort.h"

#include <stdlib.h>
#include <string.h>

/* Elements up to this size are selected in place with one on the stack;
 * larger ones (none in tussen) are sorted whole. */
#define MAX_ELEM 256

void tn_sort_front(void *base, size_t n, size_t size, size_t top,
                   int (*cmp)(const void *, const void *)) {
  unsigned char *a = base;
  if (!top || n <= 4 * top || size > MAX_ELEM) {
    if (n > 1) qsort(base, n, size, cmp);
    return;
  }
  /* a[0..top) holds the best so far, in order; an element that enters
   * it pushes the last one out into the place it came from */
  qsort(base, top, size, cmp);
  unsigned char tmp[MAX_ELEM];
  for (size_t i = top; i < n; i++) {
    if (cmp(a + i * size, a + (top - 1) * size) >= 0) continue;
    memcpy(tmp, a + i * size, size);
    memcpy(a + i * size, a + (top - 1) * size, size);
    size_t j = top - 1;
    while (j > 0 && cmp(tmp, a + (j - 1) * size) < 0) {
      memcpy(a + j * size, a + (j - 1) * size, size);
      j--;
    }
    memcpy(a + j * size, tmp, size);
  }
}

size_t tn_sort_top(void *base, size_t n, size_t size, size_t top,
                   int (*cmp)(const void *, const void *)) {
  tn_sort_front(base, n, size, top, cmp);
  return top && n > top ? top : n;
}
