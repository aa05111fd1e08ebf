/* tussen map: count a corpus (or one part of it) into mergeable partial
 * results, streaming JSON Lines batch by batch on one or more threads. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis/freq_filter.h"
#include "analysis/partial.h"
#include "cli/cli.h"
#include "corpus/idset.h"
#include "corpus/stream.h"
#include "util/alloc.h"

static const char map_help[] =
    "Usage: tussen map [OPTION]... CORPUS...\n"
    "Count a corpus, or one part of a larger one, into partial results that\n"
    "'tussen merge' combines: term counts and document frequencies by form,\n"
    "norm and stem per group, per-document records and totals, as sorted\n"
    "text lines (format: README.md, \"Runs on many machines\"). Split a corpus\n"
    "any way, map the parts anywhere, merge: the bytes are those of one run.\n"
    "JSON Lines, CSV and TSV files (.jsonl, .ndjson, .csv, .tsv, .tab, also\n"
    ".gz) are read in batches of whole records and each document's text is\n"
    "dropped once counted, so memory follows the vocabulary and the number\n"
    "of documents, not the size of the corpus; text files and directories\n"
    "are loaded whole.\n"
    "\n"
    "Options:\n"
    "  --kinds=LIST           token kinds to count (default word,hashtag,mention;\n"
    "                         'all' for every kind)\n"
    "  --group=FIELD          document field the counts are grouped by\n"
    "                         (default kind)\n"
    "  --bigrams              also count pairs of norms within sentences\n"
    "  --no-docs              leave out the per-document records\n"
    "  -j, --jobs=N           threads (default 2 for 64 MiB of input or more, else\n"
    "                         1): with 2, one tokenizes while the other counts;\n"
    "                         more count parts of each batch on their own\n"
    "                         threads; the output is the same\n"
    "  --batch-size=BYTES     input read per batch (default 8388608); the\n"
    "                         output is the same, memory is about twice this\n"
    "                         plus the counts\n"
    "  -h, --help             show this help\n"
    "\n"
    "Parents are not checked (a part need not hold them): documents are\n"
    "kept as --orphans=keep keeps them, without the warnings. An id used\n"
    "again in a later batch or file is skipped as a duplicate, as a whole\n"
    "load skips it: the run keeps every id for that (about 50 bytes plus\n"
    "the id per document, also with --no-docs).\n"
    "\n" CLI_CORPUS_HELP;

enum {
  OPT_KINDS = OPT_CORPUS_LAST + 1,
  OPT_GROUP,
  OPT_BIGRAMS,
  OPT_NO_DOCS,
  OPT_BATCH_SIZE
};
enum { SHOWN_PER_REASON = 10 };

/* Diagnostics as load_corpus prints them; after SHOWN_PER_REASON of one
 * reason the rest are only counted in the summary. */
typedef struct diag_printer {
  size_t done;
  uint64_t shown[TN_SKIP_REASON_COUNT];
  uint64_t hidden;
  int verbose;
} diag_printer;

static int is_orphan_warning(const tn_diagnostic *d) {
  const char *m = d->message;
  size_t n = strlen(m), k = strlen("(--orphans=keep)");
  return d->severity == TN_WARNING && n >= k &&
         strcmp(m + n - k, "(--orphans=keep)") == 0;
}

static void print_new(diag_printer *dp, const tn_load_report *r, int quiet) {
  for (; dp->done < r->ndiags; dp->done++) {
    const tn_diagnostic *d = &r->diags[dp->done];
    if (is_orphan_warning(d) || (quiet && d->severity == TN_NOTE)) continue;
    if (!dp->verbose && dp->shown[d->reason]++ >= SHOWN_PER_REASON) {
      dp->hidden++;
      continue;
    }
    cli_print_diagnostic(d);
  }
}

static size_t input_bytes(char **paths, int n) {
  size_t total = 0;
  for (int i = 0; i < n; i++) {
    struct stat sb;
    if (stat(paths[i], &sb) == 0 && S_ISREG(sb.st_mode))
      total += (size_t)sb.st_size;
  }
  return total;
}

static int emit_stdout(void *ud, const char *data, size_t len) {
  (void)ud;
  return fwrite(data, 1, len, stdout) != len;
}

static void fail_status(tn_status st, const tn_error *err) {
  if (st == TN_ENOMEM) {
    cli_error("out of memory");
    return;
  }
  char msg[1024];
  tn_error_format(err, msg, sizeof msg);
  cli_error("%s", msg);
}

/* --jobs 2: one thread tokenizes while the other counts (one vocabulary);
 * more: that many partials, each counting its share on its own thread. */
static size_t piped;
static tn_status count_batch(tn_partial **parts, size_t nparts,
                             const tn_corpus *c) {
  if (piped) return tn_partial_add_piped(parts[0], c);
  return tn_partial_add_corpus(parts, nparts, c);
}

/* Files named already, by device and inode: the same file twice (named
 * twice, or through a link) is read once, as a whole load reads it, not
 * turned into a duplicate of every document. */
typedef struct file_seen {
  dev_t dev;
  ino_t ino;
} file_seen;

static int seen_before(file_seen **seen, size_t *n, size_t *cap,
                       const char *path) {
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) return 0;
  for (size_t i = 0; i < *n; i++)
    if ((*seen)[i].dev == sb.st_dev && (*seen)[i].ino == sb.st_ino) return 1;
  if (tn_grow((void **)seen, cap, *n + 1, sizeof **seen)) return 0;
  (*seen)[*n].dev = sb.st_dev;
  (*seen)[(*n)++].ino = sb.st_ino;
  return 0;
}

/* Counts one path into the parts: batch by batch when it streams. */
static tn_status map_path(const char *path, tn_partial **parts, size_t nparts,
                          size_t batch, tn_idset *ids,
                          const cli_corpus_options *co,
                          tn_load_report *report, diag_printer *dp,
                          tn_error *err) {
  tn_status st;
  struct stat sb;
  if (tn_stream_supports(path) && stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
    tn_stream *s = NULL;
    st = tn_stream_open(&s, path, batch, ids, report, err);
    while (st == TN_OK) {
      tn_corpus *c;
      st = tn_stream_next(s, &c, &co->load, report, err);
      print_new(dp, report, co->quiet);
      if (st != TN_OK || !c) break;
      st = count_batch(parts, nparts, c);
      tn_corpus_free(c);
    }
    tn_stream_close(s);
    return st;
  }
  tn_corpus *c = tn_corpus_new();
  if (!c) return TN_ENOMEM;
  c->prior_ids = ids;
  st = tn_corpus_load(c, &path, 1, &co->load, report, err);
  print_new(dp, report, co->quiet);
  if (st == TN_OK) {
    st = tn_idset_add_corpus(ids, c);
    if (st == TN_ELIMIT)
      tn_error_set(err, st, path, 0, "too many documents (ids) for one run");
  }
  if (st == TN_OK) st = count_batch(parts, nparts, c);
  tn_corpus_free(c);
  return st;
}

int cmd_map(int argc, char **argv) {
  static const struct option longopts[] = {
      {"kinds", required_argument, 0, OPT_KINDS},
      {"group", required_argument, 0, OPT_GROUP},
      {"bigrams", no_argument, 0, OPT_BIGRAMS},
      {"no-docs", no_argument, 0, OPT_NO_DOCS},
      {"jobs", required_argument, 0, 'j'},
      {"batch-size", required_argument, 0, OPT_BATCH_SIZE},
      {"help", no_argument, 0, 'h'},
      CLI_CORPUS_LONGOPTS,
      {0, 0, 0, 0}};
  cli_corpus_options co;
  memset(&co, 0, sizeof co);
  co.command = "map";
  tn_partial_opts po = {0, "word,hashtag,mention", "kind", 0, 1};
  long jobs = 0;
  size_t batch = 8u << 20;
  optind = 1;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, ":hqj:", longopts, NULL)) != -1) {
    int handled = cli_corpus_option(&co, opt, optarg, "map");
    if (handled < 0) return EXIT_USAGE;
    if (handled) continue;
    switch (opt) {
    case OPT_KINDS: po.kinds_name = optarg; break;
    case OPT_GROUP:
      if (!*optarg) return cli_usage("map", "--group needs a field name");
      po.group = optarg;
      break;
    case OPT_BIGRAMS: po.bigrams = 1; break;
    case OPT_NO_DOCS: po.docs = 0; break;
    case 'j': {
      char *end;
      errno = 0;
      jobs = strtol(optarg, &end, 10);
      if (errno || *end || jobs < 1 || jobs > 64)
        return cli_usage("map", "--jobs takes a number from 1 to 64, not '%s'",
                         optarg);
      break;
    }
    case OPT_BATCH_SIZE: {
      char *end;
      errno = 0;
      unsigned long long v = strtoull(optarg, &end, 10);
      if (errno || *end || v < 1 || optarg[0] == '-')
        return cli_usage("map", "--batch-size takes a number of bytes (1 or "
                                "more), not '%s'", optarg);
      batch = (size_t)v;
      break;
    }
    case 'h': fputs(map_help, stdout); return EXIT_OK;
    default: return cli_bad_option("map", opt, argv);
    }
  }
  if (optind >= argc) return cli_usage("map", "no corpus given");
  tn_error err;
  tn_error_clear(&err);
  if (strcmp(po.kinds_name, "all") == 0) po.kinds = 0;
  else if (tn_kinds_parse(po.kinds_name, &po.kinds, &err) != TN_OK) {
    char msg[512];
    tn_error_format(&err, msg, sizeof msg);
    return cli_usage("map", "--kinds: %s", msg);
  }
  /* Large inputs tokenize on a second thread (about 13% faster at 200 MB
   * for 10% more CPU); small ones are not worth a thread. */
  if (jobs == 0)
    jobs = input_bytes(argv + optind, argc - optind) >= (64u << 20) ? 2 : 1;
  /* Parents may be in another part: keep documents whatever their parent. */
  co.load.orphans = TN_ORPHANS_KEEP;

  size_t nparts = (size_t)jobs;
  if (jobs == 2) {
    piped = 1;
    nparts = 1;
  }
  tn_partial *parts[64] = {0};
  tn_status st = TN_OK;
  for (size_t k = 0; k < nparts && st == TN_OK; k++)
    st = tn_partial_new(&parts[k], &po);
  tn_load_report report;
  tn_load_report_init(&report);
  diag_printer dp;
  memset(&dp, 0, sizeof dp);
  dp.verbose = co.verbose;
  /* Every id of the run, to skip a repeated one in a later batch or file
   * as a whole load skips it (its memory follows the documents). */
  tn_idset *ids = st == TN_OK ? tn_idset_new() : NULL;
  if (st == TN_OK && !ids) st = TN_ENOMEM;
  file_seen *seen = NULL;
  size_t nseen = 0, seen_cap = 0;
  for (int i = optind; st == TN_OK && i < argc; i++) {
    if (seen_before(&seen, &nseen, &seen_cap, argv[i])) {
      st = tn_report_note(&report, TN_WARNING, argv[i], 0,
                          "this file was already read; not read again");
      print_new(&dp, &report, co.quiet);
      continue;
    }
    st = map_path(argv[i], parts, nparts, batch, ids, &co, &report, &dp, &err);
  }
  tn_free(seen);
  tn_idset_free(ids);
  int rc = EXIT_OK;
  if (st != TN_OK) {
    fail_status(st, &err);
    rc = EXIT_FAIL;
  } else {
    if (dp.hidden)
      fprintf(stderr, "tussen: ... and %llu more like these (--verbose shows "
                      "every one)\n",
              (unsigned long long)dp.hidden);
    if (!co.quiet || report.skipped) {
      tn_buf sum = TN_BUF_INIT;
      tn_load_report_summary(&report, &sum);
      if (sum.data) fprintf(stderr, "tussen: corpus: %s\n", sum.data);
      tn_buf_free(&sum);
    }
    if (report.used == 0) {
      cli_error("no documents to analyse");
      rc = EXIT_FAIL;
    } else if (co.strict && report.skipped) {
      rc = EXIT_FAIL;
    }
  }
  /* One part is written as it is sorted; several are written to memory,
   * then merged. */
  if (rc == EXIT_OK && nparts == 1) {
    st = tn_partial_write_to(parts[0], emit_stdout, NULL, &err);
    if (st != TN_OK) fail_status(st, &err);
    if (st == TN_OK && fflush(stdout) != 0) {
      cli_error("cannot write the output: %s", strerror(errno));
      st = TN_EIO;
    }
    tn_partial_free(parts[0]);
    tn_load_report_free(&report);
    return st == TN_OK ? EXIT_OK : EXIT_FAIL;
  }
  tn_buf *bufs = tn_calloc(nparts, sizeof *bufs);
  tn_partial_src *srcs = tn_calloc(nparts, sizeof *srcs);
  if (rc == EXIT_OK && (!bufs || !srcs)) {
    cli_error("out of memory");
    rc = EXIT_FAIL;
  }
  for (size_t k = 0; rc == EXIT_OK && k < nparts; k++) {
    st = tn_partial_write(parts[k], &bufs[k], &err);
    tn_partial_free(parts[k]);
    parts[k] = NULL;
    srcs[k].name = "map";
    srcs[k].data = bufs[k].data;
    srcs[k].len = bufs[k].len;
    if (st != TN_OK) {
      fail_status(st, &err);
      rc = EXIT_FAIL;
    }
  }
  if (rc == EXIT_OK) {
    st = tn_partial_merge(srcs, nparts, emit_stdout, NULL, &err);
    if (st != TN_OK) {
      fail_status(st, &err);
      rc = EXIT_FAIL;
    } else if (fflush(stdout) != 0) {
      cli_error("cannot write the output: %s", strerror(errno));
      rc = EXIT_FAIL;
    }
  }
  for (size_t k = 0; k < nparts; k++) {
    tn_partial_free(parts[k]);
    if (bufs) tn_buf_free(&bufs[k]);
    if (srcs) tn_partial_src_close(&srcs[k]);
  }
  tn_free(bufs);
  tn_free(srcs);
  tn_load_report_free(&report);
  return rc;
}
