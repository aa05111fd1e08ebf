/* The sandbox: each chunk gets its own _ENV holding only safe functions,
 * with strict globals; load takes source text only; require reads
 * scripts/lib/ and the script's own directory; string.dump, io, os (but
 * time, clock, date), debug and package are out of reach. */
#include <errno.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lua/internal.h"

/* ---- strict globals ------------------------------------------------------ */

/* Names a script may reach for out of habit, and what to use instead. */
static const char *const withheld[][2] = {
    {"print", "scripts return their results; tussen.log.info writes a "
              "message to stderr"},
    {"io", "tussen.data reads data files, tussen.corpus.load corpora"},
    {"dofile", "use require for Lua modules"},
    {"loadfile", "use require for Lua modules"},
    {"package", "use require for Lua modules"},
    {"debug", "errors come with a traceback of your frames already"},
    {"warn", "use tussen.log.warn"},
    {NULL, NULL}};

static int strict_index(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    const char *name = lua_tostring(L, 2);
    for (size_t i = 0; withheld[i][0]; i++)
      if (strcmp(name, withheld[i][0]) == 0)
        return luaL_error(L, "'%s' is not available in the sandbox: %s", name,
                          withheld[i][1]);
    return luaL_error(L, "undeclared global '%s' (declare it with 'local')",
                      name);
  }
  return luaL_error(L, "undeclared global");
}

static int strict_newindex(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING)
    return luaL_error(L,
                      "assignment to undeclared global '%s' (declare it "
                      "with 'local')",
                      lua_tostring(L, 2));
  return luaL_error(L, "assignment to undeclared global");
}

void tn_push_env(lua_State *L) {
  lua_newtable(L);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_SANDBOX);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -5);
  }
  lua_pop(L, 1);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, "_G");
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_STRICT);
  lua_setmetatable(L, -2);
}

/* ---- reading files ------------------------------------------------------- */

int tn_push_file(lua_State *L, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    luaL_pushfail(L);
    lua_pushfstring(L, "cannot open '%s': %s", path, strerror(errno));
    return 2;
  }
  if (!S_ISREG(st.st_mode)) {
    luaL_pushfail(L);
    lua_pushfstring(L, "cannot read '%s': not a regular file", path);
    return 2;
  }
  /* The room is Lua memory made before the file is opened, so the memory
   * cap can raise only while nothing needs closing. */
  size_t size = (size_t)st.st_size;
  char *room = lua_newuserdatauv(L, size ? size : 1, 0);
  FILE *f = fopen(path, "rb");
  if (!f) {
    lua_pop(L, 1);
    luaL_pushfail(L);
    lua_pushfstring(L, "cannot open '%s': %s", path, strerror(errno));
    return 2;
  }
  size_t n = fread(room, 1, size, f);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    lua_pop(L, 1);
    luaL_pushfail(L);
    lua_pushfstring(L, "cannot read '%s'", path);
    return 2;
  }
  lua_pushlstring(L, room, n);
  lua_remove(L, -2);
  return 1;
}

int tn_load_chunk(lua_State *L, const char *path, const char *chunkname) {
  if (tn_push_file(L, path) == 2) {
    lua_remove(L, -2);
    return LUA_ERRFILE;
  }
  size_t len;
  const char *src = lua_tolstring(L, -1, &len);
  /* A leading "#!" line is allowed, as lua does; keep the line count. */
  if (len >= 2 && src[0] == '#' && src[1] == '!') {
    size_t i = 0;
    while (i < len && src[i] != '\n') i++;
    src += i;
    len -= i;
  }
  int st = luaL_loadbufferx(L, src, len, chunkname, "t");
  lua_remove(L, -2); /* the source */
  if (st != LUA_OK) return st;
  tn_push_env(L);
  lua_setupvalue(L, -2, 1);
  return LUA_OK;
}

/* ---- safe replacements --------------------------------------------------- */

static const char *reader(lua_State *L, void *ud, size_t *size) {
  (void)ud;
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    *size = 0;
    return NULL;
  }
  if (!lua_isstring(L, -1)) luaL_error(L, "reader function must return a string");
  lua_replace(L, 5); /* keep the piece alive */
  return lua_tolstring(L, 5, size);
}

/* load(chunk [, chunkname [, mode [, env]]]): text only, and the default
 * environment is a fresh sandbox one, never the host's globals. */
static int safe_load(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, 1, &len);
  const char *mode = luaL_optstring(L, 3, "t");
  if (!strchr(mode, 't'))
    return luaL_error(L, "load: binary chunks are not allowed in tussen "
                         "scripts (mode must be \"t\")");
  int has_env = !lua_isnone(L, 4);
  int st;
  if (s) {
    const char *name = luaL_optstring(L, 2, s);
    st = luaL_loadbufferx(L, s, len, name, "t");
  } else {
    const char *name = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 5);
    st = lua_load(L, reader, NULL, name, "t");
  }
  if (st != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (has_env) lua_pushvalue(L, 4);
  else tn_push_env(L);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  return 1;
}

/* setmetatable without finalizers: Lua runs __gc with hooks switched off,
 * so a finalizer would escape every limit (and could run at lua_close,
 * after the run). An object is marked for finalization only when its
 * metatable has __gc as it is set, so refusing that field here is enough. */
static int safe_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (t == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "setmetatable: __gc (finalizers) is not allowed "
                           "in tussen scripts");
    lua_pop(L, 1);
  }
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

static int safe_collectgarbage(lua_State *L) {
  const char *opt = luaL_optstring(L, 1, "count");
  if (strcmp(opt, "count") != 0)
    return luaL_error(L, "collectgarbage: only \"count\" is available in "
                         "tussen scripts");
  int k = lua_gc(L, LUA_GCCOUNT, 0);
  int b = lua_gc(L, LUA_GCCOUNTB, 0);
  lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
  return 1;
}

/* coroutine.create/wrap: every new thread gets the limit hook. Lua 5.4
 * copies the hook into new threads already; setting it here keeps that
 * true whatever the Lua version does. */
static int co_create(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *co = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  tn_set_hook(co);
  return 1;
}

static int co_wrap_call(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int narg = lua_gettop(L);
  int status = lua_status(co);
  if (status != LUA_OK && status != LUA_YIELD)
    return luaL_error(L, "cannot resume dead coroutine");
  if (status == LUA_OK && lua_gettop(co) == 0)
    return luaL_error(L, "cannot resume dead coroutine");
  if (!lua_checkstack(co, narg)) return luaL_error(L, "too many arguments");
  lua_xmove(L, co, narg);
  int nres;
  status = lua_resume(co, L, narg, &nres);
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) return luaL_error(L, "too many results");
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1); /* the error object */
  if (status != LUA_ERRMEM) lua_resetthread(co);
  return lua_error(L);
}

static int co_wrap(lua_State *L) {
  co_create(L);
  lua_pushcclosure(L, co_wrap_call, 1);
  return 1;
}

/* ---- require -------------------------------------------------------------- */

static int valid_module_name(const char *s) {
  if (!*s || *s == '.') return 0;
  for (const char *p = s; *p; p++) {
    if (*p == '.' && (p[1] == '.' || p[1] == '\0')) return 0;
    if (!(*p == '.' || *p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
          (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
      return 0;
  }
  return 1;
}

static int readable(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* require(name): "tussen", or NAME.lua (dots as slashes) from the script's
 * own directory, then scripts/lib/. Source text only, no C modules. */
static int safe_require(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_LOADED); /* 2 */
  lua_getfield(L, 2, name);
  if (lua_toboolean(L, -1)) {
    if (lua_islightuserdata(L, -1))
      return luaL_error(L, "require: '%s' requires itself (a loop)", name);
    return 1;
  }
  lua_pop(L, 1);
  if (strcmp(name, "tussen") == 0) {
    lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_MODULE);
    return 1;
  }
  if (!valid_module_name(name))
    return luaL_error(L, "require: bad module name '%s' (letters, digits, "
                         "'_', '-' and '.' between parts)",
                      name);
  tn_rt *rt = tn_rt_of(L);
  luaL_Buffer b;
  lua_pushstring(L, name);
  lua_pushstring(L, luaL_gsub(L, name, ".", "/")); /* 4: rel path */
  lua_remove(L, -2);
  lua_remove(L, 3);
  const char *rel = lua_tostring(L, 3);
  const char *found = NULL, *chunk = NULL;
  if (rt->dir) {
    found = lua_pushfstring(L, "%s/%s.lua", rt->dir, rel);
    if (!readable(found)) {
      lua_pop(L, 1);
      found = NULL;
    } else {
      chunk = lua_pushfstring(L, "@%s%s%s.lua",
                              strcmp(rt->dir, ".") == 0 ? "" : rt->dir,
                              strcmp(rt->dir, ".") == 0 ? "" : "/", rel);
    }
  }
  if (!found && rt->opts.scripts_dir) {
    found = lua_pushfstring(L, "%s/lib/%s.lua", rt->opts.scripts_dir, rel);
    if (!readable(found)) {
      lua_pop(L, 1);
      found = NULL;
    } else {
      chunk = lua_pushfstring(L, "@scripts/lib/%s.lua", rel);
    }
  }
  if (!found) {
    luaL_buffinit(L, &b);
    luaL_where(L, 1);
    luaL_addvalue(&b);
    lua_pushfstring(L, "require: module '%s' not found in ", name);
    luaL_addvalue(&b);
    if (rt->dir) {
      lua_pushfstring(L, "the script's directory (%s/%s.lua) or ", rt->dir,
                      rel);
      luaL_addvalue(&b);
    }
    lua_pushfstring(L, "scripts/lib/%s.lua", rel);
    luaL_addvalue(&b);
    luaL_pushresult(&b);
    return lua_error(L);
  }
  /* loading sentinel, for loops */
  lua_pushlightuserdata(L, (void *)&safe_require);
  lua_setfield(L, 2, name);
  if (tn_load_chunk(L, found, chunk) != LUA_OK) {
    lua_pushnil(L);
    lua_setfield(L, 2, name);
    return lua_error(L);
  }
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, 2, name);
  return 1;
}

/* ---- the template ---------------------------------------------------------- */

static const char *const base_safe[] = {
    "assert", "error",  "ipairs", "next",     "pairs",        "pcall",
    "rawequal", "rawget", "rawlen", "rawset", "select",       "tonumber",
    "tostring", "type",   "xpcall", "getmetatable", "_VERSION", NULL};

static void copy_lib(lua_State *L, int tmpl, const char *name,
                     lua_CFunction open, const char *const *keep) {
  luaL_requiref(L, name, open, 0);
  if (keep) {
    lua_newtable(L);
    for (const char *const *k = keep; *k; k++) {
      lua_getfield(L, -2, *k);
      lua_setfield(L, -2, *k);
    }
    lua_remove(L, -2);
  }
  lua_setfield(L, tmpl, name);
}

void tn_sandbox_open(lua_State *L) {
  luaL_requiref(L, "_G", luaopen_base, 1);
  int g = lua_gettop(L);
  lua_newtable(L);
  int tmpl = lua_gettop(L);
  for (const char *const *k = base_safe; *k; k++) {
    lua_getfield(L, g, *k);
    lua_setfield(L, tmpl, *k);
  }
  lua_pushcfunction(L, safe_load);
  lua_setfield(L, tmpl, "load");
  lua_pushcfunction(L, safe_setmetatable);
  lua_setfield(L, tmpl, "setmetatable");
  lua_pushcfunction(L, safe_collectgarbage);
  lua_setfield(L, tmpl, "collectgarbage");
  lua_pushcfunction(L, safe_require);
  lua_setfield(L, tmpl, "require");

  /* string: dump goes from the table that is also the string metatable's
   * __index, so ("").dump is gone too; the metatable is locked. */
  luaL_requiref(L, "string", luaopen_string, 0);
  lua_pushnil(L);
  lua_setfield(L, -2, "dump");
  lua_setfield(L, tmpl, "string");
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  copy_lib(L, tmpl, "table", luaopen_table, NULL);
  copy_lib(L, tmpl, "math", luaopen_math, NULL);
  copy_lib(L, tmpl, "utf8", luaopen_utf8, NULL);
  static const char *const os_keep[] = {"time", "clock", "date", "difftime",
                                        NULL};
  copy_lib(L, tmpl, "os", luaopen_os, os_keep);
  static const char *const co_keep[] = {"close",  "isyieldable", "resume",
                                        "running", "status",      "yield",
                                        NULL};
  copy_lib(L, tmpl, "coroutine", luaopen_coroutine, co_keep);
  lua_getfield(L, tmpl, "coroutine");
  lua_pushcfunction(L, co_create);
  lua_setfield(L, -2, "create");
  lua_pushcfunction(L, co_wrap);
  lua_setfield(L, -2, "wrap");
  lua_pop(L, 1);

  tn_open_tussen(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_MODULE);
  lua_setfield(L, tmpl, "tussen");

  lua_pushvalue(L, tmpl);
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_SANDBOX);

  lua_newtable(L);
  lua_pushcfunction(L, strict_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, strict_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_STRICT);

  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_LOADED);
  lua_settop(L, g - 1);
}
