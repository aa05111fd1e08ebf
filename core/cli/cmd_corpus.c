/* tussen corpus: load a corpus and write it back as canonical JSON Lines
 * (or, with --check, only report what was read, used and skipped). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/json.h"

static const char corpus_help[] =
    "Usage: tussen corpus [OPTION]... CORPUS...\n"
    "Load a corpus and write it to stdout as JSON Lines, the canonical format:\n"
    "one object per document with id, kind, parent, title, author, date, the\n"
    "other metadata in source order, then text. Converts CSV, TSV and text\n"
    "files, and shows exactly what a report would see.\n"
    "\n"
    "Options:\n"
    "  -c, --check            load and report only; write no documents\n"
    "  -h, --help             show this help\n"
    "\n" CLI_CORPUS_HELP;

static int put_field(tn_buf *b, const char *key, tn_str value) {
  if (!value.ptr) return 0;
  return tn_buf_putc(b, ',') || tn_json_write_string(b, key, strlen(key)) ||
         tn_buf_putc(b, ':') ||
         tn_json_write_string(b, value.ptr, value.len);
}

static int put_meta(tn_buf *b, const tn_meta *m) {
  if (tn_buf_putc(b, ',') || tn_json_write_string(b, m->key.ptr, m->key.len) ||
      tn_buf_putc(b, ':'))
    return -1;
  switch (m->type) {
  case TN_VALUE_NULL: return tn_buf_puts(b, "null");
  case TN_VALUE_BOOL: return tn_buf_puts(b, m->boolean ? "true" : "false");
  case TN_VALUE_NUMBER: /* the number as written in the source */
  case TN_VALUE_JSON: return tn_buf_append(b, m->str.ptr, m->str.len);
  case TN_VALUE_STRING: return tn_json_write_string(b, m->str.ptr, m->str.len);
  }
  return -1;
}

static int put_doc(tn_buf *b, const tn_doc *d) {
  if (tn_buf_puts(b, "{\"id\":") ||
      tn_json_write_string(b, d->id.ptr, d->id.len) ||
      put_field(b, "kind", d->kind) || put_field(b, "parent", d->parent) ||
      put_field(b, "title", d->title) || put_field(b, "author", d->author) ||
      put_field(b, "date", d->date))
    return -1;
  for (uint32_t m = 0; m < d->nmeta; m++)
    if (put_meta(b, &d->meta[m])) return -1;
  return put_field(b, "text", d->text) || tn_buf_puts(b, "}\n");
}

int cmd_corpus(int argc, char **argv) {
  static const struct option longopts[] = {
      {"check", no_argument, 0, 'c'},
      {"help", no_argument, 0, 'h'},
      CLI_CORPUS_LONGOPTS,
      {0, 0, 0, 0}};
  cli_corpus_options co;
  memset(&co, 0, sizeof co);
  co.command = "corpus";
  int check = 0;
  optind = 1;
  opterr = 0; /* our messages, with the hint */
  int opt;
  while ((opt = getopt_long(argc, argv, ":chq", longopts, NULL)) != -1) {
    int handled = cli_corpus_option(&co, opt, optarg, "corpus");
    if (handled < 0) return EXIT_USAGE;
    if (handled) continue;
    switch (opt) {
    case 'c': check = 1; break;
    case 'h': fputs(corpus_help, stdout); return EXIT_OK;
    default: return cli_bad_option("corpus", opt, argv);
    }
  }
  int rc;
  tn_corpus *c = cli_load_corpus(&co, (const char *const *)argv + optind,
                                 (size_t)(argc - optind), &rc);
  if (!c) return rc;
  rc = EXIT_OK;
  if (!check) {
    tn_buf out = TN_BUF_INIT;
    for (size_t i = 0; i < c->ndocs && rc == EXIT_OK; i++) {
      if (put_doc(&out, tn_corpus_doc(c, i))) {
        cli_error("out of memory");
        rc = EXIT_FAIL;
      }
      /* Write in large pieces: one fwrite per document is slow. */
      if (out.len >= (1 << 16) || i + 1 == c->ndocs) {
        if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
          rc = EXIT_FAIL;
        tn_buf_clear(&out);
      }
    }
    tn_buf_free(&out);
    if (fflush(stdout) != 0 || rc == EXIT_FAIL) {
      if (rc == EXIT_OK) cli_error("cannot write the output");
      rc = EXIT_FAIL;
    }
  }
  tn_corpus_free(c);
  return rc;
}
