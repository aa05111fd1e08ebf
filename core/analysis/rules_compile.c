/* Rule sets: adding rules (parse, then compile the tree to a small
 * Thompson-NFA program), token tests, and the first-token index that lets
 * a thousand rules cost little more than one. */
#include <stdio.h>
#include <string.h>

#include <libstemmer.h>

#include "analysis/rules_int.h"
#include "util/alloc.h"

const char *tn_rules_stem(struct sb_stemmer **st, const char *w, size_t len,
                          size_t *out_len) {
  if (!*st) *st = sb_stemmer_new("dutch", "UTF_8");
  if (!*st) return NULL;
  const sb_symbol *s = sb_stemmer_stem(*st, (const sb_symbol *)w, (int)len);
  if (!s) return NULL;
  *out_len = (size_t)sb_stemmer_length(*st);
  return (const char *)s;
}

tn_rules *tn_rules_new(tn_rules_normfn normfn) {
  tn_rules *rs = tn_calloc(1, sizeof *rs);
  if (!rs) return NULL;
  tn_intern_init(&rs->lex);
  rs->normfn = normfn;
  tn_arena_init(&rs->arena, 16 * 1024);
  return rs;
}

static void index_free(rindex *ix) {
  tn_free(ix->off);
  tn_free(ix->items);
  memset(ix, 0, sizeof *ix);
}

static void free_tests_from(tn_rules *rs, size_t from) {
  for (size_t i = from; i < rs->ntests; i++) {
    if (rs->tests[i].re) {
      regfree(rs->tests[i].re);
      tn_free(rs->tests[i].re);
    }
    tn_free(rs->tests[i].memo);
  }
  rs->ntests = from;
}

static void clear_xlate(tn_rules *rs);

/* The index and every cache that depends on the set of rules. */
static void drop_index(tn_rules *rs) {
  clear_xlate(rs);
  index_free(&rs->by_norm);
  index_free(&rs->by_form);
  index_free(&rs->by_stem);
  index_free(&rs->by_kind);
  tn_free(rs->glob_first);
  tn_free(rs->glob_need);
  rs->glob_need = NULL;
  tn_free(rs->always);
  tn_free(rs->hot);
  rs->hot = NULL;
  tn_free(rs->gcache);
  tn_free(rs->gcache_items);
  rs->glob_first = rs->always = rs->gcache = rs->gcache_items = NULL;
  rs->nglob_first = rs->nalways = rs->gcache_cap = 0;
  rs->ngcache_items = rs->gcache_items_cap = 0;
  rs->bound_vocab = 0;
  rs->indexed = 0;
}

void tn_rules_free(tn_rules *rs) {
  if (!rs) return;
  free_tests_from(rs, 0);
  drop_index(rs);
  tn_free(rs->tests);
  tn_free(rs->rules);
  tn_free(rs->prog);
  tn_free(rs->stamp);
  tn_free(rs->cand);
  tn_rules_vm_free(rs->vm);
  if (rs->stemmer) sb_stemmer_delete(rs->stemmer);
  tn_buf_free(&rs->scratch);
  for (int f = 0; f < 3; f++) tn_free(rs->xl[f]);
  tn_intern_free(&rs->lex);
  tn_arena_free(&rs->arena);
  tn_free(rs);
}

void tn_rules_set_overlap(tn_rules *rs, tn_rules_overlap overlap) {
  rs->overlap = overlap;
}
tn_rules_overlap tn_rules_get_overlap(const tn_rules *rs) { return rs->overlap; }
int tn_rules_uses_stems(const tn_rules *rs) { return rs->uses_stems; }
size_t tn_rules_count(const tn_rules *rs) { return rs->nrules; }
const char *tn_rules_name(const tn_rules *rs, size_t r) { return rs->rules[r].name; }
const char *tn_rules_label(const tn_rules *rs, size_t r) { return rs->rules[r].label; }
double tn_rules_weight(const tn_rules *rs, size_t r) { return rs->rules[r].weight; }
size_t tn_rules_ncaptures(const tn_rules *rs, size_t r) { return rs->rules[r].ncaps; }
const char *tn_rules_capture_name(const tn_rules *rs, size_t r, size_t k) {
  return rs->rules[r].capnames[k];
}

/* ---- compiling a tree to a program -------------------------------------- */

typedef struct emitter {
  tn_rules *rs;
  size_t base;
  int too_large, nomem;
} emitter;

static uint32_t put(emitter *e, int op, uint32_t x, uint32_t y) {
  tn_rules *rs = e->rs;
  if (rs->nprog - e->base >= TN_RULES_MAX_PROGRAM) {
    e->too_large = 1;
    return UINT32_MAX;
  }
  if (tn_grow((void **)&rs->prog, &rs->prog_cap, rs->nprog + 1,
              sizeof *rs->prog) < 0) {
    e->nomem = 1;
    return UINT32_MAX;
  }
  rinst *in = &rs->prog[rs->nprog];
  in->op = (uint8_t)op;
  in->x = x;
  in->y = y;
  return (uint32_t)(rs->nprog++ - e->base);
}

static uint32_t here(const emitter *e) {
  return (uint32_t)(e->rs->nprog - e->base);
}

static rinst *at(emitter *e, uint32_t pc) { return &e->rs->prog[e->base + pc]; }

static int emit(emitter *e, const rnode *n) {
  uint32_t pc;
  switch (n->type) {
  case N_TEST:
    return put(e, I_TEST, n->test, 0) == UINT32_MAX ? -1 : 0;
  case N_SEQ:
    for (uint32_t k = 0; k < n->nkids; k++)
      if (emit(e, n->kids[k]) < 0) return -1;
    return 0;
  case N_CAPTURE:
    if (put(e, I_SAVE, 2 * n->cap, 0) == UINT32_MAX) return -1;
    if (emit(e, n->kids[0]) < 0) return -1;
    return put(e, I_SAVE, 2 * n->cap + 1, 0) == UINT32_MAX ? -1 : 0;
  case N_ALT: {
    /* SPLIT to each alternative in turn; each ends with a JMP to the end,
     * chained through the JMP's x until patched. */
    uint32_t jumps = UINT32_MAX;
    for (uint32_t k = 0; k < n->nkids; k++) {
      uint32_t split = UINT32_MAX;
      if (k + 1 < n->nkids) {
        split = put(e, I_SPLIT, 0, 0);
        if (split == UINT32_MAX) return -1;
        at(e, split)->x = split + 1;
      }
      if (emit(e, n->kids[k]) < 0) return -1;
      if (k + 1 < n->nkids) {
        pc = put(e, I_JMP, jumps, 0);
        if (pc == UINT32_MAX) return -1;
        jumps = pc;
        at(e, split)->y = here(e);
      }
    }
    while (jumps != UINT32_MAX) {
      uint32_t next = at(e, jumps)->x;
      at(e, jumps)->x = here(e);
      jumps = next;
    }
    return 0;
  }
  case N_REPEAT: {
    const rnode *body = n->kids[0];
    for (int k = 0; k < n->min; k++)
      if (emit(e, body) < 0) return -1;
    if (n->max < 0) {
      uint32_t loop = put(e, I_SPLIT, 0, 0);
      if (loop == UINT32_MAX) return -1;
      at(e, loop)->x = loop + 1;
      if (emit(e, body) < 0) return -1;
      if (put(e, I_JMP, loop, 0) == UINT32_MAX) return -1;
      at(e, loop)->y = here(e);
      return 0;
    }
    /* Optional copies: each SPLIT skips to the end, chained via y. */
    uint32_t chain = UINT32_MAX;
    for (int k = n->min; k < n->max; k++) {
      pc = put(e, I_SPLIT, 0, chain);
      if (pc == UINT32_MAX) return -1;
      at(e, pc)->x = pc + 1;
      chain = pc;
      if (emit(e, body) < 0) return -1;
    }
    while (chain != UINT32_MAX) {
      uint32_t next = at(e, chain)->y;
      at(e, chain)->y = here(e);
      chain = next;
    }
    return 0;
  }
  }
  return -1;
}

/* The tests that can consume the first token, by following empty moves
 * from pc 0; returns 1 if MATCH is reachable without a token. */
static int first_tests(tn_rules *rs, rrule *r, uint32_t *out, size_t *nout,
                       uint8_t *seen) {
  uint32_t stack[64];
  size_t sp = 0, n = 0;
  int nullable = 0;
  /* An explicit stack that spills to a recursion-free loop: programs are
   * small, and each pc is visited once. */
  uint32_t *big = NULL;
  uint32_t *st = stack;
  size_t cap = 64;
  st[sp++] = 0;
  while (sp > 0) {
    uint32_t pc = st[--sp];
    if (seen[pc]) continue;
    seen[pc] = 1;
    const rinst *in = &rs->prog[r->prog + pc];
    uint32_t push[2];
    int npush = 0;
    switch (in->op) {
    case I_TEST: out[n++] = in->x; break;
    case I_MATCH: nullable = 1; break;
    case I_JMP: push[npush++] = in->x; break;
    case I_SAVE: push[npush++] = pc + 1; break;
    case I_SPLIT:
      push[npush++] = in->y;
      push[npush++] = in->x;
      break;
    }
    for (int k = 0; k < npush; k++) {
      if (sp == cap) {
        uint32_t *g = tn_malloc(cap * 2 * sizeof *g);
        if (!g) {
          tn_free(big);
          return -1;
        }
        memcpy(g, st, sp * sizeof *g);
        tn_free(big);
        big = st = g;
        cap *= 2;
      }
      st[sp++] = push[k];
    }
  }
  tn_free(big);
  *nout = n;
  return nullable;
}

static tn_status rule_error(tn_rules *rs, const char *name, tn_error *err) {
  if (!err) return TN_ESYNTAX;
  char msg[sizeof err->message];
  snprintf(msg, sizeof msg, "%s", err->message);
  if (name && *name)
    return tn_error_set(err, err->status, NULL, 0, "rule '%s': %s", name, msg);
  return tn_error_set(err, err->status, NULL, 0, "rule %zu: %s",
                      rs->nrules + 1, msg);
}

tn_status tn_rules_add(tn_rules *rs, const char *name, const char *pattern,
                       size_t len, const char *label, double weight,
                       unsigned flags, tn_error *err) {
  size_t ntests0 = rs->ntests, nprog0 = rs->nprog;
  tn_error local;
  if (!err) err = &local;
  tn_error_clear(err);
  tn_arena tree;
  tn_arena_init(&tree, 4096);
  uint32_t ncaps = 0;
  char **capnames = NULL;
  uint8_t *seen = NULL;
  uint32_t *first = NULL;
  tn_status st = TN_OK;
  rnode *root = tn_rules_parse(rs, &tree, pattern, len, &ncaps, &capnames, err);
  if (!root) {
    st = err->status ? err->status : TN_ESYNTAX;
    goto fail;
  }
  if (tn_grow((void **)&rs->rules, &rs->rules_cap, rs->nrules + 1,
              sizeof *rs->rules) < 0)
    goto nomem;
  rrule *r = &rs->rules[rs->nrules];
  memset(r, 0, sizeof *r);
  emitter e = {rs, rs->nprog, 0, 0};
  if (emit(&e, root) < 0 || put(&e, I_MATCH, 0, 0) == UINT32_MAX) {
    if (e.nomem) goto nomem;
    tn_error_set(err, TN_ESYNTAX, NULL, 0,
                 "position 1: the pattern is too large once its bounds are "
                 "expanded (more than %d steps); use smaller bounds",
                 TN_RULES_MAX_PROGRAM);
    st = TN_ESYNTAX;
    goto fail;
  }
  r->prog = (uint32_t)nprog0;
  r->nprog = (uint32_t)(rs->nprog - nprog0);
  seen = tn_calloc(r->nprog, 1);
  first = tn_malloc(r->nprog * sizeof *first);
  if (!seen || !first) goto nomem;
  size_t nfirst = 0;
  int nullable = first_tests(rs, r, first, &nfirst, seen);
  if (nullable < 0) goto nomem;
  if (nullable) {
    tn_error_set(err, TN_ESYNTAX, NULL, 0,
                 "position 1: the pattern can match zero tokens; make at "
                 "least one element required (not ?, * or {0,n})");
    st = TN_ESYNTAX;
    goto fail;
  }
  r->first = tn_arena_alloc(&rs->arena, (nfirst ? nfirst : 1) * sizeof *first);
  r->name = tn_arena_strndup(&rs->arena, name ? name : "", name ? strlen(name) : 0);
  const char *lab = label ? label : (name ? name : "");
  r->label = tn_arena_strndup(&rs->arena, lab, strlen(lab));
  r->capnames = tn_arena_alloc(&rs->arena, (ncaps ? ncaps : 1) * sizeof(char *));
  if (!r->first || !r->name || !r->label || !r->capnames) goto nomem;
  memcpy(r->first, first, nfirst * sizeof *first);
  r->nfirst = (uint32_t)nfirst;
  for (uint32_t k = 0; k < ncaps; k++) {
    r->capnames[k] = tn_arena_strndup(&rs->arena, capnames[k], strlen(capnames[k]));
    if (!r->capnames[k]) goto nomem;
  }
  r->ncaps = ncaps;
  r->single = r->nprog == 2 && rs->prog[r->prog].op == I_TEST ? rs->prog[r->prog].x
                                                              : UINT32_MAX;
  r->weight = weight;
  r->flags = flags;
  rs->nrules++;
  drop_index(rs);
  tn_free(seen);
  tn_free(first);
  tn_arena_free(&tree);
  return TN_OK;
nomem:
  tn_error_set(err, TN_ENOMEM, NULL, 0, "out of memory");
  st = TN_ENOMEM;
fail:
  tn_free(seen);
  tn_free(first);
  tn_arena_free(&tree);
  free_tests_from(rs, ntests0);
  rs->nprog = nprog0;
  if (st == TN_ESYNTAX) rule_error(rs, name, err);
  return st;
}

/* ---- token tests -------------------------------------------------------- */

uint32_t tn_rules_xlate_slow(tn_rules *rs, int f, uint32_t id) {
  const tn_intern *lex = rs->bound[f];
  uint32_t own = tn_intern_find(&rs->lex, tn_intern_str(lex, id),
                                tn_intern_len(lex, id));
  uint32_t v = own == TN_INTERN_NONE ? 1 : own + 2;
  if (id >= rs->xl_cap[f]) {
    size_t cap = rs->xl_cap[f];
    if (tn_grow((void **)&rs->xl[f], &cap, (size_t)id + 1, sizeof(uint32_t)) < 0)
      return v; /* correct, only uncached */
    memset(rs->xl[f] + rs->xl_cap[f], 0, (cap - rs->xl_cap[f]) * sizeof(uint32_t));
    rs->xl_cap[f] = cap;
  }
  rs->xl[f][id] = v;
  return v;
}

static void clear_xlate(tn_rules *rs) {
  for (int f = 0; f < 3; f++)
    if (rs->xl[f]) memset(rs->xl[f], 0, rs->xl_cap[f] * sizeof(uint32_t));
}

void tn_rules_bind(tn_rules *rs, const tn_tokview *tv) {
  for (int f = 0; f < 3; f++) rs->bound[f] = tv->lex[f];
  if (tv->vocab != 0 && tv->vocab == rs->bound_vocab) return;
  rs->bound_vocab = tv->vocab;
  clear_xlate(rs);
  /* Regex memos and the glob cache are keyed by the view's ids. */
  for (size_t t = 0; t < rs->ntests; t++)
    if (rs->tests[t].memo) memset(rs->tests[t].memo, 0, rs->tests[t].memo_cap);
  if (rs->gcache) memset(rs->gcache, 0, rs->gcache_cap * sizeof *rs->gcache);
  rs->ngcache_items = 0;
}

/* Glob match; '\0' in the pattern matches any run of bytes. */
static int glob_match(const char *g, size_t gl, const char *s, size_t sl) {
  size_t gi = 0, si = 0, star = SIZE_MAX, mark = 0;
  while (si < sl) {
    if (gi < gl && g[gi] == '\0') {
      star = gi++;
      mark = si;
    } else if (gi < gl && g[gi] == s[si]) {
      gi++;
      si++;
    } else if (star != SIZE_MAX) {
      gi = star + 1;
      si = ++mark;
    } else {
      return 0;
    }
  }
  while (gi < gl && g[gi] == '\0') gi++;
  return gi == gl;
}

int tn_rules_test(tn_rules *rs, uint32_t t, const tn_tokview *tv, size_t pos) {
  rtest *x = &rs->tests[t];
  int r = 0;
  switch (x->op) {
  case T_NORM: r = tn_rules_xlate(rs, 1, tv_norm(tv, pos)) == x->id + 2; break;
  case T_FORM: r = tn_rules_xlate(rs, 0, tv->form[pos]) == x->id + 2; break;
  case T_STEM:
    r = tv->norm_stem &&
        tn_rules_xlate(rs, 2, tv->norm_stem[tv_norm(tv, pos)]) == x->id + 2;
    break;
  case T_KIND: r = tv->kind[pos] == x->id; break;
  case T_ANY: r = 1; break;
  case T_GLOB: {
    int f = x->field == F_FORM ? 0 : 1;
    uint32_t id = f == 0 ? tv->form[pos] : tv_norm(tv, pos);
    r = glob_match(x->glob, x->glob_len, tn_intern_str(tv->lex[f], id),
                   tn_intern_len(tv->lex[f], id));
    break;
  }
  case T_REGEX: {
    int f = x->field == F_FORM ? 0 : 1;
    uint32_t id = f == 0 ? tv->form[pos] : tv_norm(tv, pos);
    /* regexec is slow; memoise per vocabulary id (a failed grow only
     * loses the memo). */
    if (id >= x->memo_cap) {
      size_t cap = x->memo_cap;
      if (tn_grow((void **)&x->memo, &cap, (size_t)id + 1, 1) == 0) {
        memset(x->memo + x->memo_cap, 0, cap - x->memo_cap);
        x->memo_cap = cap;
      }
    }
    if (id < x->memo_cap && x->memo[id]) {
      r = x->memo[id] == 2;
    } else {
      r = regexec(x->re, tn_intern_str(tv->lex[f], id), 0, NULL, 0) == 0;
      if (id < x->memo_cap) x->memo[id] = r ? 2 : 1;
    }
    break;
  }
  case T_SET:
    for (uint32_t k = 0; k < x->nmembers && !r; k++)
      r = tn_rules_test(rs, x->members[k], tv, pos);
    break;
  }
  return r ^ x->neg;
}

/* ---- the first-token index ---------------------------------------------- */

typedef struct pair {
  uint32_t key, rule;
} pair;

typedef struct pairs {
  pair *p;
  size_t n, cap;
} pairs;

static int pairs_add(pairs *ps, uint32_t key, uint32_t rule) {
  if (tn_grow((void **)&ps->p, &ps->cap, ps->n + 1, sizeof *ps->p) < 0) return -1;
  ps->p[ps->n].key = key;
  ps->p[ps->n].rule = rule;
  ps->n++;
  return 0;
}

/* Counting sort of the pairs into CSR lists; rules stay in order. */
static int build_csr(rindex *ix, const pairs *ps, size_t nkeys) {
  ix->nkeys = nkeys;
  ix->off = tn_calloc(nkeys + 1, sizeof *ix->off);
  ix->items = tn_malloc((ps->n ? ps->n : 1) * sizeof *ix->items);
  if (!ix->off || !ix->items) return -1;
  for (size_t i = 0; i < ps->n; i++) ix->off[ps->p[i].key + 1]++;
  for (size_t k = 0; k < nkeys; k++) ix->off[k + 1] += ix->off[k];
  uint32_t *fill = tn_malloc((nkeys + 1) * sizeof *fill);
  if (!fill) return -1;
  memcpy(fill, ix->off, (nkeys + 1) * sizeof *fill);
  for (size_t i = 0; i < ps->n; i++) ix->items[fill[ps->p[i].key]++] = ps->p[i].rule;
  tn_free(fill);
  return 0;
}

enum { C_NORM, C_FORM, C_STEM, C_KIND, C_GLOB, C_ALWAYS };

static int classify(tn_rules *rs, uint32_t t, uint32_t rule, pairs *ps,
                    int *glob, int *always) {
  const rtest *x = &rs->tests[t];
  if (x->neg || x->op == T_ANY) {
    *always = 1;
    return 0;
  }
  switch (x->op) {
  case T_NORM: return pairs_add(&ps[C_NORM], x->id, rule);
  case T_FORM: return pairs_add(&ps[C_FORM], x->id, rule);
  case T_STEM: return pairs_add(&ps[C_STEM], x->id, rule);
  case T_KIND: return pairs_add(&ps[C_KIND], x->id, rule);
  case T_GLOB:
  case T_REGEX: *glob = 1; return 0;
  case T_SET:
    for (uint32_t k = 0; k < x->nmembers; k++)
      if (classify(rs, x->members[k], rule, ps, glob, always) < 0) return -1;
    return 0;
  }
  return 0;
}

tn_status tn_rules_build_index(tn_rules *rs) {
  drop_index(rs);
  pairs ps[4];
  memset(ps, 0, sizeof ps);
  tn_status st = TN_ENOMEM;
  rs->hot = tn_malloc((rs->nrules ? rs->nrules : 1) * sizeof *rs->hot);
  if (!rs->hot) goto out;
  rs->glob_need = tn_calloc(rs->nrules ? rs->nrules : 1, sizeof *rs->glob_need);
  if (!rs->glob_need) goto out;
  rs->glob_first = tn_malloc((rs->nrules ? rs->nrules : 1) * sizeof(uint32_t));
  rs->always = tn_malloc((rs->nrules ? rs->nrules : 1) * sizeof(uint32_t));
  if (!rs->glob_first || !rs->always) goto out;
  for (size_t r = 0; r < rs->nrules; r++) {
    int glob = 0, always = 0;
    for (uint32_t k = 0; k < rs->rules[r].nfirst; k++)
      if (classify(rs, rs->rules[r].first[k], (uint32_t)r, ps, &glob, &always) < 0)
        goto out;
    rs->rules[r].always = (uint8_t)always;
    rs->hot[r].single = rs->rules[r].single;
    rs->hot[r].always = (uint8_t)always;
    rs->hot[r].nslots = 2 * rs->rules[r].ncaps;
    rs->hot[r].prog = rs->rules[r].prog;
    rs->hot[r].nlin = 0;
    uint32_t k = 0;
    while (k + 1 < rs->rules[r].nprog && rs->prog[rs->rules[r].prog + k].op == I_TEST) k++;
    if (k + 1 == rs->rules[r].nprog) rs->hot[r].nlin = k;
    rs->hot[r].cross = (rs->rules[r].flags & TN_RULE_CROSS_SENTENCES) != 0;
    if (always) rs->always[rs->nalways++] = (uint32_t)r;
    else if (glob) {
      struct rglobneed *need = &rs->glob_need[rs->nglob_first];
      const rrule *rr = &rs->rules[r];
      const rtest *x = rr->nfirst == 1 ? &rs->tests[rr->first[0]] : NULL;
      if (x && x->op == T_GLOB && !x->neg && x->glob_len > 0) {
        need->first = (uint8_t)x->glob[0];
        need->last = (uint8_t)x->glob[x->glob_len - 1];
        need->field = x->field;
      }
      rs->glob_first[rs->nglob_first++] = (uint32_t)r;
    }
  }
  size_t nlex = tn_intern_count(&rs->lex);
  if (build_csr(&rs->by_norm, &ps[C_NORM], nlex) < 0 ||
      build_csr(&rs->by_form, &ps[C_FORM], nlex) < 0 ||
      build_csr(&rs->by_stem, &ps[C_STEM], nlex) < 0 ||
      build_csr(&rs->by_kind, &ps[C_KIND], 256) < 0)
    goto out;
  uint32_t *stamp = tn_realloc(rs->stamp, (rs->nrules ? rs->nrules : 1) * sizeof *stamp);
  if (!stamp) goto out;
  rs->stamp = stamp;
  memset(rs->stamp, 0, (rs->nrules ? rs->nrules : 1) * sizeof *rs->stamp);
  rs->gen = 0;
  rs->indexed = 1;
  st = TN_OK;
out:
  for (int k = 0; k < 4; k++) tn_free(ps[k].p);
  if (st != TN_OK) drop_index(rs);
  return st;
}
