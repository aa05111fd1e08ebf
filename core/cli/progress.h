/* The progress line of long runs (progress.c). */
#ifndef TN_CLI_PROGRESS_H
#define TN_CLI_PROGRESS_H

#include <stddef.h>

#include "lua/runtime.h"

typedef struct cli_progress {
  int enabled;            /* stderr is a terminal and not --quiet */
  double start, last;     /* monotonic ms: the run began, last drawn */
  double pass_start;      /* this pass over the corpus began; 0: not yet */
  size_t last_docs;
  size_t width;           /* columns of the line on screen; 0: none */
  unsigned long long input_total; /* bytes of the files being loaded */
} cli_progress;

void cli_progress_init(cli_progress *p, int quiet);
/* The tn_lua_options.progress callback (ud: a cli_progress). */
void cli_progress_update(void *ud, const tn_progress *info);
/* The tn_corpus on_add callback (ud: a cli_progress): while loading. */
void cli_progress_loading(void *ud, size_t ndocs, unsigned long long bytes);
/* Clears the line (before the result or an error is printed). */
void cli_progress_end(cli_progress *p);
/* The line's text, for a pass `elapsed_ms` old (exposed for tests). */
void cli_progress_line(const tn_progress *p, double elapsed_ms, char *out,
                       size_t size);

#endif
