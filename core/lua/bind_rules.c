/* tussen.rules: compile token-pattern rules and coding schemes, match them
 * over texts and documents, count a scheme over a corpus. The matching
 * stays in C (core/analysis/rules*.c, dict.c); Lua sees the results. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/dict.h"
#include "analysis/rules.h"
#include "lua/internal.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

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

static lrules *check_rules(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_RULES_T);
}
static lrules *check_dict(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_DICT_T);
}

static int rules_gc(lua_State *L) {
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

static lrules *new_lrules(lua_State *L, const char *type, int dict) {
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
static int pattern_text(lua_State *L, int idx, tn_buf *out, const char *where) {
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
  int rc = pattern_text(L, 1, &b, "pattern");
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
  if (pattern_text(L, pat, &u->pat, where) < 0) return -1;
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

static void set_overlap(lua_State *L, tn_rules *rs, int opts, const char *fname) {
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
  lrules *u = new_lrules(L, TN_RULES_T, 0);
  int ud = lua_gettop(L);
  set_overlap(L, u->rs, 2, "compile");
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
static const char *arg_text(lua_State *L, int idx, size_t *len) {
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
static int l_match(lua_State *L, lrules *u) {
  size_t len;
  const char *text = arg_text(L, 2, &len);
  tokenize(L, u, text, len);
  lua_createtable(L, (int)u->m.n, 0);
  for (size_t i = 0; i < u->m.n; i++) {
    push_match(L, u, &u->m.items[i], text);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int rules_match(lua_State *L) { return l_match(L, check_rules(L, 1)); }
static int dict_match(lua_State *L) { return l_match(L, check_dict(L, 1)); }

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

/* ---- schemes ------------------------------------------------------------ */

/* Adds the entries of the category table at idx (nested: string keys are
 * subcategories, list items are entries), keys in sorted order. */
static int dict_table(lua_State *L, lrules *u, int idx, const char *prefix,
                      const char *file) {
  idx = lua_absindex(L, idx);
  lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
  for (lua_Integer i = 1; i <= n; i++) {
    int base = lua_gettop(L);
    lua_rawgeti(L, idx, i);
    double weight = 1.0;
    int pat = base + 1;
    if (lua_istable(L, pat)) {
      if (lua_getfield(L, pat, "pattern") != LUA_TNIL) {
        lua_getfield(L, pat, "weight");
        if (lua_isnumber(L, -1)) weight = lua_tonumber(L, -1);
        lua_pop(L, 1);
        pat = lua_gettop(L);
      } else {
        lua_pop(L, 1);
      }
    }
    char where[512];
    snprintf(where, sizeof where, "%s: category '%s', entry %lld", file, prefix,
             (long long)i);
    if (pattern_text(L, pat, &u->pat, where) < 0) return -1;
    tn_error err;
    tn_status st = tn_dict_add(u->dict, prefix, u->pat.data ? u->pat.data : "",
                               weight, NULL, 0, &err);
    if (st == TN_ENOMEM) luaL_error(L, "out of memory");
    if (st != TN_OK) {
      lua_pushfstring(L, "%s: %s", where, err.message);
      return -1;
    }
    lua_settop(L, base);
  }
  /* subcategories, sorted */
  int keys = lua_gettop(L) + 1;
  lua_newtable(L);
  lua_Integer nk = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) {
      lua_pushvalue(L, -1);
      lua_rawseti(L, keys, ++nk);
    } else if (!lua_isinteger(L, -1)) {
      lua_pushfstring(L, "%s: category '%s': keys are category names or list "
                         "positions, not %s", file, prefix, luaL_typename(L, -1));
      return -1;
    }
  }
  /* insertion sort by name: deterministic, and schemes are small */
  for (lua_Integer a = 2; a <= nk; a++)
    for (lua_Integer b = a; b > 1; b--) {
      lua_rawgeti(L, keys, b - 1);
      lua_rawgeti(L, keys, b);
      int less = strcmp(lua_tostring(L, -1), lua_tostring(L, -2)) < 0;
      if (less) {
        lua_rawseti(L, keys, b - 1);
        lua_rawseti(L, keys, b);
      } else {
        lua_pop(L, 2);
        break;
      }
    }
  for (lua_Integer k = 1; k <= nk; k++) {
    int base = lua_gettop(L);
    lua_rawgeti(L, keys, k);
    const char *name = lua_tostring(L, base + 1);
    if (strchr(name, '/')) {
      lua_pushfstring(L, "%s: category '%s%s%s': write nested categories as "
                         "nested tables, not with '/'", file, prefix,
                      *prefix ? "/" : "", name);
      return -1;
    }
    const char *path = *prefix ? lua_pushfstring(L, "%s/%s", prefix, name)
                               : lua_pushstring(L, name);
    lua_pushvalue(L, base + 1);
    lua_rawget(L, idx);
    if (lua_type(L, -1) == LUA_TSTRING) {
      /* a category with a single entry written as a string */
      lua_createtable(L, 1, 0);
      lua_insert(L, -2);
      lua_rawseti(L, -2, 1);
    }
    if (!lua_istable(L, -1)) {
      lua_pushfstring(L, "%s: category '%s': expected a list of entries, got %s",
                      file, path, luaL_typename(L, -1));
      return -1;
    }
    if (dict_table(L, u, base + 3, path, file) < 0) return -1;
    lua_settop(L, base);
  }
  lua_settop(L, keys - 1);
  return 0;
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* tussen.rules.dict(source [, opts]): a Dict from a file name (.csv or
 * .lua, read through tussen.data.read and its rules) or a table; nil and a
 * message on a bad scheme. */
static int rules_dict(lua_State *L) {
  luaL_argexpected(L, lua_type(L, 1) == LUA_TSTRING || lua_istable(L, 1), 1,
                   "file name or table");
  lua_settop(L, 2);
  lrules *u = new_lrules(L, TN_DICT_T, 1);
  int ud = lua_gettop(L);
  set_overlap(L, u->rs, 2, "dict");
  int rc = 0;
  if (lua_istable(L, 1)) {
    rc = dict_table(L, u, 1, "", "scheme");
  } else {
    const char *name = lua_tostring(L, 1);
    int is_csv = ends_with(name, ".csv"), is_lua = ends_with(name, ".lua");
    if (!is_csv && !is_lua) {
      luaL_pushfail(L);
      lua_pushfstring(L, "%s: a scheme is a .csv (category,pattern) or a .lua "
                         "file (a table of categories)", name);
      return 2;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_MODULE);
    lua_getfield(L, -1, "data");
    lua_getfield(L, -1, "read");
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2);
    if (lua_isnil(L, -2)) return 2;
    lua_pop(L, 1);
    size_t len;
    const char *data = lua_tolstring(L, -1, &len);
    if (is_csv) {
      tn_error err;
      tn_status st = tn_dict_load_csv_buffer(u->dict, name, data, len, &err);
      if (st == TN_ENOMEM) luaL_error(L, "out of memory");
      if (st != TN_OK) {
        char msg[1200];
        tn_error_format(&err, msg, sizeof msg);
        luaL_pushfail(L);
        lua_pushstring(L, msg);
        return 2;
      }
    } else {
      /* A scheme file is data: loaded as text in an empty environment. */
      const char *chunk = lua_pushfstring(L, "@%s", name);
      if (luaL_loadbufferx(L, data, len, chunk, "t") != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
      }
      lua_newtable(L);
      lua_setupvalue(L, -2, 1);
      if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
      }
      if (!lua_istable(L, -1)) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s: the file must return a table of categories", name);
        return 2;
      }
      rc = dict_table(L, u, -1, "", name);
    }
  }
  if (rc < 0) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (tn_dict_nentries(u->dict) == 0) {
    luaL_pushfail(L);
    lua_pushstring(L, "the scheme has no entries");
    return 2;
  }
  lua_settop(L, ud);
  return 1;
}

/* Category names sorted: the order every output uses. */
static size_t *sorted_categories(lua_State *L, lrules *u, int *table_idx) {
  size_t nc = tn_dict_ncategories(u->dict);
  size_t *ord = lua_newuserdatauv(L, (nc ? nc : 1) * sizeof *ord, 0);
  *table_idx = lua_gettop(L);
  for (size_t i = 0; i < nc; i++) ord[i] = i;
  for (size_t i = 1; i < nc; i++) {
    size_t v = ord[i], j = i;
    while (j > 0 && strcmp(tn_dict_category(u->dict, ord[j - 1]),
                           tn_dict_category(u->dict, v)) > 0) {
      ord[j] = ord[j - 1];
      j--;
    }
    ord[j] = v;
  }
  return ord;
}

static int dict_categories(lua_State *L) {
  lrules *u = check_dict(L, 1);
  int t;
  size_t *ord = sorted_categories(L, u, &t);
  size_t nc = tn_dict_ncategories(u->dict);
  lua_createtable(L, (int)nc, 0);
  for (size_t i = 0; i < nc; i++) {
    lua_pushstring(L, tn_dict_category(u->dict, ord[i]));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static void push_counts(lua_State *L, lrules *u, const size_t *ord,
                        const uint64_t *counts) {
  size_t nc = tn_dict_ncategories(u->dict);
  lua_createtable(L, 0, (int)nc);
  for (size_t i = 0; i < nc; i++) {
    lua_pushinteger(L, (lua_Integer)counts[ord[i]]);
    lua_setfield(L, -2, tn_dict_category(u->dict, ord[i]));
  }
}

static const char *const count_keys[] = {"by", "examples", "width", NULL};

/* Adds the first matches per category (up to nex, one per span and
 * category, as the counts have it) to the table at `examples`. doc is the
 * Doc's stack index or 0 for a text numbered d. Returns -1 when memory ran
 * out in C. */
static int add_examples(lua_State *L, lrules *u, int examples, lua_Integer nex,
                        lua_Integer width, int doc, lua_Integer d,
                        const char *text, size_t len) {
  tn_tokview v = tn_tokstream_view(&u->ts);
  for (size_t i = 0; i < u->m.n; i++) {
    const tn_match *m = &u->m.items[i];
    size_t ci = tn_dict_rule_category(u->dict, m->rule);
    size_t j = i;
    while (j > 0 && u->m.items[j - 1].first == m->first &&
           !(u->m.items[j - 1].last == m->last &&
             tn_dict_rule_category(u->dict, u->m.items[j - 1].rule) == ci))
      j--;
    if (j > 0 && u->m.items[j - 1].first == m->first) continue;
    const char *cat = tn_dict_category(u->dict, ci);
    if (lua_getfield(L, examples, cat) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_setfield(L, examples, cat);
    }
    lua_Integer have = (lua_Integer)lua_rawlen(L, -1);
    if (have >= nex) {
      lua_pop(L, 1);
      continue;
    }
    if (tn_match_kwic(&v, text, len, m, (size_t)width, &u->left, &u->match,
                      &u->right) < 0)
      return -1;
    lua_createtable(L, 0, 4);
    if (doc) lua_getfield(L, doc, "id");
    else lua_pushinteger(L, d);
    lua_setfield(L, -2, "id");
    lua_pushlstring(L, u->left.data, u->left.len);
    lua_setfield(L, -2, "left");
    lua_pushlstring(L, u->match.data, u->match.len);
    lua_setfield(L, -2, "match");
    lua_pushlstring(L, u->right.data, u->right.len);
    lua_setfield(L, -2, "right");
    lua_rawseti(L, -2, have + 1);
    lua_pop(L, 1);
  }
  return 0;
}

/* The group value of a document for field `by` ("(none)" if absent). */
static void push_group(lua_State *L, int doc, const char *by) {
  lua_getfield(L, doc, by);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushliteral(L, "(none)");
  } else if (!lua_isstring(L, -1)) {
    lua_pushstring(L, luaL_tolstring(L, -1, NULL));
    lua_remove(L, -2);
    lua_remove(L, -2);
  } else {
    lua_tostring(L, -1);
  }
}

/* dict:count(corpus|doc|text [, {by = FIELD, examples = N, width = N}]):
 * {documents = {{id, group, counts = {category = n}}},
 *  totals = {category = n}, groups = {{group, documents, counts}},
 *  examples = {category = {{id, left, match, right}}}} */
static int dict_count(lua_State *L) {
  lrules *u = check_dict(L, 1);
  luaL_checkany(L, 2);
  lua_settop(L, 3);
  const char *by = NULL;
  lua_Integer nex = 3, width = 5;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    tn_check_keys(L, 3, count_keys, "count");
    if (lua_getfield(L, 3, "by") != LUA_TNIL) by = luaL_checkstring(L, -1);
    if (lua_getfield(L, 3, "examples") != LUA_TNIL) nex = luaL_checkinteger(L, -1);
    if (lua_getfield(L, 3, "width") != LUA_TNIL) width = luaL_checkinteger(L, -1);
    lua_pop(L, 3);
    luaL_argcheck(L, nex >= 0, 3, "examples must be 0 or more");
    luaL_argcheck(L, width >= 0 && width <= 100, 3, "width must be 0 to 100");
  }
  size_t nc = tn_dict_ncategories(u->dict);
  if (u->ncounts < 2 * nc) {
    uint64_t *c = tn_realloc(u->counts, 2 * nc * sizeof *c);
    if (!c) return luaL_error(L, "out of memory");
    u->counts = c;
    u->ncounts = 2 * nc;
  }
  uint64_t *doc_counts = u->counts, *totals = u->counts + nc;
  memset(totals, 0, nc * sizeof *totals);
  int t;
  size_t *ord = sorted_categories(L, u, &t);

  /* The documents: a corpus (every document), one Doc, or a text. */
  int docs = lua_gettop(L) + 1;
  lua_newtable(L);
  lua_Integer ndocs = 0;
  if (luaL_testudata(L, 2, TN_CORPUS_T)) {
    lua_getfield(L, 2, "docs");
    lua_pushvalue(L, 2);
    lua_call(L, 1, 3);
    for (;;) {
      lua_pushvalue(L, -3);
      lua_pushvalue(L, -3);
      lua_pushvalue(L, -3);
      lua_call(L, 2, 1);
      if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        break;
      }
      lua_pushvalue(L, -1);
      lua_rawseti(L, docs, ++ndocs);
      lua_replace(L, -2); /* the control variable */
    }
    lua_pop(L, 3);
  } else {
    lua_pushvalue(L, 2);
    lua_rawseti(L, docs, ++ndocs);
  }

  int out = lua_gettop(L) + 1;
  lua_createtable(L, 0, 4);
  lua_createtable(L, (int)ndocs, 0); /* documents */
  int docs_out = lua_gettop(L);
  lua_newtable(L); /* group -> {documents, counts} while counting */
  int groups = lua_gettop(L);
  lua_newtable(L); /* category -> examples */
  int examples = lua_gettop(L);
  for (lua_Integer d = 1; d <= ndocs; d++) {
    lua_rawgeti(L, docs, d);
    int doc = lua_gettop(L);
    int is_doc = luaL_testudata(L, doc, TN_DOC_T) != NULL;
    lua_pushvalue(L, doc);
    size_t len;
    const char *text = arg_text(L, lua_gettop(L), &len);
    memset(doc_counts, 0, nc * sizeof *doc_counts);
    /* Pieces that end at sentence ends: entries never cross one, so the
     * counts are those of the whole text, with the arrays kept small. */
    if (tn_tokfeed_start(&u->feed, text, len) < 0) return luaL_error(L, "out of memory");
    int more;
    while ((more = tn_tokfeed_next(&u->feed, &u->ts, 1 << 16)) > 0) {
      tn_tokview v = tn_tokstream_view(&u->ts);
      tn_matches_clear(&u->m);
      if (tn_rules_match(u->rs, &v, &u->m) < 0 ||
          tn_dict_count(u->dict, &u->m, doc_counts) < 0)
        return luaL_error(L, "out of memory");
      if (nex > 0 && add_examples(L, u, examples, nex, width, is_doc ? doc : 0, d,
                                  text, len) < 0)
        return luaL_error(L, "out of memory");
    }
    if (more < 0) return luaL_error(L, more == TN_ELIMIT ? "text too long for the "
                                                           "matcher (over 4 GB)"
                                                         : "out of memory");
    for (size_t c = 0; c < nc; c++) totals[c] += doc_counts[c];

    lua_createtable(L, 0, 3);
    if (is_doc) lua_getfield(L, doc, "id");
    else lua_pushinteger(L, d);
    lua_setfield(L, -2, "id");
    if (by) {
      if (is_doc) push_group(L, doc, by);
      else lua_pushliteral(L, "(none)");
      lua_setfield(L, -2, "group");
    }
    push_counts(L, u, ord, doc_counts);
    lua_setfield(L, -2, "counts");
    lua_rawseti(L, docs_out, d);

    if (by) {
      if (is_doc) push_group(L, doc, by);
      else lua_pushliteral(L, "(none)");
      int key = lua_gettop(L);
      lua_pushvalue(L, key);
      if (lua_rawget(L, groups) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushvalue(L, key);
        uint64_t *g = lua_newuserdatauv(L, (nc + 1) * sizeof *g, 0);
        memset(g, 0, (nc + 1) * sizeof *g);
        lua_rawset(L, groups);
        lua_pushvalue(L, key);
        lua_rawget(L, groups);
      }
      uint64_t *g = lua_touserdata(L, -1);
      g[nc]++;
      for (size_t c = 0; c < nc; c++) g[c] += doc_counts[c];
      lua_pop(L, 2);
    }

    lua_settop(L, examples);
  }
  lua_pushvalue(L, docs_out);
  lua_setfield(L, out, "documents");
  push_counts(L, u, ord, totals);
  lua_setfield(L, out, "totals");
  lua_pushvalue(L, examples);
  lua_setfield(L, out, "examples");
  if (by) {
    /* groups as a list sorted by name */
    lua_newtable(L);
    int names = lua_gettop(L);
    lua_Integer ng = 0;
    lua_pushnil(L);
    while (lua_next(L, groups)) {
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_rawseti(L, names, ++ng);
    }
    for (lua_Integer a = 2; a <= ng; a++)
      for (lua_Integer b = a; b > 1; b--) {
        lua_rawgeti(L, names, b - 1);
        lua_rawgeti(L, names, b);
        if (strcmp(lua_tostring(L, -1), lua_tostring(L, -2)) < 0) {
          lua_rawseti(L, names, b - 1);
          lua_rawseti(L, names, b);
        } else {
          lua_pop(L, 2);
          break;
        }
      }
    lua_createtable(L, (int)ng, 0);
    for (lua_Integer k = 1; k <= ng; k++) {
      lua_createtable(L, 0, 3);
      lua_rawgeti(L, names, k);
      lua_pushvalue(L, -1);
      lua_setfield(L, -3, "group");
      lua_rawget(L, groups);
      const uint64_t *g = lua_touserdata(L, -1);
      lua_pushinteger(L, (lua_Integer)g[nc]);
      lua_setfield(L, -3, "documents");
      push_counts(L, u, ord, g);
      lua_setfield(L, -3, "counts");
      lua_pop(L, 1);
      lua_rawseti(L, -2, k);
    }
    lua_setfield(L, out, "groups");
  }
  lua_settop(L, out);
  (void)t;
  return 1;
}

static int dict_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)tn_dict_nentries(check_dict(L, 1)->dict));
  return 1;
}

static int dict_tostring(lua_State *L) {
  lrules *u = check_dict(L, 1);
  lua_pushfstring(L, TN_DICT_T " (%d categories, %d entries)",
                  (int)tn_dict_ncategories(u->dict), (int)tn_dict_nentries(u->dict));
  return 1;
}

/* ---- the module --------------------------------------------------------- */

static const luaL_Reg rules_funcs[] = {{"compile", rules_compile},
                                       {"dict", rules_dict},
                                       {"pattern", rules_pattern},
                                       {NULL, NULL}};
static const luaL_Reg rules_methods[] = {{"match", rules_match}, {NULL, NULL}};
static const luaL_Reg rules_meta[] = {{"__index", NULL},
                                      {"__gc", rules_gc},
                                      {"__close", rules_gc},
                                      {"__len", rules_len},
                                      {"__tostring", rules_tostring},
                                      {NULL, NULL}};
static const luaL_Reg dict_methods[] = {{"match", dict_match},
                                        {"count", dict_count},
                                        {"categories", dict_categories},
                                        {NULL, NULL}};
static const luaL_Reg dict_meta[] = {{"__index", NULL},
                                     {"__gc", rules_gc},
                                     {"__close", rules_gc},
                                     {"__len", dict_len},
                                     {"__tostring", dict_tostring},
                                     {NULL, NULL}};

static void new_type(lua_State *L, const char *name, const luaL_Reg *meta,
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
  new_type(L, TN_RULES_T, rules_meta, rules_methods);
  new_type(L, TN_DICT_T, dict_meta, dict_methods);
  luaL_newlib(L, rules_funcs);
  lua_setfield(L, -2, "rules");
}
