/* tussen.stats: keyness of two frequency lists and the formulas behind
 * keyness, association and dispersion, for scripts that count their own. */
#include <string.h>

#include "analysis/colloc.h"
#include "analysis/keyness.h"
#include "lua/bind_analysis.h"
#include "util/alloc.h"

/* ---- tussen.stats --------------------------------------------------------- */

static const char *const keyness_keys[] = {"target", "reference", "min",
                                           "top", "negative", NULL};

/* tussen.stats.keyness(target, reference[, opts]): target and reference
 * are tussen.Freq lists (the same list with opts.target/opts.reference
 * naming groups, or two lists). A table of term, freq, ref_freq, g2 (signed),
 * p, log_ratio, pct_diff, sorted by g2 descending. */
static int l_keyness(lua_State *L) {
  const char *fname = "keyness";
  lfreq *a = tn_check_freq(L, 1);
  lfreq *b = tn_check_freq(L, 2);
  int o = tn_opt_table(L, 3, fname, keyness_keys);
  lua_getfield(L, o, "target");
  lua_getfield(L, o, "reference");
  int ti = lua_gettop(L) - 1, ri = lua_gettop(L);
  const tn_freq_group *tg = tn_find_group(L, a->f, ti, fname);
  const tn_freq_group *rg = tn_find_group(L, b->f, ri, fname);
  tn_keyness_opts ko;
  memset(&ko, 0, sizeof ko);
  ko.min_count = (uint64_t)tn_opt_int(L, o, fname, "min", 0, 0, INT32_MAX);
  ko.top = (size_t)tn_opt_int(L, o, fname, "top", 0, 0, INT32_MAX);
  ko.negative = tn_opt_bool(L, o, fname, "negative", 0);
  if (a->f->by != b->f->by || a->f->n != b->f->n)
    luaL_error(L, "%s: the lists count different things (%s, n=%d vs %s, "
                  "n=%d)",
               fname, tn_layer_name(a->f->by), a->f->n,
               tn_layer_name(b->f->by), b->f->n);
  tn_keyness_row *rows = NULL;
  size_t n = 0;
  if (tn_keyness(tg, rg, b->f, &ko, &rows, &n) != TN_OK)
    return luaL_error(L, "out of memory");
  if (!lua_checkstack(L, 8)) {
    tn_free(rows);
    return luaL_error(L, "out of memory");
  }
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 7);
    lua_pushstring(L, rows[i].term);
    lua_setfield(L, -2, "term");
    lua_pushinteger(L, (lua_Integer)rows[i].a);
    lua_setfield(L, -2, "freq");
    lua_pushinteger(L, (lua_Integer)rows[i].b);
    lua_setfield(L, -2, "ref_freq");
    lua_pushinteger(L, (lua_Integer)rows[i].docs);
    lua_setfield(L, -2, "docs");
    lua_pushnumber(L, rows[i].g2);
    lua_setfield(L, -2, "g2");
    lua_pushnumber(L, rows[i].p);
    lua_setfield(L, -2, "p");
    lua_pushnumber(L, rows[i].log_ratio);
    lua_setfield(L, -2, "log_ratio");
    lua_pushnumber(L, rows[i].pct_diff);
    lua_setfield(L, -2, "pct_diff");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  tn_free(rows);
  static const char *const cols[] = {"term", "freq", "ref_freq",  "docs",
                                     "g2",   "p",    "log_ratio", "pct_diff",
                                     NULL};
  tn_make_table(L, cols);
  return 1;
}

static double check_count(lua_State *L, int idx) {
  double v = luaL_checknumber(L, idx);
  luaL_argcheck(L, v >= 0, idx, "counts and sizes are never negative");
  return v;
}

/* tussen.stats.g2(a, b, c, d): keyness G² (signed), log ratio, %DIFF of a
 * term a times in a target of c tokens, b times in a reference of d. */
static int l_g2(lua_State *L) {
  double a = check_count(L, 1), b = check_count(L, 2), c = check_count(L, 3),
         d = check_count(L, 4);
  double g = tn_keyness_g2(a, b, c, d);
  lua_pushnumber(L, tn_keyness_sign(a, b, c, d) < 0 ? -g : g);
  lua_pushnumber(L, tn_log_ratio(a, b, c, d));
  lua_pushnumber(L, tn_pct_diff(a, b, c, d));
  return 3;
}

/* tussen.stats.assoc(f_nc, f_node, f_coll, n): a record of the five
 * association measures. */
static int l_assoc(lua_State *L) {
  double sc[TN_ASSOC_COUNT];
  tn_assoc_scores(check_count(L, 1), check_count(L, 2), check_count(L, 3),
                  check_count(L, 4), sc);
  lua_createtable(L, 0, TN_ASSOC_COUNT);
  for (int m = 0; m < TN_ASSOC_COUNT; m++) {
    lua_pushnumber(L, sc[m]);
    lua_setfield(L, -2, tn_assoc_name((tn_assoc)m));
  }
  return 1;
}

/* tussen.stats.dp(counts, sizes): Gries's DP and DPnorm of one word over
 * parts (lists of equal length: its count in each part, each part's size). */
static int l_dp(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_Integer n = luaL_len(L, 1);
  luaL_argcheck(L, luaL_len(L, 2) == n && n > 0, 2,
                "as many part sizes as counts expected");
  double total = 0, size = 0, min_s = -1;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 1, i);
    lua_geti(L, 2, i);
    total += check_count(L, -2);
    size += check_count(L, -1);
    lua_pop(L, 2);
  }
  luaL_argcheck(L, size > 0, 2, "the parts are empty");
  double sum = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, 1, i);
    lua_geti(L, 2, i);
    double v = total > 0 ? lua_tonumber(L, -2) / total : 0;
    double s = lua_tonumber(L, -1) / size;
    if (min_s < 0 || s < min_s) min_s = s;
    sum += v > s ? v - s : s - v;
    lua_pop(L, 2);
  }
  double dp = total > 0 ? sum / 2 : 1.0;
  lua_pushnumber(L, dp);
  lua_pushnumber(L, n > 1 && min_s < 1 ? dp / (1 - min_s) : 0.0);
  return 2;
}

const luaL_Reg tn_stats_funcs[] = {{"keyness", l_keyness},
                                       {"g2", l_g2},
                                       {"assoc", l_assoc},
                                       {"dp", l_dp},
                                       {"stopwords", tn_l_stopwords},
                                       {NULL, NULL}};

