/* tussen: the command line. Parses the global options and hands the rest
 * to one subcommand; each lives in its own file. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "lua/version.h"

static const char usage_text[] =
    "Usage: tussen COMMAND [OPTION]... [ARG]...\n"
    "Analyse Dutch text: keywords, stance and arguments, scripted in Lua.\n"
    "\n"
    "Commands:\n"
    "  run REPORT|FILE.lua [OPTION]... CORPUS...\n"
    "                      run a canned report or your own script on a corpus\n"
    "  list                list the canned reports, one line each\n"
    "  help REPORT         describe a report and its arguments\n"
    "  corpus [OPTION]... CORPUS...\n"
    "                      load a corpus and write it as JSON Lines (--check:\n"
    "                      only report what was read, used and skipped)\n"
    "  tokenize [FILE|-]   split Dutch text into tokens and sentences\n"
    "  map [OPTION]... CORPUS...\n"
    "                      count a corpus (or a part) into mergeable partials\n"
    "  merge PARTIAL...    combine partial results of map\n"
    "\n"
    "A CORPUS is a .jsonl, .csv, .tsv or .txt file (optionally .gz) or a\n"
    "directory of them; several form one corpus.\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help and exit\n"
    "  -V, --version       show the version and exit\n"
    "\n"
    "'tussen COMMAND --help' tells more about each command.\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n";

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"run", cmd_run},
    {"corpus", cmd_corpus},
    {"list", cmd_list},
    {"help", cmd_help},
    {"tokenize", cmd_tokenize},
    {"map", cmd_map},
    {"merge", cmd_merge},
};

int main(int argc, char **argv) {
  if (argc < 2)
    return cli_usage(NULL, "no command given; try 'tussen run overview "
                           "corpus/streetwise'");
  const char *first = argv[1];
  if (strcmp(first, "-h") == 0 || strcmp(first, "--help") == 0) {
    fputs(usage_text, stdout);
    return EXIT_OK;
  }
  if (strcmp(first, "-V") == 0 || strcmp(first, "--version") == 0) {
    printf("tussen %s (Lua %s, utf8proc %s)\n", TUSSEN_VERSION,
           tn_lua_release() + 4, tn_utf8proc_version());
    return EXIT_OK;
  }
  if (first[0] == '-')
    return cli_usage(NULL, "unknown option '%s'", first);
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(first, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  return cli_usage(NULL, "unknown command '%s'", first);
}
