/* Shared by the fuzz targets: an invariant check that stops the run with
 * a message naming the broken invariant (libFuzzer then saves the input). */
#ifndef TN_FUZZ_CHECK_H
#define TN_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond)                                                   \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, \
              #cond);                                                      \
      abort();                                                             \
    }                                                                      \
  } while (0)

#endif
