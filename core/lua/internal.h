/* Shared between the files of core/lua: the per-state runtime record,
 * metatable names, and the functions that open each part of `tussen`. */
#ifndef TN_LUA_INTERNAL_H
#define TN_LUA_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>
#include <signal.h>

#include "lua/runtime.h"

/* Metatable names: luaL_check* errors name these types. */
#define TN_CORPUS_T "tussen.Corpus"
#define TN_DOC_T "tussen.Doc"
#define TN_TABLE_T "tussen.table"
#define TN_RECORD_T "tussen.record"

/* Registry keys. */
#define TN_REG_SANDBOX "tussen.sandbox" /* template of the script globals */
#define TN_REG_STRICT "tussen.strict"   /* metatable of every script _ENV */
#define TN_REG_LOADED "tussen.loaded"   /* require's cache */
#define TN_REG_MODULE "tussen.module"   /* the tussen table */
#define TN_REG_DECL "tussen.decl"       /* the script's declaration */

/* Everything the C side knows about one Lua state; it is the allocator's
 * user data, so any function reaches it with tn_rt_of(L). */
typedef struct tn_rt {
  size_t used, limit; /* bytes; limit 0: none */
  int mem_hit;        /* the memory limit refused an allocation */
  double deadline;    /* monotonic seconds; 0: none */
  double paused_at;   /* tn_limits_pause's time; 0: running */
  /* A streaming run's corpus could not be read (source:scan, source:load):
   * the message, with file, line and byte, that the run fails with as a
   * load would, instead of a script error with a traceback. */
  char corpus_error[1200];
  unsigned long long scan_total; /* bytes of the files a source:scan reads */
  int streamed; /* a source:scan read the run's files */
  int time_hit;
  int stopping;       /* a limit fired: every instruction raises again */
  tn_lua_options opts;
  char *display;      /* how messages name the script: "overview", a path */
  char *chunkname;    /* "@scripts/overview.lua" or "@" + the path given */
  char *path;         /* the file opened */
  char *dir;          /* the script's own directory (for require, data) */
  char **files;       /* values of args of type "file": readable data */
  size_t nfiles;
  /* progress (l_corpus.c): the corpus measured; the last document
   * corpus:docs() handed out and the furthest one analysed (tokens,
   * sentences) since that iterator began, as counts; the bytes up to
   * prog_index */
  const void *prog_corpus;
  size_t prog_iter, prog_work, prog_index;
  unsigned long long prog_bytes, prog_total;
} tn_rt;

tn_rt *tn_rt_of(lua_State *L);

/* state.c */
lua_State *tn_state_new(tn_rt *rt);
int tn_msgh(lua_State *L);          /* error handler: message + traceback */
void tn_limits_arm(lua_State *L);   /* start the clock and the hook */
void tn_limits_disarm(lua_State *L);
void tn_limits_pause(lua_State *L);  /* corpus work: the clock stops */
void tn_limits_resume(lua_State *L);
void tn_set_hook(lua_State *L);     /* the limit hook, for a new thread */
int tn_interrupted(void);
void tn_push_limit_message(lua_State *L); /* which limit fired, and how to raise it */

/* sandbox.c */
void tn_sandbox_open(lua_State *L); /* builds the template; needs tussen */
void tn_push_env(lua_State *L);     /* a fresh strict _ENV */
/* Reads a whole file into a Lua string (nil, message on failure). */
int tn_push_file(lua_State *L, const char *path);
/* Loads source text as a chunk with a fresh _ENV; pushes the function or
 * returns the error status with the message pushed. */
int tn_load_chunk(lua_State *L, const char *path, const char *chunkname);

/* the tussen module */
int tn_open_tussen(lua_State *L);   /* pushes the tussen table */
void tn_open_corpus(lua_State *L);  /* sets tussen.corpus (table on top) */
void tn_open_text(lua_State *L);
/* tussen.text.tokens / tussen.text.sentences (l_tokens.c) */
int tn_l_text_tokens(lua_State *L);
int tn_l_text_sentences(lua_State *L);
void tn_open_analysis(lua_State *L); /* tussen.stats, corpus:count... */
void tn_open_rules(lua_State *L);    /* tussen.rules (bind_rules.c) */
void tn_open_report(lua_State *L);   /* tussen.report (l_report.c) */
void tn_open_util(lua_State *L);    /* log, table, record, data */
void tn_push_corpus(lua_State *L, tn_corpus *c, int owned);

/* Raises "bad argument" naming an unknown key of an options table and the
 * nearest valid one; checks every string key of the table at idx. */
void tn_check_keys(lua_State *L, int idx, const char *const *valid,
                   const char *what);
/* "; did you mean 'x'?" or "" */
const char *tn_suggest(const char *word, const char *const *valid);

/* A tussen.Doc: a corpus document by index. Token and sentence counts
 * are filled on first use (-1 before). */
typedef struct tn_ldoc {
  tn_corpus *c;
  size_t index;
  long ntokens, nsentences;
} tn_ldoc;

/* l_tokens.c: adds tokens, sentences, ntokens, nsentences to the Doc
 * methods table on top of the stack. */
void tn_doc_token_methods(lua_State *L);
/* l_corpus.c: document i is handed out (analysed = 0) or tokenized
 * (analysed = 1); tells tn_lua_options.progress where the run stands. */
void tn_progress_doc(lua_State *L, const tn_corpus *c, size_t i,
                     int analysed);
/* l_corpus.c: a new corpus:docs() iterator starts a new pass. */
void tn_progress_pass(lua_State *L);

/* result.c: converts the value at idx (under lua_pcall) */
int tn_to_result(lua_State *L, int idx, tn_result *out);

#endif
