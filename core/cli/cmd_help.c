/* tussen help REPORT: a report's description, categories and arguments
 * (type, default, choices, help), read from its declaration. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "lua/runtime.h"

static const char help_help[] =
    "Usage: tussen help REPORT|FILE.lua\n"
    "Describe a canned report (or a script of your own): what it does, its\n"
    "arguments with their types, defaults and choices. 'tussen list' shows\n"
    "the reports; 'tussen --help' the commands.\n";

int cmd_help(int argc, char **argv) {
  if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
    fputs(help_help, stdout);
    return EXIT_OK;
  }
  if (argc > 2) return cli_usage("help", "help takes one report name");
  static const char *const commands[] = {"run", "list", "help", "corpus",
                                         "tokenize", NULL};
  for (const char *const *c = commands; *c; c++)
    if (!strcmp(argv[1], *c)) {
      printf("'%s' is a command: 'tussen %s --help' describes it.\n", *c, *c);
      return EXIT_OK;
    }
  int rc;
  tn_script *s = cli_open_script(argv[1], &rc);
  if (!s) {
    if (rc == EXIT_USAGE) fputs("Try 'tussen list'.\n", stderr);
    return rc;
  }
  tn_buf out = TN_BUF_INIT;
  if (tn_script_help(s, &out) != TN_OK) {
    cli_error("%s", tn_script_error(s));
    rc = EXIT_FAIL;
  } else {
    fwrite(out.data, 1, out.len, stdout);
  }
  tn_buf_free(&out);
  tn_script_free(s);
  return rc;
}
