/* Loading a corpus for a command: options, diagnostics, the summary. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/progress.h"
#include "util/alloc.h"

void cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("tussen: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int cli_usage(const char *command, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("tussen: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  if (command)
    fprintf(stderr, "Try 'tussen %s --help'.\n", command);
  else
    fputs("Try 'tussen --help'.\n", stderr);
  return EXIT_USAGE;
}

int cli_bad_option(const char *command, int opt, char **argv) {
  /* A long option is the word getopt_long just stepped over (up to any
   * '='); a short one is the letter in optopt (it may sit in a cluster
   * like -qx, where that word is not the culprit). */
  char word[64];
  const char *prev = optind > 0 ? argv[optind - 1] : NULL;
  if (prev && strncmp(prev, "--", 2) == 0 && (opt == ':' || optopt == 0 ||
                                               optopt >= 128)) {
    size_t n = strcspn(prev, "=");
    snprintf(word, sizeof word, "%.*s", (int)(n < 60 ? n : 60), prev);
  } else if (optopt > 0 && optopt < 128) {
    snprintf(word, sizeof word, "-%c", optopt);
  } else {
    snprintf(word, sizeof word, "%s", prev ? prev : "?");
  }
  if (opt == ':') return cli_usage(command, "option '%s' needs a value", word);
  return cli_usage(command, "unknown option '%s'", word);
}

int cli_corpus_option(cli_corpus_options *o, int opt, const char *arg,
                      const char *command) {
  switch (opt) {
  case OPT_REPAIR_UTF8: o->load.utf8 = TN_UTF8_REPAIR; return 1;
  case OPT_ORPHANS:
    if (strcmp(arg, "skip") == 0) o->load.orphans = TN_ORPHANS_SKIP;
    else if (strcmp(arg, "keep") == 0) o->load.orphans = TN_ORPHANS_KEEP;
    else {
      cli_usage(command, "--orphans takes 'skip' or 'keep', not '%s'", arg);
      return -1;
    }
    return 1;
  case OPT_ID_COLUMN: o->load.id_column = arg; return 1;
  case OPT_TEXT_COLUMN: o->load.text_column = arg; return 1;
  case OPT_PARENT_COLUMN: o->load.parent_column = arg; return 1;
  case OPT_KIND_COLUMN: o->load.kind_column = arg; return 1;
  case OPT_TITLE_COLUMN: o->load.title_column = arg; return 1;
  case OPT_AUTHOR_COLUMN: o->load.author_column = arg; return 1;
  case OPT_DATE_COLUMN: o->load.date_column = arg; return 1;
  case OPT_KIND: o->load.kind = arg; return 1;
  case OPT_STRICT: o->strict = 1; return 1;
  case OPT_VERBOSE: o->verbose = 1; return 1;
  case 'q': o->quiet = 1; return 1;
  case OPT_DELIMITER:
    if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0) o->load.delimiter = '\t';
    else if (strlen(arg) == 1 && strchr(",;|\t", arg[0])) o->load.delimiter = arg[0];
    else {
      cli_usage(command, "--delimiter takes one of , ; | tab, not '%s'", arg);
      return -1;
    }
    return 1;
  default: return 0;
  }
}

void cli_print_diagnostic(const tn_diagnostic *d) {
  const char *label = d->severity == TN_ERROR     ? "skipped"
                      : d->severity == TN_WARNING ? "warning"
                                                  : "note";
  fprintf(stderr, "tussen: %s: ", label);
  if (d->file) {
    fputs(d->file, stderr);
    if (d->line) fprintf(stderr, ":%llu", (unsigned long long)d->line);
    fputs(": ", stderr);
  }
  if (d->has_offset)
    fprintf(stderr, "byte %llu: ", (unsigned long long)d->offset);
  if (d->doc_id) fprintf(stderr, "document \"%s\": ", d->doc_id);
  fprintf(stderr, "%s\n", d->message);
}

/* Skip messages are grouped by file and reason: a Windows-1252 CSV with
 * 10,000 rows should not print 10,000 lines. A group of more than
 * COLLAPSE_ABOVE shows its first SHOWN_PER_GROUP messages, then one line
 * saying how many more; every skip is still counted in the summary. */
enum { SHOWN_PER_GROUP = 10, COLLAPSE_ABOVE = 15 };

typedef struct skip_group {
  const char *file; /* borrowed from the diagnostics; may be NULL */
  tn_severity severity;
  tn_skip_reason reason;
  uint64_t total, shown;
} skip_group;

static int same_file(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static skip_group *find_group(skip_group *groups, size_t n,
                              const tn_diagnostic *d) {
  for (size_t k = 0; k < n; k++)
    if (groups[k].severity == d->severity && groups[k].reason == d->reason &&
        same_file(groups[k].file, d->file))
      return &groups[k];
  return NULL;
}

/* Skips (and warnings, such as --repair-utf8's) are grouped; notes are few
 * and always shown. */
static void print_diagnostics(const tn_load_report *r, int show_all,
                              int verbose) {
  skip_group *groups = NULL;
  size_t ngroups = 0, cap = 0;
  for (size_t i = 0; i < r->ndiags && !verbose; i++) {
    const tn_diagnostic *d = &r->diags[i];
    if (d->severity == TN_NOTE) continue;
    skip_group *g = find_group(groups, ngroups, d);
    if (!g) {
      if (tn_grow((void **)&groups, &cap, ngroups + 1, sizeof *groups)) {
        verbose = 1; /* no memory to group: print everything */
        break;
      }
      g = &groups[ngroups++];
      memset(g, 0, sizeof *g);
      g->file = d->file;
      g->severity = d->severity;
      g->reason = d->reason;
    }
    g->total++;
  }
  for (size_t i = 0; i < r->ndiags; i++) {
    const tn_diagnostic *d = &r->diags[i];
    if (d->severity != TN_ERROR && !show_all) continue;
    skip_group *g = verbose || d->severity == TN_NOTE
                        ? NULL
                        : find_group(groups, ngroups, d);
    if (g && g->total > COLLAPSE_ABOVE && g->shown >= SHOWN_PER_GROUP)
      continue;
    if (g) g->shown++;
    cli_print_diagnostic(d);
  }
  for (size_t k = 0; k < ngroups && !verbose; k++) {
    const skip_group *g = &groups[k];
    if (g->total <= COLLAPSE_ABOVE || (g->severity != TN_ERROR && !show_all))
      continue;
    unsigned long long more = (unsigned long long)(g->total - g->shown);
    if (g->severity == TN_ERROR)
      fprintf(stderr,
              "tussen: skipped: %s%s%llu more documents (%s) than the %d "
              "shown; --verbose shows every one\n",
              g->file ? g->file : "", g->file ? ": " : "", more,
              tn_skip_reason_name(g->reason), SHOWN_PER_GROUP);
    else
      fprintf(stderr,
              "tussen: warning: %s%s%llu more warnings than the %d shown; "
              "--verbose shows every one\n",
              g->file ? g->file : "", g->file ? ": " : "", more,
              SHOWN_PER_GROUP);
  }
  tn_free(groups);
}

int cli_report_load(const cli_corpus_options *o, const tn_load_report *report) {
  int show_all = !o->quiet || report->skipped > 0;
  print_diagnostics(report, show_all, o->verbose);
  tn_buf summary = TN_BUF_INIT;
  tn_load_report_summary(report, &summary);
  if (show_all) cli_error("corpus: %s", summary.data ? summary.data : "");
  tn_buf_free(&summary);
  if (report->used == 0) {
    cli_error("no documents to analyse; check the paths and the messages "
              "above");
    return 1;
  }
  if (o->strict && report->skipped) {
    cli_error("%llu document%s skipped and --strict is on",
              (unsigned long long)report->skipped,
              report->skipped == 1 ? " was" : "s were");
    return 1;
  }
  return 0;
}

tn_corpus *cli_load_corpus(const cli_corpus_options *o,
                           const char *const *paths, size_t npaths,
                           int *exit_code) {
  if (npaths == 0) {
    *exit_code = cli_usage(o->command ? o->command : "run", "no corpus given; name one or more files "
                                  "or directories (e.g. corpus/streetwise)");
    return NULL;
  }
  tn_corpus *c = tn_corpus_new();
  if (!c) {
    cli_error("out of memory");
    *exit_code = EXIT_FAIL;
    return NULL;
  }
  tn_load_report report;
  tn_load_report_init(&report);
  tn_error err;
  tn_error_clear(&err);
  cli_progress progress;
  cli_progress_init(&progress, o->quiet);
  if (progress.enabled) progress.input_total = tn_corpus_input_size(paths, npaths);
  c->on_add = cli_progress_loading;
  c->on_add_ud = &progress;
  tn_status st = tn_corpus_load(c, paths, npaths, &o->load, &report, &err);
  cli_progress_end(&progress);
  c->on_add = NULL; /* the progress state ends here */
  if (st != TN_OK) {
    print_diagnostics(&report, !o->quiet || report.skipped > 0, o->verbose);
    char msg[1200];
    tn_error_format(&err, msg, sizeof msg);
    cli_error("%s", msg);
    tn_load_report_free(&report);
    tn_corpus_free(c);
    *exit_code = EXIT_FAIL;
    return NULL;
  }
  int fail = cli_report_load(o, &report);
  tn_load_report_free(&report);
  if (fail) {
    tn_corpus_free(c);
    *exit_code = EXIT_FAIL;
    return NULL;
  }
  *exit_code = EXIT_OK;
  return c;
}
