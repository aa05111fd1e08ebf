/* tussen run: load a script (canned report or file), check its arguments,
 * load the corpus, run the script in the sandbox, write its result. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/progress.h"
#include "corpus/stream.h"
#include "lua/runtime.h"

static const char run_help[] =
    "Usage: tussen run REPORT|FILE.lua [OPTION]... CORPUS...\n"
    "Run a canned report (see 'tussen list') or a Lua script of your own on\n"
    "a corpus, and write what it returns.\n"
    "\n"
    "Options:\n"
    "  -a, --arg NAME=VALUE   set a report argument (repeatable; see\n"
    "                         'tussen help REPORT')\n"
    "  -f, --format FORMAT    text (default), csv, json, md, html (one\n"
    "                         self-contained page), or excel (also csv-nl:\n"
    "                         CSV for Dutch Excel: ';', a BOM, decimal "
    "commas)\n"
    "  -w, --width=N          wrap text tables to N columns (default: the\n"
    "                         terminal's width when stdout is a terminal,\n"
    "                         else no wrapping; 0: never wrap)\n"
    "  -t, --table NAME       CSV holds one table: the result section to\n"
    "                         write (default: the first table)\n"
    "  --memory-limit=MB      memory the script may use (default 1024;\n"
    "                         0: no limit)\n"
    "  --time-limit=SECONDS   time the script may run (default 60; 0: no\n"
    "                         limit)\n"
    "  -h, --help             show this help\n"
    "\n" CLI_CORPUS_HELP "\n"
    "keywords and counts (and scripts declaring corpus = \"stream\") read\n"
    "JSON Lines, CSV and TSV files in one streaming pass on both cores:\n"
    "memory follows the vocabulary, not the corpus; reading and counting\n"
    "do not count against --time-limit.\n"
    "\n"
    "When stderr is a terminal, loading and running that take more than a\n"
    "second show their progress there (documents, MB, rate, time left);\n"
    "--quiet leaves it out. 'man tussen' describes every option.\n"
    "\n"
    "Exit status: 0 success; 1 the script failed (an error, a limit, a\n"
    "corpus that cannot be loaded); 2 usage error (unknown report, bad\n"
    "--arg, bad option); 130 interrupted by Ctrl-C.\n";

enum { OPT_MEMORY = OPT_CORPUS_LAST + 100, OPT_TIME };

/* Text tables wrap to the terminal when a person reads them there; piped
 * output (files, other programs, the golden tests) is never wrapped, so it
 * stays one line per row whatever the window size. */
static int terminal_width(void) {
  if (!isatty(STDOUT_FILENO)) return 0;
  struct winsize ws;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  const char *cols = getenv("COLUMNS");
  int n = cols ? atoi(cols) : 0;
  return n > 0 ? n : 80;
}

static const char *format_names[] = {"text", "csv",   "json",
                                     "md",   "excel", "html"};

static int parse_limit(const char *arg, const char *what, double max,
                       double *out) {
  char *end;
  errno = 0;
  double v = strtod(arg, &end);
  if (errno || end == arg || *end || v < 0 || v > max) {
    cli_usage("run", "--%s takes a number from 0 to %.0f, not '%s'", what, max,
              arg);
    return -1;
  }
  *out = v;
  return 0;
}

static int write_result(const tn_result *res, int format, const char *table,
                        int quiet, const tn_report_view *view) {
  tn_buf out = TN_BUF_INIT, omitted = TN_BUF_INIT;
  tn_report_options ro = {table, &omitted};
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_report_render(res->root, (tn_report_format)format, &ro,
                                  view, &out, &err);
  int rc = EXIT_OK;
  if (st == TN_EINVAL) {
    cli_usage("run", "%s", err.message);
    rc = EXIT_USAGE;
  } else if (st != TN_OK) {
    cli_error("cannot write the result: %s", tn_strerror(st));
    rc = EXIT_FAIL;
  } else {
    if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
      rc = EXIT_FAIL;
    if (fflush(stdout) != 0) rc = EXIT_FAIL;
    if (rc != EXIT_OK) cli_error("cannot write the output");
    if (omitted.len && !quiet)
      cli_error("note: CSV holds one table; left out: %s (choose one with "
                "--table NAME, or use --format json)",
                omitted.data);
  }
  tn_buf_free(&out);
  tn_buf_free(&omitted);
  return rc;
}

/* Whether every path is a file the streaming reader takes (JSON Lines,
 * CSV, TSV; also gzipped): then a script declaring corpus = "stream"
 * reads them itself, and nothing is loaded whole. */
static int all_stream(const char *const *paths, size_t n) {
  for (size_t i = 0; i < n; i++) {
    struct stat sb;
    if (!tn_stream_supports(paths[i]) || stat(paths[i], &sb) != 0 ||
        !S_ISREG(sb.st_mode))
      return 0;
  }
  return 1;
}

/* A streaming script's run: its passes fill the load report, told once
 * the script is done; the result is written only if the corpus passed. */
static int run_streaming(tn_script *s, const cli_corpus_options *co,
                         const char *const *paths, size_t npaths, int format,
                         const char *table, int width, const char *name,
                         cli_progress *progress) {
  tn_load_report report;
  tn_load_report_init(&report);
  tn_result res;
  tn_result_init(&res);
  tn_status st = tn_script_run_source(s, paths, npaths, &report, &res);
  cli_progress_end(progress);
  /* said only when the script did stream (it may have loaded instead) */
  if (!co->quiet && tn_script_streamed(s) && !tn_script_interrupted(s))
    cli_error("note: read %s in one streaming pass: parents were not "
              "checked (a document whose parent is missing was kept, as with "
              "--orphans=keep)",
              npaths == 1 ? paths[0] : "the files");
  int rc;
  if (st != TN_OK) {
    /* what a pass read before it failed; not after Ctrl-C, where the
     * counts would only tell how far it got */
    if (!tn_script_interrupted(s) && (report.used || report.skipped))
      cli_report_load(co, &report);
    cli_error("%s", tn_script_error(s));
    rc = tn_script_interrupted(s) ? 130 : EXIT_FAIL;
  } else if (report.files && cli_report_load(co, &report)) {
    /* (a script that never read its source has nothing to report) */
    rc = EXIT_FAIL;
  } else {
    tn_report_view view = {name, width < 0 ? terminal_width() : width};
    rc = write_result(&res, format, table, co->quiet, &view);
  }
  tn_result_free(&res);
  tn_load_report_free(&report);
  return rc;
}

int cmd_run(int argc, char **argv) {
  static const struct option longopts[] = {
      {"arg", required_argument, 0, 'a'},
      {"format", required_argument, 0, 'f'},
      {"width", required_argument, 0, 'w'},
      {"table", required_argument, 0, 't'},
      {"memory-limit", required_argument, 0, OPT_MEMORY},
      {"time-limit", required_argument, 0, OPT_TIME},
      {"help", no_argument, 0, 'h'},
      CLI_CORPUS_LONGOPTS,
      {0, 0, 0, 0}};
  cli_corpus_options co;
  memset(&co, 0, sizeof co);
  co.command = "run";
  tn_lua_options lo;
  memset(&lo, 0, sizeof lo);
  lo.memory_limit = TN_LUA_DEFAULT_MEMORY;
  lo.time_limit = TN_LUA_DEFAULT_SECONDS;
  lo.catch_sigint = 1;
  const char *format_name = "text", *table = NULL;
  int width = -1; /* -1: the terminal's */
  const char **assignments = calloc((size_t)argc + 1, sizeof *assignments);
  size_t nassign = 0;
  if (!assignments) {
    cli_error("out of memory");
    return EXIT_FAIL;
  }
  optind = 1;
  opterr = 0;
  int opt, rc = EXIT_OK;
  double v;
  while (rc == EXIT_OK &&
         (opt = getopt_long(argc, argv, ":a:f:t:w:hq", longopts, NULL)) != -1) {
    int handled = cli_corpus_option(&co, opt, optarg, "run");
    if (handled < 0) rc = EXIT_USAGE;
    if (handled) continue;
    switch (opt) {
    case 'a': assignments[nassign++] = optarg; break;
    case 'f': format_name = optarg; break;
    case 't': table = optarg; break;
    case 'w': {
      char *end;
      errno = 0;
      long n = strtol(optarg, &end, 10);
      if (errno || end == optarg || *end || n < 0 || n > 10000)
        rc = cli_usage("run",
                       "--width takes a number of columns from 0 to "
                       "10000, not '%s'",
                       optarg);
      else
        width = (int)n;
      break;
    }
    case OPT_MEMORY:
      if (parse_limit(optarg, "memory-limit", 1 << 20, &v))
        rc = EXIT_USAGE;
      else
        lo.memory_limit = (size_t)v * 1024 * 1024;
      break;
    case OPT_TIME:
      if (parse_limit(optarg, "time-limit", 1e9, &v))
        rc = EXIT_USAGE;
      else
        lo.time_limit = v;
      break;
    case 'h':
      fputs(run_help, stdout);
      free(assignments);
      return EXIT_OK;
    default: rc = cli_bad_option("run", opt, argv);
    }
  }
  int format = tn_report_format_parse(format_name);
  if (rc == EXIT_OK && format < 0)
    rc = cli_usage("run",
                   "--format takes text, csv, json, md, html, excel or "
                   "csv-nl, not '%s'",
                   format_name);
  if (rc == EXIT_OK && table && format != TN_FORMAT_CSV &&
      format != TN_FORMAT_EXCEL)
    rc = cli_usage("run", "--table only applies to --format csv and excel "
                          "(the other formats show every section)");
  if (rc == EXIT_OK && optind >= argc)
    rc = cli_usage("run", "no report given; 'tussen list' shows them");
  if (rc != EXIT_OK) {
    free(assignments);
    return rc;
  }
  lo.scripts_dir = cli_scripts_dir();
  lo.load = co.load;
  lo.quiet = co.quiet;
  lo.format = format_names[format];
  cli_progress progress;
  cli_progress_init(&progress, co.quiet);
  lo.progress = cli_progress_update;
  lo.progress_ud = &progress;
  tn_script *s = tn_script_new(&lo);
  if (!s) {
    free(assignments);
    cli_error("out of memory");
    return EXIT_FAIL;
  }
  /* The script and its arguments first: usage errors come before the
   * corpus is read. */
  tn_status st = tn_script_load(s, argv[optind]);
  if (st == TN_EINVAL)
    rc = cli_usage("run", "%s", tn_script_error(s));
  else if (st != TN_OK)
    rc = (cli_error("%s", tn_script_error(s)), EXIT_FAIL);
  for (size_t i = 0; rc == EXIT_OK && i < nassign; i++) {
    st = tn_script_set_arg(s, assignments[i]);
    if (st == TN_EINVAL)
      rc = cli_usage("run", "%s", tn_script_error(s));
    else if (st != TN_OK)
      rc = (cli_error("%s", tn_script_error(s)), EXIT_FAIL);
  }
  free(assignments);
  const char *const *paths = (const char *const *)argv + optind + 1;
  size_t npaths = (size_t)(argc - optind - 1);
  if (rc == EXIT_OK && npaths && tn_script_streams(s) &&
      all_stream(paths, npaths)) {
    rc = run_streaming(s, &co, paths, npaths, format, table, width,
                       argv[optind], &progress);
    tn_script_free(s);
    return rc;
  }
  tn_corpus *c = NULL;
  if (rc == EXIT_OK) c = cli_load_corpus(&co, paths, npaths, &rc);
  if (c) {
    tn_result res;
    tn_result_init(&res);
    st = tn_script_run(s, c, &res);
    cli_progress_end(&progress);
    if (st == TN_OK) {
      tn_report_view view = {argv[optind],
                             width < 0 ? terminal_width() : width};
      rc = write_result(&res, format, table, co.quiet, &view);
    } else {
      cli_error("%s", tn_script_error(s));
      rc = tn_script_interrupted(s) ? 130 : EXIT_FAIL;
    }
    tn_result_free(&res);
  }
  /* The script first: its Lua state may still point into the corpus. */
  tn_script_free(s);
  tn_corpus_free(c);
  return rc;
}
