/* Versions of the libraries tussen is built on, for `tussen --version`. */
#include <lua.h>
#include <utf8proc.h>

#include "lua/version.h"

const char *tn_lua_release(void) { return LUA_RELEASE; }
const char *tn_utf8proc_version(void) { return utf8proc_version(); }
