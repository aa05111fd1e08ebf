/* libFuzzer target for one importer (the file name given at compile time
 * as TN_FUZZ_NAME picks JSONL, CSV, TSV or text): whatever the bytes, the
 * load accounts for every record and the corpus it builds is well formed. */
#include <stdint.h>
#include <string.h>

#include "fuzz_corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The first byte picks the options, the rest is the file. */
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  uint8_t sel = size ? data[0] : 0;
  if (size) {
    data++;
    size--;
  }
  opts.utf8 = (sel & 1) ? TN_UTF8_REPAIR : TN_UTF8_REJECT;
  opts.orphans = (sel & 2) ? TN_ORPHANS_KEEP : TN_ORPHANS_SKIP;
  static const char delims[] = {0, ',', ';', '\t', '|'};
  opts.delimiter = delims[(sel >> 2) % sizeof delims];
  if (sel & 0x20) opts.kind = "post";

  tn_corpus *c = tn_corpus_new();
  FUZZ_CHECK(c);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load_buffer(c, TN_FUZZ_NAME, (const char *)data,
                                       size, &opts, &r, &err);
  if (st == TN_OK) st = tn_corpus_finish(c, &opts, &r);
  /* Without an allocation failure only a whole-file problem may stop the
   * load, and then it says what. */
  FUZZ_CHECK(st != TN_ENOMEM && st != TN_EINTERNAL);
  if (st != TN_OK) {
    FUZZ_CHECK(st < 0 && st >= TN_EINTERNAL);
  } else {
    check_report(&r, c, &opts);
    check_corpus(c, &opts);
    check_roundtrip(c, &opts);
  }
  tn_load_report_free(&r);
  tn_corpus_free(c);
  return 0;
}
