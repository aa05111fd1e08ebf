/* tussen tokenize: split a text file into tokens and sentences, streaming
 * it in pieces so memory stays constant however large the file. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "text/tokenizer.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/json.h"
#include "util/utf8.h"

static const char tokenize_help[] =
    "Usage: tussen tokenize [OPTION]... [FILE|-]\n"
    "Split Dutch text into tokens and sentences (standard input without FILE\n"
    "or with -). A blank line separates paragraphs.\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  tokens (default): one token per line, a blank line\n"
    "                       after each sentence;\n"
    "                       conllu: CoNLL-U with # text and SpaceAfter=No;\n"
    "                       tsv: a header, then sentence, paragraph, form,\n"
    "                       kind, byte and character offsets, norm, space;\n"
    "                       jsonl: the same fields, one JSON object a token\n"
    "      --repair-utf8    replace invalid UTF-8 by U+FFFD (offsets then count\n"
    "                       in the repaired text) instead of failing\n"
    "  -h, --help           show this help\n"
    "\n"
    "Invalid UTF-8 (or a NUL byte) fails with its byte offset unless\n"
    "--repair-utf8 is given. Exit status: 0 success, 1 failure, 2 usage.\n";

enum { FMT_TOKENS, FMT_CONLLU, FMT_TSV, FMT_JSONL };

#define PIECE (1u << 20) /* bytes read at a time */

/* Buffered output, flushed when full; errors are remembered. */
typedef struct out {
  FILE *f;
  size_t n;
  int err;
  char buf[1 << 16];
} out;

static void out_flush(out *o) {
  if (o->n && fwrite(o->buf, 1, o->n, o->f) != o->n) o->err = 1;
  o->n = 0;
}

static void out_put(out *o, const char *s, size_t n) {
  if (o->n + n > sizeof o->buf) {
    out_flush(o);
    if (n > sizeof o->buf) {
      if (fwrite(s, 1, n, o->f) != n) o->err = 1;
      return;
    }
  }
  memcpy(o->buf + o->n, s, n);
  o->n += n;
}

static void out_c(out *o, char c) {
  if (o->n == sizeof o->buf) out_flush(o);
  o->buf[o->n++] = c;
}

static void out_str(out *o, const char *s) { out_put(o, s, strlen(s)); }

/* Decimal digits without printf, so no locale can interfere. */
static void out_num(out *o, unsigned long long v) {
  char d[24];
  int i = sizeof d;
  do {
    d[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  out_put(o, d + i, sizeof d - (size_t)i);
}

/* State of the writer across pieces. */
typedef struct writer {
  int format;
  out *o;
  unsigned long long sent, para; /* 1-based numbers of the current ones */
  int sent_open, para_open;
  int newpar; /* the current sentence starts a paragraph */
  tn_buf norm, json;
  /* conllu buffers one sentence */
  tn_token *toks;
  size_t ntoks, cap;
  tn_buf text;
} writer;

static int put_norm(writer *w, const char *form, size_t len) {
  tn_buf_clear(&w->norm);
  return tn_tok_norm(form, len, &w->norm) == TN_OK ? 0 : -1;
}

/* One token of a piece whose first byte is byte `base` (and code point
 * `cpbase`) of the input. */
static int write_token(writer *w, const char *s, const tn_token *t,
                       unsigned long long base, unsigned long long cpbase) {
  out *o = w->o;
  int new_para = !w->para_open;
  if (new_para) {
    w->para++;
    w->para_open = 1;
  }
  if (!w->sent_open) {
    w->sent++;
    w->sent_open = 1;
    w->newpar = new_para;
  }
  const char *form = s + t->start;
  switch (w->format) {
  case FMT_TOKENS:
    out_put(o, form, t->len);
    out_c(o, '\n');
    if (t->flags & TN_TOK_SENT_END) out_c(o, '\n');
    break;
  case FMT_TSV:
    if (put_norm(w, form, t->len)) return -1;
    out_num(o, w->sent);
    out_c(o, '\t');
    out_num(o, w->para);
    out_c(o, '\t');
    out_put(o, form, t->len);
    out_c(o, '\t');
    out_str(o, tn_tok_kind_name((tn_tok_kind)t->kind));
    out_c(o, '\t');
    out_num(o, base + t->start);
    out_c(o, '\t');
    out_num(o, t->len);
    out_c(o, '\t');
    out_num(o, cpbase + t->cp_start);
    out_c(o, '\t');
    out_num(o, t->cp_len);
    out_c(o, '\t');
    out_put(o, w->norm.data, w->norm.len);
    out_c(o, '\t');
    out_c(o, t->flags & TN_TOK_SPACE_AFTER ? '1' : '0');
    out_c(o, '\n');
    break;
  case FMT_JSONL:
    if (put_norm(w, form, t->len)) return -1;
    out_str(o, "{\"sent\":");
    out_num(o, w->sent);
    out_str(o, ",\"para\":");
    out_num(o, w->para);
    tn_buf_clear(&w->json);
    if (tn_buf_puts(&w->json, ",\"form\":") ||
        tn_json_write_string(&w->json, form, t->len) ||
        tn_buf_puts(&w->json, ",\"norm\":") ||
        tn_json_write_string(&w->json, w->norm.data, w->norm.len))
      return -1;
    out_put(o, w->json.data, w->json.len);
    out_str(o, ",\"kind\":\"");
    out_str(o, tn_tok_kind_name((tn_tok_kind)t->kind));
    out_str(o, "\",\"start\":");
    out_num(o, base + t->start);
    out_str(o, ",\"len\":");
    out_num(o, t->len);
    out_str(o, ",\"cstart\":");
    out_num(o, cpbase + t->cp_start);
    out_str(o, ",\"clen\":");
    out_num(o, t->cp_len);
    out_str(o, t->flags & TN_TOK_SPACE_AFTER ? ",\"space\":true"
                                             : ",\"space\":false");
    out_str(o, t->flags & TN_TOK_SENT_END ? ",\"sent_end\":true}\n"
                                          : ",\"sent_end\":false}\n");
    break;
  default: { /* conllu: collect the sentence, write it at its end */
    if (w->ntoks == w->cap &&
        tn_grow((void **)&w->toks, &w->cap, w->ntoks + 1, sizeof *w->toks))
      return -1;
    w->toks[w->ntoks++] = *t;
    if (!(t->flags & TN_TOK_SENT_END)) break;
    /* # text: the sentence as written, each whitespace run one space */
    tn_buf_clear(&w->text);
    for (size_t i = 0; i < w->ntoks; i++) {
      const tn_token *k = &w->toks[i];
      if (tn_buf_append(&w->text, s + k->start, k->len)) return -1;
      if ((k->flags & TN_TOK_SPACE_AFTER) && i + 1 < w->ntoks &&
          tn_buf_putc(&w->text, ' '))
        return -1;
    }
    if (w->newpar) out_str(o, "# newpar\n");
    out_str(o, "# sent_id = ");
    out_num(o, w->sent);
    out_c(o, '\n');
    out_str(o, "# text = ");
    out_put(o, w->text.data, w->text.len);
    out_c(o, '\n');
    for (size_t i = 0; i < w->ntoks; i++) {
      const tn_token *k = &w->toks[i];
      out_num(o, i + 1);
      out_c(o, '\t');
      out_put(o, s + k->start, k->len);
      out_str(o, "\t_\t_\t_\t_\t_\t_\t_\t");
      int no_space = !(k->flags & (TN_TOK_SPACE_AFTER | TN_TOK_PARA_END));
      out_str(o, no_space ? "SpaceAfter=No\n" : "_\n");
    }
    out_c(o, '\n');
    w->ntoks = 0;
    break;
  }
  }
  if (t->flags & TN_TOK_SENT_END) w->sent_open = 0;
  if (t->flags & TN_TOK_PARA_END) w->para_open = 0;
  return o->err ? -1 : 0;
}

/* Length of an incomplete UTF-8 sequence at the very end of s[0..n) (it
 * may complete in the next read), or 0. */
static size_t incomplete_tail(const unsigned char *s, size_t n) {
  for (size_t k = 1; k <= 3 && k <= n; k++) {
    unsigned char c = s[n - k];
    if ((c & 0xC0) == 0x80) continue;
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/* Code points in s[0..n) of valid UTF-8: the bytes that are not
 * continuation bytes, counted eight at a time. */
static unsigned long long count_cps(const char *s, size_t n) {
  unsigned long long cont = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
    uint64_t m = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    cont += (m * 0x0101010101010101ull) >> 56; /* sum of the bytes */
  }
  for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
  return n - cont;
}

int cmd_tokenize(int argc, char **argv) {
  static const struct option longopts[] = {
      {"format", required_argument, 0, 'f'},
      {"repair-utf8", no_argument, 0, OPT_REPAIR_UTF8},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  int format = FMT_TOKENS, repair = 0;
  optind = 1;
  opterr = 0;
  int opt;
  while ((opt = getopt_long(argc, argv, "+f:h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'f':
      if (strcmp(optarg, "tokens") == 0) format = FMT_TOKENS;
      else if (strcmp(optarg, "conllu") == 0) format = FMT_CONLLU;
      else if (strcmp(optarg, "tsv") == 0) format = FMT_TSV;
      else if (strcmp(optarg, "jsonl") == 0) format = FMT_JSONL;
      else
        return cli_usage("tokenize",
                         "--format takes tokens, conllu, tsv or jsonl, not '%s'",
                         optarg);
      break;
    case OPT_REPAIR_UTF8: repair = 1; break;
    case 'h': fputs(tokenize_help, stdout); return EXIT_OK;
    case ':':
      return cli_usage("tokenize", "option '%s' needs a value", argv[optind - 1]);
    default:
      return cli_usage("tokenize", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (argc - optind > 1) return cli_usage("tokenize", "give at most one FILE");
  const char *path = optind < argc ? argv[optind] : "-";
  const char *name = strcmp(path, "-") == 0 ? "standard input" : path;
  FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!in) {
    cli_error("cannot open %s: %s", path, strerror(errno));
    return EXIT_FAIL;
  }

  static out o;
  o.f = stdout;
  o.n = 0;
  o.err = 0;
  writer w;
  memset(&w, 0, sizeof w);
  w.format = format;
  w.o = &o;
  tn_buf text = TN_BUF_INIT, raw = TN_BUF_INIT;
  tn_tokenizer *tok = tn_tok_new();
  int rc = EXIT_OK;
  unsigned long long base = 0, cpbase = 0, rawbase = 0, repaired = 0;
  if (!tok) goto nomem;
  if (format == FMT_TSV)
    out_str(&o, "sent\tpara\tform\tkind\tstart\tlen\tcstart\tclen\tnorm\tspace\n");

  /* text = carried-over text (already checked) + the new piece; the last
   * bytes may be an incomplete UTF-8 sequence that the next read ends. */
  size_t checked = 0;
  int eof = 0;
  while (!eof) {
    /* 16 bytes of slack past the data for the 16-byte copies below */
    if (tn_buf_reserve(&text, PIECE + 32)) goto nomem;
    size_t got = fread(text.data + text.len, 1, PIECE, in);
    if (got < PIECE) {
      if (ferror(in)) {
        cli_error("%s: read error: %s", name, strerror(errno));
        rc = EXIT_FAIL;
        goto done;
      }
      eof = 1;
    }
    text.len += got;
    size_t usable = text.len;
    if (!eof)
      usable -= incomplete_tail((const unsigned char *)text.data, text.len);
    size_t ok = checked + tn_utf8_valid_prefix(text.data + checked,
                                               usable - checked);
    if (ok < usable) {
      if (!repair) {
        cli_error("%s: byte %llu: invalid UTF-8 (byte 0x%02X); fix the file "
                  "or run with --repair-utf8 to replace bad bytes by U+FFFD",
                  name, rawbase + (ok - checked),
                  (unsigned char)text.data[ok]);
        rc = EXIT_FAIL;
        goto done;
      }
      /* Repair the new bytes through a side buffer, keeping the tail. */
      tn_buf_clear(&raw);
      if (tn_buf_append(&raw, text.data + checked, text.len - checked))
        goto nomem;
      text.len = checked;
      long n = tn_utf8_repair(raw.data, usable - checked, &text);
      if (n < 0) goto nomem;
      repaired += (unsigned long long)n;
      size_t tail = raw.len - (usable - checked);
      rawbase += usable - checked;
      usable = text.len;
      if (tn_buf_append(&text, raw.data + raw.len - tail, tail)) goto nomem;
    } else {
      rawbase += usable - checked;
    }

    /* Tokenize what can be decided; carry the rest into the next round. */
    if (eof) tn_tok_reset(tok, text.data, usable);
    else tn_tok_reset_partial(tok, text.data, usable);
    tn_token t;
    if (format == FMT_TOKENS) {
      /* The format the scorer and most pipes read: no per-token calls
       * beyond the tokenizer's own. */
      while (tn_tok_next(tok, &t)) {
        if (o.n + t.len + 2 > sizeof o.buf) {
          out_flush(&o);
          if (t.len + 2 > sizeof o.buf) {
            out_put(&o, text.data + t.start, t.len);
            out_str(&o, t.flags & TN_TOK_SENT_END ? "\n\n" : "\n");
            continue;
          }
        }
        char *d = o.buf + o.n;
        /* Most tokens are short: one fixed 16-byte copy (both buffers have
         * the slack) instead of a call. */
        if (t.len <= 16 && o.n + 16 <= sizeof o.buf)
          memcpy(d, text.data + t.start, 16);
        else
          memcpy(d, text.data + t.start, t.len);
        d[t.len] = '\n';
        d[t.len + 1] = '\n';
        o.n += t.len + 1 + ((t.flags & TN_TOK_SENT_END) != 0);
      }
      if (o.err) goto werr;
    } else {
      while (tn_tok_next(tok, &t))
        if (write_token(&w, text.data, &t, base, cpbase)) goto werr;
    }
    size_t used = eof ? usable : tn_tok_consumed(tok);
    cpbase += count_cps(text.data, used);
    base += used;
    memmove(text.data, text.data + used, text.len - used);
    text.len -= used;
    checked = usable - used;
  }
  out_flush(&o);
  if (o.err || fflush(stdout)) goto werr;
  if (repaired)
    cli_error("%s: replaced %llu invalid UTF-8 sequence%s by U+FFFD", name,
              repaired, repaired == 1 ? "" : "s");
  goto done;
nomem:
  cli_error("%s: out of memory", name);
  rc = EXIT_FAIL;
  goto done;
werr:
  if (o.err || ferror(stdout)) cli_error("cannot write the output: %s", strerror(errno));
  else cli_error("%s: out of memory", name);
  rc = EXIT_FAIL;
done:
  if (in != stdin) fclose(in);
  tn_tok_free(tok);
  tn_buf_free(&text);
  tn_buf_free(&raw);
  tn_buf_free(&w.norm);
  tn_buf_free(&w.json);
  tn_buf_free(&w.text);
  tn_free(w.toks);
  return rc;
}
