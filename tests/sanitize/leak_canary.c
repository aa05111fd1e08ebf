/* Leaks on purpose: the sanitizer build's test proves that LeakSanitizer
 * is on, so a leak anywhere else in the suite would fail its test too. */
#include <stdlib.h>

static void *volatile sink;

int main(void) {
  sink = malloc(64);
  sink = NULL;
  return 0;
}
