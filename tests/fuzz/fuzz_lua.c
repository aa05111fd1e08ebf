/* libFuzzer target for the Lua runtime: runs scripts inside the real
 * sandbox (tn_script_load + tn_script_run, as `tussen run` does) under a
 * small memory cap and time limit, on a small corpus, and renders what
 * they return in every format. Built twice: TN_FUZZ_LUA_API turns the
 * bytes into a sequence of calls to tussen.text.*, corpus, document,
 * frequency and stats functions with arguments of every type; without it
 * the bytes are the script's source. Whatever happens must end in a
 * result or a clean error message: a crash or sanitizer report is a bug. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus/corpus.h"
#include "fuzz_check.h"
#include "lua/runtime.h"
#include "report/result.h"
#include "util/buf.h"
#include "util/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static tn_corpus *g_corpus;
static char g_path[4096], g_dir[4096];

static void cleanup(void) {
  unlink(g_path);
  rmdir(g_dir);
}

static const char corpus_jsonl[] =
    "{\"id\":\"a1\",\"kind\":\"article\",\"title\":\"Het plein\","
    "\"text\":\"De gemeente wil het plein vernieuwen. Bewoners zijn het er "
    "niet mee eens, want het kost 3,5 miljoen euro.\\n\\nZie "
    "https://example.nl of mail naar info@example.nl :-)\"}\n"
    "{\"id\":\"c1\",\"kind\":\"comment\",\"parent\":\"a1\",\"author\":\"Jan\","
    "\"text\":\"Ik vind het een goed idee, maar het is te duur. #plein\"}\n"
    "{\"id\":\"c2\",\"kind\":\"comment\",\"parent\":\"c1\",\"score\":4,"
    "\"text\":\"Nee hoor! Dat is \xC3\xA9\xC3\xA9n grote gok, bijv. "
    "door de bouw.\"}\n"
    "{\"id\":\"c3\",\"kind\":\"comment\",\"parent\":\"a1\",\"tags\":[1,2],"
    "\"text\":\"\xF0\x9F\x98\x80 Prima! Stra\xC3\x9F" "e, ĲSSEL, 's-Hertogenbosch.\"}\n";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  g_corpus = tn_corpus_new();
  tn_load_options opts;
  memset(&opts, 0, sizeof opts);
  tn_load_report r;
  tn_load_report_init(&r);
  tn_error err;
  tn_error_clear(&err);
  FUZZ_CHECK(g_corpus &&
             tn_corpus_load_buffer(g_corpus, "fuzz.jsonl", corpus_jsonl,
                                   sizeof corpus_jsonl - 1, &opts, &r,
                                   &err) == TN_OK &&
             tn_corpus_finish(g_corpus, &opts, &r) == TN_OK &&
             g_corpus->ndocs == 4);
  tn_load_report_free(&r);
  /* The script's file lives in a directory of its own, so require() and
   * tussen.data find nothing else there. */
  const char *tmp = getenv("TMPDIR");
  char dir[3000];
  snprintf(dir, sizeof dir, "%s/tussen-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  FUZZ_CHECK(mkdtemp(dir) != NULL);
  snprintf(g_dir, sizeof g_dir, "%s", dir);
  snprintf(g_path, sizeof g_path, "%s/fuzz.lua", dir);
  atexit(cleanup);
  return 0;
}

#ifdef TN_FUZZ_LUA_API
/* ---- bytes to calls ---------------------------------------------------- */

typedef struct gen {
  const uint8_t *p, *end;
  tn_buf *out;
} gen;

static unsigned next(gen *g) { return g->p < g->end ? *g->p++ : 0; }

static void put(gen *g, const char *s) { FUZZ_CHECK(tn_buf_puts(g->out, s) == 0); }

/* A Lua string literal of the next n bytes, each as a decimal escape, so
 * any byte (NUL, invalid UTF-8) reaches the API. */
static void put_string(gen *g) {
  size_t n = next(g) % 24;
  put(g, "\"");
  for (size_t i = 0; i < n && g->p < g->end; i++)
    FUZZ_CHECK(tn_buf_printf(g->out, "\\%u", next(g)) == 0);
  put(g, "\"");
}

static const char *const words[] = {
    "plein", "gemeente", "het", "de", "Bewoners", "comment", "article",
    "a1", "c1", "c2", "form", "norm", "stem", "word", "number", "punct",
    "url", "emoji", "csv", "json", "text", "id", "kind", "parent", "title",
    "count", "freq", "docs", "[norm=\"plein\"]", "gemeente .* plein", "",
    "\xC3\xA9\xC3\xA9n", "ĲSSEL", "%s", "\xFF\xFE", "\t\n"};
static const char *const methods[] = {"doc", "docs", "store", "count",
                                      "kwic", "collocates", "close"};
static const char *const keys[] = {
    "by", "top", "min", "max", "kind", "kinds", "parent", "id", "width",
    "sort", "limit", "docs", "window", "target", "reference", "stopwords",
    "n", "min_len", "max_len", "group", "left", "right", "keep", "exact",
    "sentence", "cross_sentences", "forms", "name", "type", "text", "x"};

static void put_value(gen *g, int depth);

static void put_table(gen *g, int depth) {
  unsigned n = next(g) % 5;
  put(g, "{");
  for (unsigned i = 0; i < n; i++) {
    if (next(g) & 1) {
      FUZZ_CHECK(tn_buf_printf(g->out, "[\"%s\"]=",
                               keys[next(g) % (sizeof keys / sizeof *keys)]) == 0);
    }
    put_value(g, depth + 1);
    put(g, ",");
  }
  put(g, "}");
}

static void put_value(gen *g, int depth) {
  unsigned k = next(g);
  switch (depth > 2 ? k % 6 : k % 14) {
  case 0: FUZZ_CHECK(tn_buf_printf(g->out, "v[%u]", next(g) % 8 + 1) == 0); break;
  case 1: put_string(g); break;
  case 2: {
    int32_t i = (int32_t)(next(g) | next(g) << 8 | next(g) << 16 | next(g) << 24);
    FUZZ_CHECK(tn_buf_printf(g->out, "(%ld)", (long)i) == 0);
    break;
  }
  case 3: {
    static const char *const nums[] = {"0", "1", "-1", "2", "0.5", "1e308",
                                       "-1e308", "(1/0)", "(0/0)",
                                       "math.maxinteger", "math.mininteger",
                                       "3", "10", "1000000"};
    put(g, nums[next(g) % (sizeof nums / sizeof *nums)]);
    break;
  }
  case 4: put(g, next(g) & 1 ? "true" : "nil"); break;
  case 5: {
    const char *w = words[next(g) % (sizeof words / sizeof *words)];
    put(g, "\"");
    for (const char *c = w; *c; c++)
      FUZZ_CHECK(tn_buf_printf(g->out, "\\%u", (unsigned char)*c) == 0);
    put(g, "\"");
    break;
  }
  case 6:
  case 7: put_table(g, depth); break;
  case 8: put(g, "c"); break;
  case 9: FUZZ_CHECK(tn_buf_printf(g->out, "c:doc(%u)", next(g) % 6) == 0); break;
  case 10: put(g, "function(...) return "); put_value(g, depth + 1); put(g, " end"); break;
  case 11: put(g, "false"); break;
  case 12: put(g, "tussen"); break;
  default: put(g, "coroutine.create(function() end)"); break;
  }
}

/* The calls, with %a for an argument. */
static const char *const calls[] = {
    "T.lower(%a)", "T.upper(%a)", "T.casefold(%a)", "T.nfc(%a)",
    "T.len(%a)", "T.width(%a)", "T.sub(%a, %a, %a)", "T.sub(%a, %a)",
    "#c", "tostring(c)", "c:doc(%a)", "c:docs(%a)",
    "(function() local n = 0 for d in c:docs(%a) do n = n + #d.text end return n end)()",
    "c:doc(%a).text", "c:doc(%a)[%a]", "c:doc(%a):parent_doc()",
    "c:doc(%a):children()", "(function() c:doc(%a)[%a] = %a end)()",
    "tostring(c:doc(%a))", "c:doc(%a) == c:doc(%a)",
    "c:store(%a)", "c:count(%a)", "c:count(%a):rows(%a)",
    "c:count(%a):groups(%a)", "c:count(%a):count(%a)", "c:count(%a):dp(%a)",
    "c:count(%a):dfm(%a)", "%a:rows(%a)", "%a:count(%a)", "%a:dp(%a)",
    "c:kwic(%a, %a)", "c:collocates(%a, %a)",
    "tussen.stats.keyness(%a, %a)", "tussen.stats.g2(%a, %a, %a, %a)",
    "tussen.stats.assoc(%a, %a)", "tussen.stats.dp(%a, %a)",
    "tussen.stats.stopwords(%a)", "tussen.table(%a, %a)",
    "tussen.record(%a, %a)", "tussen.data.read(%a)", "tussen.data.lines(%a)",
    "tussen.log.info(%a)", "tussen.log.warn(%a)", "c.%w", "c:%w(%a)",
    "%a(%a)", "%a[%a]", "%a .. %a", "#%a", "%a < %a", "setmetatable(%a, %a)",
    "getmetatable(%a)", "next(%a)", "select('#', %a)", "tostring(%a)",
    "coroutine.wrap(function(x) coroutine.yield(%a) return %a end)(%a)",
    "string.rep(%a, %a)", "string.format(%a, %a)", "load(%a)",
    "table.concat(%a, %a)", "utf8.char(%a)", "require(%a)"};

/* A call with its arguments; its result (or error) lands in v[k]. */
static void put_call(gen *g) {
  const char *tmpl = calls[next(g) % (sizeof calls / sizeof *calls)];
  FUZZ_CHECK(tn_buf_printf(g->out, "  v[%u] = select(2, pcall(function() return ",
                           next(g) % 8 + 1) == 0);
  for (const char *t = tmpl; *t; t++) {
    if (t[0] == '%' && t[1] == 'a') {
      /* in parentheses, so a literal can take a method call or index */
      put(g, "(");
      put_value(g, 0);
      put(g, ")");
      t++;
    } else if (t[0] == '%' && t[1] == 'w') {
      put(g, methods[next(g) % (sizeof methods / sizeof *methods)]);
      t++;
    } else {
      FUZZ_CHECK(tn_buf_putc(g->out, *t) == 0);
    }
  }
  put(g, " end))\n");
}

static void make_script(const uint8_t *data, size_t size, tn_buf *out) {
  gen g = {data, data + size, out};
  put(&g, "local tussen = require(\"tussen\")\nlocal T = tussen.text\n"
          "return {description = \"fuzz\", run = function(ctx)\n"
          "  local c = ctx.corpus\n  local v = {}\n");
  for (int i = 0; i < 64 && g.p < g.end; i++) put_call(&g);
  /* What it returns goes through the result conversion and writers. */
  put(&g, "  return ");
  put_value(&g, 0);
  put(&g, "\nend}\n");
}
#endif

/* ---- running ------------------------------------------------------------ */

static void write_file(const char *s, size_t len) {
  FILE *f = fopen(g_path, "wb");
  FUZZ_CHECK(f);
  FUZZ_CHECK(fwrite(s, 1, len, f) == len);
  FUZZ_CHECK(fclose(f) == 0);
}

static void render(const tn_result *res) {
  for (int fmt = TN_FORMAT_TEXT; fmt <= TN_FORMAT_MD; fmt++) {
    tn_buf out = TN_BUF_INIT, omitted = TN_BUF_INIT;
    tn_report_options ro = {NULL, &omitted};
    tn_error err;
    tn_error_clear(&err);
    tn_status st = tn_report_write(res->root, (tn_report_format)fmt, &ro, &out, &err);
    FUZZ_CHECK(st == TN_OK);
    if (fmt == TN_FORMAT_JSON) {
      /* the JSON writer's output is one valid JSON value */
      tn_json j;
      tn_json_init(&j, out.data ? out.data : "", out.len);
      FUZZ_CHECK(tn_json_skip(&j, NULL, NULL) == 0);
      FUZZ_CHECK(tn_json_peek(&j) == TN_JSON_END && !j.msg);
    }
    tn_buf_free(&out);
    tn_buf_free(&omitted);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
#ifdef TN_FUZZ_LUA_API
  tn_buf src = TN_BUF_INIT;
  make_script(data, size, &src);
  /* TN_FUZZ_SHOW=1 prints the script: how a finding is read and replayed */
  if (getenv("TN_FUZZ_SHOW")) fputs(src.data, stderr);
  write_file(src.data, src.len);
  tn_buf_free(&src);
#else
  write_file((const char *)data, size);
#endif
  tn_lua_options lo;
  memset(&lo, 0, sizeof lo);
  lo.memory_limit = (size_t)16 * 1024 * 1024;
  lo.time_limit = 0.25;
  lo.scripts_dir = TN_FUZZ_SCRIPTS;
  lo.quiet = 1;
  tn_script *s = tn_script_new(&lo);
  FUZZ_CHECK(s);
  tn_status st = tn_script_load(s, g_path);
  if (st == TN_OK) {
    tn_result res;
    tn_result_init(&res);
    st = tn_script_run(s, g_corpus, &res);
    if (st == TN_OK) render(&res);
    tn_result_free(&res);
  }
  /* A failure always says what went wrong. */
  FUZZ_CHECK(st != TN_EINTERNAL);
  if (st != TN_OK) FUZZ_CHECK(tn_script_error(s)[0] != '\0');
  if (getenv("TN_FUZZ_SHOW")) fprintf(stderr, "status %d: %s\n", (int)st, tn_script_error(s));
  tn_script_free(s);
  return 0;
}
