/* Plain-text importer: the whole file is one document, paragraphs kept. */
#include <string.h>

#include "corpus/corpus.h"
#include "util/utf8.h"

tn_status tn_import_text(tn_corpus *c, const char *name, const char *data,
                         size_t len, const tn_load_options *opts,
                         tn_load_report *report, tn_error *err) {
  const char *raw = data;
  size_t raw_len = len;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3;
    len -= 3;
  }
  /* Windows (CRLF) and old Mac (CR) line ends become LF, so paragraphs
   * look the same whatever wrote the file. */
  tn_buf copy = TN_BUF_INIT;
  if (memchr(data, '\r', len)) {
    if (tn_buf_append(&copy, data, len))
      return tn_error_set(err, TN_ENOMEM, name, 0, "out of memory");
    copy.len = tn_newlines_to_lf(copy.data, copy.len);
    data = copy.data;
    len = copy.len;
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
  in.raw = raw;
  in.raw_len = raw_len;
  tn_status st = tn_corpus_add(c, &in, opts, report);
  tn_buf_free(&copy);
  if (st == TN_ENOMEM) return tn_error_set(err, st, name, 0, "out of memory");
  return st;
}
