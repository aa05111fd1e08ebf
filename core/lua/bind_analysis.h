/* Shared by the analysis bindings (bind_analysis.c, bind_options.c,
 * bind_concord.c, bind_stats.c): the tussen.Freq type, the store and the
 * option helpers. */
#ifndef TN_LUA_BIND_ANALYSIS_H
#define TN_LUA_BIND_ANALYSIS_H

#include "analysis/freq.h"
#include "lua/internal.h"

#define TN_FREQ_T "tussen.Freq"
#define TN_STOPWORDS_T "tussen.Stopwords"

typedef struct lfreq {
  tn_freq *f;
  double *dp, *dp_norm; /* computed on first use */
  uint8_t *counted;     /* ... with, per term, whether any row holds it */
} lfreq;

lfreq *tn_check_freq(lua_State *L, int idx);
/* Pushes an empty tussen.Freq whose list the caller fills (u->f). */
lfreq *tn_new_freq(lua_State *L);
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

/* The token store of the tussen.Corpus at idx, built on first use. */
tn_store *tn_get_store(lua_State *L, int idx);
/* Raises "what: message" for a failed call into core/analysis. */
void tn_raise_error(lua_State *L, const char *what, const tn_error *err);

/* A string option; the options table keeps the string alive. */
const char *tn_opt_str(lua_State *L, int idx, const char *fname,
                       const char *key, const char *def);
/* Option 'by': "form", "norm" (default) or "stem". */
tn_layer tn_opt_layer(lua_State *L, int idx, const char *fname);
/* Option 'docs' as a document mask (pushed, in a userdata); NULL if absent. */
const uint8_t *tn_opt_docs(lua_State *L, int idx, const char *fname,
                           const tn_store *s);
/* The filter options shared by count and collocates. */
void tn_opt_filter(lua_State *L, int idx, const char *fname, tn_term_filter *f);

int tn_l_stopwords(lua_State *L);
int tn_l_stopwords_gc(lua_State *L);
int tn_l_kwic(lua_State *L);
int tn_l_collocates(lua_State *L);
/* One row of a KWIC table (the table on top, the row pushed), and the
 * table's columns: corpus:kwic and scan:kwic give the same shape. */
void tn_push_kwic_row(lua_State *L, const char *doc, size_t doclen,
                      lua_Integer position, const char *left, const char *match,
                      const char *right);
extern const char *const tn_kwic_cols[];
/* Shared by corpus:collocates and scan:collocates: the window options
 * (window or left and right, sentence, top); the nodes at idx (a list
 * when many, else one string), held by a pushed userdata; an array of n
 * results owned by a pushed userdata (freed with it, so an error while
 * rows are copied leaks nothing); the table of every node's rows, with
 * node and node_freq columns first when with_node. */
struct tn_colloc_opts;
void tn_opt_colloc_window(lua_State *L, int o, const char *fname,
                          struct tn_colloc_opts *co);
const char **tn_check_nodes(lua_State *L, int idx, int many, const char *fname,
                            size_t *n);
struct tn_colloc **tn_new_colloc_box(lua_State *L, size_t n);
void tn_push_colloc_table(lua_State *L, struct tn_colloc *const *c,
                          const char *const *nodes, size_t n, int with_node);
/* One row of a collocates table (node: the node's column, or NULL). */
struct tn_colloc_row;
struct tn_colloc;
void tn_push_colloc_row(lua_State *L, const struct tn_colloc_row *r,
                        const char *node, const struct tn_colloc *c);
extern const luaL_Reg tn_stats_funcs[];

/* Sets tussen.stats on the tussen table at the top and adds count, kwic,
 * collocates and store to tussen.Corpus. */
void tn_open_analysis(lua_State *L);

#endif
