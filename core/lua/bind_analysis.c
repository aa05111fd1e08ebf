/* The Lua face of core/analysis: corpus:count, corpus:kwic,
 * corpus:collocates, corpus:store, the tussen.Freq type and tussen.stats.
 * The counting itself stays in C; Lua sees only the rows it asks for. */
#include <string.h>

#include "analysis/colloc.h"
#include "analysis/freq.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/store.h"
#include "lua/bind_analysis.h"
#include "lua/internal.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

#define TN_STORE_T "tussen.Store"
#define TN_STOPWORDS_T "tussen.Stopwords"
#define TN_REG_STORES "tussen.stores" /* corpus userdata -> Store (weak) */

typedef struct lstore {
  tn_store *s;
} lstore;

typedef struct lstop {
  tn_stopwords sw;
  int init;
} lstop;

/* The corpus of a tussen.Corpus userdata: l_corpus.c keeps the pointer as
 * its first member. */
static tn_corpus *corpus_of(lua_State *L, int idx) {
  tn_corpus **c = luaL_checkudata(L, idx, TN_CORPUS_T);
  if (!*c) luaL_error(L, "the corpus is closed");
  return *c;
}

/* ---- the store, built once per corpus ------------------------------------ */

static int store_gc(lua_State *L) {
  lstore *u = luaL_checkudata(L, 1, TN_STORE_T);
  tn_store_free(u->s);
  u->s = NULL;
  return 0;
}

/* The store of the corpus at idx, building it on first use. */
static tn_store *get_store(lua_State *L, int idx) {
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

static void raise_error(lua_State *L, const char *what, const tn_error *err) {
  luaL_error(L, "%s: %s", what, err->message[0] ? err->message
                                                 : tn_strerror(err->status));
}

/* corpus:store([{index = true}]): builds the token store (once) and
 * describes it; with index, also the inverted index, which makes every
 * later kwic and collocates call cost its matches instead of a pass over
 * the corpus (worth it for many queries on a large corpus). */
static int l_store(lua_State *L) {
  tn_store *s = get_store(L, 1);
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

/* ---- options -------------------------------------------------------------- */

/* Reads opts[key] (table at idx) as a kind of value; returns 0 when absent. */
static int opt_get(lua_State *L, int idx, const char *fname, const char *key,
                   int type) {
  if (lua_getfield(L, idx, key) == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  if (lua_type(L, -1) != type && !(type == LUA_TNUMBER && lua_isinteger(L, -1)))
    luaL_error(L, "%s: option '%s' must be a %s, not a %s", fname, key,
               lua_typename(L, type), luaL_typename(L, -1));
  return 1;
}

lua_Integer tn_opt_int(lua_State *L, int idx, const char *fname,
                           const char *key, lua_Integer def, lua_Integer lo,
                           lua_Integer hi) {
  if (!opt_get(L, idx, fname, key, LUA_TNUMBER)) return def;
  int isint;
  lua_Integer v = lua_tointegerx(L, -1, &isint);
  lua_pop(L, 1);
  if (!isint || v < lo || v > hi)
    luaL_error(L, "%s: option '%s' must be a whole number from %d to %d", fname,
               key, (int)lo, (int)hi);
  return v;
}

int tn_opt_bool(lua_State *L, int idx, const char *fname, const char *key,
                    int def) {
  if (!opt_get(L, idx, fname, key, LUA_TBOOLEAN)) return def;
  int v = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return v;
}

/* A string option; the string stays on the stack (the caller's frame keeps
 * the options table, which holds it too). */
static const char *opt_str(lua_State *L, int idx, const char *fname,
                           const char *key, const char *def) {
  if (!opt_get(L, idx, fname, key, LUA_TSTRING)) return def;
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1); /* still referenced by the options table */
  return s;
}

static tn_layer opt_layer(lua_State *L, int idx, const char *fname) {
  const char *by = opt_str(L, idx, fname, "by", "norm");
  int l = tn_layer_from_name(by);
  if (l < 0)
    luaL_error(L, "%s: option 'by' must be \"form\", \"norm\" or \"stem\", "
                  "not \"%s\"",
               fname, by);
  return (tn_layer)l;
}

static int stop_gc(lua_State *L) {
  lstop *u = luaL_checkudata(L, 1, TN_STOPWORDS_T);
  if (u->init) tn_stopwords_free(&u->sw);
  u->init = 0;
  return 0;
}

static lstop *new_stop(lua_State *L) {
  lstop *u = lua_newuserdatauv(L, sizeof *u, 0);
  tn_stopwords_init(&u->sw);
  u->init = 1;
  luaL_setmetatable(L, TN_STOPWORDS_T);
  return u;
}

/* Adds a source to a stopword set: a list of words, or the name of a data
 * file (scripts/lexicons/, the script's directory, or a "file" argument)
 * read through tussen.data.read. */
static void stop_add_source(lua_State *L, lstop *u, int idx, const char *fname) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) == LUA_TTABLE) {
    lua_Integer n = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= n; i++) {
      if (lua_geti(L, idx, i) != LUA_TSTRING)
        luaL_error(L, "%s: stopword %d is a %s, not a string", fname, (int)i,
                   luaL_typename(L, -1));
      size_t len;
      const char *w = lua_tolstring(L, -1, &len);
      if (tn_stopwords_add(&u->sw, w, len) != TN_OK)
        luaL_error(L, "out of memory");
      lua_pop(L, 1);
    }
    return;
  }
  if (lua_type(L, idx) != LUA_TSTRING)
    luaL_error(L, "%s: stopwords must be a word list file name, a list of "
                  "words or a tussen.Stopwords, not a %s",
               fname, luaL_typename(L, idx));
  const char *name = lua_tostring(L, idx);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_MODULE);
  lua_getfield(L, -1, "data");
  lua_getfield(L, -1, "read");
  lua_pushvalue(L, idx);
  lua_call(L, 1, 2);
  if (lua_isnil(L, -2))
    luaL_error(L, "%s: stopwords: %s", fname, lua_tostring(L, -1));
  size_t len;
  const char *data = lua_tolstring(L, -2, &len);
  tn_error err;
  tn_error_clear(&err);
  if (tn_stopwords_parse(&u->sw, name, data, len, &err) != TN_OK) {
    char msg[1200];
    tn_error_format(&err, msg, sizeof msg);
    luaL_error(L, "%s: %s", fname, msg);
  }
  lua_pop(L, 4);
}

/* tussen.stats.stopwords(source, ...): one set from word lists and files. */
int tn_l_stopwords(lua_State *L) {
  int n = lua_gettop(L);
  lstop *u = new_stop(L);
  for (int i = 1; i <= n; i++) stop_add_source(L, u, i, "stopwords");
  return 1;
}

/* opts.stopwords as a set (pushed on the stack, kept there), or NULL. */
static const tn_stopwords *opt_stopwords(lua_State *L, int idx,
                                         const char *fname) {
  lua_getfield(L, idx, "stopwords");
  if (lua_isnil(L, -1) || (lua_isboolean(L, -1) && !lua_toboolean(L, -1)))
    return NULL; /* nil stays on the stack as a placeholder */
  lstop *u = luaL_testudata(L, -1, TN_STOPWORDS_T);
  if (u) return &u->sw;
  lstop *nu = new_stop(L);
  stop_add_source(L, nu, -2, fname);
  return &nu->sw;
}

/* opts.docs = {kind = ..., parent = ..., id = ...}: a document mask in a
 * userdata (freed by the collector), pushed; NULL when absent. */
static const uint8_t *opt_docs(lua_State *L, int idx, const char *fname,
                               const tn_store *s) {
  if (lua_getfield(L, idx, "docs") == LUA_TNIL) return NULL;
  if (!lua_istable(L, -1))
    luaL_error(L, "%s: option 'docs' must be a table such as "
                  "{kind = \"comment\"}, not a %s",
               fname, luaL_typename(L, -1));
  int t = lua_absindex(L, -1);
  static const char *const keys[] = {"kind", "parent", "id", NULL};
  tn_check_keys(L, t, keys, fname);
  const char *want[3] = {NULL, NULL, NULL};
  for (int i = 0; i < 3; i++) {
    if (lua_getfield(L, t, keys[i]) != LUA_TNIL) {
      if (lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "%s: docs.%s must be a string", fname, keys[i]);
      want[i] = lua_tostring(L, -1);
    }
    lua_pop(L, 1);
  }
  uint8_t *mask = lua_newuserdatauv(L, s->ndocs ? s->ndocs : 1, 0);
  for (size_t d = 0; d < s->ndocs; d++) {
    const tn_doc *doc = tn_corpus_doc(s->corpus, d);
    int ok = 1;
    for (int i = 0; i < 3 && ok; i++) {
      if (!want[i]) continue;
      tn_str v;
      ok = tn_doc_field(doc, keys[i], &v) && v.len == strlen(want[i]) &&
           memcmp(v.ptr, want[i], v.len) == 0;
    }
    mask[d] = (uint8_t)ok;
  }
  return mask;
}

/* The filter options shared by count and collocates. Pushes what must stay
 * alive (stopwords, strings stay in the options table). */
static void opt_filter(lua_State *L, int idx, const char *fname,
                       tn_term_filter *f) {
  memset(f, 0, sizeof *f);
  f->by = opt_layer(L, idx, fname);
  const char *kinds = opt_str(L, idx, fname, "kinds", NULL);
  f->kinds = TN_KIND_BIT(TN_TOK_WORD) | TN_KIND_BIT(TN_TOK_ABBREV) |
             TN_KIND_BIT(TN_TOK_NUMBER) | TN_KIND_BIT(TN_TOK_HASHTAG) |
             TN_KIND_BIT(TN_TOK_MENTION);
  if (kinds) {
    tn_error err;
    tn_error_clear(&err);
    if (tn_kinds_parse(kinds, &f->kinds, &err) != TN_OK)
      luaL_error(L, "%s: option 'kinds': %s", fname, err.message);
  }
  f->min_len = (size_t)tn_opt_int(L, idx, fname, "min_len", 0, 0, 1000000);
  f->max_len = (size_t)tn_opt_int(L, idx, fname, "max_len", 0, 0, 1000000);
  f->glob = opt_str(L, idx, fname, "match", NULL);
  f->regex = opt_str(L, idx, fname, "regex", NULL);
  f->stop = opt_stopwords(L, idx, fname);
}

int tn_opt_table(lua_State *L, int idx, const char *fname,
                     const char *const *keys) {
  if (lua_isnoneornil(L, idx)) {
    if (lua_gettop(L) < idx) lua_settop(L, idx);
    lua_newtable(L);
    lua_replace(L, idx);
  }
  luaL_checktype(L, idx, LUA_TTABLE);
  tn_check_keys(L, idx, keys, fname);
  return idx;
}

/* Calls tussen.table(rows, columns) on the rows at the top. */
void tn_make_table(lua_State *L, const char *const *cols) {
  int rows = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_MODULE);
  lua_getfield(L, -1, "table");
  lua_remove(L, -2);
  lua_pushvalue(L, rows);
  lua_newtable(L);
  for (int i = 0; cols[i]; i++) {
    lua_pushstring(L, cols[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_call(L, 2, 1);
  lua_replace(L, rows);
}

/* ---- corpus:count --------------------------------------------------------- */

static int freq_gc(lua_State *L) {
  lfreq *u = luaL_checkudata(L, 1, TN_FREQ_T);
  tn_freq_free(u->f);
  tn_free(u->dp);
  tn_free(u->dp_norm);
  u->f = NULL;
  u->dp = u->dp_norm = NULL;
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
  const tn_store *s = get_store(L, 1);
  int o = tn_opt_table(L, 2, fname, count_keys);
  tn_freq_opts fo;
  memset(&fo, 0, sizeof fo);
  opt_filter(L, o, fname, &fo.filter);
  fo.n = (int)tn_opt_int(L, o, fname, "n", 1, 1, TN_NGRAM_MAX);
  fo.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 0, 0, INT32_MAX);
  fo.top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
  fo.group = opt_str(L, o, fname, "group", NULL);
  fo.cross_sentences = tn_opt_bool(L, o, fname, "cross_sentences", 0);
  fo.docs = opt_docs(L, o, fname, s);
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
  if (tn_freq_count(&u->f, s, &fo, &err) != TN_OK) raise_error(L, fname, &err);
  return 1;
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
    if (!u->dp || !u->dp_norm || tn_freq_dp(u->f, u->dp, u->dp_norm) != TN_OK) {
      tn_free(u->dp);
      tn_free(u->dp_norm);
      u->dp = u->dp_norm = NULL;
      return luaL_error(L, "out of memory");
    }
  }
  uint32_t id = tn_intern_find(&u->f->terms, term, len);
  if (id == TN_INTERN_NONE) {
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

/* ---- corpus:kwic ---------------------------------------------------------- */

static const char *const kwic_keys[] = {"by",   "width", "sort", "limit",
                                        "docs", "exact", NULL};

static int kwic_gc(lua_State *L) {
  tn_kwic **box = lua_touserdata(L, 1);
  tn_kwic_free(*box);
  *box = NULL;
  return 0;
}

/* corpus:kwic(query[, opts]): a table of doc, position, left, match, right. */
static int l_kwic(lua_State *L) {
  const char *fname = "kwic";
  tn_store *s = get_store(L, 1);
  const char *query = luaL_checkstring(L, 2);
  int o = tn_opt_table(L, 3, fname, kwic_keys);
  tn_kwic_opts ko;
  memset(&ko, 0, sizeof ko);
  ko.by = opt_layer(L, o, fname);
  ko.width = (size_t)tn_opt_int(L, o, fname, "width", 5, 1, 1000);
  ko.limit = (size_t)tn_opt_int(L, o, fname, "limit", 0, 0, INT32_MAX);
  const char *sort = opt_str(L, o, fname, "sort", "position");
  int so = tn_kwic_sort_from_name(sort);
  if (so < 0)
    luaL_error(L, "%s: option 'sort' must be \"position\", \"left\", "
                  "\"right\" or \"match\", not \"%s\"",
               fname, sort);
  ko.sort = (tn_kwic_sort)so;
  ko.docs = opt_docs(L, o, fname, s);
  ko.literal = tn_opt_bool(L, o, fname, "exact", 0);
  /* The result is owned by a userdata while its lines are copied: the
   * copy can raise (the memory limit), and must not leak it then. */
  tn_kwic **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, kwic_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  tn_error err;
  tn_error_clear(&err);
  if (tn_kwic_run(box, s, query, &ko, &err) != TN_OK)
    raise_error(L, fname, &err);
  const tn_kwic *k = *box;
  lua_createtable(L, (int)k->nlines, 0);
  for (size_t i = 0; i < k->nlines; i++) {
    const tn_kwic_line *ln = &k->lines[i];
    if (!lua_checkstack(L, 4)) break;
    lua_createtable(L, 0, 5);
    const tn_doc *d = tn_corpus_doc(s->corpus, ln->doc);
    lua_pushlstring(L, d->id.ptr, d->id.len);
    lua_setfield(L, -2, "doc");
    lua_pushinteger(L, (lua_Integer)(ln->pos - s->doc_start[ln->doc]) + 1);
    lua_setfield(L, -2, "position");
    lua_pushstring(L, ln->left);
    lua_setfield(L, -2, "left");
    lua_pushstring(L, ln->match);
    lua_setfield(L, -2, "match");
    lua_pushstring(L, ln->right);
    lua_setfield(L, -2, "right");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  tn_kwic_free(*box);
  *box = NULL;
  static const char *const cols[] = {"doc", "position", "left", "match",
                                     "right", NULL};
  tn_make_table(L, cols);
  return 1;
}

/* ---- corpus:collocates ---------------------------------------------------- */

static const char *const colloc_keys[] = {
    "by",    "kinds", "min_len", "max_len",  "match", "regex", "stopwords",
    "window", "left", "right",   "sentence", "min",   "sort",  "top",
    "docs",  "exact", NULL};

/* Collocation results owned by a userdata, so a Lua error while their rows
 * are copied cannot leak them. */
typedef struct lcolls {
  tn_colloc **c;
  size_t n;
} lcolls;

static int colls_gc(lua_State *L) {
  lcolls *u = lua_touserdata(L, 1);
  for (size_t i = 0; i < u->n; i++) tn_colloc_free(u->c[i]);
  tn_free(u->c);
  u->c = NULL;
  u->n = 0;
  return 0;
}

static void push_colloc_row(lua_State *L, const tn_colloc_row *r,
                            const char *node, const tn_colloc *c) {
  lua_createtable(L, 0, 10);
  if (node) {
    lua_pushstring(L, node);
    lua_setfield(L, -2, "node");
    lua_pushinteger(L, (lua_Integer)c->f_node);
    lua_setfield(L, -2, "node_freq");
  }
  lua_pushstring(L, r->term);
  lua_setfield(L, -2, "term");
  lua_pushinteger(L, (lua_Integer)r->f_nc);
  lua_setfield(L, -2, "freq");
  lua_pushinteger(L, (lua_Integer)r->f_c);
  lua_setfield(L, -2, "coll_freq");
  for (int m = 0; m < TN_ASSOC_COUNT; m++) {
    lua_pushnumber(L, r->score[m]);
    lua_setfield(L, -2, tn_assoc_name((tn_assoc)m));
  }
}

/* corpus:collocates(node[, opts]): a table of term, freq (co-occurrences),
 * coll_freq, logdice, mi, mi3, t, ll, sorted by opts.sort (logdice); then
 * the node's frequency and the corpus size. With a list of nodes: one
 * table with node and node_freq columns first (the corpus frequencies are
 * counted once for all of them). */
static int l_collocates(lua_State *L) {
  const char *fname = "collocates";
  tn_store *s = get_store(L, 1);
  int many = lua_istable(L, 2);
  if (!many) luaL_checkstring(L, 2);
  int o = tn_opt_table(L, 3, fname, colloc_keys);
  tn_colloc_opts co;
  memset(&co, 0, sizeof co);
  opt_filter(L, o, fname, &co.filter);
  lua_Integer w = tn_opt_int(L, o, fname, "window", 5, 0, 1000);
  co.left = (size_t)tn_opt_int(L, o, fname, "left", w, 0, 1000);
  co.right = (size_t)tn_opt_int(L, o, fname, "right", w, 0, 1000);
  if (co.left == 0 && co.right == 0)
    luaL_error(L, "%s: the window is empty (left = right = 0)", fname);
  co.sentence = tn_opt_bool(L, o, fname, "sentence", 0);
  co.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 1, 1, INT32_MAX);
  co.top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
  const char *sort = opt_str(L, o, fname, "sort", "logdice");
  int a = tn_assoc_from_name(sort);
  if (a < 0)
    luaL_error(L, "%s: option 'sort' must be \"logdice\", \"mi\", \"mi3\", "
                  "\"t\", \"ll\" or \"freq\", not \"%s\"",
               fname, sort);
  co.sort = (tn_assoc)a;
  co.docs = opt_docs(L, o, fname, s);
  co.literal = tn_opt_bool(L, o, fname, "exact", 0);
  size_t n = many ? (size_t)luaL_len(L, 2) : 1;
  if (many && n == 0) luaL_argerror(L, 2, "at least one node expected");
  const char **nodes = lua_newuserdatauv(L, n * sizeof *nodes, 0);
  for (size_t i = 0; i < n; i++) {
    if (!many) {
      nodes[i] = lua_tostring(L, 2);
      continue;
    }
    if (lua_geti(L, 2, (lua_Integer)i + 1) != LUA_TSTRING)
      luaL_error(L, "%s: node %d is a %s, not a string", fname, (int)i + 1,
                 luaL_typename(L, -1));
    nodes[i] = lua_tostring(L, -1); /* kept alive by the list */
    lua_pop(L, 1);
  }
  lcolls *box = lua_newuserdatauv(L, sizeof *box, 0);
  box->c = NULL;
  box->n = 0;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, colls_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  box->c = tn_calloc(n, sizeof *box->c);
  if (!box->c) return luaL_error(L, "out of memory");
  box->n = n;
  tn_error err;
  tn_error_clear(&err);
  if (tn_colloc_run_many(box->c, s, nodes, n, &co, &err) != TN_OK)
    raise_error(L, fname, &err);
  lua_newtable(L);
  lua_Integer k = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < box->c[i]->nrows; j++) {
      push_colloc_row(L, &box->c[i]->rows[j], many ? nodes[i] : NULL,
                      box->c[i]);
      lua_rawseti(L, -2, ++k);
    }
  if (many) {
    static const char *const cols[] = {"node", "node_freq", "term", "freq",
                                       "coll_freq", "logdice", "mi", "mi3",
                                       "t", "ll", NULL};
    tn_make_table(L, cols);
    return 1;
  }
  static const char *const cols[] = {"term", "freq", "coll_freq", "logdice",
                                     "mi",   "mi3",  "t",         "ll",
                                     NULL};
  tn_make_table(L, cols);
  lua_pushinteger(L, (lua_Integer)box->c[0]->f_node);
  lua_pushinteger(L, (lua_Integer)box->c[0]->n);
  return 3;
}

static const luaL_Reg corpus_methods[] = {{"store", l_store},
                                          {"count", l_count},
                                          {"kwic", l_kwic},
                                          {"collocates", l_collocates},
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
  new_type(L, TN_STOPWORDS_T, stop_gc, NULL);
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
