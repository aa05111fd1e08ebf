/* What a script returns, converted into the result tree the writers
 * render: lists, records (keys sorted unless tussen.table/tussen.record
 * gave an order), scalars. Anything else is an error naming where it is
 * ("result.documents[3].doc"). */
#include <stdlib.h>
#include <string.h>

#include "lua/internal.h"

#define MAX_DEPTH 100

typedef struct conv {
  tn_result *out;
  char path[512];
} conv;

static int cmp_key(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends ".key" (s given) or "[i]" to the path shown in errors. */
static void path_push(conv *c, size_t *mark, const char *s, lua_Integer i) {
  *mark = strlen(c->path);
  size_t room = sizeof c->path - *mark;
  if (s) snprintf(c->path + *mark, room, ".%s", s);
  else snprintf(c->path + *mark, room, "[%lld]", (long long)i);
}

static tn_rvalue *convert(lua_State *L, conv *c, int idx, int depth);

static void oom(lua_State *L) { luaL_error(L, "out of memory"); }

/* The names of a tussen.table / tussen.record mark, or 0. */
static int marked(lua_State *L, int idx, const char *field) {
  if (!lua_getmetatable(L, idx)) return 0;
  /* only the marks tussen.table and tussen.record make, not any metatable
   * that happens to have a field of that name */
  const char *want = strcmp(field, "columns") == 0 ? TN_TABLE_T : TN_RECORD_T;
  lua_pushliteral(L, "__name"); /* raw: no script code runs here */
  lua_rawget(L, -2);
  int ours = lua_type(L, -1) == LUA_TSTRING &&
             strcmp(lua_tostring(L, -1), want) == 0;
  lua_pop(L, 1);
  if (ours) {
    lua_pushstring(L, field);
    lua_rawget(L, -2);
  }
  if (!ours || lua_type(L, -1) != LUA_TTABLE) {
    lua_pop(L, ours ? 2 : 1);
    return 0;
  }
  lua_remove(L, -2);
  return 1;
}

static tn_rvalue *convert_list(lua_State *L, conv *c, int idx, size_t n,
                               int depth) {
  tn_rvalue *v = tn_rv_list(c->out, n);
  if (!v) oom(L);
  if (marked(L, idx, "columns")) {
    size_t nc = (size_t)lua_rawlen(L, -1);
    const char **cols = lua_newuserdatauv(L, (nc ? nc : 1) * sizeof *cols, 0);
    for (size_t i = 0; i < nc; i++) {
      if (lua_rawgeti(L, -2, (lua_Integer)i + 1) != LUA_TSTRING)
        luaL_error(L, "%s: the column names must be strings (use "
                      "tussen.table)",
                   c->path);
      cols[i] = lua_tostring(L, -1);
      lua_pop(L, 1); /* still referenced by the columns table */
    }
    if (tn_rv_set_columns(c->out, v, cols, nc)) oom(L);
    lua_pop(L, 2);
  }
  for (size_t i = 0; i < n; i++) {
    size_t mark;
    path_push(c, &mark, NULL, (lua_Integer)i + 1);
    lua_rawgeti(L, idx, (lua_Integer)i + 1);
    v->items[i] = convert(L, c, lua_gettop(L), depth + 1);
    lua_pop(L, 1);
    c->path[mark] = '\0';
  }
  return v;
}

static tn_rvalue *convert_record(lua_State *L, conv *c, int idx, size_t n,
                                 int depth) {
  /* keys: the declared order first, then the others sorted */
  size_t nlisted = 0;
  int has_order = marked(L, idx, "keys");
  if (has_order) nlisted = (size_t)lua_rawlen(L, -1);
  size_t extra = 0;
  tn_rvalue *v = tn_rv_record(c->out, n + nlisted);
  if (!v) oom(L);
  for (size_t i = 0; i < nlisted; i++) {
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TSTRING)
      luaL_error(L, "%s: the key names must be strings (use tussen.record)",
                 c->path);
    size_t len;
    const char *k = lua_tolstring(L, -1, &len);
    if (tn_rv_set_key(c->out, v, i, k, len)) oom(L);
    lua_pop(L, 1);
  }
  size_t count = nlisted;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    size_t len;
    const char *k = lua_tolstring(L, -1, &len);
    int listed = 0;
    for (size_t i = 0; i < nlisted && !listed; i++)
      listed = strcmp(v->keys[i], k) == 0;
    if (listed) continue;
    if (tn_rv_set_key(c->out, v, count++, k, len)) oom(L);
    extra++;
  }
  if (has_order) lua_pop(L, 1);
  v->n = count;
  qsort(v->keys + nlisted, extra, sizeof *v->keys, cmp_key);
  for (size_t i = 0; i < count; i++) {
    size_t mark;
    path_push(c, &mark, v->keys[i], 0);
    lua_pushstring(L, v->keys[i]);
    lua_rawget(L, idx);
    v->items[i] = lua_isnil(L, -1) ? NULL : convert(L, c, lua_gettop(L),
                                                     depth + 1);
    lua_pop(L, 1);
    c->path[mark] = '\0';
  }
  return v;
}

static tn_rvalue *convert_table(lua_State *L, conv *c, int idx, int depth) {
  if (depth > MAX_DEPTH) {
    c->path[40] = '\0'; /* the start says where; the rest repeats */
    luaL_error(L, "%s...: nested more than %d deep (does a table contain "
                  "itself?)",
               c->path, MAX_DEPTH);
  }
  luaL_checkstack(L, 8, "result nested too deeply");
  size_t n = 0, nint = 0, nstr = 0;
  lua_Integer max = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    n++;
    if (lua_type(L, -1) == LUA_TSTRING) {
      nstr++;
    } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
      nint++;
      if (lua_tointeger(L, -1) > max) max = lua_tointeger(L, -1);
    } else {
      luaL_error(L, "%s: a table key must be a name or a list position, not "
                    "%s %s",
                 c->path, lua_type(L, -1) == LUA_TNUMBER ? "the number" : "a",
                 lua_type(L, -1) == LUA_TNUMBER ? lua_tostring(L, -1)
                                                : luaL_typename(L, -1));
    }
  }
  int is_list = marked(L, idx, "columns");
  if (is_list) lua_pop(L, 1);
  int is_record = marked(L, idx, "keys");
  if (is_record) lua_pop(L, 1);
  if (nint && nstr)
    luaL_error(L, "%s: a table mixes list items and named fields; return "
                  "them separately (e.g. {rows = list, total = n})",
               c->path);
  if (nint && (size_t)max != nint)
    luaL_error(L, "%s: the list has holes (%d items, the last at [%d]); "
                  "nil cannot be a list item",
               c->path, (int)nint, (int)max);
  if (is_list && nstr)
    luaL_error(L, "%s: tussen.table marks a list, but this table has named "
                  "fields",
               c->path);
  if (nstr || is_record) return convert_record(L, c, idx, n, depth);
  return convert_list(L, c, idx, n, depth);
}

static tn_rvalue *convert(lua_State *L, conv *c, int idx, int depth) {
  tn_rvalue *v = NULL;
  switch (lua_type(L, idx)) {
  case LUA_TNIL: v = tn_rv_null(c->out); break;
  case LUA_TBOOLEAN: v = tn_rv_bool(c->out, lua_toboolean(L, idx)); break;
  case LUA_TNUMBER:
    if (lua_isinteger(L, idx)) v = tn_rv_int(c->out, lua_tointeger(L, idx));
    else v = tn_rv_number(c->out, lua_tonumber(L, idx));
    break;
  case LUA_TSTRING: {
    size_t len;
    const char *s = lua_tolstring(L, idx, &len);
    v = tn_rv_string(c->out, s, len);
    break;
  }
  case LUA_TTABLE: return convert_table(L, c, idx, depth);
  default: {
    const char *tname = luaL_typename(L, idx);
    if (luaL_getmetafield(L, idx, "__name") == LUA_TSTRING)
      tname = lua_tostring(L, -1);
    luaL_error(L, "%s: cannot show a %s; return strings, numbers, booleans "
                  "and tables of them%s",
               c->path, tname,
               strcmp(tname, TN_DOC_T) == 0 ? " (e.g. doc.id)" : "");
  }
  }
  if (!v) oom(L);
  return v;
}

static int convert_root(lua_State *L) {
  conv *c = lua_touserdata(L, 2);
  if (lua_isnil(L, 1)) return 0;
  c->out->root = convert(L, c, 1, 0);
  return 0;
}

int tn_to_result(lua_State *L, int idx, tn_result *out) {
  conv c;
  c.out = out;
  strcpy(c.path, "result");
  idx = lua_absindex(L, idx);
  lua_pushcfunction(L, convert_root);
  lua_pushvalue(L, idx);
  lua_pushlightuserdata(L, &c);
  return lua_pcall(L, 2, 0, 0);
}
