/* Option tables of the analysis bindings: checked keys and values, the
 * term filter (by, kinds, match, regex), stopword sets and document masks. */
#include <string.h>

#include "analysis/freq.h"
#include "analysis/store.h"
#include "lua/bind_analysis.h"
#include "lua/internal.h"
#include "text/tokenizer.h"

typedef struct lstop {
  tn_stopwords sw;
  int init;
} lstop;

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
const char *tn_opt_str(lua_State *L, int idx, const char *fname,
                       const char *key, const char *def) {
  if (!opt_get(L, idx, fname, key, LUA_TSTRING)) return def;
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1); /* still referenced by the options table */
  return s;
}

tn_layer tn_opt_layer(lua_State *L, int idx, const char *fname) {
  const char *by = tn_opt_str(L, idx, fname, "by", "norm");
  int l = tn_layer_from_name(by);
  if (l < 0)
    luaL_error(L, "%s: option 'by' must be \"form\", \"norm\" or \"stem\", "
                  "not \"%s\"",
               fname, by);
  return (tn_layer)l;
}

int tn_l_stopwords_gc(lua_State *L) {
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
const uint8_t *tn_opt_docs(lua_State *L, int idx, const char *fname,
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
void tn_opt_filter(lua_State *L, int idx, const char *fname,
                   tn_term_filter *f) {
  memset(f, 0, sizeof *f);
  f->by = tn_opt_layer(L, idx, fname);
  const char *kinds = tn_opt_str(L, idx, fname, "kinds", NULL);
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
  f->glob = tn_opt_str(L, idx, fname, "match", NULL);
  f->regex = tn_opt_str(L, idx, fname, "regex", NULL);
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
