/* Plain-text importer: the whole file is one document, paragraphs kept. */
#include <string.h>

#include "corpus/corpus.h"

tn_status tn_import_text(tn_corpus *c, const char *name, const char *data,
                         size_t len, const tn_load_options *opts,
                         tn_load_report *report, tn_error *err) {
  (void)err;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3;
    len -= 3;
  }
  /* The id is the file name without directory and extension: stable and
   * readable ("streetwise.txt" -> "streetwise"). */
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  size_t idlen = strlen(base);
  const char *dot = strchr(base, '.');
  if (dot && dot != base) idlen = (size_t)(dot - base);
  tn_doc_input in;
  memset(&in, 0, sizeof in);
  in.id.ptr = base;
  in.id.len = idlen;
  in.text.ptr = data;
  in.text.len = len;
  in.source = name;
  in.line = 1;
  return tn_corpus_add(c, &in, opts, report);
}
