/* The progress line on stderr for long runs: documents and MB done, the
 * rate and the time left, redrawn in place. Only when stderr is a terminal
 * (a log file gets no carriage returns) and not --quiet; nothing for runs
 * shorter than a second. Plain text, no colour, so NO_COLOR has nothing to
 * turn off. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/progress.h"

enum { SHOW_AFTER_MS = 1000, EVERY_MS = 250 };

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void cli_progress_init(cli_progress *p, int quiet) {
  memset(p, 0, sizeof *p);
  p->enabled = !quiet && isatty(STDERR_FILENO);
  p->start = now_ms();
}

static void put_duration(char *out, size_t size, double seconds) {
  long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
  if (s >= 3600)
    snprintf(out, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
}

void cli_progress_line(const tn_progress *p, double elapsed_ms, char *out,
                       size_t size) {
  double mb = (double)p->bytes / 1e6, total = (double)p->nbytes / 1e6;
  double secs = elapsed_ms / 1e3;
  double rate = secs > 0 ? mb / secs : 0;
  int n;
  if (p->ndocs == 0) {
    /* loading: the documents to come are not known, the bytes are */
    n = snprintf(out, size, "%s: %zu documents, %.1f", p->what ? p->what : "run",
                 p->docs, mb);
    if (n >= 0 && (size_t)n < size)
      n += snprintf(out + n, size - (size_t)n, p->nbytes ? "/%.1f MB" : " MB",
                    total);
    if (n < 0 || (size_t)n >= size || rate <= 0) return;
    n += snprintf(out + n, size - (size_t)n, ", %.1f MB/s", rate);
    if (n >= 0 && (size_t)n < size && p->nbytes && p->bytes > 0 &&
        p->bytes <= p->nbytes) {
      char left[32];
      put_duration(left, sizeof left,
                   secs * (double)(p->nbytes - p->bytes) / (double)p->bytes);
      snprintf(out + n, size - (size_t)n, ", %s left", left);
    }
    return;
  }
  n = snprintf(out, size, "%s: %zu/%zu documents, %.1f/%.1f MB",
               p->what ? p->what : "run", p->docs, p->ndocs, mb, total);
  if (n < 0 || (size_t)n >= size) return;
  if (rate > 0 && p->bytes > 0 && p->bytes <= p->nbytes) {
    char left[32];
    put_duration(left, sizeof left,
                 secs * (double)(p->nbytes - p->bytes) / (double)p->bytes);
    snprintf(out + n, size - (size_t)n, ", %.1f MB/s, %s left", rate, left);
  }
}

void cli_progress_update(void *ud, const tn_progress *info) {
  cli_progress *p = ud;
  if (!p->enabled) return;
  /* a script's new pass over the corpus: its own rate and time left */
  if (info->docs < p->last_docs) p->pass_start = 0;
  p->last_docs = info->docs;
  double t = now_ms();
  if (p->pass_start == 0) p->pass_start = t;
  if (t - p->start < SHOW_AFTER_MS || t - p->last < EVERY_MS) return;
  p->last = t;
  char line[200];
  cli_progress_line(info, t - p->pass_start, line, sizeof line);
  size_t len = strlen(line);
  /* blanks over the rest of a longer line before: no terminal escapes */
  fprintf(stderr, "\rtussen: %s%*s", line,
          p->width > len ? (int)(p->width - len) : 0, "");
  fflush(stderr);
  p->width = len;
}

void cli_progress_loading(void *ud, size_t ndocs, unsigned long long bytes) {
  cli_progress *p = ud;
  tn_progress info = {"loading", ndocs, 0, bytes, p->input_total};
  cli_progress_update(ud, &info);
}

void cli_progress_end(cli_progress *p) {
  if (!p->enabled || p->width == 0) return;
  fprintf(stderr, "\r%*s\r", (int)p->width + 8, "");
  fflush(stderr);
  p->width = 0;
}
