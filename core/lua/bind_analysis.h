/* Shared by the analysis bindings (bind_analysis.c, bind_stats.c): the
 * tussen.Freq type and the option helpers. */
#ifndef TN_LUA_BIND_ANALYSIS_H
#define TN_LUA_BIND_ANALYSIS_H

#include "analysis/freq.h"
#include "lua/internal.h"

#define TN_FREQ_T "tussen.Freq"

typedef struct lfreq {
  tn_freq *f;
  double *dp, *dp_norm; /* computed on first use */
} lfreq;

lfreq *tn_check_freq(lua_State *L, int idx);
/* The group named by the argument at idx (default: the only one). */
const tn_freq_group *tn_find_group(lua_State *L, const tn_freq *f, int idx,
                                   const char *fname);
/* An options table at idx (an empty one when absent), keys checked. */
int tn_opt_table(lua_State *L, int idx, const char *fname,
                 const char *const *keys);
lua_Integer tn_opt_int(lua_State *L, int idx, const char *fname,
                       const char *key, lua_Integer def, lua_Integer lo,
                       lua_Integer hi);
int tn_opt_bool(lua_State *L, int idx, const char *fname, const char *key,
                int def);
/* Turns the list of rows at the top into tussen.table(rows, cols). */
void tn_make_table(lua_State *L, const char *const *cols);

int tn_l_stopwords(lua_State *L);
extern const luaL_Reg tn_stats_funcs[];

/* Sets tussen.stats on the tussen table at the top and adds count, kwic,
 * collocates and store to tussen.Corpus. */
void tn_open_analysis(lua_State *L);

#endif
