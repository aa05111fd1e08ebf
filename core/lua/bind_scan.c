/* The Lua face of core/analysis/scan: corpus:scan, the tussen.Scan it
 * gives (count, collocates, kwic), and the tussen.Source that a script
 * declaring corpus = "stream" gets as ctx.corpus: its files are read in
 * one streaming pass by source:scan, or loaded whole by source:load. */
#include <stdlib.h>
#include <string.h>

#include "analysis/scan.h"
#include "corpus/stream.h"
#include "lua/bind_analysis.h"
#include "lua/bind_scan.h"
#include "util/alloc.h"

#define TN_SCAN_T "tussen.Scan"
#define TN_SOURCE_T "tussen.Source"

typedef struct lscan {
  tn_scan *sc;
} lscan;

static int scan_gc(lua_State *L) {
  lscan *u = luaL_checkudata(L, 1, TN_SCAN_T);
  tn_scan_free(u->sc);
  u->sc = NULL;
  return 0;
}

static tn_scan *check_scan(lua_State *L, int idx) {
  lscan *u = luaL_checkudata(L, idx, TN_SCAN_T);
  if (!u->sc) luaL_error(L, "the scan is closed");
  return u->sc;
}

static const char *const scan_keys[] = {
    "by",        "kinds", "min_len", "max_len", "match",  "regex",
    "stopwords", "group", "tokens",  "threads", "memory", NULL};

/* The run's progress line while a source is read: documents and MB, of
 * the files' total when none is gzipped (a .gz's size says nothing of
 * the bytes it holds). */
static void scan_progress(void *ud, uint64_t docs, unsigned long long bytes) {
  tn_rt *rt = ud;
  tn_progress info = {"reading", (size_t)docs, 0, bytes, rt->scan_total};
  rt->opts.progress(rt->opts.progress_ud, &info);
}

/* Reads the options at o and pushes a new, empty tussen.Scan that keeps
 * its stopword set alive. */
static tn_scan *new_scan(lua_State *L, int o, const char *fname) {
  tn_scan_opts so;
  memset(&so, 0, sizeof so);
  int top = lua_gettop(L);
  tn_opt_filter(L, o, fname, &so.filter);
  so.group = tn_opt_str(L, o, fname, "group", NULL);
  so.keep_tokens = tn_opt_bool(L, o, fname, "tokens", 1);
  so.threads = (int)tn_opt_int(L, o, fname, "threads", 0, 0, 8);
  /* MB of kept tokens held in memory; the rest goes to a temporary file */
  size_t mb =
      (size_t)tn_opt_int(L, o, fname, "memory",
                         (lua_Integer)(TN_SCAN_TOKEN_MEMORY >> 20), 0, 1 << 20);
  so.token_memory = mb ? mb << 20 : 1; /* 0: every token to the file */
  so.stop = tn_interrupted;
  tn_rt *rt = tn_rt_of(L);
  if (rt->opts.progress) {
    so.progress = scan_progress;
    so.progress_ud = rt;
  }
  /* the stopword set tn_opt_filter made or found, somewhere above top */
  int stop_idx = 0;
  for (int i = lua_gettop(L); so.filter.stop && i > top; i--) {
    const tn_stopwords **sw = luaL_testudata(L, i, TN_STOPWORDS_T);
    if (sw && (const void *)sw == (const void *)so.filter.stop) stop_idx = i;
  }
  lscan *u = lua_newuserdatauv(L, sizeof *u, 1);
  u->sc = NULL;
  luaL_setmetatable(L, TN_SCAN_T);
  if (stop_idx) {
    lua_pushvalue(L, stop_idx);
    lua_setiuservalue(L, -2, 1);
  }
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_new(&u->sc, &so, &err) != TN_OK) tn_raise_error(L, fname, &err);
  return u->sc;
}

/* corpus:scan([opts]): counts a loaded corpus in one pass. */
static int l_corpus_scan(lua_State *L) {
  const char *fname = "scan";
  tn_corpus **cp = luaL_checkudata(L, 1, TN_CORPUS_T);
  if (!*cp) return luaL_error(L, "the corpus is closed");
  int o = tn_opt_table(L, 2, fname, scan_keys);
  tn_scan *sc = new_scan(L, o, fname);
  tn_error err;
  tn_error_clear(&err);
  tn_limits_pause(L);
  tn_status st = tn_scan_corpus(sc, *cp, &err);
  tn_limits_resume(L);
  if (st != TN_OK) tn_raise_error(L, fname, &err);
  return 1;
}

/* corpus:load(): the corpus itself, so that a streaming script can ask
 * for the loaded corpus whether the runner streamed it or loaded it. */
static int l_corpus_load(lua_State *L) {
  luaL_checkudata(L, 1, TN_CORPUS_T);
  lua_settop(L, 1);
  return 1;
}

/* scan:totals(): documents, tokens, sentences. */
static int scan_totals(lua_State *L) {
  tn_scan_totals t = tn_scan_get_totals(check_scan(L, 1));
  lua_createtable(L, 0, 3);
  lua_pushinteger(L, (lua_Integer)t.documents);
  lua_setfield(L, -2, "documents");
  lua_pushinteger(L, (lua_Integer)t.tokens);
  lua_setfield(L, -2, "tokens");
  lua_pushinteger(L, (lua_Integer)t.sentences);
  lua_setfield(L, -2, "sentences");
  return 1;
}

/* scan:count([opts]): a tussen.Freq, as corpus:count gives it. */
static int scan_count(lua_State *L) {
  const char *fname = "scan:count";
  tn_scan *sc = check_scan(L, 1);
  static const char *const keys[] = {"group", "min", "top",
                                     "forms", "dp",  NULL};
  int o = tn_opt_table(L, 2, fname, keys);
  tn_freq_opts fo;
  memset(&fo, 0, sizeof fo);
  int grouped = tn_opt_bool(L, o, fname, "group", 0);
  fo.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 0, 0, INT32_MAX);
  fo.top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
  fo.forms = tn_opt_bool(L, o, fname, "forms", 0);
  fo.dp = tn_opt_bool(L, o, fname, "dp", 0);
  lfreq *u = tn_new_freq(L);
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_freq(&u->f, sc, grouped, &fo, &err) != TN_OK)
    tn_raise_error(L, fname, &err);
  return 1;
}

/* scan:collocates(nodes[, opts]): the rows corpus:collocates gives for a
 * list of nodes with exact = true. */
static int scan_collocates(lua_State *L) {
  const char *fname = "scan:collocates";
  tn_scan *sc = check_scan(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  static const char *const keys[] = {"window", "left", "right", "sentence",
                                     "min",    "sort", "top",   NULL};
  int o = tn_opt_table(L, 3, fname, keys);
  tn_colloc_opts co;
  memset(&co, 0, sizeof co);
  tn_opt_colloc_window(L, o, fname, &co);
  co.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 0, 0, INT32_MAX);
  const char *sort = tn_opt_str(L, o, fname, "sort", "logdice");
  int so = tn_assoc_from_name(sort);
  if (so < 0)
    luaL_error(L, "%s: sort must be logdice, mi, mi3, t, ll or freq, not '%s'",
               fname, sort);
  co.sort = (tn_assoc)so;
  size_t n;
  const char **nodes = tn_check_nodes(L, 2, 1, fname, &n);
  tn_colloc **c = tn_new_colloc_box(L, n);
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_colloc(c, sc, nodes, n, &co, &err) != TN_OK)
    tn_raise_error(L, fname, &err);
  tn_push_colloc_table(L, c, nodes, n, 1);
  return 1;
}

static int kwic_gc(lua_State *L) {
  tn_scan_kwic **box = lua_touserdata(L, 1);
  tn_scan_kwic_free(*box);
  *box = NULL;
  return 0;
}

/* scan:kwic(term[, opts]): the lines corpus:kwic gives with exact = true. */
static int scan_kwic(lua_State *L) {
  const char *fname = "scan:kwic";
  tn_scan *sc = check_scan(L, 1);
  const char *term = luaL_checkstring(L, 2);
  static const char *const keys[] = {"width", "limit", NULL};
  int o = tn_opt_table(L, 3, fname, keys);
  size_t width = (size_t)tn_opt_int(L, o, fname, "width", 5, 1, 1000);
  size_t limit = (size_t)tn_opt_int(L, o, fname, "limit", 0, 0, INT32_MAX);
  tn_scan_kwic **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, kwic_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  tn_error err;
  tn_error_clear(&err);
  if (tn_scan_kwic_run(box, sc, term, width, limit, &err) != TN_OK)
    tn_raise_error(L, fname, &err);
  const tn_scan_kwic *k = *box;
  lua_createtable(L, (int)k->nlines, 0);
  for (size_t i = 0; i < k->nlines; i++) {
    const tn_scan_line *ln = &k->lines[i];
    tn_push_kwic_row(L, ln->doc, strlen(ln->doc), (lua_Integer)ln->position,
                     ln->left, ln->match, ln->right);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  tn_scan_kwic_free(*box);
  *box = NULL;
  tn_make_table(L, tn_kwic_cols);
  return 1;
}

/* ---- tussen.Source ---------------------------------------------------------
 */

typedef struct lsource {
  char **paths;
  size_t npaths;
  tn_load_report *report; /* the run's, for the first pass only */
  int used;
} lsource;

static int source_gc(lua_State *L) {
  lsource *u = luaL_checkudata(L, 1, TN_SOURCE_T);
  for (size_t i = 0; u->paths && i < u->npaths; i++)
    tn_free(u->paths[i]);
  tn_free(u->paths);
  u->paths = NULL;
  return 0;
}

/* The report a pass fills: the run's for the first (what the run tells
 * of the corpus), a scratch one for later passes over the same files. */
static tn_load_report *pass_report(lsource *u, tn_load_report *scratch) {
  tn_load_report_init(scratch);
  if (u->used++ == 0 && u->report) return u->report;
  return scratch;
}

/* A file of the run's corpus could not be read: the run fails with the
 * message a load gives (file, line, byte), not as a script error. */
static void corpus_failed(lua_State *L, const tn_error *err) {
  tn_rt *rt = tn_rt_of(L);
  tn_error_format(err, rt->corpus_error, sizeof rt->corpus_error);
  luaL_error(L, "%s", rt->corpus_error);
}

/* source:scan([opts]): reads the files in one streaming pass. */
static int source_scan(lua_State *L) {
  const char *fname = "scan";
  lsource *u = luaL_checkudata(L, 1, TN_SOURCE_T);
  int o = tn_opt_table(L, 2, fname, scan_keys);
  tn_scan *sc = new_scan(L, o, fname);
  tn_rt *rt = tn_rt_of(L);
  tn_load_report scratch;
  tn_load_report *rep = pass_report(u, &scratch);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = TN_OK;
  rt->streamed = 1;
  rt->scan_total = 0;
  for (size_t i = 0; i < u->npaths; i++) {
    size_t n = strlen(u->paths[i]);
    if (n > 3 && strcmp(u->paths[i] + n - 3, ".gz") == 0) {
      rt->scan_total = 0;
      break;
    }
    rt->scan_total +=
        tn_corpus_input_size((const char *const *)&u->paths[i], 1);
  }
  tn_limits_pause(L);
  for (size_t i = 0; i < u->npaths && st == TN_OK; i++)
    st =
        tn_scan_file(sc, u->paths[i], TN_SCAN_BATCH, &rt->opts.load, rep, &err);
  tn_limits_resume(L);
  tn_load_report_free(&scratch);
  if (st != TN_OK) corpus_failed(L, &err);
  return 1;
}

/* source:load(): the whole corpus, as a tussen.Corpus. */
static int source_load(lua_State *L) {
  lsource *u = luaL_checkudata(L, 1, TN_SOURCE_T);
  tn_rt *rt = tn_rt_of(L);
  tn_corpus *c = tn_corpus_new();
  if (!c) return luaL_error(L, "out of memory");
  tn_load_report scratch;
  tn_load_report *rep = pass_report(u, &scratch);
  tn_error err;
  tn_error_clear(&err);
  tn_limits_pause(L);
  tn_status st = tn_corpus_load(c, (const char *const *)u->paths, u->npaths,
                                &rt->opts.load, rep, &err);
  tn_limits_resume(L);
  tn_load_report_free(&scratch);
  if (st != TN_OK) {
    tn_corpus_free(c);
    corpus_failed(L, &err);
  }
  tn_push_corpus(L, c, 1);
  return 1;
}

void tn_push_source(lua_State *L, const char *const *paths, size_t n,
                    tn_load_report *report) {
  lsource *u = lua_newuserdatauv(L, sizeof *u, 0);
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, TN_SOURCE_T);
  u->paths = tn_calloc(n ? n : 1, sizeof *u->paths);
  if (!u->paths) luaL_error(L, "out of memory");
  for (size_t i = 0; i < n; i++) {
    u->paths[i] = tn_strndup(paths[i], strlen(paths[i]));
    if (!u->paths[i]) luaL_error(L, "out of memory");
    u->npaths = i + 1;
  }
  u->report = report;
}

static void new_type(lua_State *L, const char *name, lua_CFunction gc,
                     const luaL_Reg *methods) {
  luaL_newmetatable(L, name);
  lua_pushcfunction(L, gc);
  lua_setfield(L, -2, "__gc");
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

void tn_open_scan(lua_State *L) {
  static const luaL_Reg scan_methods[] = {{"count", scan_count},
                                          {"collocates", scan_collocates},
                                          {"kwic", scan_kwic},
                                          {"totals", scan_totals},
                                          {NULL, NULL}};
  static const luaL_Reg source_methods[] = {
      {"scan", source_scan}, {"load", source_load}, {NULL, NULL}};
  new_type(L, TN_SCAN_T, scan_gc, scan_methods);
  new_type(L, TN_SOURCE_T, source_gc, source_methods);
  luaL_getmetatable(L, TN_CORPUS_T);
  if (lua_getfield(L, -1, "__index") == LUA_TTABLE) {
    lua_pushcfunction(L, l_corpus_scan);
    lua_setfield(L, -2, "scan");
    lua_pushcfunction(L, l_corpus_load);
    lua_setfield(L, -2, "load");
  }
  lua_pop(L, 2);
}
