#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <math.h>
static inline void tn_tim(const char *what) {
  static double t0; struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
  double t = ts.tv_sec + ts.tv_nsec / 1e9;
  if (getenv("TN_TIMES")) fprintf(stderr, "  [%8.3f] %s\n", fmod(t, 1000.0), what);
  if (!t0) t0 = t;
}
