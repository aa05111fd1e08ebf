/* tussen merge: combine partial results of 'tussen map' (summing counts),
 * in constant memory; the result is itself a partial and can be merged
 * again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/partial.h"
#include "cli/cli.h"
#include "util/alloc.h"

static const char merge_help[] =
    "Usage: tussen merge [OPTION]... PARTIAL...\n"
    "Combine the partial results of 'tussen map' (files, or - for stdin):\n"
    "counts of the same term and group are summed, documents must be in one\n"
    "part only. The result is a partial again, and the same bytes whatever\n"
    "the split of the corpus and the order of the files.\n"
    "\n"
    "Options:\n"
    "  -o, --output=FILE      write to FILE instead of stdout\n"
    "  -h, --help             show this help\n";

static int emit_file(void *ud, const char *data, size_t len) {
  return fwrite(data, 1, len, (FILE *)ud) != len;
}

int cmd_merge(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, 0, 'o'},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  const char *output = NULL;
  optind = 1;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
    switch (opt) {
    case 'o': output = optarg; break;
    case 'h': fputs(merge_help, stdout); return EXIT_OK;
    default: return cli_bad_option("merge", opt, argv);
    }
  }
  if (optind >= argc) return cli_usage("merge", "no partial results given");
  size_t n = (size_t)(argc - optind);
  tn_partial_src *srcs = tn_calloc(n, sizeof *srcs);
  if (!srcs) {
    cli_error("out of memory");
    return EXIT_FAIL;
  }
  int rc = EXIT_OK;
  for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
    const char *path = argv[optind + (int)i];
    srcs[i].name = path;
    if (strcmp(path, "-") == 0) {
      srcs[i].name = "(stdin)";
      srcs[i].fp = stdin;
    } else if (!(srcs[i].fp = fopen(path, "rb"))) {
      cli_error("%s: cannot open: %s", path, strerror(errno));
      rc = EXIT_FAIL;
    }
  }
  FILE *out = stdout;
  if (rc == EXIT_OK && output && !(out = fopen(output, "wb"))) {
    cli_error("%s: cannot create: %s", output, strerror(errno));
    out = NULL;
    rc = EXIT_FAIL;
  }
  if (rc == EXIT_OK) {
    tn_error err;
    tn_error_clear(&err);
    tn_status st = tn_partial_merge(srcs, n, emit_file, out, &err);
    if (st != TN_OK) {
      char msg[1024];
      tn_error_format(&err, msg, sizeof msg);
      cli_error("%s", st == TN_ENOMEM ? "out of memory" : msg);
      rc = EXIT_FAIL;
    }
    if (fflush(out) != 0 && rc == EXIT_OK) {
      cli_error("cannot write the output: %s", strerror(errno));
      rc = EXIT_FAIL;
    }
  }
  if (out && out != stdout && fclose(out) != 0 && rc == EXIT_OK) {
    cli_error("%s: cannot write: %s", output, strerror(errno));
    rc = EXIT_FAIL;
  }
  for (size_t i = 0; i < n; i++) {
    if (srcs[i].fp && srcs[i].fp != stdin) fclose(srcs[i].fp);
    tn_partial_src_close(&srcs[i]);
  }
  tn_free(srcs);
  return rc;
}
