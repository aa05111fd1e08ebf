/* tussen.rules: compile token-pattern rules and coding schemes, match them
 * over texts and documents, count a scheme over a corpus. The matching
 * stays in C (core/analysis/rules*.c, dict.c); Lua sees the results. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dict.h"
#include "analysis/rules.h"
#include "lua/bind_rules.h"
#include "lua/internal.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

static lrules *check_rules(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_RULES_T);
}
lrules *tn_lrules_check_dict(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_DICT_T);
}

int tn_lrules_gc(lua_State *L) {
  lrules *u = lua_touserdata(L, 1);
  if (u->dict) tn_dict_free(u->dict);
  else tn_rules_free(u->rs);
  u->dict = NULL;
  u->rs = NULL;
  tn_tokstream_free(&u->ts);
  tn_tokfeed_free(&u->feed);
  tn_matches_free(&u->m);
  tn_buf_free(&u->pat);
  tn_buf_free(&u->left);
  tn_buf_free(&u->match);
  tn_buf_free(&u->right);
  tn_free(u->counts);
  u->counts = NULL;
  return 0;
}

lrules *tn_lrules_new(lua_State *L, const char *type, int dict) {
  lrules *u = lua_newuserdatauv(L, sizeof *u, 0);
  memset(u, 0, sizeof *u);
  luaL_setmetatable(L, type);
  tn_tokstream_init(&u->ts, tn_rules_norm_default);
  if (dict) {
    u->dict = tn_dict_new(tn_rules_norm_default);
    if (u->dict) u->rs = tn_dict_rules(u->dict);
  } else {
    u->rs = tn_rules_new(tn_rules_norm_default);
  }
  if (!u->rs) luaL_error(L, "out of memory");
  return u;
}

/* ---- the Lua table form of a pattern ------------------------------------ */

static const char *const elem_keys[] = {
    "norm", "form", "stem", "kind", "re", "form_re", "any", "alt", "seq",
    "neg", "optional", "min", "max", "capture", NULL};

static void put(lua_State *L, tn_buf *b, const char *s, size_t n) {
  if (tn_buf_append(b, s, n) < 0) luaL_error(L, "out of memory");
}
static void puts_(lua_State *L, tn_buf *b, const char *s) { put(L, b, s, strlen(s)); }

/* A word with every character the pattern syntax treats specially
 * escaped; '*' stays a wildcard. */
static void put_word(lua_State *L, tn_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (strchr(" \t\r\n()|?+{}[]\"\\!/", s[i])) put(L, b, "\\", 1);
    put(L, b, s + i, 1);
  }
}

static int elements(lua_State *L, int idx, tn_buf *b, const char *where);

/* A compact-syntax fragment, grouped when it holds alternatives. */
static void put_raw(lua_State *L, tn_buf *b, const char *s, size_t n) {
  int bar = memchr(s, '|', n) != NULL;
  if (bar) puts_(L, b, "(");
  put(L, b, s, n);
  if (bar) puts_(L, b, ")");
}

/* Whether the table at idx is a plain list (a sequence of elements). */
static int only_int_keys(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  int ok = 1;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1)) {
      ok = 0;
      lua_pop(L, 1);
      break;
    }
  }
  return ok;
}

/* Pushes an error message "where: element N: ..." and returns -1. */
static int elem_error(lua_State *L, const char *where, lua_Integer i,
                      const char *msg) {
  lua_pushfstring(L, "%s: element %d: %s", where, (int)i, msg);
  return -1;
}

/* One element (at the top of the stack) of a table-form pattern. */
static int element(lua_State *L, tn_buf *b, const char *where, lua_Integer i) {
  /* alt and seq recurse; each level holds a few values */
  luaL_checkstack(L, 10, "pattern table nested too deeply");
  int t = lua_absindex(L, -1);
  if (lua_type(L, t) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, t, &n);
    put_raw(L, b, s, n);
    return 0;
  }
  if (!lua_istable(L, t))
    return elem_error(L, where, i, lua_pushfstring(L, "expected a string or a "
                                                      "table, got %s",
                                                   luaL_typename(L, t)));
  lua_pushnil(L);
  while (lua_next(L, t)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER) continue;
    const char *key = lua_tostring(L, -1);
    int ok = 0;
    for (const char *const *v = elem_keys; *v && !ok; v++) ok = strcmp(*v, key) == 0;
    if (!ok) {
      const char *msg = lua_pushfstring(L, "unknown key '%s'%s", key,
                                        tn_suggest(key, elem_keys));
      lua_pop(L, 1);
      return elem_error(L, where, i, msg);
    }
  }
  int neg = lua_getfield(L, t, "neg") != LUA_TNIL && lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, t, "capture");
  const char *cap = lua_tostring(L, -1);
  lua_pop(L, 1); /* the table keeps the string alive */
  lua_Integer min = 1, max = 1;
  int quant = 0;
  if (lua_getfield(L, t, "optional") != LUA_TNIL && lua_toboolean(L, -1)) {
    min = 0;
    quant = 1;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, t, "min") != LUA_TNIL) {
    if (!lua_isinteger(L, -1))
      return elem_error(L, where, i, "'min' must be an integer");
    min = lua_tointeger(L, -1);
    max = min > max ? min : max;
    quant = 1;
  }
  lua_pop(L, 1);
  if (lua_getfield(L, t, "max") != LUA_TNIL) {
    if (lua_isinteger(L, -1)) max = lua_tointeger(L, -1);
    else if (lua_isnumber(L, -1) && isinf(lua_tonumber(L, -1))) max = -1;
    else return elem_error(L, where, i, "'max' must be an integer or math.huge");
    quant = 1;
  }
  lua_pop(L, 1);

  if (neg) puts_(L, b, "!");
  /* a quantified raw fragment of several tokens needs a group */
  int group = 0;
  if (!cap && quant && lua_rawgeti(L, t, 1) == LUA_TSTRING) {
    const char *s = lua_tostring(L, -1);
    group = strpbrk(s, " \t|") != NULL;
  }
  if (!cap && quant) lua_pop(L, 1);
  if (cap) {
    puts_(L, b, "(?<");
    puts_(L, b, cap);
    puts_(L, b, ">");
  } else if (group) {
    puts_(L, b, "(");
  }
  static const char *const atoms[] = {"norm", "form", "stem", "kind", "re",
                                      "form_re", "any", "alt", "seq", NULL};
  int found = 0;
  if (lua_rawgeti(L, t, 1) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (cap || group) put(L, b, s, n);
    else put_raw(L, b, s, n);
    found = 1;
  }
  lua_pop(L, 1);
  for (int a = 0; atoms[a]; a++) {
    if (lua_getfield(L, t, atoms[a]) == LUA_TNIL) {
      lua_pop(L, 1);
      continue;
    }
    if (found++)
      return elem_error(L, where, i, "give one of [1], norm, form, stem, kind, "
                                     "re, form_re, any, alt or seq");
    const char *name = atoms[a];
    size_t n = 0;
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : NULL;
    if (strcmp(name, "any") == 0) {
      puts_(L, b, "[]");
    } else if (strcmp(name, "alt") == 0 || strcmp(name, "seq") == 0) {
      if (!lua_istable(L, -1))
        return elem_error(L, where, i, lua_pushfstring(L, "'%s' must be a list", name));
      int list = lua_absindex(L, -1);
      lua_Integer len = (lua_Integer)lua_rawlen(L, list);
      if (len == 0)
        return elem_error(L, where, i, lua_pushfstring(L, "'%s' is empty", name));
      puts_(L, b, "(");
      for (lua_Integer k = 1; k <= len; k++) {
        if (k > 1 && name[0] == 'a') puts_(L, b, "|");
        if (k > 1 && name[0] == 's') puts_(L, b, " ");
        lua_rawgeti(L, list, k);
        /* an alternative may be a whole sequence: a list of elements */
        int rc;
        if (name[0] == 'a' && lua_istable(L, -1) && only_int_keys(L, -1))
          rc = elements(L, lua_gettop(L), b, where);
        else
          rc = element(L, b, where, k);
        if (rc < 0) return -1;
        lua_pop(L, 1);
      }
      puts_(L, b, ")");
    } else {
      if (!s || n == 0)
        return elem_error(L, where, i,
                          lua_pushfstring(L, "'%s' must be a non-empty string", name));
      if (strcmp(name, "re") == 0 || strcmp(name, "form_re") == 0) {
        puts_(L, b, name[0] == 'f' ? "form:/" : "/");
        for (size_t k = 0; k < n; k++) {
          if (s[k] == '/') puts_(L, b, "\\");
          put(L, b, s + k, 1);
        }
        puts_(L, b, "/");
      } else {
        puts_(L, b, name);
        puts_(L, b, ":");
        if (strcmp(name, "kind") == 0) put(L, b, s, n);
        else put_word(L, b, s, n);
      }
    }
    lua_pop(L, 1);
  }
  if (!found)
    return elem_error(L, where, i, "expected one of [1], norm, form, stem, kind, "
                                   "re, form_re, any, alt or seq");
  if (cap || group) puts_(L, b, ")");
  if (quant) {
    char q[64];
    if (min == 0 && max == 1) snprintf(q, sizeof q, "?");
    else if (min == 0 && max < 0) snprintf(q, sizeof q, "*");
    else if (min == 1 && max < 0) snprintf(q, sizeof q, "+");
    else if (max < 0) snprintf(q, sizeof q, "{%lld,}", (long long)min);
    else snprintf(q, sizeof q, "{%lld,%lld}", (long long)min, (long long)max);
    puts_(L, b, q);
  }
  return 0;
}

/* A list of elements at idx, written as a sequence. */
static int elements(lua_State *L, int idx, tn_buf *b, const char *where) {
  lua_Integer len = (lua_Integer)lua_rawlen(L, idx);
  if (len == 0) {
    lua_pushfstring(L, "%s: the pattern table is empty", where);
    return -1;
  }
  for (lua_Integer k = 1; k <= len; k++) {
    if (k > 1) puts_(L, b, " ");
    lua_rawgeti(L, idx, k);
    if (element(L, b, where, k) < 0) return -1;
    lua_pop(L, 1);
  }
  return 0;
}

/* The pattern at idx (string or table form) as compact text in u->pat;
 * on failure pushes the message and returns -1. */
int tn_lrules_pattern_text(lua_State *L, int idx, tn_buf *out, const char *where) {
  tn_buf_clear(out);
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, idx, &n);
    put(L, out, s, n);
    return 0;
  }
  if (!lua_istable(L, idx)) {
    lua_pushfstring(L, "%s: a pattern is a string or a table, not a %s", where,
                    luaL_typename(L, idx));
    return -1;
  }
  int top = lua_gettop(L);
  int rc = elements(L, idx, out, where);
  if (rc < 0) {
    lua_replace(L, top + 1);
    lua_settop(L, top + 1);
    return -1;
  }
  lua_settop(L, top);
  if (tn_buf_puts(out, "") < 0) luaL_error(L, "out of memory");
  return 0;
}

/* tussen.rules.pattern(tbl): the compact text of a table-form pattern. */
static int rules_pattern(lua_State *L) {
  luaL_checkany(L, 1);
  tn_buf b = TN_BUF_INIT;
  /* b is freed on every path that returns; a Lua error inside means out
   * of memory, where a leak of a few bytes is the least of the worries. */
  int rc = tn_lrules_pattern_text(L, 1, &b, "pattern");
  if (rc < 0) {
    tn_buf_free(&b);
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  lua_pushlstring(L, b.data ? b.data : "", b.len);
  tn_buf_free(&b);
  return 1;
}

/* ---- compiling ---------------------------------------------------------- */

static const char *const rule_keys[] = {"pattern", "name", "label", "weight",
                                        "cross_sentences", NULL};

/* Adds the rule at idx (string, pattern table or rule table); index is
 * 1-based for messages. Pushes a message and returns -1 on failure. */
static int add_rule(lua_State *L, lrules *u, int idx, lua_Integer index) {
  idx = lua_absindex(L, idx);
  const char *name = NULL, *label = NULL;
  double weight = 1.0;
  unsigned flags = 0;
  int pat = idx;
  char where[64];
  snprintf(where, sizeof where, "rule %lld", (long long)index);
  if (lua_istable(L, idx) && lua_getfield(L, idx, "pattern") != LUA_TNIL) {
    pat = lua_gettop(L);
    tn_check_keys(L, idx, rule_keys, "rule");
    lua_getfield(L, idx, "name");
    name = lua_tostring(L, -1);
    lua_getfield(L, idx, "label");
    label = lua_tostring(L, -1);
    lua_getfield(L, idx, "weight");
    if (!lua_isnil(L, -1)) {
      if (!lua_isnumber(L, -1)) {
        lua_pushfstring(L, "%s: weight must be a number", where);
        return -1;
      }
      weight = lua_tonumber(L, -1);
    }
    lua_getfield(L, idx, "cross_sentences");
    if (lua_toboolean(L, -1)) flags |= TN_RULE_CROSS_SENTENCES;
    lua_pop(L, 4);
    if (name) snprintf(where, sizeof where, "rule '%s'", name);
  } else if (lua_istable(L, idx)) {
    lua_pop(L, 1);
  }
  if (tn_lrules_pattern_text(L, pat, &u->pat, where) < 0) return -1;
  tn_error err;
  tn_status st = tn_rules_add(u->rs, name, u->pat.data ? u->pat.data : "",
                              u->pat.len, label, weight, flags, &err);
  if (st == TN_ENOMEM) luaL_error(L, "out of memory");
  if (st != TN_OK) {
    if (lua_istable(L, pat))
      lua_pushfstring(L, "%s (in the pattern written from the table: %s)",
                      err.message, u->pat.data);
    else
      lua_pushstring(L, err.message);
    return -1;
  }
  return 0;
}

static const char *const compile_keys[] = {"overlap", NULL};
static const char *const overlap_names[] = {"longest", "all", NULL};

void tn_lrules_set_overlap(lua_State *L, tn_rules *rs, int opts, const char *fname) {
  if (lua_isnoneornil(L, opts)) return;
  luaL_checktype(L, opts, LUA_TTABLE);
  tn_check_keys(L, opts, compile_keys, fname);
  if (lua_getfield(L, opts, "overlap") != LUA_TNIL) {
    const char *o = lua_tostring(L, -1);
    int k = -1;
    for (int i = 0; o && overlap_names[i]; i++)
      if (strcmp(o, overlap_names[i]) == 0) k = i;
    if (k < 0)
      luaL_error(L, "%s: overlap must be \"longest\" or \"all\"", fname);
    tn_rules_set_overlap(rs, k == 0 ? TN_RULES_LONGEST : TN_RULES_ALL);
  }
  lua_pop(L, 1);
}

/* tussen.rules.compile(rules [, opts]): a Rules object, or nil and the
 * message naming the rule and position of the first bad pattern. */
static int rules_compile(lua_State *L) {
  luaL_argexpected(L, lua_type(L, 1) == LUA_TSTRING || lua_istable(L, 1), 1,
                   "string or table");
  lua_settop(L, 2);
  lrules *u = tn_lrules_new(L, TN_RULES_T, 0);
  int ud = lua_gettop(L);
  tn_lrules_set_overlap(L, u->rs, 2, "compile");
  int rc;
  if (lua_type(L, 1) == LUA_TSTRING) {
    rc = add_rule(L, u, 1, 1);
  } else if (lua_getfield(L, 1, "pattern") != LUA_TNIL) {
    lua_pop(L, 1);
    rc = add_rule(L, u, 1, 1); /* one rule table */
  } else {
    lua_pop(L, 1);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    /* a list of strings and rule tables; a list whose first item is not a
     * rule (a table-form pattern) is one rule */
    rc = 0;
    /* add_rule leaves the pattern of a rule table on the stack: reset the
     * stack per rule, or a long list overflows it */
    int top = lua_gettop(L);
    for (lua_Integer i = 1; i <= n && rc == 0; i++) {
      lua_rawgeti(L, 1, i);
      rc = add_rule(L, u, -1, i);
      if (rc == 0) lua_settop(L, top);
    }
  }
  if (rc < 0) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  lua_settop(L, ud);
  return 1;
}

/* ---- matching ----------------------------------------------------------- */

/* The text of argument idx: a string or a tussen.Doc (its text field). */
const char *tn_lrules_arg_text(lua_State *L, int idx, size_t *len) {
  if (lua_type(L, idx) == LUA_TSTRING) return lua_tolstring(L, idx, len);
  if (luaL_testudata(L, idx, TN_DOC_T)) {
    lua_getfield(L, idx, "text");
    const char *s = lua_tolstring(L, -1, len);
    lua_replace(L, idx); /* keep it alive in the argument's slot */
    return lua_tolstring(L, idx, len) ? lua_tolstring(L, idx, len) : s;
  }
  luaL_typeerror(L, idx, "string or " TN_DOC_T);
  return NULL;
}

static void tokenize(lua_State *L, lrules *u, const char *text, size_t len) {
  tn_tokstream_clear(&u->ts);
  tn_matches_clear(&u->m);
  tn_status st = tn_tokstream_add_text(&u->ts, text, len);
  if (st == TN_OK) {
    tn_tokview v = tn_tokstream_view(&u->ts);
    st = tn_rules_match(u->rs, &v, &u->m);
  }
  if (st == TN_ELIMIT) luaL_error(L, "text too long for the matcher (over 4 GB)");
  if (st != TN_OK) luaL_error(L, "out of memory");
}

static void push_match(lua_State *L, lrules *u, const tn_match *m,
                       const char *text) {
  size_t r = m->rule;
  lua_createtable(L, 0, 10);
  const char *name = tn_rules_name(u->rs, r);
  if (*name) lua_pushstring(L, name);
  else lua_pushinteger(L, (lua_Integer)r + 1);
  lua_setfield(L, -2, "rule");
  lua_pushstring(L, tn_rules_label(u->rs, r));
  lua_setfield(L, -2, u->dict ? "category" : "label");
  lua_pushnumber(L, tn_rules_weight(u->rs, r));
  lua_setfield(L, -2, "weight");
  lua_pushinteger(L, (lua_Integer)m->first + 1);
  lua_setfield(L, -2, "first");
  lua_pushinteger(L, (lua_Integer)m->last + 1);
  lua_setfield(L, -2, "last");
  lua_pushinteger(L, (lua_Integer)m->byte_start + 1);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)m->byte_end);
  lua_setfield(L, -2, "stop");
  lua_pushlstring(L, text + m->byte_start, m->byte_end - m->byte_start);
  lua_setfield(L, -2, "text");
  size_t nc = tn_rules_ncaptures(u->rs, r);
  if (nc) {
    lua_createtable(L, 0, (int)nc);
    tn_tokview v = tn_tokstream_view(&u->ts);
    for (size_t k = 0; k < nc; k++) {
      uint32_t a = u->m.caps[m->caps + 2 * k], b = u->m.caps[m->caps + 2 * k + 1];
      if (a == TN_RULES_NOCAP || b <= a) continue;
      size_t bs = v.offset[a];
      size_t be = v.offset[b - 1] + tn_intern_len(v.lex[0], v.form[b - 1]);
      lua_pushlstring(L, text + bs, be - bs);
      lua_setfield(L, -2, tn_rules_capture_name(u->rs, r, k));
    }
    lua_setfield(L, -2, "captures");
  }
}

/* rules:match(text|doc): a list of matches in text order. */
int tn_lrules_match(lua_State *L, lrules *u) {
  size_t len;
  const char *text = tn_lrules_arg_text(L, 2, &len);
  tokenize(L, u, text, len);
  lua_createtable(L, (int)u->m.n, 0);
  for (size_t i = 0; i < u->m.n; i++) {
    push_match(L, u, &u->m.items[i], text);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int rules_match(lua_State *L) { return tn_lrules_match(L, check_rules(L, 1)); }

static int rules_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)tn_rules_count(check_rules(L, 1)->rs));
  return 1;
}

static int rules_tostring(lua_State *L) {
  lrules *u = check_rules(L, 1);
  lua_pushfstring(L, TN_RULES_T " (%d rules, overlap %s)", (int)tn_rules_count(u->rs),
                  tn_rules_get_overlap(u->rs) == TN_RULES_ALL ? "all" : "longest");
  return 1;
}

/* ---- the module --------------------------------------------------------- */

static const luaL_Reg rules_funcs[] = {{"compile", rules_compile},
                                       {"dict", tn_lrules_dict},
                                       {"pattern", rules_pattern},
                                       {NULL, NULL}};
static const luaL_Reg rules_methods[] = {{"match", rules_match}, {NULL, NULL}};
static const luaL_Reg rules_meta[] = {{"__index", NULL},
                                      {"__gc", tn_lrules_gc},
                                      {"__close", tn_lrules_gc},
                                      {"__len", rules_len},
                                      {"__tostring", rules_tostring},
                                      {NULL, NULL}};
void tn_lrules_new_type(lua_State *L, const char *name, const luaL_Reg *meta,
                     const luaL_Reg *methods) {
  luaL_newmetatable(L, name);
  luaL_setfuncs(L, meta, 0);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
}

void tn_open_rules(lua_State *L) {
  tn_lrules_new_type(L, TN_RULES_T, rules_meta, rules_methods);
  tn_lrules_open_dict(L);
  luaL_newlib(L, rules_funcs);
  lua_setfield(L, -2, "rules");
}
