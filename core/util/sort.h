/* Sorting a list when only its first rows are wanted. */
#ifndef TN_SORT_H
#define TN_SORT_H

#include <stddef.h>

/* Sorts base[0..n) (elements of `size` bytes) by cmp and keeps the first
 * `top` (0: all) at the front; returns how many are kept. When top is
 * small beside n, one pass with a sorted buffer of `top` elements replaces
 * the full sort: a top-20 list of 250,000 terms costs a comparison a
 * term, not a sort. cmp must be a total order (no two elements compare
 * equal), so the rows kept are those a full sort and cut give. */
size_t tn_sort_top(void *base, size_t n, size_t size, size_t top,
                   int (*cmp)(const void *, const void *));

/* Like tn_sort_top, but keeps every element: the first `top` (0: all) in
 * order at the front, the others behind them in no order, so that more
 * can be ordered later. */
void tn_sort_front(void *base, size_t n, size_t size, size_t top,
                   int (*cmp)(const void *, const void *));

#endif
