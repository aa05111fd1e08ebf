/* tussen.corpus, tussen.Corpus and tussen.Doc: documents in order, their
 * fields and metadata, parents and children. Shaped like liolib.c: one
 * table of functions, one of methods, one of metamethods per type. */
#include <string.h>

#include "lua/internal.h"
#include "util/json.h"

typedef struct lcorpus {
  tn_corpus *c;
  int owned; /* loaded by the script: freed by the collector */
} lcorpus;

typedef tn_ldoc ldoc;

static lcorpus *check_corpus(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_CORPUS_T);
}

static ldoc *check_doc(lua_State *L, int idx) {
  return luaL_checkudata(L, idx, TN_DOC_T);
}

static const tn_doc *doc_of(const ldoc *d) {
  return tn_corpus_doc(d->c, d->index);
}

void tn_push_corpus(lua_State *L, tn_corpus *c, int owned) {
  lcorpus *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->c = c;
  u->owned = owned;
  luaL_setmetatable(L, TN_CORPUS_T);
}

/* A Doc keeps its corpus alive through its first user value; the second
 * caches doc.meta. `corpus_idx` is the Corpus userdata. */
static void push_doc(lua_State *L, int corpus_idx, size_t index) {
  corpus_idx = lua_absindex(L, corpus_idx);
  lcorpus *cu = check_corpus(L, corpus_idx);
  ldoc *d = lua_newuserdatauv(L, sizeof *d, 2);
  d->c = cu->c;
  d->index = index;
  d->ntokens = d->nsentences = -1;
  luaL_setmetatable(L, TN_DOC_T);
  lua_pushvalue(L, corpus_idx);
  lua_setiuservalue(L, -2, 1);
}

/* ---- tussen.corpus -------------------------------------------------------- */

/* Only the collector frees a loaded corpus (no __close): every Doc and
 * iterator keeps its Corpus alive, so none can outlive the memory. */
static int corpus_gc(lua_State *L) {
  lcorpus *u = check_corpus(L, 1);
  if (u->owned && u->c) tn_corpus_free(u->c);
  u->c = NULL;
  return 0;
}

/* tussen.corpus.load(path): a Corpus, or nil and a message. Skipped
 * documents are reported on stderr the way `tussen run` reports them. */
static int corpus_load(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  tn_rt *rt = tn_rt_of(L);
  /* The userdata first: it owns the corpus whatever happens next. */
  lcorpus *u = lua_newuserdatauv(L, sizeof *u, 0);
  u->c = NULL;
  u->owned = 1;
  luaL_setmetatable(L, TN_CORPUS_T);
  u->c = tn_corpus_new();
  if (!u->c) return luaL_error(L, "out of memory");
  tn_load_report report;
  tn_load_report_init(&report);
  tn_error err;
  tn_error_clear(&err);
  tn_status st = tn_corpus_load(u->c, &path, 1, &rt->opts.load, &report, &err);
  char msg[1200];
  msg[0] = '\0';
  if (st != TN_OK) {
    tn_error_format(&err, msg, sizeof msg);
  } else {
    for (size_t i = 0; i < report.ndiags; i++) {
      const tn_diagnostic *d = &report.diags[i];
      if (d->severity != TN_ERROR && rt->opts.quiet) continue;
      fprintf(stderr, "tussen: %s: %s%s%s\n", rt->display,
              d->file ? d->file : "", d->file ? ": " : "", d->message);
    }
    if (report.used == 0)
      snprintf(msg, sizeof msg, "%s: no documents to analyse", path);
  }
  tn_load_report_free(&report);
  if (msg[0]) {
    tn_corpus_free(u->c);
    u->c = NULL;
    luaL_pushfail(L);
    lua_pushstring(L, msg);
    return 2;
  }
  return 1;
}

static const luaL_Reg corpus_funcs[] = {{"load", corpus_load}, {NULL, NULL}};

/* ---- tussen.Corpus ---------------------------------------------------------- */

static tn_corpus *live(lua_State *L, int idx) {
  lcorpus *u = check_corpus(L, idx);
  if (!u->c) luaL_error(L, "the corpus is closed");
  return u->c;
}

static int corpus_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)live(L, 1)->ndocs);
  return 1;
}

static int corpus_tostring(lua_State *L) {
  lcorpus *u = check_corpus(L, 1);
  lua_pushfstring(L, TN_CORPUS_T " (%d documents)",
                  u->c ? (int)u->c->ndocs : 0);
  return 1;
}

/* corpus:doc(id | index): the Doc, or nil and a message. */
static int corpus_doc(lua_State *L) {
  tn_corpus *c = live(L, 1);
  if (lua_type(L, 2) == LUA_TNUMBER) {
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > c->ndocs) {
      luaL_pushfail(L);
      lua_pushfstring(L, "no document %d (the corpus has %d)", (int)i,
                      (int)c->ndocs);
      return 2;
    }
    push_doc(L, 1, (size_t)(i - 1));
    return 1;
  }
  size_t len;
  const char *id = luaL_checklstring(L, 2, &len);
  long i = tn_corpus_find(c, id, len);
  if (i < 0) {
    luaL_pushfail(L);
    lua_pushfstring(L, "no document with id '%s'", id);
    return 2;
  }
  push_doc(L, 1, (size_t)i);
  return 1;
}

static int str_eq(tn_str s, const char *want, size_t len) {
  return s.ptr && s.len == len && memcmp(s.ptr, want, len) == 0;
}

/* Where a run stands: scripts that collect the documents first and
 * analyse them after (stance) are followed by the furthest document
 * tokenized; those that analyse as they go, by the iterator. A step back
 * is a new pass. Bytes are a running sum that moves with the position. */
void tn_progress_doc(lua_State *L, const tn_corpus *c, size_t i,
                     int analysed) {
  tn_rt *rt = tn_rt_of(L);
  if (!rt->opts.progress) return;
  if (rt->prog_corpus != c) {
    rt->prog_corpus = c;
    rt->prog_total = 0;
    for (size_t k = 0; k < c->ndocs; k++)
      rt->prog_total += tn_corpus_doc(c, k)->text.len;
    rt->prog_index = rt->prog_iter = rt->prog_work = 0;
    rt->prog_bytes = 0;
  }
  if (analysed) {
    if (i + 1 <= rt->prog_work) return; /* a parent looked up again */
    rt->prog_work = i + 1;
  } else {
    rt->prog_iter = i + 1;
  }
  size_t at = rt->prog_work ? rt->prog_work : rt->prog_iter;
  for (; rt->prog_index < at; rt->prog_index++)
    rt->prog_bytes += tn_corpus_doc(c, rt->prog_index)->text.len;
  for (; rt->prog_index > at; rt->prog_index--)
    rt->prog_bytes -= tn_corpus_doc(c, rt->prog_index - 1)->text.len;
  tn_progress p = {rt->display, at, c->ndocs, rt->prog_bytes,
                   rt->prog_total};
  rt->opts.progress(rt->opts.progress_ud, &p);
}

void tn_progress_pass(lua_State *L) { tn_rt_of(L)->prog_work = 0; }

/* upvalues: corpus, next index, kind filter, parent filter */
static int docs_next(lua_State *L) {
  tn_corpus *c = live(L, lua_upvalueindex(1));
  size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(2));
  size_t klen = 0, plen = 0;
  const char *kind = lua_tolstring(L, lua_upvalueindex(3), &klen);
  const char *parent = lua_tolstring(L, lua_upvalueindex(4), &plen);
  for (; i < c->ndocs; i++) {
    const tn_doc *d = tn_corpus_doc(c, i);
    if (kind && !str_eq(d->kind, kind, klen)) continue;
    if (parent && !str_eq(d->parent, parent, plen)) continue;
    break;
  }
  if (i >= c->ndocs) return 0;
  tn_progress_doc(L, c, i, 0);
  lua_pushinteger(L, (lua_Integer)(i + 1));
  lua_replace(L, lua_upvalueindex(2));
  push_doc(L, lua_upvalueindex(1), i);
  return 1;
}

/* corpus:docs([{kind = "comment", parent = "id"}]): an iterator. */
static int corpus_docs(lua_State *L) {
  live(L, 1);
  lua_settop(L, 2);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  if (lua_isnil(L, 2)) {
    lua_pushnil(L);
    lua_pushnil(L);
  } else {
    luaL_checktype(L, 2, LUA_TTABLE);
    static const char *const keys[] = {"kind", "parent", NULL};
    tn_check_keys(L, 2, keys, "docs");
    lua_getfield(L, 2, "kind");
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
      luaL_argerror(L, 2, "'kind' must be a string");
    lua_getfield(L, 2, "parent");
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
      luaL_argerror(L, 2, "'parent' must be a document id (a string)");
  }
  lua_pushcclosure(L, docs_next, 4);
  tn_progress_pass(L);
  return 1;
}

static const luaL_Reg corpus_methods[] = {
    {"doc", corpus_doc}, {"docs", corpus_docs}, {NULL, NULL}};

/* The __index of the methods table itself: a typo (corpus:dcos()) is an
 * error naming the nearest method, never a nil to call. Other bindings add
 * methods to the table; the list in the message is read from it. */
static int corpus_no_method(lua_State *L) {
  const char *key = lua_tostring(L, 2);
  const char *names[32];
  size_t n = 0;
  lua_pushnil(L);
  while (n < 31 && lua_next(L, 1)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) names[n++] = lua_tostring(L, -1);
  }
  if (n < 31) lua_settop(L, 2); /* lua_next ended: nothing left pushed */
  names[n] = NULL;
  return luaL_error(L, TN_CORPUS_T " has no method '%s'%s", key ? key : "?",
                    key ? tn_suggest(key, names) : "");
}

static const luaL_Reg corpus_meta[] = {{"__index", NULL},
                                       {"__len", corpus_len},
                                       {"__tostring", corpus_tostring},
                                       {"__gc", corpus_gc},
                                       {NULL, NULL}};

/* ---- tussen.Doc: metadata ------------------------------------------------------ */

static void push_json(lua_State *L, tn_json *j, tn_buf *scratch);

static void push_json_number(lua_State *L, const char *src, size_t len,
                             double value) {
  int integral = 1;
  for (size_t i = 0; i < len; i++)
    if (src[i] == '.' || src[i] == 'e' || src[i] == 'E') integral = 0;
  if (integral && value >= -9.2e18 && value <= 9.2e18)
    lua_pushinteger(L, (lua_Integer)value);
  else
    lua_pushnumber(L, value);
}

/* JSON -> Lua: objects and arrays become tables, null becomes nil (a key
 * left out, a hole in a list). The text was validated at load time. */
static void push_json(lua_State *L, tn_json *j, tn_buf *scratch) {
  luaL_checkstack(L, 4, "metadata nested too deeply");
  const char *s;
  size_t len;
  int esc;
  double num;
  switch (tn_json_peek(j)) {
  case TN_JSON_NULL:
    tn_json_literal(j);
    lua_pushnil(L);
    return;
  case TN_JSON_TRUE:
  case TN_JSON_FALSE:
    lua_pushboolean(L, tn_json_peek(j) == TN_JSON_TRUE);
    tn_json_literal(j);
    return;
  case TN_JSON_NUMBER:
    if (tn_json_number(j, &num, &s, &len)) break;
    push_json_number(L, s, len, num);
    return;
  case TN_JSON_STRING:
    tn_buf_clear(scratch);
    if (tn_json_string(j, scratch, &s, &len, &esc)) break;
    lua_pushlstring(L, s, len);
    return;
  case TN_JSON_ARRAY: {
    tn_json_expect(j, '[');
    lua_newtable(L);
    if (tn_json_peek(j) == TN_JSON_END && j->msg) break;
    if (j->p < j->end && *j->p == ']') {
      j->p++;
      return;
    }
    for (lua_Integer i = 1;; i++) {
      push_json(L, j, scratch);
      lua_rawseti(L, -2, i);
      int more = tn_json_next(j, ']');
      if (more <= 0) {
        if (more < 0) break;
        return;
      }
    }
    break;
  }
  case TN_JSON_OBJECT: {
    tn_json_expect(j, '{');
    lua_newtable(L);
    tn_json_peek(j);
    if (j->p < j->end && *j->p == '}') {
      j->p++;
      return;
    }
    for (;;) {
      tn_buf_clear(scratch);
      if (tn_json_string(j, scratch, &s, &len, &esc)) break;
      lua_pushlstring(L, s, len);
      if (tn_json_expect(j, ':')) break;
      push_json(L, j, scratch);
      lua_rawset(L, -3);
      int more = tn_json_next(j, '}');
      if (more <= 0) {
        if (more < 0) break;
        return;
      }
    }
    break;
  }
  default: break;
  }
  luaL_error(L, "metadata JSON is broken at byte %d: %s",
             (int)tn_json_offset(j), j->msg ? j->msg : "unexpected input");
}

static int box_gc(lua_State *L) {
  tn_buf_free(lua_touserdata(L, 1));
  return 0;
}

static void push_meta(lua_State *L, const tn_doc *d) {
  lua_createtable(L, 0, (int)d->nmeta);
  tn_buf *scratch = NULL;
  for (uint32_t i = 0; i < d->nmeta; i++) {
    const tn_meta *m = &d->meta[i];
    lua_pushlstring(L, m->key.ptr, m->key.len);
    switch (m->type) {
    case TN_VALUE_NULL: lua_pushnil(L); break;
    case TN_VALUE_BOOL: lua_pushboolean(L, m->boolean); break;
    case TN_VALUE_NUMBER:
      push_json_number(L, m->str.ptr ? m->str.ptr : "", m->str.ptr ? m->str.len : 0,
                       m->number);
      break;
    case TN_VALUE_STRING: lua_pushlstring(L, m->str.ptr, m->str.len); break;
    case TN_VALUE_JSON: {
      if (!scratch) {
        /* freed by the collector if decoding raises */
        scratch = lua_newuserdatauv(L, sizeof *scratch, 0);
        memset(scratch, 0, sizeof *scratch);
        lua_createtable(L, 0, 1);
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
        lua_setmetatable(L, -2);
        lua_insert(L, -3); /* below the table and key */
      }
      tn_json j;
      tn_json_init(&j, m->str.ptr, m->str.len);
      push_json(L, &j, scratch);
      break;
    }
    }
    lua_rawset(L, -3);
  }
  if (scratch) {
    tn_buf_free(scratch);
    lua_remove(L, -2);
  }
}

/* ---- tussen.Doc ---------------------------------------------------------------- */

static void push_str(lua_State *L, tn_str s) {
  if (s.ptr) lua_pushlstring(L, s.ptr, s.len);
  else lua_pushnil(L);
}

static int doc_parent_doc(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const tn_doc *doc = doc_of(d);
  if (doc->parent_index < 0) {
    luaL_pushfail(L);
    return 1;
  }
  lua_getiuservalue(L, 1, 1);
  push_doc(L, -1, (size_t)doc->parent_index);
  return 1;
}

static int doc_children(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const tn_doc *doc = doc_of(d);
  lua_getiuservalue(L, 1, 1);
  lua_createtable(L, (int)doc->nchildren, 0);
  for (uint32_t i = 0; i < doc->nchildren; i++) {
    push_doc(L, -2, d->c->children[doc->first_child + i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static const char *const doc_fields[] = {
    "id",   "text",   "kind", "parent", "title", "author",
    "date", "source", "line", "index",  "meta",  NULL};

static int doc_index(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const tn_doc *doc = doc_of(d);
  const char *key = luaL_checkstring(L, 2);
  /* methods first */
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  if (strcmp(key, "id") == 0) push_str(L, doc->id);
  else if (strcmp(key, "text") == 0) push_str(L, doc->text);
  else if (strcmp(key, "kind") == 0) push_str(L, doc->kind);
  else if (strcmp(key, "parent") == 0) push_str(L, doc->parent);
  else if (strcmp(key, "title") == 0) push_str(L, doc->title);
  else if (strcmp(key, "author") == 0) push_str(L, doc->author);
  else if (strcmp(key, "date") == 0) push_str(L, doc->date);
  else if (strcmp(key, "source") == 0) {
    if (doc->source) lua_pushstring(L, doc->source);
    else lua_pushnil(L);
  } else if (strcmp(key, "line") == 0)
    lua_pushinteger(L, (lua_Integer)doc->line);
  else if (strcmp(key, "index") == 0)
    lua_pushinteger(L, (lua_Integer)d->index + 1);
  else if (strcmp(key, "meta") == 0) {
    if (lua_getiuservalue(L, 1, 2) == LUA_TNIL) {
      lua_pop(L, 1);
      push_meta(L, doc);
      lua_pushvalue(L, -1);
      lua_setiuservalue(L, 1, 2);
    }
  } else {
    return luaL_error(L, TN_DOC_T " has no field '%s'%s (other metadata is "
                         "in doc.meta)",
                      key, tn_suggest(key, doc_fields));
  }
  return 1;
}

static int doc_newindex(lua_State *L) {
  return luaL_error(L, TN_DOC_T " is read-only (copy what you need into a "
                       "table of your own)");
}

static int doc_tostring(lua_State *L) {
  ldoc *d = check_doc(L, 1);
  const tn_doc *doc = doc_of(d);
  lua_pushfstring(L, TN_DOC_T " (%s)", doc->id.ptr);
  return 1;
}

static int doc_eq(lua_State *L) {
  ldoc *a = luaL_testudata(L, 1, TN_DOC_T);
  ldoc *b = luaL_testudata(L, 2, TN_DOC_T);
  lua_pushboolean(L, a && b && a->c == b->c && a->index == b->index);
  return 1;
}

static const luaL_Reg doc_methods[] = {{"parent_doc", doc_parent_doc},
                                       {"children", doc_children},
                                       {NULL, NULL}};

static const luaL_Reg doc_meta[] = {{"__index", NULL},
                                    {"__newindex", doc_newindex},
                                    {"__tostring", doc_tostring},
                                    {"__eq", doc_eq},
                                    {NULL, NULL}};

void tn_open_corpus(lua_State *L) {
  luaL_newmetatable(L, TN_CORPUS_T);
  luaL_setfuncs(L, corpus_meta, 0);
  luaL_newlib(L, corpus_methods);
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, corpus_no_method);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  luaL_newmetatable(L, TN_DOC_T);
  luaL_setfuncs(L, doc_meta, 0);
  luaL_newlib(L, doc_methods);
  tn_doc_token_methods(L);
  lua_pushcclosure(L, doc_index, 1);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  luaL_newlib(L, corpus_funcs);
  lua_setfield(L, -2, "corpus");
}
