/* The Lua runtime as the command line sees it: load a script (a canned
 * report or a file), check its declaration, set its arguments, run it on a
 * corpus and get its result as a tree for the writers. This header does
 * not include lua.h: only core/lua/ binds Lua. */
#ifndef TN_LUA_RUNTIME_H
#define TN_LUA_RUNTIME_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "report/result.h"
#include "util/buf.h"
#include "util/status.h"

/* Where a script is in the corpus, for a progress line (the CLI prints it,
 * the runtime never does). */
typedef struct tn_progress {
  const char *what;     /* the script's name */
  size_t docs, ndocs;   /* documents passed in this pass over the corpus */
  unsigned long long bytes, nbytes; /* bytes of text passed, in all */
} tn_progress;

typedef struct tn_lua_options {
  size_t memory_limit;     /* bytes the Lua state may hold; 0: no limit */
  double time_limit;       /* seconds a run may take; 0: no limit */
  const char *scripts_dir; /* the canned scripts (scripts/), or NULL */
  tn_load_options load;    /* policy for tussen.corpus.load */
  int quiet;               /* tussen.log.info stays silent */
  int catch_sigint;        /* Ctrl-C stops the script with a message */
  const char *format;      /* ctx.format: "text", "csv", "json", "md",
                              "excel" or "html" (NULL: "text") */
  /* Called as corpus:docs() hands out each document (any pass, any
   * script); NULL: none. It must be cheap: it runs per document. */
  void (*progress)(void *ud, const tn_progress *p);
  void *progress_ud;
} tn_lua_options;

#define TN_LUA_DEFAULT_MEMORY ((size_t)1024 * 1024 * 1024)
#define TN_LUA_DEFAULT_SECONDS 60.0

typedef struct tn_script tn_script;

/* NULL when memory ran out. The options are copied. */
tn_script *tn_script_new(const tn_lua_options *opts);
void tn_script_free(tn_script *s);

/* Loads a canned report by name ("overview") or a script by path (a name
 * with a '/' or ending in ".lua"), runs its top level and checks the table
 * it returns. TN_EINVAL: no such report or file (a usage error); any other
 * error: the script is broken. tn_script_error() tells what. */
tn_status tn_script_load(tn_script *s, const char *name);

/* "NAME=VALUE" from --arg: checked against the declaration and converted.
 * TN_EINVAL (a usage error) with tn_script_error() set. */
tn_status tn_script_set_arg(tn_script *s, const char *assignment);

/* Runs the script on the corpus (borrowed: it must outlive the script)
 * and converts what it returns into `out` (initialised by the caller).
 * TN_ELIMIT: a time or memory limit, or Ctrl-C (tn_script_interrupted). */
tn_status tn_script_run(tn_script *s, tn_corpus *corpus, tn_result *out);

/* Whether the loaded script declares corpus = "stream", and whether its
 * run read the files in a streaming pass (rather than loading them). */
int tn_script_streams(const tn_script *s);
int tn_script_streamed(const tn_script *s);

/* Runs a streaming script: ctx.corpus is a tussen.Source over the paths
 * (JSON Lines, CSV or TSV files), whose first pass fills `report`. */
tn_status tn_script_run_source(tn_script *s, const char *const *paths,
                               size_t npaths, tn_load_report *report,
                               tn_result *out);

/* The last error: one or more lines, without "tussen: " or a final
 * newline. */
const char *tn_script_error(const tn_script *s);
int tn_script_interrupted(const tn_script *s);

/* After a successful load: the first line of the description, and the
 * whole help text (description, categories, arguments, usage). */
const char *tn_script_summary(const tn_script *s);
tn_status tn_script_help(tn_script *s, tn_buf *out);

/* The canned report names in a directory (files NAME.lua), sorted. Frees
 * with tn_script_names_free. TN_EIO when the directory cannot be read. */
tn_status tn_script_names(const char *dir, char ***names, size_t *n);
void tn_script_names_free(char **names, size_t n);

/* Edit distance, for "did you mean" hints; saturates at 100. */
size_t tn_edit_distance(const char *a, const char *b);

#endif
