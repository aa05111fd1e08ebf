/* tussen.rules.dict and tussen.Dict: coding schemes from CSV, Lua table
 * files or tables, matched and counted over texts, documents and corpora.
 * The rule machinery they share with tussen.Rules is in bind_rules.c. */
#include <string.h>

#include "analysis/dict.h"
#include "lua/bind_rules.h"
#include "lua/internal.h"
#include "util/alloc.h"

/* ---- schemes ------------------------------------------------------------ */

/* Adds the entries of the category table at idx (nested: string keys are
 * subcategories, list items are entries), keys in sorted order. */
static int dict_table(lua_State *L, lrules *u, int idx, const char *prefix,
                      const char *file) {
  luaL_checkstack(L, 12, "scheme categories nested too deeply");
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
    if (tn_lrules_pattern_text(L, pat, &u->pat, where) < 0) return -1;
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
int tn_lrules_dict(lua_State *L) {
  luaL_argexpected(L, lua_type(L, 1) == LUA_TSTRING || lua_istable(L, 1), 1,
                   "file name or table");
  lua_settop(L, 2);
  lrules *u = tn_lrules_new(L, TN_DICT_T, 1);
  int ud = lua_gettop(L);
  tn_lrules_set_overlap(L, u->rs, 2, "dict");
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
  lrules *u = tn_lrules_check_dict(L, 1);
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
  static const char *const fields[] = {"id", "kind", "parent", "title",
                                       "author", "date", "source", NULL};
  int field = 0;
  for (int i = 0; fields[i] && !field; i++) field = strcmp(fields[i], by) == 0;
  if (field) {
    lua_getfield(L, doc, by);
  } else {
    /* any other name is a metadata key */
    lua_getfield(L, doc, "meta");
    lua_getfield(L, -1, by);
    lua_remove(L, -2);
  }
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushliteral(L, "(none)");
  } else if (lua_type(L, -1) != LUA_TSTRING) {
    /* numbers, booleans, tables: their printed form names the group */
    luaL_tolstring(L, -1, NULL);
    lua_remove(L, -2);
  }
}

/* dict:count(corpus|doc|text [, {by = FIELD, examples = N, width = N}]):
 * {documents = {{id, group, counts = {category = n}}},
 *  totals = {category = n}, groups = {{group, documents, counts}},
 *  examples = {category = {{id, left, match, right}}}} */
static int dict_count(lua_State *L) {
  lrules *u = tn_lrules_check_dict(L, 1);
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
    const char *text = tn_lrules_arg_text(L, lua_gettop(L), &len);
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
  lua_pushinteger(L, (lua_Integer)tn_dict_nentries(tn_lrules_check_dict(L, 1)->dict));
  return 1;
}

static int dict_tostring(lua_State *L) {
  lrules *u = tn_lrules_check_dict(L, 1);
  lua_pushfstring(L, TN_DICT_T " (%d categories, %d entries)",
                  (int)tn_dict_ncategories(u->dict), (int)tn_dict_nentries(u->dict));
  return 1;
}

static int dict_match(lua_State *L) { return tn_lrules_match(L, tn_lrules_check_dict(L, 1)); }

static const luaL_Reg dict_methods[] = {{"match", dict_match},
                                        {"count", dict_count},
                                        {"categories", dict_categories},
                                        {NULL, NULL}};
static const luaL_Reg dict_meta[] = {{"__index", NULL},
                                     {"__gc", tn_lrules_gc},
                                     {"__close", tn_lrules_gc},
                                     {"__len", dict_len},
                                     {"__tostring", dict_tostring},
                                     {NULL, NULL}};

void tn_lrules_open_dict(lua_State *L) {
  tn_lrules_new_type(L, TN_DICT_T, dict_meta, dict_methods);
}
