/* libFuzzer target for loading from files (tn_corpus_load): what
 * tn_corpus_load_buffer does not see. The encoding checks (BOMs, UTF-16
 * and UTF-32 refused), gzip decoding of any bytes (truncated, corrupt,
 * concatenated members) and of valid streams, and two files in one load
 * (ids and parents across files). The first byte picks the file type and
 * options; the same invariants as the importer targets hold. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fuzz_corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char g_dir[4096];

static void cleanup(void) {
  static const char *const names[] = {"f.jsonl", "f.csv", "f.tsv", "f.txt",
                                      "f.jsonl.gz", "f.csv.gz", "g.jsonl"};
  char path[4200];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    snprintf(path, sizeof path, "%s/%s", g_dir, names[i]);
    unlink(path);
  }
  rmdir(g_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *tmp = getenv("TMPDIR");
  snprintf(g_dir, sizeof g_dir, "%s/tussen-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  FUZZ_CHECK(mkdtemp(g_dir) != NULL);
  atexit(cleanup);
  return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  FUZZ_CHECK(f);
  FUZZ_CHECK(fwrite(data, 1, size, f) == size);
  FUZZ_CHECK(fclose(f) == 0);
}

static void write_gzip(const char *path, const uint8_t *data, size_t size) {
  gzFile g = gzopen(path, "wb");
  FUZZ_CHECK(g);
  FUZZ_CHECK(size == 0 || gzwrite(g, data, (unsigned)size) == (int)size);
  FUZZ_CHECK(gzclose(g) == Z_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t sel = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  /* bits 0-2: the type; 3: gzip the bytes ourselves (for .gz); 4: repair
   * UTF-8; 5: keep orphans; 6: split the bytes over a second file */
  static const char *const names[] = {"f.jsonl", "f.csv", "f.tsv", "f.txt",
                                      "f.jsonl.gz", "f.csv.gz", "f.jsonl",
                                      "f.txt"};
  const char *name = names[sel & 7];
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  opts.utf8 = (sel & 16) ? TN_UTF8_REPAIR : TN_UTF8_REJECT;
  opts.orphans = (sel & 32) ? TN_ORPHANS_KEEP : TN_ORPHANS_SKIP;

  size_t first = size, second = 0;
  if (sel & 64) {
    first = size / 2;
    second = size - first;
  }
  char path[4200], path2[4200];
  snprintf(path, sizeof path, "%s/%s", g_dir, name);
  snprintf(path2, sizeof path2, "%s/g.jsonl", g_dir);
  int gz = strstr(name, ".gz") != NULL;
  if (gz && (sel & 8)) write_gzip(path, data, first);
  else write_file(path, data, first);
  const char *paths[] = {path, path2};
  size_t npaths = 1;
  if (second) {
    write_file(path2, data + first, second);
    npaths = 2;
  }

  tn_corpus *c = tn_corpus_new();
  FUZZ_CHECK(c);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load(c, paths, npaths, &opts, &r, &err);
  FUZZ_CHECK(st != TN_ENOMEM && st != TN_EINTERNAL);
  if (st != TN_OK) {
    /* a whole-file problem: located and explained */
    FUZZ_CHECK(st < 0 && st > TN_EINTERNAL);
    FUZZ_CHECK(err.message[0] != '\0');
  } else {
    check_report(&r, c, &opts);
    check_corpus(c, &opts);
    check_roundtrip(c, &opts);
  }
  tn_load_report_free(&r);
  tn_corpus_free(c);
  unlink(path);
  if (second) unlink(path2);
  return 0;
}
