/* tussen run: load a corpus and run a report on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const char run_help[] =
    "Usage: tussen run REPORT|FILE.lua [OPTION]... CORPUS...\n"
    "Run a canned report (see 'tussen list') or a Lua script on a corpus.\n"
    "\n"
    "Options:\n"
    "  -a, --arg NAME=VALUE   set a report argument (repeatable)\n"
    "  -f, --format FORMAT    text (default), csv, json or md\n"
    "  -h, --help             show this help\n"
    "\n" CLI_CORPUS_HELP;

int cmd_run(int argc, char **argv) {
  static const struct option longopts[] = {
      {"arg", required_argument, 0, 'a'},
      {"format", required_argument, 0, 'f'},
      {"help", no_argument, 0, 'h'},
      CLI_CORPUS_LONGOPTS,
      {0, 0, 0, 0}};
  cli_corpus_options co;
  memset(&co, 0, sizeof co);
  const char *format = "text";
  optind = 1;
  int opt;
  while ((opt = getopt_long(argc, argv, "+a:f:hq", longopts, NULL)) != -1) {
    int handled = cli_corpus_option(&co, opt, optarg, "run");
    if (handled < 0) return EXIT_USAGE;
    if (handled) continue;
    switch (opt) {
    case 'a': break;
    case 'f': format = optarg; break;
    case 'h': fputs(run_help, stdout); return EXIT_OK;
    default: return cli_usage("run", "bad option");
    }
  }
  (void)format;
  if (optind >= argc) return cli_usage("run", "no report given");
  int rc;
  tn_corpus *c = cli_load_corpus(&co, (const char *const *)argv + optind + 1,
                                 (size_t)(argc - optind - 1), &rc);
  if (!c) return rc;
  printf("%-24s %-10s %-12s %s\n", "id", "kind", "parent", "title");
  for (size_t i = 0; i < c->ndocs; i++) {
    const tn_doc *d = tn_corpus_doc(c, i);
    printf("%-24s %-10s %-12s %s\n", d->id.ptr, d->kind.ptr ? d->kind.ptr : "-",
           d->parent.ptr ? d->parent.ptr : "-", d->title.ptr ? d->title.ptr : "");
  }
  tn_corpus_free(c);
  return EXIT_OK;
}
