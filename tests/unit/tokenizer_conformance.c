/* Runs tests/data/tokenizer-conformance.tsv: each line's input must give
 * exactly the expected tokens and sentence breaks, and the tokens must
 * concatenate to the input minus whitespace. Prints every failing line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenizer.h"
#include "util/buf.h"

/* \n \t \r \\ in the input column. */
static void unescape(const char *s, size_t len, tn_buf *out) {
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '\\' && i + 1 < len) {
      char e = s[++i];
      c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
    }
    if (tn_buf_putc(out, c)) abort();
  }
}

static int is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s tokenizer-conformance.tsv\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  tn_tokenizer *tok = tn_tok_new();
  if (!tok) return 2;
  tn_buf input = TN_BUF_INIT, got = TN_BUF_INIT, joined = TN_BUF_INIT,
         bare = TN_BUF_INIT;
  char line[4096];
  long lineno = 0, cases = 0, failures = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    char *tab = strchr(line, '\t');
    if (!tab) {
      fprintf(stderr, "%s:%ld: no TAB between input and expected\n", argv[1],
              lineno);
      failures++;
      continue;
    }
    cases++;
    const char *expected = tab + 1;
    tn_buf_clear(&input);
    unescape(line, (size_t)(tab - line), &input);
    tn_buf_clear(&got);
    tn_buf_clear(&joined);
    tn_tok_reset(tok, input.data, input.len);
    tn_token t;
    int prev_end = -1;
    while (tn_tok_next(tok, &t)) {
      if (prev_end >= 0 && tn_buf_puts(&got, prev_end ? " || " : " | ")) abort();
      if (tn_buf_append(&got, input.data + t.start, t.len) ||
          tn_buf_append(&joined, input.data + t.start, t.len))
        abort();
      prev_end = (t.flags & TN_TOK_SENT_END) != 0;
    }
    /* fidelity: the input without its (ASCII or no-break) spaces */
    tn_buf_clear(&bare);
    for (size_t i = 0; i < input.len; i++) {
      if (is_space_byte((unsigned char)input.data[i])) continue;
      if (i + 1 < input.len && (unsigned char)input.data[i] == 0xC2 &&
          (unsigned char)input.data[i + 1] == 0xA0) {
        i++;
        continue;
      }
      if (tn_buf_putc(&bare, input.data[i])) abort();
    }
    int ok = strcmp(got.data ? got.data : "", expected) == 0;
    int faithful = bare.len == joined.len &&
                   (bare.len == 0 || memcmp(bare.data, joined.data, bare.len) == 0);
    if (!ok || !faithful) {
      failures++;
      fprintf(stderr, "%s:%ld: %s\n  expected: %s\n  got:      %s\n", argv[1],
              lineno, faithful ? "wrong tokens or breaks" : "tokens lose characters",
              expected, got.data ? got.data : "");
    }
  }
  fclose(f);
  tn_tok_free(tok);
  tn_buf_free(&input);
  tn_buf_free(&got);
  tn_buf_free(&joined);
  tn_buf_free(&bare);
  printf("%ld cases, %ld failures\n", cases, failures);
  if (cases < 200) {
    fprintf(stderr, "the table must hold at least 200 cases\n");
    return 1;
  }
  return failures ? 1 : 0;
}
