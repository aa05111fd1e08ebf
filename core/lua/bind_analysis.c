/* The Lua face of core/analysis: corpus:store, corpus:count and the
 * tussen.Freq type, and the opening of tussen.stats and the corpus methods.
 * The counting itself stays in C; Lua sees only the rows it asks for.
 * Options are read in bind_options.c, kwic and collocates live in
 * bind_concord.c. */
#include <string.h>

#include "analysis/freq.h"
#include "analysis/store.h"
#include "lua/bind_analysis.h"
#include "lua/internal.h"
#include "util/alloc.h"

#define TN_STORE_T "tussen.Store"
#define TN_REG_STORES "tussen.stores" /* corpus userdata -> Store (weak) */

typedef struct lstore {
  tn_store *s;
} lstore;

/* ---- the store, built once per corpus ------------------------------------ */

/* The corpus of a tussen.Corpus userdata: l_corpus.c keeps the pointer as
 * its first member. */
static tn_corpus *corpus_of(lua_State *L, int idx) {
  tn_corpus **c = luaL_checkudata(L, idx, TN_CORPUS_T);
  if (!*c) luaL_error(L, "the corpus is closed");
  return *c;
}

static int store_gc(lua_State *L) {
  lstore *u = luaL_checkudata(L, 1, TN_STORE_T);
  tn_store_free(u->s);
  u->s = NULL;
  return 0;
}

/* The store of the corpus at idx, building it on first use. */
tn_store *tn_get_store(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  tn_corpus *c = corpus_of(L, idx);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_STORES);
  lua_pushvalue(L, idx);
  if (lua_rawget(L, -2) == LUA_TUSERDATA) {
    lstore *u = lua_touserdata(L, -1);
    lua_pop(L, 2);
    return u->s;
  }
  lua_pop(L, 1);
  lstore *u = lua_newuserdatauv(L, sizeof *u, 1);
  u->s = NULL;
  luaL_setmetatable(L, TN_STORE_T);
  lua_pushvalue(L, idx); /* keeps the corpus alive as long as the store */
  lua_setiuservalue(L, -2, 1);
  tn_error err;
  tn_error_clear(&err);
  if (tn_store_build(&u->s, c, &err) != TN_OK) {
    char msg[1200];
    tn_error_format(&err, msg, sizeof msg);
    luaL_error(L, "%s", msg);
  }
  lua_pushvalue(L, idx);
  lua_pushvalue(L, -2);
  lua_rawset(L, -4);
  lua_pop(L, 2);
  return u->s;
}

void tn_raise_error(lua_State *L, const char *what, const tn_error *err) {
  luaL_error(L, "%s: %s", what, err->message[0] ? err->message
                                                 : tn_strerror(err->status));
}

/* corpus:store([{index = true}]): builds the token store (once) and
 * describes it; with index, also the inverted index, which makes every
 * later kwic and collocates call cost its matches instead of a pass over
 * the corpus (worth it for many queries on a large corpus). */
static int l_store(lua_State *L) {
  tn_store *s = tn_get_store(L, 1);
  if (!lua_isnoneornil(L, 2)) {
    static const char *const keys[] = {"index", NULL};
    int o = tn_opt_table(L, 2, "store", keys);
    if (tn_opt_bool(L, o, "store", "index", 0) && tn_store_index(s) != TN_OK)
      return luaL_error(L, "out of memory");
  }
  lua_createtable(L, 0, 6);
  lua_pushinteger(L, (lua_Integer)s->ndocs);
  lua_setfield(L, -2, "documents");
  lua_pushinteger(L, (lua_Integer)s->nsents);
  lua_setfield(L, -2, "sentences");
  lua_pushinteger(L, (lua_Integer)s->ntokens);
  lua_setfield(L, -2, "tokens");
  lua_pushinteger(L, (lua_Integer)tn_store_vocab_size(s, TN_LAYER_FORM));
  lua_setfield(L, -2, "forms");
  lua_pushinteger(L, (lua_Integer)tn_store_vocab_size(s, TN_LAYER_NORM));
  lua_setfield(L, -2, "norms");
  lua_pushinteger(L, (lua_Integer)tn_store_vocab_size(s, TN_LAYER_STEM));
  lua_setfield(L, -2, "stems");
  lua_pushboolean(L, s->idx_pos != NULL);
  lua_setfield(L, -2, "index");
  return 1;
}

/* ---- corpus:count --------------------------------------------------------- */

static int freq_gc(lua_State *L) {
  lfreq *u = luaL_checkudata(L, 1, TN_FREQ_T);
  tn_freq_free(u->f);
  tn_free(u->dp);
  tn_free(u->dp_norm);
  tn_free(u->counted);
  u->f = NULL;
  u->dp = u->dp_norm = NULL;
  u->counted = NULL;
  return 0;
}

static const char *const count_keys[] = {
    "by",    "n",     "kinds",  "min_len", "max_len", "match",
    "regex", "stopwords", "min", "top",    "group",   "docs",
    "cross_sentences", "keep", "forms", "dp", NULL};

/* The opt-in Lua filter: keep(term, norm) is called once per form type
 * (never per token: the counting stays in C) and decides with a boolean. */
static void apply_keep(lua_State *L, int fn, const tn_store *s,
                       tn_term_filter *f, uint8_t *extra) {
  size_t nforms = tn_store_vocab_size(s, TN_LAYER_FORM);
  for (size_t id = 0; id < nforms; id++) {
    lua_pushvalue(L, fn);
    uint32_t t = tn_store_map(s, f->by, (uint32_t)id);
    lua_pushstring(L, tn_store_str(s, f->by, t));
    lua_pushstring(L, tn_store_str(s, TN_LAYER_NORM, s->form_norm[id]));
    lua_call(L, 2, 1);
    extra[id] = (uint8_t)lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
}

/* corpus:count([opts]): a tussen.Freq. */
static int l_count(lua_State *L) {
  const char *fname = "count";
  const tn_store *s = tn_get_store(L, 1);
  int o = tn_opt_table(L, 2, fname, count_keys);
  tn_freq_opts fo;
  memset(&fo, 0, sizeof fo);
  tn_opt_filter(L, o, fname, &fo.filter);
  fo.n = (int)tn_opt_int(L, o, fname, "n", 1, 1, TN_NGRAM_MAX);
  fo.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 0, 0, INT32_MAX);
  fo.top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
  fo.group = tn_opt_str(L, o, fname, "group", NULL);
  fo.cross_sentences = tn_opt_bool(L, o, fname, "cross_sentences", 0);
  fo.docs = tn_opt_docs(L, o, fname, s);
  fo.forms = tn_opt_bool(L, o, fname, "forms", 0);
  fo.dp = tn_opt_bool(L, o, fname, "dp", 0);
  if (lua_getfield(L, o, "keep") != LUA_TNIL) {
    if (!lua_isfunction(L, -1))
      luaL_error(L, "%s: option 'keep' must be a function(term, norm)", fname);
    int fn = lua_gettop(L);
    size_t nforms = tn_store_vocab_size(s, TN_LAYER_FORM);
    uint8_t *keep = lua_newuserdatauv(L, nforms ? nforms : 1, 0);
    apply_keep(L, fn, s, &fo.filter, keep);
    fo.filter.forms = keep;
  }
  lfreq *u = lua_newuserdatauv(L, sizeof *u, 0);
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, TN_FREQ_T);
  tn_error err;
  tn_error_clear(&err);
  if (tn_freq_count(&u->f, s, &fo, &err) != TN_OK) tn_raise_error(L, fname, &err);
  return 1;
}

lfreq *tn_new_freq(lua_State *L) {
  lfreq *u = lua_newuserdatauv(L, sizeof *u, 0);
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, TN_FREQ_T);
  return u;
}

lfreq *tn_check_freq(lua_State *L, int idx) {
  lfreq *u = luaL_checkudata(L, idx, TN_FREQ_T);
  if (!u->f) luaL_error(L, "the frequency list is closed");
  return u;
}

/* The group named by the argument at idx (default: the only one, else an
 * error listing the names). */
const tn_freq_group *tn_find_group(lua_State *L, const tn_freq *f, int idx,
                                       const char *fname) {
  if (lua_isnoneornil(L, idx)) {
    if (f->ngroups == 1) return &f->groups[0];
    if (f->ngroups == 0) luaL_error(L, "%s: the list has no groups", fname);
    luaL_error(L, "%s: the list has %d groups; name one (\"%s\", ...)", fname,
               (int)f->ngroups, f->groups[0].name);
  }
  const char *name = luaL_checkstring(L, idx);
  for (size_t g = 0; g < f->ngroups; g++)
    if (strcmp(f->groups[g].name, name) == 0) return &f->groups[g];
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (size_t g = 0; g < f->ngroups && g < 10; g++) {
    if (g) luaL_addstring(&b, ", ");
    luaL_addstring(&b, f->groups[g].name);
  }
  if (f->ngroups > 10) luaL_addstring(&b, ", ...");
  luaL_pushresult(&b);
  luaL_error(L, "%s: no group '%s' (groups: %s)", fname, name,
             lua_tostring(L, -1));
  return NULL;
}

static void push_row(lua_State *L, const tn_freq_group *g,
                     const tn_freq_row *r, int with_group, int dp) {
  lua_createtable(L, 0, 5);
  if (with_group) {
    lua_pushstring(L, g->name);
    lua_setfield(L, -2, "group");
  }
  lua_pushstring(L, r->term);
  lua_setfield(L, -2, "term");
  lua_pushinteger(L, (lua_Integer)r->count);
  lua_setfield(L, -2, "count");
  lua_pushinteger(L, (lua_Integer)r->docs);
  lua_setfield(L, -2, "docs");
  lua_pushnumber(L, g->tokens ? (double)r->count * 1e6 / (double)g->tokens : 0);
  lua_setfield(L, -2, "per_million");
  if (r->form) {
    lua_pushstring(L, r->form);
    lua_setfield(L, -2, "form");
  }
  if (dp) {
    lua_pushnumber(L, r->dp);
    lua_setfield(L, -2, "dp");
    lua_pushnumber(L, r->dp_norm);
    lua_setfield(L, -2, "dp_norm");
  }
}

/* freq:rows([group [, n]]): a table of term, count, docs, per_million
 * (the first n rows of each group; 0 or none: all); with several groups
 * and none named, every group with a "group" column. */
static int freq_rows(lua_State *L) {
  lfreq *u = tn_check_freq(L, 1);
  const tn_freq *f = u->f;
  int all = lua_isnoneornil(L, 2) && f->ngroups != 1;
  lua_Integer limit = luaL_optinteger(L, 3, 0);
  luaL_argcheck(L, limit >= 0, 3, "the number of rows is 0 (all) or more");
  lua_settop(L, 3);
  const tn_freq_group *one = all ? NULL : tn_find_group(L, f, 2, "rows");
  lua_newtable(L);
  lua_Integer k = 0;
  for (size_t g = 0; g < f->ngroups; g++) {
    if (one && one != &f->groups[g]) continue;
    size_t n = f->groups[g].nrows;
    if (limit && (size_t)limit < n) n = (size_t)limit; /* per group */
    tn_freq_order(&u->f->groups[g], n);
    for (size_t i = 0; i < n; i++) {
      push_row(L, &f->groups[g], &f->groups[g].rows[i], all, f->dp);
      lua_rawseti(L, -2, ++k);
    }
  }
  const char *cols[9];
  int c = 0;
  if (all) cols[c++] = "group";
  cols[c++] = "term";
  if (f->forms) cols[c++] = "form";
  cols[c++] = "count";
  cols[c++] = "docs";
  cols[c++] = "per_million";
  if (f->dp) {
    cols[c++] = "dp";
    cols[c++] = "dp_norm";
  }
  cols[c] = NULL;
  tn_make_table(L, cols);
  return 1;
}

/* freq:groups(): name, documents, tokens, counted, types per group. */
static int freq_groups(lua_State *L) {
  lfreq *u = tn_check_freq(L, 1);
  lua_settop(L, 1);
  lua_createtable(L, (int)u->f->ngroups, 0);
  for (size_t g = 0; g < u->f->ngroups; g++) {
    const tn_freq_group *gr = &u->f->groups[g];
    lua_createtable(L, 0, 5);
    lua_pushstring(L, gr->name);
    lua_setfield(L, -2, "name");
    lua_pushinteger(L, gr->ndocs);
    lua_setfield(L, -2, "docs");
    lua_pushinteger(L, (lua_Integer)gr->tokens);
    lua_setfield(L, -2, "tokens");
    lua_pushinteger(L, (lua_Integer)gr->counted);
    lua_setfield(L, -2, "counted");
    lua_pushinteger(L, (lua_Integer)gr->types);
    lua_setfield(L, -2, "types");
    lua_rawseti(L, -2, (lua_Integer)g + 1);
  }
  static const char *const cols[] = {"name", "docs", "tokens", "counted",
                                     "types", NULL};
  tn_make_table(L, cols);
  return 1;
}

/* freq:count(term[, group]): the count of one term (0 when absent). */
static int freq_count(lua_State *L) {
  lfreq *u = tn_check_freq(L, 1);
  size_t len;
  const char *term = luaL_checklstring(L, 2, &len);
  const tn_freq_group *g = tn_find_group(L, u->f, 3, "count");
  uint32_t id = tn_intern_find(&u->f->terms, term, len);
  lua_Integer n = 0;
  if (id != TN_INTERN_NONE)
    for (size_t i = 0; i < g->nrows; i++)
      if (g->rows[i].id == id) n = (lua_Integer)g->rows[i].count;
  lua_pushinteger(L, n);
  return 1;
}

/* freq:dp(term): Gries's DP and DPnorm over the groups (count with
 * group = "id" for dispersion over documents); nil for an unknown term. */
static int freq_dp(lua_State *L) {
  lfreq *u = tn_check_freq(L, 1);
  size_t len;
  const char *term = luaL_checklstring(L, 2, &len);
  if (!u->dp) {
    size_t nt = tn_intern_count(&u->f->terms);
    u->dp = tn_malloc((nt ? nt : 1) * sizeof *u->dp);
    u->dp_norm = tn_malloc((nt ? nt : 1) * sizeof *u->dp_norm);
    u->counted = tn_calloc(nt ? nt : 1, 1);
    if (!u->dp || !u->dp_norm || !u->counted ||
        tn_freq_dp(u->f, u->dp, u->dp_norm) != TN_OK) {
      tn_free(u->dp);
      tn_free(u->dp_norm);
      tn_free(u->counted);
      u->dp = u->dp_norm = NULL;
      u->counted = NULL;
      return luaL_error(L, "out of memory");
    }
    /* a list's terms may include some in none of its rows (a scan's list
     * shares the scan's terms): those are unknown here too */
    for (size_t g = 0; g < u->f->ngroups; g++)
      for (size_t i = 0; i < u->f->groups[g].nrows; i++)
        u->counted[u->f->groups[g].rows[i].id] = 1;
  }
  uint32_t id = tn_intern_find(&u->f->terms, term, len);
  if (id == TN_INTERN_NONE || !u->counted[id]) {
    luaL_pushfail(L);
    return 1;
  }
  lua_pushnumber(L, u->dp[id]);
  lua_pushnumber(L, u->dp_norm[id]);
  return 2;
}

/* freq:dfm([format]): the sparse document-feature matrix as "csv" (default)
 * or "json" text. */
static int freq_dfm(lua_State *L) {
  lfreq *u = tn_check_freq(L, 1);
  static const char *const fmts[] = {"csv", "json", NULL};
  int fmt = luaL_checkoption(L, 2, "csv", fmts);
  tn_buf b = TN_BUF_INIT;
  tn_status st = tn_dfm_write(u->f, fmt ? TN_DFM_JSON : TN_DFM_CSV, &b);
  if (st != TN_OK) {
    tn_buf_free(&b);
    return luaL_error(L, "out of memory");
  }
  lua_pushlstring(L, b.data ? b.data : "", b.len);
  tn_buf_free(&b);
  return 1;
}

static int freq_tostring(lua_State *L) {
  lfreq *u = luaL_checkudata(L, 1, TN_FREQ_T);
  if (!u->f) lua_pushstring(L, TN_FREQ_T " (closed)");
  else
    lua_pushfstring(L, TN_FREQ_T " (%s, n=%d, %d groups)",
                    tn_layer_name(u->f->by), u->f->n, (int)u->f->ngroups);
  return 1;
}

static const luaL_Reg freq_methods[] = {{"rows", freq_rows},
                                        {"groups", freq_groups},
                                        {"count", freq_count},
                                        {"dp", freq_dp},
                                        {"dfm", freq_dfm},
                                        {NULL, NULL}};

static const luaL_Reg corpus_methods[] = {{"store", l_store},
                                          {"count", l_count},
                                          {"kwic", tn_l_kwic},
                                          {"collocates", tn_l_collocates},
                                          {NULL, NULL}};

static void new_type(lua_State *L, const char *name, lua_CFunction gc,
                     const luaL_Reg *methods) {
  luaL_newmetatable(L, name);
  lua_pushcfunction(L, gc);
  lua_setfield(L, -2, "__gc");
  if (methods) {
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
  }
  /* getmetatable() gives false: a script cannot swap methods or call
   * __gc by hand, as for the other tussen types. */
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

void tn_open_analysis(lua_State *L) {
  new_type(L, TN_STORE_T, store_gc, NULL);
  new_type(L, TN_STOPWORDS_T, tn_l_stopwords_gc, NULL);
  new_type(L, TN_FREQ_T, freq_gc, freq_methods);
  luaL_getmetatable(L, TN_FREQ_T);
  lua_pushcfunction(L, freq_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pop(L, 1);
  /* corpus -> store, weak keys: a store lives as long as its corpus */
  lua_newtable(L);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, "k");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_STORES);
  luaL_getmetatable(L, TN_CORPUS_T);
  if (lua_getfield(L, -1, "__index") == LUA_TTABLE)
    luaL_setfuncs(L, corpus_methods, 0);
  lua_pop(L, 2);
  lua_newtable(L);
  luaL_setfuncs(L, tn_stats_funcs, 0);
  lua_setfield(L, -2, "stats");
}
