/* Tokens and sentences of a tussen.Doc, from the Dutch tokenizer in
 * core/text/tokenizer.h. Counting stays in C (doc:ntokens(),
 * doc:nsentences()); tables per token are made only when asked for. */
#include <string.h>

#include "lua/internal.h"
#include "text/tokenizer.h"
#include "util/utf8.h"

#define TOK_T "tussen.tokenizer"
#define REG_TOK "tussen.tok"

typedef struct ltok {
  tn_tokenizer *tok;
  tn_buf norm;
} ltok;

static int tok_gc(lua_State *L) {
  ltok *t = luaL_checkudata(L, 1, TOK_T);
  tn_tok_free(t->tok);
  t->tok = NULL;
  tn_buf_free(&t->norm);
  return 0;
}

/* The state's one tokenizer, made on first use; owned by a userdata in
 * the registry so nothing leaks if Lua raises. */
static ltok *get_tok(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, REG_TOK) == LUA_TUSERDATA) {
    ltok *t = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return t;
  }
  lua_pop(L, 1);
  ltok *t = lua_newuserdatauv(L, sizeof *t, 0);
  memset(t, 0, sizeof *t);
  if (luaL_newmetatable(L, TOK_T)) {
    lua_pushcfunction(L, tok_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
  }
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, REG_TOK);
  t->tok = tn_tok_new();
  if (!t->tok) luaL_error(L, "out of memory");
  return t;
}

static tn_ldoc *check_doc(lua_State *L) {
  return luaL_checkudata(L, 1, TN_DOC_T);
}

static void count(lua_State *L, tn_ldoc *d) {
  if (d->ntokens >= 0) return;
  tn_progress_doc(L, d->c, d->index, 1);
  const tn_doc *doc = tn_corpus_doc(d->c, d->index);
  ltok *t = get_tok(L);
  tn_tok_reset(t->tok, doc->text.ptr, doc->text.len);
  tn_token tk;
  long n = 0, s = 0;
  while (tn_tok_next(t->tok, &tk)) {
    n++;
    if (tk.flags & TN_TOK_SENT_END) s++;
  }
  d->ntokens = n;
  d->nsentences = s;
}

/* doc:ntokens() -> integer */
static int doc_ntokens(lua_State *L) {
  tn_ldoc *d = check_doc(L);
  count(L, d);
  lua_pushinteger(L, d->ntokens);
  return 1;
}

/* doc:nsentences() -> integer */
static int doc_nsentences(lua_State *L) {
  tn_ldoc *d = check_doc(L);
  count(L, d);
  lua_pushinteger(L, d->nsentences);
  return 1;
}

/* Pushes one token table. */
static void push_token(lua_State *L, ltok *t, const char *text,
                       const tn_token *tk, lua_Integer sentence) {
  lua_createtable(L, 0, 8);
  lua_pushlstring(L, text + tk->start, tk->len);
  lua_setfield(L, -2, "form");
  tn_buf_clear(&t->norm);
  if (tn_tok_norm(text + tk->start, tk->len, &t->norm) != TN_OK)
    luaL_error(L, "out of memory");
  lua_pushlstring(L, t->norm.data ? t->norm.data : "", t->norm.len);
  lua_setfield(L, -2, "norm");
  lua_pushstring(L, tn_tok_kind_name((tn_tok_kind)tk->kind));
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, (lua_Integer)tk->start + 1);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)(tk->start + tk->len));
  lua_setfield(L, -2, "stop");
  lua_pushinteger(L, (lua_Integer)tk->cp_start + 1);
  lua_setfield(L, -2, "char_start");
  lua_pushboolean(L, (tk->flags & TN_TOK_SPACE_AFTER) != 0);
  lua_setfield(L, -2, "space");
  lua_pushinteger(L, sentence);
  lua_setfield(L, -2, "sentence");
}

/* Pushes the list of token tables of text[0..len). */
static void push_tokens(lua_State *L, const char *text, size_t len) {
  ltok *t = get_tok(L);
  lua_newtable(L);
  tn_tok_reset(t->tok, text, len);
  tn_token tk;
  lua_Integer n = 0, sentence = 1;
  while (tn_tok_next(t->tok, &tk)) {
    push_token(L, t, text, &tk, sentence);
    lua_rawseti(L, -2, ++n);
    if (tk.flags & TN_TOK_SENT_END) sentence++;
  }
}

/* doc:tokens() -> list of {form, norm, kind, start, stop, char_start,
 * space, sentence} */
static int doc_tokens(lua_State *L) {
  tn_ldoc *d = check_doc(L);
  const tn_doc *doc = tn_corpus_doc(d->c, d->index);
  tn_progress_doc(L, d->c, d->index, 1);
  push_tokens(L, doc->text.ptr, doc->text.len);
  return 1;
}

/* Pushes the list of sentences {text, start, stop, tokens} of text. */
static void push_sentences(lua_State *L, const char *text, size_t len) {
  ltok *t = get_tok(L);
  lua_newtable(L);
  int list = lua_gettop(L);
  tn_tok_reset(t->tok, text, len);
  tn_token tk;
  lua_Integer nsent = 0, ntok = 0;
  size_t first = 0;
  int open = 0;
  while (tn_tok_next(t->tok, &tk)) {
    if (!open) {
      lua_newtable(L); /* the tokens of this sentence */
      first = tk.start;
      ntok = 0;
      open = 1;
    }
    push_token(L, t, text, &tk, nsent + 1);
    lua_rawseti(L, -2, ++ntok);
    if (tk.flags & TN_TOK_SENT_END) {
      size_t end = tk.start + tk.len;
      lua_createtable(L, 0, 4);
      lua_insert(L, -2);
      lua_setfield(L, -2, "tokens");
      lua_pushlstring(L, text + first, end - first);
      lua_setfield(L, -2, "text");
      lua_pushinteger(L, (lua_Integer)first + 1);
      lua_setfield(L, -2, "start");
      lua_pushinteger(L, (lua_Integer)end);
      lua_setfield(L, -2, "stop");
      lua_rawseti(L, list, ++nsent);
      open = 0;
    }
  }
  lua_settop(L, list); /* the tokenizer always ends the last sentence */
}

/* doc:sentences() -> list of {text, start, stop, tokens} */
static int doc_sentences(lua_State *L) {
  tn_ldoc *d = check_doc(L);
  const tn_doc *doc = tn_corpus_doc(d->c, d->index);
  tn_progress_doc(L, d->c, d->index, 1);
  push_sentences(L, doc->text.ptr, doc->text.len);
  return 1;
}

/* A string argument for the tokenizer: valid UTF-8, as corpus text is. */
static const char *check_text(lua_State *L, size_t *len) {
  const char *s = luaL_checklstring(L, 1, len);
  size_t ok = tn_utf8_valid_prefix(s, *len);
  if (ok < *len)
    luaL_argerror(L, 1,
                  lua_pushfstring(L, "invalid UTF-8 at byte %d", (int)ok + 1));
  return s;
}

/* tussen.text.tokens(s) -> the token list of a string, as doc:tokens() */
int tn_l_text_tokens(lua_State *L) {
  size_t len;
  const char *s = check_text(L, &len);
  push_tokens(L, s, len);
  return 1;
}

/* tussen.text.sentences(s) -> the sentences of a string, as
 * doc:sentences() */
int tn_l_text_sentences(lua_State *L) {
  size_t len;
  const char *s = check_text(L, &len);
  push_sentences(L, s, len);
  return 1;
}

static const luaL_Reg token_methods[] = {{"tokens", doc_tokens},
                                         {"sentences", doc_sentences},
                                         {"ntokens", doc_ntokens},
                                         {"nsentences", doc_nsentences},
                                         {NULL, NULL}};

void tn_doc_token_methods(lua_State *L) { luaL_setfuncs(L, token_methods, 0); }
