/* Running a loaded script on a corpus (run(ctx), or setup/document/
 * finish), turning its result into the writers' tree, and the help text
 * that `tussen help` prints from the declaration. */
#include <string.h>

#include "lua/bind_scan.h"
#include "lua/script.h"

/* Protected driver: 1 = declaration, 2 = ctx. Returns the result. */
static int drive(lua_State *L) {
  if (lua_getfield(L, 1, "run") == LUA_TFUNCTION) {
    lua_pushvalue(L, 2);
    lua_call(L, 1, 1);
    return 1;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, 1, "setup") == LUA_TFUNCTION) {
    lua_pushvalue(L, 2);
    lua_call(L, 1, 0);
  } else {
    lua_pop(L, 1);
  }
  if (lua_getfield(L, 2, "results") != LUA_TTABLE)
    return luaL_error(L, "ctx.results must stay a table (document() "
                         "appends to it)");
  int results = lua_gettop(L);
  lua_Integer n = 0;
  if (lua_getfield(L, 1, "document") == LUA_TFUNCTION) {
    int fn = lua_gettop(L);
    lua_getfield(L, 2, "corpus");
    lua_getfield(L, -1, "docs");
    lua_insert(L, -2);
    lua_call(L, 1, 1); /* corpus:docs() */
    int iter = lua_gettop(L);
    for (;;) {
      lua_pushvalue(L, iter);
      lua_call(L, 0, 1);
      if (lua_isnil(L, -1)) break;
      lua_pushvalue(L, fn);
      lua_insert(L, -2);
      lua_pushvalue(L, 2);
      lua_call(L, 2, 1);
      if (!lua_isnil(L, -1)) lua_rawseti(L, results, ++n);
      else lua_pop(L, 1);
    }
  }
  lua_settop(L, results);
  if (lua_getfield(L, 1, "finish") == LUA_TFUNCTION) {
    lua_pushvalue(L, 2);
    lua_call(L, 1, 1);
    return 1;
  }
  lua_pushvalue(L, results);
  return 1;
}

/* A streaming run's files and load report. */
typedef struct source_spec {
  const char *const *paths;
  size_t n;
  tn_load_report *report;
} source_spec;

/* ctx = {corpus, args, report, results}; made in Lua memory, so the
 * memory cap applies and allocations may fail: built under a plain pcall,
 * where running out of memory is an error instead of a panic. */
static int make_ctx(lua_State *L) {
  tn_script *s = lua_touserdata(L, 1);
  const source_spec *src = lua_touserdata(L, 3);
  lua_createtable(L, 0, 4);
  if (src)
    tn_push_source(L, src->paths, src->n, src->report);
  else
    tn_push_corpus(L, lua_touserdata(L, 2), 0);
  lua_setfield(L, -2, "corpus");
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->args_ref);
  lua_setfield(L, -2, "args");
  lua_pushstring(L, s->rt.display);
  lua_setfield(L, -2, "report");
  /* A script may shape a richer result for a richer format (overview
   * composes the other reports for html). */
  lua_pushstring(L, s->rt.opts.format ? s->rt.opts.format : "text");
  lua_setfield(L, -2, "format");
  lua_newtable(L);
  lua_setfield(L, -2, "results");
  return 1;
}

static tn_status run(tn_script *s, tn_corpus *corpus, const source_spec *src,
                     tn_result *out) {
  lua_State *L = s->L;
  lua_settop(L, 0);
  lua_pushcfunction(L, drive);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  lua_pushcfunction(L, make_ctx);
  lua_pushlightuserdata(L, s);
  lua_pushlightuserdata(L, corpus);
  lua_pushlightuserdata(L, (void *)src);
  int st = lua_pcall(L, 3, 1, 0);
  if (st != LUA_OK) return tn_script_lua_error(s, st);
  st = tn_script_call(s, 2, 1);
  if (st != LUA_OK) return tn_script_lua_error(s, st);
  st = tn_to_result(L, -1, out);
  if (st != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (st == LUA_ERRMEM) return tn_script_lua_error(s, st);
    return tn_script_fail(s, TN_ESYNTAX, "%s: %s", s->rt.display,
                          msg ? msg : "cannot convert the result");
  }
  lua_settop(L, 0);
  return TN_OK;
}

tn_status tn_script_run(tn_script *s, tn_corpus *corpus, tn_result *out) {
  return run(s, corpus, NULL, out);
}

tn_status tn_script_run_source(tn_script *s, const char *const *paths,
                               size_t npaths, tn_load_report *report,
                               tn_result *out) {
  source_spec src = {paths, npaths, report};
  return run(s, NULL, &src, out);
}

/* ---- help ------------------------------------------------------------------ */

static void put_value(lua_State *L, int idx, tn_buf *out) {
  if (lua_type(L, idx) == LUA_TSTRING)
    tn_buf_printf(out, "\"%s\"", lua_tostring(L, idx));
  else if (lua_type(L, idx) == LUA_TNUMBER && !lua_isinteger(L, idx))
    tn_buf_put_double(out, lua_tonumber(L, idx));
  else if (lua_type(L, idx) == LUA_TNUMBER)
    tn_buf_printf(out, "%lld", (long long)lua_tointeger(L, idx));
  else
    tn_buf_puts(out, lua_toboolean(L, idx) ? "true" : "false");
}

static void put_indented(tn_buf *out, const char *text, const char *indent) {
  const char *p = text;
  while (*p) {
    size_t n = strcspn(p, "\n");
    tn_buf_puts(out, indent);
    tn_buf_append(out, p, n);
    tn_buf_putc(out, '\n');
    p += n;
    if (*p) p++;
  }
}

static int help_text(lua_State *L) {
  tn_script *s = lua_touserdata(L, 1);
  tn_buf *out = lua_touserdata(L, 2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  int d = lua_gettop(L);
  lua_getfield(L, d, "description");
  tn_buf_printf(out, "%s: ", s->rt.display);
  const char *desc = lua_tostring(L, -1);
  size_t first = strcspn(desc, "\n");
  tn_buf_append(out, desc, first);
  tn_buf_putc(out, '\n');
  /* the rest as written: a blank line after the summary is the author's */
  if (desc[first]) put_indented(out, desc + first + 1, "");
  lua_pop(L, 1);
  tn_buf_putc(out, '\n');
  if (lua_getfield(L, d, "categories") == LUA_TTABLE) {
    tn_buf_puts(out, "Categories: ");
    for (lua_Integer i = 1; i <= luaL_len(L, -1); i++) {
      lua_geti(L, -1, i);
      tn_buf_printf(out, "%s%s", i > 1 ? ", " : "", lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    tn_buf_putc(out, '\n');
  }
  lua_pop(L, 1);
  if (lua_getfield(L, d, "author") == LUA_TSTRING)
    tn_buf_printf(out, "Author: %s\n", lua_tostring(L, -1));
  if (lua_getfield(L, d, "license") == LUA_TSTRING)
    tn_buf_printf(out, "License: %s\n", lua_tostring(L, -1));
  lua_pop(L, 2);
  /* arguments, sorted by name */
  lua_newtable(L);
  int names = lua_gettop(L);
  int n = 0;
  int args = 0;
  if (lua_getfield(L, d, "args") == LUA_TTABLE) {
    args = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, args)) {
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_rawseti(L, names, ++n);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_SANDBOX);
    lua_getfield(L, -1, "table");
    lua_getfield(L, -1, "sort");
    lua_pushvalue(L, names);
    lua_call(L, 1, 0);
    lua_pop(L, 2);
  }
  if (n) tn_buf_puts(out, "\nArguments (--arg NAME=VALUE):\n");
  for (int i = 1; i <= n; i++) {
    lua_rawgeti(L, names, i);
    const char *name = lua_tostring(L, -1);
    lua_getfield(L, args, name);
    int spec = lua_gettop(L);
    lua_getfield(L, spec, "type");
    tn_buf_printf(out, "  %s (%s", name, lua_tostring(L, -1));
    if (lua_getfield(L, spec, "default") != LUA_TNIL) {
      tn_buf_puts(out, ", default ");
      put_value(L, -1, out);
    }
    tn_buf_puts(out, ")\n");
    if (lua_getfield(L, spec, "help") == LUA_TSTRING)
      put_indented(out, lua_tostring(L, -1), "      ");
    if (lua_getfield(L, spec, "choices") == LUA_TTABLE) {
      tn_buf_puts(out, "      choices: ");
      for (lua_Integer c = 1; c <= luaL_len(L, -1); c++) {
        if (c > 1) tn_buf_puts(out, ", ");
        lua_geti(L, -1, c);
        put_value(L, -1, out);
        lua_pop(L, 1);
      }
      tn_buf_putc(out, '\n');
    }
    lua_settop(L, spec - 2);
  }
  tn_buf_printf(out,
                "\nUsage: tussen run %s%s [--format FORMAT] "
                "CORPUS...\n",
                s->rt.display, n ? " [--arg NAME=VALUE]..." : "");
  return 0;
}

tn_status tn_script_help(tn_script *s, tn_buf *out) {
  lua_State *L = s->L;
  lua_pushcfunction(L, help_text);
  lua_pushlightuserdata(L, s);
  lua_pushlightuserdata(L, out);
  int st = lua_pcall(L, 2, 0, 0);
  if (st != LUA_OK) return tn_script_lua_error(s, st);
  return TN_OK;
}
