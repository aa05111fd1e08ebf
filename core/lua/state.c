/* The Lua state of one script: an allocator with a memory cap, a count
 * hook for the time limit and Ctrl-C, and the error handler that turns an
 * error into the user's file:line, the message and a short traceback. */
#include <lualib.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "lua/internal.h"
#include "util/alloc.h"
#include "util/buf.h"

/* Lets the error path (message handler, traceback) run after the cap was
 * hit: a failed script must still be able to say why. */
#define RESERVE ((size_t)8 * 1024 * 1024)
#define HOOK_EVERY 10000

static volatile sig_atomic_t g_interrupted;
static lua_State *volatile g_state;

tn_rt *tn_rt_of(lua_State *L) {
  void *ud = NULL;
  lua_getallocf(L, &ud);
  return ud;
}

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  tn_rt *rt = ud;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) {
    tn_free(ptr);
    rt->used -= osize;
    return NULL;
  }
  if (rt->limit && nsize > osize) {
    size_t cap = rt->limit + (rt->mem_hit ? RESERVE : 0);
    if (rt->used - osize + nsize > cap) {
      rt->mem_hit = 1;
      return NULL;
    }
  }
  void *p = tn_realloc(ptr, nsize);
  if (p) rt->used = rt->used - osize + nsize;
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int tn_interrupted(void) { return g_interrupted != 0; }

void tn_push_limit_message(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  if (g_interrupted) {
    lua_pushliteral(L, "interrupted");
  } else if (rt->mem_hit) {
    lua_pushfstring(L, "memory limit of %d MB reached; raise it with "
                       "--memory-limit=MB (0: no limit)",
                    (int)(rt->limit / (1024 * 1024)));
  } else {
    char secs[64];
    tn_format_double(rt->opts.time_limit, secs, sizeof secs);
    lua_pushfstring(L, "time limit of %s s reached; raise it with "
                       "--time-limit=SECONDS (0: no limit)",
                    secs);
  }
}

/* Fires every HOOK_EVERY instructions (and at every instruction once a
 * limit has fired, so pcall cannot swallow the error: Redis's way). */
static void limit_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  tn_rt *rt = tn_rt_of(L);
  if (!rt->stopping) {
    if (g_interrupted) {
      rt->stopping = 1;
    } else if (rt->mem_hit) {
      rt->stopping = 1;
    } else if (rt->deadline > 0 && now() > rt->deadline) {
      rt->time_hit = 1;
      rt->stopping = 1;
    }
    if (!rt->stopping) return;
  }
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
  /* The main thread too: a coroutine that fired must not let its resumer
   * finish the run as if nothing happened. */
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  lua_State *main_thread = lua_tothread(L, -1);
  lua_pop(L, 1);
  if (main_thread && main_thread != L)
    lua_sethook(main_thread, limit_hook, LUA_MASKCOUNT, 1);
  /* Located at the instruction that was running (luaL_where(L, 1) would
   * name its caller: a hook has no frame of its own). */
  lua_Debug here;
  if (lua_getstack(L, 0, &here) && lua_getinfo(L, "Sl", &here) &&
      here.currentline > 0)
    lua_pushfstring(L, "%s:%d: ", here.short_src, here.currentline);
  else
    lua_pushliteral(L, "");
  tn_push_limit_message(L);
  lua_concat(L, 2);
  lua_error(L);
}

void tn_set_hook(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  lua_sethook(L, limit_hook, LUA_MASKCOUNT, rt->stopping ? 1 : HOOK_EVERY);
}

/* lua.c's way: the signal handler only sets a flag and a hook (both
 * async-signal-safe); the hook raises the error inside Lua. A second
 * Ctrl-C kills the process the usual way. */
static void on_sigint(int sig) {
  g_interrupted = 1;
  signal(sig, SIG_DFL);
  lua_State *L = g_state;
  if (L)
    lua_sethook(L, limit_hook,
                LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
}

/* The hook only runs between Lua instructions; one C call that never
 * returns (a Lua pattern with many '.-' over a long string) would dodge
 * it. A timer a little past the deadline ends the process instead, with a
 * message written in advance (a signal handler may only write). */
#define WATCHDOG_GRACE 2.0
static char g_watch_msg[768];
static size_t g_watch_len;

static void on_alarm(int sig) {
  (void)sig;
  ssize_t w = write(STDERR_FILENO, g_watch_msg, g_watch_len);
  (void)w;
  _exit(1);
}

static void watchdog(tn_rt *rt, int on, double seconds) {
  struct itimerval it;
  memset(&it, 0, sizeof it);
  if (on) {
    char secs[64];
    tn_format_double(rt->opts.time_limit, secs, sizeof secs);
    int n = snprintf(g_watch_msg, sizeof g_watch_msg,
                     "tussen: %s: time limit of %s s reached inside a "
                     "function that cannot be interrupted (a pattern match "
                     "on a long string?); stopped\n",
                     rt->display ? rt->display : "script", secs);
    g_watch_len = n < 0 ? 0 : (size_t)n < sizeof g_watch_msg
                                  ? (size_t)n
                                  : sizeof g_watch_msg - 1;
    double t = seconds + WATCHDOG_GRACE;
    it.it_value.tv_sec = (time_t)t;
    it.it_value.tv_usec = (suseconds_t)((t - (double)(time_t)t) * 1e6);
    signal(SIGALRM, on_alarm);
    setitimer(ITIMER_REAL, &it, NULL);
  } else {
    setitimer(ITIMER_REAL, &it, NULL);
    signal(SIGALRM, SIG_DFL);
  }
}

/* Reading and counting a corpus inside a run (source:scan, corpus:scan,
 * source:load) is the corpus's time, not the script's, as loading it
 * before the run is: the clock and the watchdog stop meanwhile, so a
 * large corpus needs no --time-limit of its own. Ctrl-C still stops the
 * work (the scan polls tn_interrupted). */
void tn_limits_pause(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  if (rt->deadline <= 0 || rt->paused_at > 0) return;
  rt->paused_at = now();
  watchdog(rt, 0, 0);
}

void tn_limits_resume(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  if (rt->deadline <= 0 || rt->paused_at <= 0) return;
  double t = now();
  rt->deadline += t - rt->paused_at;
  rt->paused_at = 0;
  watchdog(rt, 1, rt->deadline > t ? rt->deadline - t : 0);
}

void tn_limits_arm(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  rt->deadline = rt->opts.time_limit > 0 ? now() + rt->opts.time_limit : 0;
  if (rt->deadline > 0) watchdog(rt, 1, rt->opts.time_limit);
  tn_set_hook(L);
  if (rt->opts.catch_sigint) {
    g_state = L;
    signal(SIGINT, on_sigint);
  }
}

/* Between the runner's calls no Lua code may run: a metamethod of the
 * script's (an __index on the script table, say) would otherwise run
 * without any limit while the runner checks the declaration or converts
 * the result. Its first instruction raises. (Finalizers, which run with
 * hooks off, are refused by the sandbox's setmetatable.) */
static void dormant_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_Debug here;
  if (lua_getstack(L, 0, &here) && lua_getinfo(L, "Sl", &here) &&
      here.currentline > 0)
    lua_pushfstring(L, "%s:%d: ", here.short_src, here.currentline);
  else
    lua_pushliteral(L, "");
  lua_pushliteral(L, "a metamethod of the script ran outside its run (while "
                     "the runner checked the script or read the result); "
                     "keep metamethods out of the script table and the "
                     "result");
  lua_concat(L, 2);
  lua_error(L);
}

void tn_limits_disarm(lua_State *L) {
  tn_rt *rt = tn_rt_of(L);
  if (rt->deadline > 0) watchdog(rt, 0, 0);
  if (rt->opts.catch_sigint) {
    signal(SIGINT, SIG_DFL);
    g_state = NULL;
  }
  if (!rt->stopping) lua_sethook(L, dormant_hook, LUA_MASKCOUNT, 1);
  rt->deadline = 0;
}

static int at_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "tussen: unprotected Lua error (a bug, please report): %s\n",
          msg ? msg : "?");
  return 0; /* lua then aborts */
}

lua_State *tn_state_new(tn_rt *rt) {
  lua_State *L = lua_newstate(limited_alloc, rt);
  if (!L) return NULL;
  lua_atpanic(L, at_panic);
  lua_sethook(L, dormant_hook, LUA_MASKCOUNT, 1);
  return L;
}

/* The traceback: only the user's Lua frames (chunks named "@..."), at
 * most MAX_FRAMES of them, each as "file:line: in function 'name'". */
#define MAX_FRAMES 10

/* The runner calls the hooks from C, so Lua knows no name for them; the
 * declaration does. The frame's function is on top of the stack. */
static const char *hook_name(lua_State *L) {
  static const char *const hooks[] = {"run", "setup", "document", "finish",
                                      NULL};
  const char *found = NULL;
  if (lua_getfield(L, LUA_REGISTRYINDEX, TN_REG_DECL) == LUA_TTABLE)
    for (const char *const *h = hooks; *h && !found; h++) {
      lua_getfield(L, -1, *h);
      if (lua_rawequal(L, -1, -3)) found = *h;
      lua_pop(L, 1);
    }
  lua_pop(L, 1);
  return found;
}

static void add_frame(luaL_Buffer *b, lua_State *L, lua_Debug *ar,
                      const char *hook) {
  luaL_addstring(b, "\n  ");
  luaL_addstring(b, ar->short_src);
  if (ar->currentline > 0) {
    lua_pushfstring(L, ":%d:", ar->currentline);
    luaL_addvalue(b);
  } else {
    luaL_addchar(b, ':');
  }
  if (*ar->what == 'm')
    luaL_addstring(b, " in the main chunk");
  else if (ar->name && *ar->namewhat) {
    lua_pushfstring(L, " in %s '%s'", ar->namewhat, ar->name);
    luaL_addvalue(b);
  } else if (hook) {
    lua_pushfstring(L, " in function '%s'", hook);
    luaL_addvalue(b);
  } else {
    lua_pushfstring(L, " in function <%s:%d>", ar->short_src,
                    ar->linedefined);
    luaL_addvalue(b);
  }
}

int tn_msgh(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      msg = lua_tostring(L, -1);
    else
      msg = lua_pushfstring(L, "(error object is a %s value)",
                            luaL_typename(L, 1));
  }
  lua_settop(L, 1);
  lua_pushstring(L, msg); /* 2 */
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_Debug ar;
  int shown = 0, more = 0;
  for (int level = 1; lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Slnf", &ar)) continue;
    /* the buffer needs the stack as it left it: name first, then pop */
    const char *hook = hook_name(L);
    lua_pop(L, 1);
    if (ar.source[0] != '@') continue;
    if (shown == MAX_FRAMES) {
      more = 1;
      break;
    }
    add_frame(&b, L, &ar, hook);
    shown++;
  }
  if (more) luaL_addstring(&b, "\n  ...");
  luaL_pushresult(&b);
  if (shown == 0) {
    lua_settop(L, 2); /* the message alone */
    return 1;
  }
  lua_pushfstring(L, "%s\ntraceback:%s", lua_tostring(L, 2),
                  lua_tostring(L, -1));
  return 1;
}
