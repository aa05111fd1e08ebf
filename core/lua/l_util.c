/* tussen itself and its small submodules: tussen.log, tussen.table,
 * tussen.record, tussen.data; plus the option checks every binding uses. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lua/bind_scan.h"
#include "lua/internal.h"

/* Optimal string alignment: Levenshtein plus swapped neighbours ("tpo"
 * is one step from "top"), the commonest typo. */
size_t tn_edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 60 || lb > 60) return 100;
  size_t d[61][61];
  for (size_t i = 0; i <= la; i++) d[i][0] = i;
  for (size_t j = 0; j <= lb; j++) d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = d[i - 1][j - 1] + cost;
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

const char *tn_suggest(const char *word, const char *const *valid) {
  static char hint[128];
  const char *best = NULL;
  size_t bestd = 100;
  for (const char *const *v = valid; *v; v++) {
    size_t d = tn_edit_distance(word, *v);
    if (d < bestd) {
      bestd = d;
      best = *v;
    }
  }
  size_t len = strlen(word);
  if (!best || bestd > (len < 5 ? 1 : len < 9 ? 2 : 3)) return "";
  snprintf(hint, sizeof hint, "; did you mean '%s'?", best);
  return hint;
}

void tn_check_keys(lua_State *L, int idx, const char *const *valid,
                   const char *what) {
  idx = lua_absindex(L, idx);
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING) {
      luaL_error(L, "%s: keys must be names, not a %s", what,
                 luaL_typename(L, -1));
    }
    const char *key = lua_tostring(L, -1);
    int ok = 0;
    for (const char *const *v = valid; *v && !ok; v++)
      ok = strcmp(*v, key) == 0;
    if (!ok) {
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      for (const char *const *v = valid; *v; v++) {
        if (v != valid) luaL_addstring(&b, ", ");
        luaL_addstring(&b, *v);
      }
      luaL_pushresult(&b);
      luaL_error(L, "%s: unknown option '%s'%s (valid: %s)", what, key,
                 tn_suggest(key, valid), lua_tostring(L, -1));
    }
  }
}

/* ---- tussen.log ---------------------------------------------------------- */

/* Formats the arguments like string.format. */
static const char *log_message(lua_State *L) {
  if (lua_gettop(L) == 1) return luaL_tolstring(L, 1, NULL);
  lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_SANDBOX);
  lua_getfield(L, -1, "string");
  lua_getfield(L, -1, "format");
  lua_insert(L, 1);
  lua_pop(L, 2);
  lua_call(L, lua_gettop(L) - 1, 1);
  return lua_tostring(L, -1);
}

static int log_emit(lua_State *L, const char *label) {
  luaL_checkany(L, 1);
  const char *msg = log_message(L);
  tn_rt *rt = tn_rt_of(L);
  fprintf(stderr, "tussen: %s: %s%s\n", rt->display ? rt->display : "script",
          label, msg);
  return 0;
}

static int log_info(lua_State *L) {
  luaL_checkany(L, 1);
  if (tn_rt_of(L)->opts.quiet) return 0;
  return log_emit(L, "");
}

static int log_warn(lua_State *L) { return log_emit(L, "warning: "); }

static const luaL_Reg log_funcs[] = {
    {"info", log_info}, {"warn", log_warn}, {NULL, NULL}};

/* ---- tussen.table / tussen.record ---------------------------------------- */

/* Checks a list of distinct names and pushes a copy. */
static void push_names(lua_State *L, int idx, const char *fname) {
  luaL_checktype(L, idx, LUA_TTABLE);
  lua_Integer n = luaL_len(L, idx);
  if (n == 0) luaL_argerror(L, idx, "at least one name expected");
  lua_createtable(L, (int)n, 0);
  lua_newtable(L); /* seen */
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_geti(L, idx, i) != LUA_TSTRING)
      luaL_error(L, "bad argument #%d to '%s' (item %d is a %s, expected a "
                    "name)",
                 idx, fname, (int)i, luaL_typename(L, -1));
    lua_pushvalue(L, -1);
    if (lua_rawget(L, -3) != LUA_TNIL)
      luaL_error(L, "bad argument #%d to '%s' ('%s' is named twice)", idx,
                 fname, lua_tostring(L, -2));
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushboolean(L, 1);
    lua_rawset(L, -4);
    lua_rawseti(L, -3, i);
  }
  lua_pop(L, 1);
}

static int mark(lua_State *L, const char *tname, const char *fname,
                const char *field) {
  luaL_checktype(L, 1, LUA_TTABLE);
  push_names(L, 2, fname);
  lua_createtable(L, 0, 2);
  lua_insert(L, -2);
  lua_setfield(L, -2, field);
  lua_pushstring(L, tname);
  lua_setfield(L, -2, "__name");
  lua_setmetatable(L, 1);
  lua_settop(L, 1);
  return 1;
}

/* tussen.table(rows, columns): rows keep this column order in every
 * format. */
static int util_table(lua_State *L) {
  return mark(L, TN_TABLE_T, "table", "columns");
}

/* tussen.record(fields, keys): the record's keys come in this order. */
static int util_record(lua_State *L) {
  return mark(L, TN_RECORD_T, "record", "keys");
}

/* ---- tussen.data ----------------------------------------------------------- */

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Resolves a data name to a path (pushed), or pushes fail + message. */
static int resolve_data(lua_State *L, const char *name) {
  tn_rt *rt = tn_rt_of(L);
  for (size_t i = 0; i < rt->nfiles; i++)
    if (strcmp(rt->files[i], name) == 0) {
      lua_pushstring(L, name);
      return 1;
    }
  if (name[0] == '/' || strcmp(name, "..") == 0 || strncmp(name, "../", 3) == 0 ||
      strstr(name, "/../") ||
      (strlen(name) >= 3 && strcmp(name + strlen(name) - 3, "/..") == 0))
    return luaL_error(L, "data: '%s' is outside the data directories: name a "
                         "file in scripts/lexicons/ or the script's own "
                         "directory, or pass it as an argument of type "
                         "\"file\"",
                      name);
  if (rt->dir) {
    const char *p = lua_pushfstring(L, "%s/%s", rt->dir, name);
    if (exists(p)) return 1;
    lua_pop(L, 1);
  }
  if (rt->opts.scripts_dir) {
    const char *p =
        lua_pushfstring(L, "%s/lexicons/%s", rt->opts.scripts_dir, name);
    if (exists(p)) return 1;
    lua_pop(L, 1);
  }
  luaL_pushfail(L);
  lua_pushfstring(L, "no data file '%s' in %s%sscripts/lexicons/", name,
                  rt->dir ? rt->dir : "", rt->dir ? "/ or " : "");
  return 2;
}

static int data_read(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  int n = resolve_data(L, name);
  if (n == 2) return 2;
  return tn_push_file(L, lua_tostring(L, -1));
}

static int lines_next(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  size_t pos = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  if (pos >= len) return 0;
  const char *nl = memchr(s + pos, '\n', len - pos);
  size_t end = nl ? (size_t)(nl - s) : len;
  size_t stop = end;
  if (stop > pos && s[stop - 1] == '\r') stop--;
  lua_pushinteger(L, (lua_Integer)(end + 1));
  lua_replace(L, lua_upvalueindex(2));
  lua_pushlstring(L, s + pos, stop - pos);
  return 1;
}

/* tussen.data.lines(name): an iterator over the lines, without "\n" or
 * "\r\n"; a UTF-8 byte order mark at the start is dropped. */
static int data_lines(lua_State *L) {
  int n = data_read(L);
  if (n == 2) return luaL_error(L, "%s", lua_tostring(L, -1));
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  lua_Integer start = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  lua_pushinteger(L, start);
  lua_pushcclosure(L, lines_next, 2);
  return 1;
}

static const luaL_Reg data_funcs[] = {
    {"read", data_read}, {"lines", data_lines}, {NULL, NULL}};

int tn_open_tussen(lua_State *L) {
  lua_newtable(L);
  luaL_newlib(L, log_funcs);
  lua_setfield(L, -2, "log");
  luaL_newlib(L, data_funcs);
  lua_setfield(L, -2, "data");
  lua_pushcfunction(L, util_table);
  lua_setfield(L, -2, "table");
  lua_pushcfunction(L, util_record);
  lua_setfield(L, -2, "record");
  tn_open_corpus(L);
  tn_open_text(L);
  tn_open_analysis(L);
  tn_open_scan(L);
  tn_open_rules(L);
  tn_open_report(L);
  lua_pushstring(L, TUSSEN_LUA_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
