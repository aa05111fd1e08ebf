/* Shared by the tussen.rules binding files (bind_rules.c: rules,
 * patterns, matching; bind_rules_dict.c: schemes and counting). */
#ifndef TN_LUA_BIND_RULES_H
#define TN_LUA_BIND_RULES_H

#include <lauxlib.h>
#include <lua.h>

#include "analysis/dict.h"
#include "analysis/rules.h"

#define TN_RULES_T "tussen.Rules"
#define TN_DICT_T "tussen.Dict"

/* Everything C allocates for a rule set or a scheme lives in its userdata,
 * so a Lua error (a longjmp) in the middle of a call never leaks it. */
typedef struct lrules {
  tn_rules *rs;   /* borrowed from dict when dict != NULL */
  tn_dict *dict;
  tn_tokstream ts;
  tn_tokfeed feed;
  tn_matches m;
  tn_buf pat, left, match, right;
  uint64_t *counts;
  size_t ncounts;
} lrules;

lrules *tn_lrules_check_dict(lua_State *L, int idx);
/* A new Rules or Dict userdata on the stack (raises when out of memory). */
lrules *tn_lrules_new(lua_State *L, const char *type, int dict);
int tn_lrules_gc(lua_State *L);
/* The pattern at idx (string or table form) as compact text in out; on
 * failure pushes "where: ..." and returns -1. */
int tn_lrules_pattern_text(lua_State *L, int idx, tn_buf *out, const char *where);
/* opts.overlap of the options table at index opts (if any). */
void tn_lrules_set_overlap(lua_State *L, tn_rules *rs, int opts, const char *fname);
/* The text of a string or tussen.Doc argument. */
const char *tn_lrules_arg_text(lua_State *L, int idx, size_t *len);
/* obj:match(text|doc) for a Rules or Dict at index 1. */
int tn_lrules_match(lua_State *L, lrules *u);
void tn_lrules_new_type(lua_State *L, const char *name, const luaL_Reg *meta,
                        const luaL_Reg *methods);

/* bind_rules_dict.c */
int tn_lrules_dict(lua_State *L);
void tn_lrules_open_dict(lua_State *L);

#endif
