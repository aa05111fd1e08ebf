/* Shared pieces of the command line: exit codes, messages, corpus loading. */
#ifndef TN_CLI_H
#define TN_CLI_H

#include <getopt.h>

#include "corpus/corpus.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Prints "tussen: <message>" to stderr (and a hint for usage errors). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_usage(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Options every command that reads a corpus accepts; see CLI_CORPUS_LONGOPTS. */
typedef struct cli_corpus_options {
  tn_load_options load;
  int quiet;
  int strict; /* any skipped document fails the run */
  int verbose; /* every skip message, not the first few per file and reason */
  const char *command; /* for the usage hint; NULL means "run" */
} cli_corpus_options;

/* getopt_long ids for the corpus options, above the ASCII range. */
enum {
  OPT_REPAIR_UTF8 = 1000,
  OPT_ORPHANS,
  OPT_ID_COLUMN,
  OPT_TEXT_COLUMN,
  OPT_PARENT_COLUMN,
  OPT_KIND_COLUMN,
  OPT_TITLE_COLUMN,
  OPT_AUTHOR_COLUMN,
  OPT_DATE_COLUMN,
  OPT_DELIMITER,
  OPT_KIND,
  OPT_STRICT,
  OPT_VERBOSE,
  OPT_CORPUS_LAST
};

#define CLI_CORPUS_LONGOPTS                                                    \
  {"repair-utf8", no_argument, 0, OPT_REPAIR_UTF8},                            \
      {"orphans", required_argument, 0, OPT_ORPHANS},                          \
      {"id-column", required_argument, 0, OPT_ID_COLUMN},                      \
      {"text-column", required_argument, 0, OPT_TEXT_COLUMN},                  \
      {"parent-column", required_argument, 0, OPT_PARENT_COLUMN},              \
      {"kind-column", required_argument, 0, OPT_KIND_COLUMN},                  \
      {"title-column", required_argument, 0, OPT_TITLE_COLUMN},                \
      {"author-column", required_argument, 0, OPT_AUTHOR_COLUMN},              \
      {"date-column", required_argument, 0, OPT_DATE_COLUMN},                  \
      {"delimiter", required_argument, 0, OPT_DELIMITER},                      \
      {"kind", required_argument, 0, OPT_KIND},                                \
      {"strict", no_argument, 0, OPT_STRICT},                                  \
      {"verbose", no_argument, 0, OPT_VERBOSE},                                \
      {"quiet", no_argument, 0, 'q'}

#define CLI_CORPUS_HELP                                                        \
  "Corpus options:\n"                                                          \
  "  --repair-utf8          replace invalid UTF-8 by U+FFFD (with a warning)\n" \
  "                         instead of skipping the document\n"                \
  "  --orphans=skip|keep    a document whose parent is not in the corpus is\n" \
  "                         skipped (default) or kept without a parent\n"      \
  "  --text-column=NAME     CSV/TSV column with the text (default: text)\n"    \
  "  --id-column=NAME       ... with the id (default: id; else FILE:ROW)\n"    \
  "  --parent-column=NAME   ... with the parent id (default: parent)\n"        \
  "  --kind-column=NAME, --title-column=NAME, --author-column=NAME,\n"         \
  "  --date-column=NAME     ... with the other fields (default: their names)\n" \
  "  --delimiter=C          CSV separator: , ; tab (default: guessed)\n"       \
  "  --kind=KIND            kind of documents that do not name one\n"          \
  "  --strict               fail (exit 1) when any document is skipped\n"      \
  "  --verbose              a message for every skipped document (default:\n"  \
  "                         the first 10 per file and reason, then a count)\n" \
  "  -q, --quiet            no notes or summary unless something was skipped\n"

/* Reports what getopt_long returned as '?' or ':' (with opterr = 0 and an
 * optstring that starts with ':'): the offending word, and a hint. Returns
 * EXIT_USAGE. */
int cli_bad_option(const char *command, int opt, char **argv);

/* Handles one corpus option from getopt_long; returns 1 if it was one,
 * 0 if not, -1 (after printing) when its value is bad. */
int cli_corpus_option(cli_corpus_options *o, int opt, const char *arg,
                      const char *command);

/* Prints one load diagnostic to stderr: "tussen: skipped: FILE:LINE: byte N:
 * document \"ID\": message". */
void cli_print_diagnostic(const tn_diagnostic *d);

/* Loads the paths, printing diagnostics and the summary to stderr. Returns
 * NULL with *exit_code set when the run cannot go on. */
/* Prints what a load (or a streaming run's pass) reported: the skipped
 * documents and the summary line. Returns 1 when the run must fail (no
 * document used; --strict with skips). */
int cli_report_load(const cli_corpus_options *o, const tn_load_report *report);

tn_corpus *cli_load_corpus(const cli_corpus_options *o,
                           const char *const *paths, size_t npaths,
                           int *exit_code);

/* Where the canned scripts are: $TUSSEN_SCRIPTS, the install directory,
 * the source tree; NULL when none exists. */
const char *cli_scripts_dir(void);
/* Loads a report or script for its declaration (list, help), printing
 * any error; NULL with *exit_code 1 or 2. */
struct tn_script *cli_open_script(const char *name, int *exit_code);

/* Subcommands. */
int cmd_run(int argc, char **argv);
int cmd_corpus(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
