/* tussen.report.load(name): a canned report's declaration table, so one
 * report can run another (overview's HTML page runs keywords and stance)
 * and show exactly what that report shows on its own. */
#include <string.h>
#include <sys/stat.h>

#include "lua/internal.h"

static int is_report_name(const char *s) {
  if (!*s) return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_'))
      return 0;
  return 1;
}

/* load(name) -> declaration | nil, message. Only canned reports (files
 * scripts/NAME.lua), each in a fresh strict environment like a module. */
static int report_load(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  tn_rt *rt = tn_rt_of(L);
  struct stat st;
  const char *path = NULL;
  if (is_report_name(name) && rt->opts.scripts_dir) {
    path = lua_pushfstring(L, "%s/%s.lua", rt->opts.scripts_dir, name);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) path = NULL;
  }
  if (!path) {
    luaL_pushfail(L);
    lua_pushfstring(L, "report.load: no canned report '%s' ('tussen list' "
                       "shows them)",
                    name);
    return 2;
  }
  const char *chunk = lua_pushfstring(L, "@scripts/%s.lua", name);
  if (tn_load_chunk(L, path, chunk) != LUA_OK) return lua_error(L);
  lua_call(L, 0, 1);
  if (!lua_istable(L, -1))
    return luaL_error(L, "report.load: scripts/%s.lua returns a %s, not a "
                         "report table",
                      name, luaL_typename(L, -1));
  return 1;
}

static const luaL_Reg report_funcs[] = {{"load", report_load}, {NULL, NULL}};

void tn_open_report(lua_State *L) {
  luaL_newlib(L, report_funcs);
  lua_setfield(L, -2, "report");
}
