/* The script object, shared by script.c (loading, arguments) and run.c
 * (running, help). Internal to core/lua. */
#ifndef TN_LUA_SCRIPT_H
#define TN_LUA_SCRIPT_H

#include "lua/internal.h"

struct tn_script {
  tn_rt rt;
  lua_State *L;
  char *error;
  char *summary;
  int decl_ref; /* the declaration table */
  int args_ref; /* ctx.args */
};

tn_status tn_script_fail(tn_script *s, tn_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Calls the function on top under the error handler and the limits. */
int tn_script_call(tn_script *s, int nargs, int nres);
/* Turns a failed Lua call (message on top) into s->error and a status. */
tn_status tn_script_lua_error(tn_script *s, int st);

#endif
