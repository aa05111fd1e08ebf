/* corpus:kwic and corpus:collocates: concordance lines and the collocates
 * of one or more nodes, copied from core/analysis into Lua tables. */
#include <string.h>

#include "analysis/colloc.h"
#include "analysis/kwic.h"
#include "analysis/store.h"
#include "lua/bind_analysis.h"
#include "lua/internal.h"
#include "util/alloc.h"

/* ---- corpus:kwic ----------------------------------------------------------
 */

static const char *const kwic_keys[] = {"by",   "width", "sort", "limit",
                                        "docs", "exact", NULL};

static int kwic_gc(lua_State *L) {
  tn_kwic **box = lua_touserdata(L, 1);
  tn_kwic_free(*box);
  *box = NULL;
  return 0;
}

/* corpus:kwic(query[, opts]): a table of doc, position, left, match, right. */
int tn_l_kwic(lua_State *L) {
  const char *fname = "kwic";
  tn_store *s = tn_get_store(L, 1);
  const char *query = luaL_checkstring(L, 2);
  int o = tn_opt_table(L, 3, fname, kwic_keys);
  tn_kwic_opts ko;
  memset(&ko, 0, sizeof ko);
  ko.by = tn_opt_layer(L, o, fname);
  ko.width = (size_t)tn_opt_int(L, o, fname, "width", 5, 1, 1000);
  ko.limit = (size_t)tn_opt_int(L, o, fname, "limit", 0, 0, INT32_MAX);
  const char *sort = tn_opt_str(L, o, fname, "sort", "position");
  int so = tn_kwic_sort_from_name(sort);
  if (so < 0)
    luaL_error(L,
               "%s: option 'sort' must be \"position\", \"left\", "
               "\"right\" or \"match\", not \"%s\"",
               fname, sort);
  ko.sort = (tn_kwic_sort)so;
  ko.docs = tn_opt_docs(L, o, fname, s);
  ko.literal = tn_opt_bool(L, o, fname, "exact", 0);
  /* The result is owned by a userdata while its lines are copied: the
   * copy can raise (the memory limit), and must not leak it then. */
  tn_kwic **box = lua_newuserdatauv(L, sizeof *box, 0);
  *box = NULL;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, kwic_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  tn_error err;
  tn_error_clear(&err);
  if (tn_kwic_run(box, s, query, &ko, &err) != TN_OK)
    tn_raise_error(L, fname, &err);
  const tn_kwic *k = *box;
  lua_createtable(L, (int)k->nlines, 0);
  for (size_t i = 0; i < k->nlines; i++) {
    const tn_kwic_line *ln = &k->lines[i];
    if (!lua_checkstack(L, 4)) break;
    const tn_doc *d = tn_corpus_doc(s->corpus, ln->doc);
    tn_push_kwic_row(L, d->id.ptr, d->id.len,
                     (lua_Integer)(ln->pos - s->doc_start[ln->doc]) + 1,
                     ln->left, ln->match, ln->right);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  tn_kwic_free(*box);
  *box = NULL;
  tn_make_table(L, tn_kwic_cols);
  return 1;
}

const char *const tn_kwic_cols[] = {"doc",   "position", "left",
                                    "match", "right",    NULL};

void tn_push_kwic_row(lua_State *L, const char *doc, size_t doclen,
                      lua_Integer position, const char *left, const char *match,
                      const char *right) {
  lua_createtable(L, 0, 5);
  lua_pushlstring(L, doc, doclen);
  lua_setfield(L, -2, "doc");
  lua_pushinteger(L, position);
  lua_setfield(L, -2, "position");
  lua_pushstring(L, left);
  lua_setfield(L, -2, "left");
  lua_pushstring(L, match);
  lua_setfield(L, -2, "match");
  lua_pushstring(L, right);
  lua_setfield(L, -2, "right");
}

/* ---- corpus:collocates ----------------------------------------------------
 */

static const char *const colloc_keys[] = {
    "by",        "kinds",  "min_len", "max_len", "match",    "regex",
    "stopwords", "window", "left",    "right",   "sentence", "min",
    "sort",      "top",    "docs",    "exact",   NULL};

/* Collocation results owned by a userdata, so a Lua error while their rows
 * are copied cannot leak them. */
typedef struct lcolls {
  tn_colloc **c;
  size_t n;
} lcolls;

static int colls_gc(lua_State *L) {
  lcolls *u = lua_touserdata(L, 1);
  for (size_t i = 0; i < u->n; i++)
    tn_colloc_free(u->c[i]);
  tn_free(u->c);
  u->c = NULL;
  u->n = 0;
  return 0;
}

void tn_push_colloc_row(lua_State *L, const tn_colloc_row *r, const char *node,
                        const tn_colloc *c) {
  lua_createtable(L, 0, 10);
  if (node) {
    lua_pushstring(L, node);
    lua_setfield(L, -2, "node");
    lua_pushinteger(L, (lua_Integer)c->f_node);
    lua_setfield(L, -2, "node_freq");
  }
  lua_pushstring(L, r->term);
  lua_setfield(L, -2, "term");
  lua_pushinteger(L, (lua_Integer)r->f_nc);
  lua_setfield(L, -2, "freq");
  lua_pushinteger(L, (lua_Integer)r->f_c);
  lua_setfield(L, -2, "coll_freq");
  for (int m = 0; m < TN_ASSOC_COUNT; m++) {
    lua_pushnumber(L, r->score[m]);
    lua_setfield(L, -2, tn_assoc_name((tn_assoc)m));
  }
}

/* corpus:collocates(node[, opts]): a table of term, freq (co-occurrences),
 * coll_freq, logdice, mi, mi3, t, ll, sorted by opts.sort (logdice); then
 * the node's frequency and the corpus size. With a list of nodes: one
 * table with node and node_freq columns first (the corpus frequencies are
 * counted once for all of them). */
int tn_l_collocates(lua_State *L) {
  const char *fname = "collocates";
  tn_store *s = tn_get_store(L, 1);
  int many = lua_istable(L, 2);
  if (!many) luaL_checkstring(L, 2);
  int o = tn_opt_table(L, 3, fname, colloc_keys);
  tn_colloc_opts co;
  memset(&co, 0, sizeof co);
  tn_opt_filter(L, o, fname, &co.filter);
  tn_opt_colloc_window(L, o, fname, &co);
  co.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 1, 1, INT32_MAX);
  const char *sort = tn_opt_str(L, o, fname, "sort", "logdice");
  int a = tn_assoc_from_name(sort);
  if (a < 0)
    luaL_error(L,
               "%s: option 'sort' must be \"logdice\", \"mi\", \"mi3\", "
               "\"t\", \"ll\" or \"freq\", not \"%s\"",
               fname, sort);
  co.sort = (tn_assoc)a;
  co.docs = tn_opt_docs(L, o, fname, s);
  co.literal = tn_opt_bool(L, o, fname, "exact", 0);
  size_t n;
  const char **nodes = tn_check_nodes(L, 2, many, fname, &n);
  tn_colloc **c = tn_new_colloc_box(L, n);
  tn_error err;
  tn_error_clear(&err);
  if (tn_colloc_run_many(c, s, nodes, n, &co, &err) != TN_OK)
    tn_raise_error(L, fname, &err);
  tn_push_colloc_table(L, c, nodes, n, many);
  if (many) return 1;
  lua_pushinteger(L, (lua_Integer)c[0]->f_node);
  lua_pushinteger(L, (lua_Integer)c[0]->n);
  return 3;
}

void tn_opt_colloc_window(lua_State *L, int o, const char *fname,
                          tn_colloc_opts *co) {
  lua_Integer w = tn_opt_int(L, o, fname, "window", 5, 0, 1000);
  co->left = (size_t)tn_opt_int(L, o, fname, "left", w, 0, 1000);
  co->right = (size_t)tn_opt_int(L, o, fname, "right", w, 0, 1000);
  if (co->left == 0 && co->right == 0)
    luaL_error(L, "%s: the window is empty (left = right = 0)", fname);
  co->sentence = tn_opt_bool(L, o, fname, "sentence", 0);
  co->top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
}

const char **tn_check_nodes(lua_State *L, int idx, int many, const char *fname,
                            size_t *n) {
  *n = many ? (size_t)luaL_len(L, idx) : 1;
  if (many && *n == 0) luaL_argerror(L, idx, "at least one node expected");
  const char **nodes = lua_newuserdatauv(L, *n * sizeof *nodes, 0);
  for (size_t i = 0; i < *n; i++) {
    if (!many) {
      nodes[i] = lua_tostring(L, idx);
      continue;
    }
    if (lua_geti(L, idx, (lua_Integer)i + 1) != LUA_TSTRING)
      luaL_error(L, "%s: node %d is a %s, not a string", fname, (int)i + 1,
                 luaL_typename(L, -1));
    nodes[i] = lua_tostring(L, -1); /* kept alive by the list */
    lua_pop(L, 1);
  }
  return nodes;
}

tn_colloc **tn_new_colloc_box(lua_State *L, size_t n) {
  lcolls *box = lua_newuserdatauv(L, sizeof *box, 0);
  box->c = NULL;
  box->n = 0;
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, colls_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  box->c = tn_calloc(n ? n : 1, sizeof *box->c);
  if (!box->c) luaL_error(L, "out of memory");
  box->n = n;
  return box->c;
}

void tn_push_colloc_table(lua_State *L, tn_colloc *const *c,
                          const char *const *nodes, size_t n, int with_node) {
  lua_newtable(L);
  lua_Integer k = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < c[i]->nrows; j++) {
      tn_push_colloc_row(L, &c[i]->rows[j], with_node ? nodes[i] : NULL, c[i]);
      lua_rawseti(L, -2, ++k);
    }
  if (with_node) {
    static const char *const cols[] = {"node",      "node_freq", "term", "freq",
                                       "coll_freq", "logdice",   "mi",   "mi3",
                                       "t",         "ll",        NULL};
    tn_make_table(L, cols);
    return;
  }
  static const char *const cols[] = {
      "term", "freq", "coll_freq", "logdice", "mi", "mi3", "t", "ll", NULL};
  tn_make_table(L, cols);
}
