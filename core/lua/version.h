/* Library versions, reported by the CLI without it including lua.h. */
#ifndef TN_LUA_VERSION_H
#define TN_LUA_VERSION_H
const char *tn_lua_release(void);
const char *tn_utf8proc_version(void);
#endif
