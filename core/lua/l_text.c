/* tussen.text: Unicode-aware string functions (Lua's string library works
 * on bytes, which breaks "ÉÉN" -> "één"), over core/text/unicode.h. */
#include <string.h>

#include "lua/internal.h"
#include "text/unicode.h"
#include "util/utf8.h"

static int bad_utf8(lua_State *L, int arg, size_t at) {
  return luaL_argerror(
      L, arg, lua_pushfstring(L, "invalid UTF-8 at byte %d", (int)at + 1));
}

#define BOX_T "tussen.buffer"

static int box_gc(lua_State *L) {
  tn_buf_free(luaL_checkudata(L, 1, BOX_T));
  return 0;
}

/* A tn_buf owned by a userdata: if Lua raises (the memory cap) while the
 * bytes are in C memory, the collector frees them. */
static tn_buf *push_box(lua_State *L) {
  tn_buf *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, BOX_T);
  return b;
}

static int apply(lua_State *L, tn_text_map map) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  tn_buf *out = push_box(L);
  size_t bad = 0;
  tn_status st = tn_text_apply(map, s, len, out, &bad);
  if (st == TN_EUTF8) return bad_utf8(L, 1, bad);
  if (st != TN_OK) return luaL_error(L, "%s", tn_strerror(st));
  lua_pushlstring(L, out->data ? out->data : "", out->len);
  tn_buf_free(out);
  return 1;
}

static int text_lower(lua_State *L) { return apply(L, TN_MAP_LOWER); }
static int text_upper(lua_State *L) { return apply(L, TN_MAP_UPPER); }
static int text_casefold(lua_State *L) { return apply(L, TN_MAP_CASEFOLD); }
static int text_nfc(lua_State *L) { return apply(L, TN_MAP_NFC); }

static int text_len(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  long n = tn_text_len(s, len);
  if (n < 0) return bad_utf8(L, 1, tn_utf8_valid_prefix(s, len));
  lua_pushinteger(L, n);
  return 1;
}

static int text_width(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  long n = tn_text_width(s, len);
  if (n < 0) return luaL_argerror(L, 1, "invalid UTF-8");
  lua_pushinteger(L, n);
  return 1;
}

/* sub(s, i [, j]): code points i..j, negative counting from the end, as
 * string.sub does for bytes. */
static int text_sub(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer i = luaL_checkinteger(L, 2);
  lua_Integer j = luaL_optinteger(L, 3, -1);
  long n = tn_text_len(s, len);
  if (n < 0) return luaL_argerror(L, 1, "invalid UTF-8");
  if (i < 0) i = i < -n ? 1 : n + i + 1;
  else if (i == 0) i = 1;
  if (j < 0) j = j < -n ? 0 : n + j + 1;
  else if (j > n) j = n;
  if (i > j) {
    lua_pushliteral(L, "");
    return 1;
  }
  size_t from = tn_text_offset(s, len, (size_t)(i - 1));
  size_t to = tn_text_offset(s, len, (size_t)j);
  lua_pushlstring(L, s + from, to - from);
  return 1;
}

static const luaL_Reg text_funcs[] = {
    {"lower", text_lower}, {"upper", text_upper}, {"casefold", text_casefold},
    {"nfc", text_nfc},     {"len", text_len},     {"sub", text_sub},
    {"width", text_width}, {"tokens", tn_l_text_tokens},
    {"sentences", tn_l_text_sentences}, {NULL, NULL}};

void tn_open_text(lua_State *L) {
  luaL_newmetatable(L, BOX_T);
  lua_pushcfunction(L, box_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
  luaL_newlib(L, text_funcs);
  lua_setfield(L, -2, "text");
}
