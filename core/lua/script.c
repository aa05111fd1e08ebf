/* The script contract: find a script, run its top level in the sandbox,
 * check the table it returns (unknown keys fail with a hint), and fill
 * ctx.args from --arg NAME=VALUE. Running it is in run.c. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lua/internal.h"
#include "lua/script.h"
#include "util/alloc.h"

static const char *const decl_keys[] = {
    "description", "categories", "author", "license", "args",
    "run",         "setup",      "document", "finish", "corpus", NULL};
static const char *const arg_keys[] = {"type", "default", "choices", "help",
                                       NULL};
static const char *const arg_types[] = {"string",  "number", "integer",
                                        "boolean", "file",   NULL};

tn_script *tn_script_new(const tn_lua_options *opts) {
  tn_script *s = tn_calloc(1, sizeof *s);
  if (!s) return NULL;
  s->rt.opts = *opts;
  s->rt.limit = opts->memory_limit;
  s->decl_ref = s->args_ref = LUA_NOREF;
  return s;
}

void tn_script_free(tn_script *s) {
  if (!s) return;
  if (s->L) lua_close(s->L);
  tn_free(s->error);
  tn_free(s->summary);
  tn_free(s->rt.display);
  tn_free(s->rt.chunkname);
  tn_free(s->rt.path);
  tn_free(s->rt.dir);
  for (size_t i = 0; i < s->rt.nfiles; i++) tn_free(s->rt.files[i]);
  tn_free(s->rt.files);
  tn_free(s);
}

const char *tn_script_error(const tn_script *s) {
  return s->error ? s->error : "";
}

int tn_script_interrupted(const tn_script *s) {
  (void)s;
  return tn_interrupted();
}

const char *tn_script_summary(const tn_script *s) {
  return s->summary ? s->summary : "";
}

tn_status tn_script_fail(tn_script *s, tn_status st, const char *fmt, ...) {
  tn_buf b = TN_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  tn_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  tn_free(s->error);
  s->error = b.data ? b.data : tn_strndup("out of memory", 13);
  return st;
}

static char *dup(const char *str) { return tn_strndup(str, strlen(str)); }

static int is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- finding the script --------------------------------------------------- */

static int looks_like_path(const char *name) {
  size_t n = strlen(name);
  return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".lua") == 0);
}

static tn_status unknown_report(tn_script *s, const char *name) {
  char **names = NULL;
  size_t n = 0;
  const char *hint = "";
  if (s->rt.opts.scripts_dir &&
      tn_script_names(s->rt.opts.scripts_dir, &names, &n) == TN_OK) {
    const char **valid = tn_calloc(n + 1, sizeof *valid);
    if (valid) {
      for (size_t i = 0; i < n; i++) valid[i] = names[i];
      hint = tn_suggest(name, valid);
      tn_free(valid);
    }
  }
  tn_status st = tn_script_fail(
      s, TN_EINVAL, "unknown report '%s'%s ('tussen list' shows the reports; "
                    "a script of your own is run by its path, e.g. ./%s.lua)",
      name, hint, name);
  tn_script_names_free(names, n);
  return st;
}

static tn_status locate(tn_script *s, const char *name) {
  tn_rt *rt = &s->rt;
  if (looks_like_path(name)) {
    struct stat st;
    if (stat(name, &st) != 0) {
      int e = errno;
      /* "overview.lua" typed for the canned "overview" */
      tn_buf canned = TN_BUF_INIT;
      if (!strchr(name, '/') && rt->opts.scripts_dir)
        tn_buf_printf(&canned, "%s/%s", rt->opts.scripts_dir, name);
      int is_canned = canned.data && is_file(canned.data);
      tn_buf_free(&canned);
      if (is_canned)
        return tn_script_fail(s, TN_EINVAL,
                              "cannot open script '%s': %s (the canned "
                              "report is run by its name: '%.*s')",
                              name, strerror(e), (int)(strlen(name) - 4),
                              name);
      return tn_script_fail(s, TN_EINVAL, "cannot open script '%s': %s",
                            name, strerror(e));
    }
    if (!S_ISREG(st.st_mode))
      return tn_script_fail(s, TN_EINVAL,
                            "cannot run '%s': not a regular file", name);
    rt->path = dup(name);
    rt->display = dup(name);
    size_t n = strlen(name);
    rt->chunkname = tn_malloc(n + 2);
    if (rt->chunkname) {
      rt->chunkname[0] = '@';
      memcpy(rt->chunkname + 1, name, n + 1);
    }
    const char *slash = strrchr(name, '/');
    rt->dir = slash ? tn_strndup(name, slash == name ? 1 : (size_t)(slash - name))
                    : dup(".");
    if (!rt->path || !rt->display || !rt->chunkname || !rt->dir)
      return tn_script_fail(s, TN_ENOMEM, "out of memory");
    return TN_OK;
  }
  for (const char *p = name; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
          *p == '_'))
      return unknown_report(s, name);
  if (!*name || !rt->opts.scripts_dir) return unknown_report(s, name);
  tn_buf b = TN_BUF_INIT;
  tn_buf_printf(&b, "%s/%s.lua", rt->opts.scripts_dir, name);
  if (!b.data || !is_file(b.data)) {
    tn_buf_free(&b);
    return unknown_report(s, name);
  }
  rt->path = b.data;
  rt->display = dup(name);
  tn_buf c = TN_BUF_INIT;
  tn_buf_printf(&c, "@scripts/%s.lua", name);
  rt->chunkname = c.data;
  rt->dir = NULL; /* canned: scripts/lib and scripts/lexicons only */
  if (!rt->display || !rt->chunkname)
    return tn_script_fail(s, TN_ENOMEM, "out of memory");
  return TN_OK;
}

/* ---- checking the declaration -------------------------------------------- */

static const char *type_word(lua_State *L, int idx) {
  return luaL_typename(L, idx);
}

/* Checks a value against an argument type; returns NULL or why not. */
static const char *check_typed(lua_State *L, int idx, const char *type) {
  int t = lua_type(L, idx);
  if (strcmp(type, "string") == 0 || strcmp(type, "file") == 0)
    return t == LUA_TSTRING ? NULL : "a string";
  if (strcmp(type, "number") == 0)
    return t == LUA_TNUMBER ? NULL : "a number";
  if (strcmp(type, "integer") == 0)
    return lua_isinteger(L, idx) ? NULL : "an integer";
  return t == LUA_TBOOLEAN ? NULL : "a boolean";
}

static void check_arg_spec(lua_State *L, const char *display, const char *name,
                           int spec) {
  if (lua_type(L, spec) != LUA_TTABLE)
    luaL_error(L, "%s: args.%s must be a table like {type = \"string\", "
                  "help = \"...\"}, not a %s",
               display, name, type_word(L, spec));
  lua_pushnil(L);
  while (lua_next(L, spec)) {
    lua_pop(L, 1);
    const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    int ok = 0;
    for (const char *const *v = arg_keys; *v && !ok; v++) ok = !strcmp(*v, k);
    if (!ok)
      luaL_error(L, "%s: args.%s has an unknown key '%s'%s (valid: type, "
                    "default, choices, help)",
                 display, name, k, tn_suggest(k, arg_keys));
  }
  lua_getfield(L, spec, "type");
  if (lua_type(L, -1) != LUA_TSTRING)
    luaL_error(L, "%s: args.%s needs a type: \"string\", \"number\", "
                  "\"integer\", \"boolean\" or \"file\"",
               display, name);
  const char *type = lua_tostring(L, -1);
  int ok = 0;
  for (const char *const *v = arg_types; *v && !ok; v++) ok = !strcmp(*v, type);
  if (!ok)
    luaL_error(L, "%s: args.%s has an unknown type '%s'%s (valid: string, "
                  "number, integer, boolean, file)",
               display, name, type, tn_suggest(type, arg_types));
  int help = lua_getfield(L, spec, "help");
  if (help != LUA_TNIL && help != LUA_TSTRING)
    luaL_error(L, "%s: args.%s.help must be a string", display, name);
  lua_pop(L, 1);
  int choices = lua_getfield(L, spec, "choices") != LUA_TNIL;
  int ci = lua_gettop(L);
  if (choices) {
    if (lua_type(L, ci) != LUA_TTABLE || luaL_len(L, ci) == 0)
      luaL_error(L, "%s: args.%s.choices must be a non-empty list", display,
                 name);
    for (lua_Integer i = 1; i <= luaL_len(L, ci); i++) {
      lua_geti(L, ci, i);
      const char *why = check_typed(L, -1, type);
      if (why)
        luaL_error(L, "%s: args.%s.choices[%d] must be %s (the type is "
                      "\"%s\")",
                   display, name, (int)i, why, type);
      lua_pop(L, 1);
    }
  }
  if (lua_getfield(L, spec, "default") != LUA_TNIL) {
    const char *why = check_typed(L, -1, type);
    if (why)
      luaL_error(L, "%s: args.%s.default must be %s (the type is \"%s\")",
                 display, name, why, type);
    if (choices) {
      int found = 0;
      for (lua_Integer i = 1; i <= luaL_len(L, ci) && !found; i++) {
        lua_geti(L, ci, i);
        found = lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
      }
      if (!found)
        luaL_error(L, "%s: args.%s.default is not one of its choices",
                   display, name);
    }
  }
  lua_settop(L, ci - 2);
}

static int is_function_or_nil(lua_State *L, int t, const char *k) {
  int ty = lua_getfield(L, t, k);
  lua_pop(L, 1);
  return ty == LUA_TFUNCTION || ty == LUA_TNIL;
}

static int has(lua_State *L, int t, const char *k) {
  int ty = lua_getfield(L, t, k);
  lua_pop(L, 1);
  return ty != LUA_TNIL;
}

/* Protected: 1 = the declaration, 2 = the display name (light userdata). */
static int check_decl(lua_State *L) {
  const char *display = lua_touserdata(L, 2);
  if (lua_type(L, 1) != LUA_TTABLE)
    return luaL_error(L, "%s: the script must return a table (description, "
                         "args, run, ...), not a %s value",
                      display, type_word(L, 1));
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING)
      return luaL_error(L, "%s: the script table has a %s key; only names "
                           "are allowed (%s)",
                        display, type_word(L, -1),
                        "description, categories, author, license, args, "
                        "run, setup, document, finish, corpus");
    const char *k = lua_tostring(L, -1);
    int ok = 0;
    for (const char *const *v = decl_keys; *v && !ok; v++) ok = !strcmp(*v, k);
    if (!ok)
      return luaL_error(L, "%s: the script table has an unknown key '%s'%s "
                           "(valid: description, categories, author, "
                           "license, args, run, setup, document, finish, "
                           "corpus)",
                        display, k, tn_suggest(k, decl_keys));
  }
  /* corpus = "stream": the runner does not load a JSON Lines corpus;
   * ctx.corpus is a tussen.Source that the script reads with :scan */
  int ct = lua_getfield(L, 1, "corpus");
  if (ct != LUA_TNIL &&
      (ct != LUA_TSTRING || (strcmp(lua_tostring(L, -1), "stream") != 0 &&
                             strcmp(lua_tostring(L, -1), "load") != 0)))
    return luaL_error(L, "%s: 'corpus' must be \"load\" (the default: "
                         "ctx.corpus is the loaded corpus) or \"stream\" "
                         "(ctx.corpus:scan reads JSON Lines in one pass)",
                      display);
  lua_pop(L, 1);
  if (lua_getfield(L, 1, "description") != LUA_TSTRING ||
      lua_rawlen(L, -1) == 0)
    return luaL_error(L, "%s: the script table needs a description (a "
                         "string; its first line is what 'tussen list' "
                         "shows)",
                      display);
  lua_pop(L, 1);
  static const char *const strings[] = {"author", "license", NULL};
  for (const char *const *k = strings; *k; k++) {
    int t = lua_getfield(L, 1, *k);
    if (t != LUA_TNIL && t != LUA_TSTRING)
      return luaL_error(L, "%s: '%s' must be a string, not a %s", display, *k,
                        type_word(L, -1));
    lua_pop(L, 1);
  }
  if (lua_getfield(L, 1, "categories") != LUA_TNIL) {
    if (!lua_istable(L, -1))
      return luaL_error(L, "%s: 'categories' must be a list of strings",
                        display);
    for (lua_Integer i = 1; i <= luaL_len(L, -1); i++) {
      if (lua_geti(L, -1, i) != LUA_TSTRING)
        return luaL_error(L, "%s: categories[%d] must be a string", display,
                          (int)i);
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  static const char *const hooks[] = {"run", "setup", "document", "finish",
                                      NULL};
  for (const char *const *k = hooks; *k; k++)
    if (!is_function_or_nil(L, 1, *k))
      return luaL_error(L, "%s: '%s' must be a function", display, *k);
  int run = has(L, 1, "run");
  if (run && (has(L, 1, "setup") || has(L, 1, "document") ||
              has(L, 1, "finish")))
    return luaL_error(L, "%s: the script has both run and setup/document/"
                         "finish; use one style",
                      display);
  if (!run && !has(L, 1, "document") && !has(L, 1, "finish"))
    return luaL_error(L, "%s: the script table needs run(ctx), or "
                         "document(doc, ctx) (with optional setup and "
                         "finish)",
                      display);
  /* args: check each, and build ctx.args from the defaults */
  int t = lua_getfield(L, 1, "args");
  int args = lua_gettop(L);
  lua_newtable(L);
  int values = lua_gettop(L);
  if (t != LUA_TNIL) {
    if (t != LUA_TTABLE)
      return luaL_error(L, "%s: 'args' must be a table of name = {type = "
                           "...}",
                        display);
    lua_pushnil(L);
    while (lua_next(L, args)) {
      if (lua_type(L, -2) != LUA_TSTRING)
        return luaL_error(L, "%s: 'args' must map names to specs, not a "
                             "list",
                          display);
      const char *name = lua_tostring(L, -2);
      for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
          return luaL_error(L, "%s: bad argument name '%s' (letters, digits, "
                               "'_' and '-')",
                            display, name);
      check_arg_spec(L, display, name, lua_gettop(L));
      lua_getfield(L, -1, "default");
      lua_setfield(L, values, name);
      lua_pop(L, 1);
    }
  }
  return 1; /* the args table */
}

/* ---- loading ----------------------------------------------------------- */

static int open_all(lua_State *L) {
  tn_sandbox_open(L);
  return 0;
}

/* Runs the function on top (with nargs below it) under the error handler
 * and the limits; returns the Lua status, results or message on top. */
int tn_script_call(tn_script *s, int nargs, int nres) {
  lua_State *L = s->L;
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, tn_msgh);
  lua_insert(L, base);
  tn_limits_arm(L);
  int st = lua_pcall(L, nargs, nres, base);
  tn_limits_disarm(L);
  lua_remove(L, base);
  if (st == LUA_OK && (s->rt.stopping || s->rt.mem_hit)) {
    /* A limit fired where the script caught it and then finished before
     * another instruction ran, or the memory cap refused an allocation
     * that the reserve then allowed before the hook looked (a short
     * script, or loading a source bigger than the cap): the run still
     * failed. */
    lua_settop(L, base - 1);
    lua_pushfstring(L, "%s: ", s->rt.display);
    tn_push_limit_message(L);
    lua_concat(L, 2);
    st = LUA_ERRRUN;
  }
  return st;
}

tn_status tn_script_lua_error(tn_script *s, int st) {
  tn_rt *rt = &s->rt;
  if (tn_interrupted() || rt->time_hit || (rt->mem_hit && rt->stopping)) {
    const char *msg = lua_tostring(s->L, -1);
    return tn_script_fail(s, TN_ELIMIT, "%s", msg ? msg : "interrupted");
  }
  if (st == LUA_ERRMEM || rt->mem_hit) {
    if (rt->limit)
      return tn_script_fail(s, TN_ELIMIT,
                            "%s: memory limit of %d MB reached; raise it "
                            "with --memory-limit=MB (0: no limit)",
                            rt->display, (int)(rt->limit / (1024 * 1024)));
    return tn_script_fail(s, TN_ENOMEM, "%s: out of memory", rt->display);
  }
  const char *msg = lua_tostring(s->L, -1);
  /* a corpus file that could not be read, its error come up unchanged
   * (not caught by the script and replaced by another) */
  if (rt->corpus_error[0] && msg && strstr(msg, rt->corpus_error))
    return tn_script_fail(s, TN_EIO, "%s", rt->corpus_error);
  return tn_script_fail(s, TN_ESYNTAX, "%s", msg ? msg : "unknown error");
}

/* Reading the file and making the chunk's environment take Lua memory:
 * done under lua_pcall, so running out of it is an error, not a panic.
 * Returns the chunk (or the message) and tn_load_chunk's status. */
static int load_chunk(lua_State *L) {
  tn_script *s = lua_touserdata(L, 1);
  int st = tn_load_chunk(L, s->rt.path, s->rt.chunkname);
  lua_pushinteger(L, st);
  return 2;
}

/* Keeps the declaration and ctx.args in the registry, which luaL_ref may
 * have to grow: protected too. Stack: s, declaration, args. */
static int keep_decl(lua_State *L) {
  tn_script *s = lua_touserdata(L, 1);
  s->args_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  s->decl_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  lua_setfield(L, LUA_REGISTRYINDEX, TN_REG_DECL);
  return 0;
}

tn_status tn_script_load(tn_script *s, const char *name) {
  tn_status st = locate(s, name);
  if (st != TN_OK) return st;
  s->L = tn_state_new(&s->rt);
  if (!s->L) return tn_script_fail(s, TN_ENOMEM, "out of memory");
  lua_State *L = s->L;
  lua_pushcfunction(L, open_all);
  int ls = lua_pcall(L, 0, 0, 0);
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  lua_pushcfunction(L, load_chunk);
  lua_pushlightuserdata(L, s);
  ls = lua_pcall(L, 1, 2, 0);
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  ls = (int)lua_tointeger(L, -1);
  lua_pop(L, 1);
  if (ls == LUA_ERRFILE)
    return tn_script_fail(s, TN_EIO, "%s", lua_tostring(L, -1));
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  ls = tn_script_call(s, 0, 1);
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  lua_pushcfunction(L, check_decl);
  lua_pushvalue(L, -2);
  lua_pushlightuserdata(L, s->rt.display);
  ls = lua_pcall(L, 2, 1, 0);
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  lua_pushcfunction(L, keep_decl);
  lua_insert(L, -3);
  lua_pushlightuserdata(L, s);
  lua_insert(L, -3);
  ls = lua_pcall(L, 3, 0, 0);
  if (ls != LUA_OK) return tn_script_lua_error(s, ls);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  lua_getfield(L, -1, "description");
  const char *d = lua_tostring(L, -1);
  s->summary = tn_strndup(d, strcspn(d, "\n"));
  lua_pop(L, 2);
  return s->summary ? TN_OK : tn_script_fail(s, TN_ENOMEM, "out of memory");
}

/* ---- --arg NAME=VALUE ------------------------------------------------------ */

static int parse_bool(const char *v) {
  static const char *const yes[] = {"true", "yes", "on", "1", NULL};
  static const char *const no[] = {"false", "no", "off", "0", NULL};
  for (const char *const *p = yes; *p; p++)
    if (!strcmp(v, *p)) return 1;
  for (const char *const *p = no; *p; p++)
    if (!strcmp(v, *p)) return 0;
  return -1;
}

/* Protected: 1 = decl args table, 2 = name, 3 = value, 4 = script. Pushes
 * the converted value, or raises the usage message. */
static int convert_arg(lua_State *L) {
  tn_script *s = lua_touserdata(L, 4);
  const char *name = lua_tostring(L, 2), *value = lua_tostring(L, 3);
  if (lua_isnil(L, 1) || lua_getfield(L, 1, name) == LUA_TNIL) {
    luaL_Buffer b;
    int n = 0;
    const char *valid[64];
    if (!lua_isnil(L, 1)) {
      lua_newtable(L);
      lua_pushnil(L);
      while (lua_next(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, ++n);
      }
      lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_SANDBOX);
      lua_getfield(L, -1, "table");
      lua_getfield(L, -1, "sort");
      lua_pushvalue(L, -4);
      lua_call(L, 1, 0);
      lua_pop(L, 2);
      for (int i = 1; i <= n && i < 64; i++) {
        lua_rawgeti(L, -1, i);
        valid[i - 1] = lua_tostring(L, -1);
        lua_pop(L, 1);
      }
    }
    valid[n < 64 ? n : 63] = NULL;
    if (n == 0)
      return luaL_error(L, "--arg %s: %s takes no arguments", name,
                        s->rt.display);
    luaL_buffinit(L, &b);
    for (int i = 0; valid[i]; i++) {
      if (i) luaL_addstring(&b, ", ");
      luaL_addstring(&b, valid[i]);
    }
    luaL_pushresult(&b);
    return luaL_error(L, "--arg %s: %s has no argument '%s'%s (valid: %s; "
                         "see 'tussen help %s')",
                      name, s->rt.display, name, tn_suggest(name, valid),
                      lua_tostring(L, -1), s->rt.display);
  }
  int spec = lua_gettop(L);
  lua_getfield(L, spec, "type");
  const char *type = lua_tostring(L, -1);
  if (!strcmp(type, "string") || !strcmp(type, "file")) {
    lua_pushstring(L, value);
  } else if (!strcmp(type, "boolean")) {
    int b = parse_bool(value);
    if (b < 0)
      return luaL_error(L, "--arg %s=%s: expected a boolean (true/false, "
                           "yes/no, on/off, 1/0)",
                        name, value);
    lua_pushboolean(L, b);
  } else {
    if (!*value || lua_stringtonumber(L, value) == 0)
      return luaL_error(L, "--arg %s=%s: expected %s", name, value,
                        !strcmp(type, "integer") ? "an integer" : "a number");
    if (!strcmp(type, "integer") && !lua_isinteger(L, -1)) {
      lua_Integer i;
      if (!lua_numbertointeger(lua_tonumber(L, -1), &i) ||
          (lua_Number)i != lua_tonumber(L, -1))
        return luaL_error(L, "--arg %s=%s: expected an integer", name, value);
      lua_pop(L, 1);
      lua_pushinteger(L, i);
    }
  }
  int v = lua_gettop(L);
  if (lua_getfield(L, spec, "choices") == LUA_TTABLE) {
    int c = lua_gettop(L);
    int found = 0;
    for (lua_Integer i = 1; i <= luaL_len(L, c) && !found; i++) {
      lua_geti(L, c, i);
      found = lua_compare(L, -1, v, LUA_OPEQ);
      lua_pop(L, 1);
    }
    if (!found) {
      luaL_Buffer b;
      luaL_buffinit(L, &b);
      for (lua_Integer i = 1; i <= luaL_len(L, c); i++) {
        if (i > 1) luaL_addstring(&b, ", ");
        lua_geti(L, c, i);
        luaL_tolstring(L, -1, NULL);
        lua_remove(L, -2);
        luaL_addvalue(&b);
      }
      luaL_pushresult(&b);
      return luaL_error(L, "--arg %s=%s: expected one of: %s", name, value,
                        lua_tostring(L, -1));
    }
  }
  lua_settop(L, v);
  int file = !strcmp(type, "file");
  if (file && !is_file(value))
    return luaL_error(L, "--arg %s=%s: cannot read '%s': %s", name, value,
                      value, errno ? strerror(errno) : "not a file");
  lua_pushboolean(L, file);
  return 2;
}

/* Protected (every push may allocate): 1 = script, 2 = "NAME=VALUE".
 * Converts the value, stores it in ctx.args and returns whether the
 * argument is a file. */
static int set_arg(lua_State *L) {
  tn_script *s = lua_touserdata(L, 1);
  const char *assignment = lua_touserdata(L, 2);
  const char *eq = strchr(assignment, '=');
  lua_settop(L, 0);
  lua_pushcfunction(L, convert_arg);
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  lua_getfield(L, -1, "args");
  lua_remove(L, -2);
  lua_pushlstring(L, assignment, (size_t)(eq - assignment));
  lua_pushstring(L, eq + 1);
  lua_pushlightuserdata(L, s);
  lua_call(L, 4, 2); /* value, is_file */
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->args_ref);
  lua_pushlstring(L, assignment, (size_t)(eq - assignment));
  lua_pushvalue(L, 1);
  lua_rawset(L, -3);
  lua_pushvalue(L, 2);
  return 1;
}

tn_status tn_script_set_arg(tn_script *s, const char *assignment) {
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return tn_script_fail(s, TN_EINVAL,
                          "--arg takes NAME=VALUE, not '%s'", assignment);
  lua_State *L = s->L;
  lua_pushcfunction(L, set_arg);
  lua_pushlightuserdata(L, s);
  lua_pushlightuserdata(L, (void *)assignment);
  errno = 0;
  int st = lua_pcall(L, 2, 1, 0);
  if (st != LUA_OK) {
    tn_status ts = tn_script_lua_error(s, st);
    lua_pop(L, 1);
    return ts == TN_ESYNTAX ? TN_EINVAL : ts;
  }
  int file = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (file) {
    char **grown = tn_realloc(s->rt.files, (s->rt.nfiles + 1) * sizeof *grown);
    if (!grown) return tn_script_fail(s, TN_ENOMEM, "out of memory");
    s->rt.files = grown;
    if (!(grown[s->rt.nfiles] = dup(eq + 1)))
      return tn_script_fail(s, TN_ENOMEM, "out of memory");
    s->rt.nfiles++;
  }
  return TN_OK;
}

/* ---- canned report names ----------------------------------------------------- */

static int cmp_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

tn_status tn_script_names(const char *dir, char ***names, size_t *n) {
  *names = NULL;
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return TN_EIO;
  size_t cap = 0;
  struct dirent *e;
  tn_buf path = TN_BUF_INIT;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len <= 4 || e->d_name[0] == '.' || e->d_name[0] == '_' ||
        strcmp(e->d_name + len - 4, ".lua") != 0)
      continue;
    tn_buf_clear(&path);
    tn_buf_printf(&path, "%s/%s", dir, e->d_name);
    if (!path.data || !is_file(path.data)) continue;
    if (tn_grow((void **)names, &cap, *n + 1, sizeof **names) ||
        !((*names)[*n] = tn_strndup(e->d_name, len - 4))) {
      closedir(d);
      tn_buf_free(&path);
      tn_script_names_free(*names, *n);
      *names = NULL;
      *n = 0;
      return TN_ENOMEM;
    }
    (*n)++;
  }
  closedir(d);
  tn_buf_free(&path);
  qsort(*names, *n, sizeof **names, cmp_name);
  return TN_OK;
}

void tn_script_names_free(char **names, size_t n) {
  for (size_t i = 0; i < n; i++) tn_free(names[i]);
  tn_free(names);
}

int tn_script_streams(const tn_script *s) {
  lua_State *L = s->L;
  lua_rawgeti(L, LUA_REGISTRYINDEX, s->decl_ref);
  lua_pushliteral(L, "corpus");
  lua_rawget(L, -2);
  int yes = lua_type(L, -1) == LUA_TSTRING &&
            strcmp(lua_tostring(L, -1), "stream") == 0;
  lua_pop(L, 2);
  return yes;
}

int tn_script_streamed(const tn_script *s) { return s->rt.streamed; }
