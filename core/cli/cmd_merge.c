/* tussen merge: combine partial results of 'tussen map' (summing counts),
 * in constant memory; the result is itself a partial and can be merged
 * again. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/partial.h"
#include "cli/cli.h"
#include "report/partial_report.h"
#include "util/alloc.h"

static const char merge_help[] =
    "Usage: tussen merge [OPTION]... PARTIAL...\n"
    "Combine the partial results of 'tussen map' (files, or - for stdin):\n"
    "counts of the same term and group are summed, documents must be in one\n"
    "part only. The result is a partial again, and the same bytes whatever\n"
    "the split of the corpus and the order of the files. With --report, write\n"
    "the counts report of the merged result instead: the same bytes as\n"
    "'tussen run counts' on the whole corpus with the same options.\n"
    "\n"
    "Options:\n"
    "  -o, --output=FILE      write to FILE instead of stdout\n"
    "  -r, --report           write the counts report of the merged result\n"
    "  --by=LAYER             report: form, norm (default), stem, or norm2 (pairs\n"
    "                         of norms; map with --bigrams)\n"
    "  --top=N                report: rows per list (default 20)\n"
    "  -f, --format=FORMAT    report: text (default), csv, json, md, html, excel\n"
    "  --table=NAME           report, csv: the table to write (default the first)\n"
    "  -h, --help             show this help\n";

static int emit_file(void *ud, const char *data, size_t len) {
  return fwrite(data, 1, len, (FILE *)ud) != len;
}

static int emit_buf(void *ud, const char *data, size_t len) {
  return tn_buf_append((tn_buf *)ud, data, len);
}

enum { OPT_BY = 1000, OPT_TOP, OPT_TABLE };

typedef struct report_opts {
  int on;
  const char *by, *table;
  size_t top;
  int format;
} report_opts;

/* The report of the merged bytes in `merged`, written to out. */
static int write_report(const tn_buf *merged, const report_opts *ro,
                        FILE *out) {
  tn_partial_src src;
  memset(&src, 0, sizeof src);
  src.name = "merged";
  src.data = merged->data ? merged->data : "";
  src.len = merged->len;
  tn_result res;
  tn_result_init(&res);
  tn_error err;
  tn_error_clear(&err);
  tn_buf text = TN_BUF_INIT;
  int rc = EXIT_OK;
  tn_status st = tn_partial_report(&src, ro->by, ro->top, &res, &err);
  tn_partial_src_close(&src);
  if (st == TN_OK) {
    tn_report_options o = {ro->table, NULL};
    st = tn_report_render(res.root, (tn_report_format)ro->format, &o, NULL,
                          &text, &err);
  }
  if (st == TN_EINVAL) {
    rc = cli_usage("merge", "%s", err.message);
  } else if (st != TN_OK) {
    char msg[1024];
    tn_error_format(&err, msg, sizeof msg);
    cli_error("%s", st == TN_ENOMEM ? "out of memory" : msg);
    rc = EXIT_FAIL;
  } else if (text.len && fwrite(text.data, 1, text.len, out) != text.len) {
    rc = EXIT_FAIL;
  }
  tn_buf_free(&text);
  tn_result_free(&res);
  return rc;
}

int cmd_merge(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, 0, 'o'},
      {"report", no_argument, 0, 'r'},
      {"by", required_argument, 0, OPT_BY},
      {"top", required_argument, 0, OPT_TOP},
      {"format", required_argument, 0, 'f'},
      {"table", required_argument, 0, OPT_TABLE},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  const char *output = NULL;
  report_opts ro = {0, "norm", NULL, 20, TN_FORMAT_TEXT};
  optind = 1;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":ho:rf:", longopts, NULL)) != -1) {
    switch (opt) {
    case 'o': output = optarg; break;
    case 'r': ro.on = 1; break;
    case OPT_BY:
      if (strcmp(optarg, "form") && strcmp(optarg, "norm") &&
          strcmp(optarg, "stem") && strcmp(optarg, "norm2"))
        return cli_usage("merge", "--by takes form, norm, stem or norm2, "
                                  "not '%s'", optarg);
      ro.by = optarg;
      break;
    case OPT_TOP: {
      char *end;
      errno = 0;
      long v = strtol(optarg, &end, 10);
      if (errno || *end || v < 0)
        return cli_usage("merge", "--top takes a number (0 or more), not '%s'",
                         optarg);
      ro.top = (size_t)v;
      break;
    }
    case 'f':
      ro.format = tn_report_format_parse(optarg);
      if (ro.format < 0)
        return cli_usage("merge", "--format takes text, csv, json, md, html, "
                                  "excel or csv-nl, not '%s'", optarg);
      break;
    case OPT_TABLE: ro.table = optarg; break;
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
    tn_buf merged = TN_BUF_INIT;
    tn_status st = ro.on ? tn_partial_merge(srcs, n, emit_buf, &merged, &err)
                         : tn_partial_merge(srcs, n, emit_file, out, &err);
    if (st != TN_OK) {
      char msg[1024];
      tn_error_format(&err, msg, sizeof msg);
      cli_error("%s", st == TN_ENOMEM ? "out of memory" : msg);
      rc = EXIT_FAIL;
    } else if (ro.on) {
      rc = write_report(&merged, &ro, out);
    }
    tn_buf_free(&merged);
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
