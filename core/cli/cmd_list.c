/* tussen list: the canned reports, one line each (name, then the first
 * line of its description); and where the binary finds them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "lua/runtime.h"

static int is_dir(const char *path) {
  struct stat st;
  return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_scripts_dir(void) {
  const char *env = getenv("TUSSEN_SCRIPTS");
  if (env && *env) return env;
  if (is_dir(TUSSEN_INSTALL_SCRIPTS)) return TUSSEN_INSTALL_SCRIPTS;
  if (is_dir(TUSSEN_SOURCE_SCRIPTS)) return TUSSEN_SOURCE_SCRIPTS;
  return NULL;
}

/* Loads one script for its declaration, with tight limits: listing must
 * not hang on a broken report. */
tn_script *cli_open_script(const char *name, int *exit_code) {
  tn_lua_options lo;
  memset(&lo, 0, sizeof lo);
  lo.memory_limit = TN_LUA_DEFAULT_MEMORY;
  lo.time_limit = 10;
  lo.scripts_dir = cli_scripts_dir();
  tn_script *s = tn_script_new(&lo);
  if (!s) {
    cli_error("out of memory");
    *exit_code = EXIT_FAIL;
    return NULL;
  }
  tn_status st = tn_script_load(s, name);
  if (st == TN_OK) {
    *exit_code = EXIT_OK;
    return s;
  }
  cli_error("%s", tn_script_error(s));
  *exit_code = st == TN_EINVAL ? EXIT_USAGE : EXIT_FAIL;
  tn_script_free(s);
  return NULL;
}

static const char list_help[] =
    "Usage: tussen list\n"
    "List the canned reports: each name, then the first line of its\n"
    "description. 'tussen help REPORT' tells more about one.\n"
    "Reports are read from $TUSSEN_SCRIPTS, else the installed scripts,\n"
    "else the source tree's scripts/ directory.\n";

int cmd_list(int argc, char **argv) {
  if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
    fputs(list_help, stdout);
    return EXIT_OK;
  }
  if (argc > 1) return cli_usage("list", "list takes no arguments");
  const char *dir = cli_scripts_dir();
  char **names = NULL;
  size_t n = 0;
  if (!dir || tn_script_names(dir, &names, &n) != TN_OK) {
    cli_error("cannot find the canned reports (set TUSSEN_SCRIPTS to the "
              "scripts directory)");
    return EXIT_FAIL;
  }
  size_t width = 0;
  for (size_t i = 0; i < n; i++)
    if (strlen(names[i]) > width) width = strlen(names[i]);
  int rc = EXIT_OK;
  for (size_t i = 0; i < n; i++) {
    int one;
    tn_script *s = cli_open_script(names[i], &one);
    if (!s) {
      rc = EXIT_FAIL;
      continue;
    }
    printf("%-*s  %s\n", (int)width, names[i], tn_script_summary(s));
    tn_script_free(s);
  }
  tn_script_names_free(names, n);
  return rc;
}
