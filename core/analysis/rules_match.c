/* The matcher: candidates from the first-token index, then a Pike VM per
 * candidate rule (threads deduplicated by program counter, so a run costs
 * at most program size x span, never exponential), then the overlap
 * policy. */
#include <string.h>

#include "analysis/rules_int.h"
#include "text/tokenizer.h"
#include "util/alloc.h"

typedef struct thread {
  uint32_t pc;
  uint32_t caps; /* offset in the list's pool */
} thread;

typedef struct tlist {
  thread *t;
  size_t n;
  uint32_t *pool;
} tlist;

/* An entry of addthread's explicit stack: a pc to visit, or (slot !=
 * UINT32_MAX) a capture slot to restore after the branch that set it. */
typedef struct frame {
  uint32_t pc, slot, val;
} frame;

typedef struct vm {
  size_t nprog, nslots; /* what the buffers are sized for */
  tlist a, b;
  uint32_t *mark, markgen;
  uint32_t *cur, *best;
  frame *stack;
  /* per run */
  const rinst *prog;
  size_t best_end;
} vm;

void tn_rules_vm_free(void *p) {
  vm *m = p;
  if (!m) return;
  tn_free(m->a.t);
  tn_free(m->a.pool);
  tn_free(m->b.t);
  tn_free(m->b.pool);
  tn_free(m->mark);
  tn_free(m->cur);
  tn_free(m->best);
  tn_free(m->stack);
  tn_free(m);
}

static vm *vm_for(tn_rules *rs) {
  size_t nprog = 1, nslots = 1;
  for (size_t r = 0; r < rs->nrules; r++) {
    if (rs->rules[r].nprog > nprog) nprog = rs->rules[r].nprog;
    if (2 * rs->rules[r].ncaps > nslots) nslots = 2 * rs->rules[r].ncaps;
  }
  vm *m = rs->vm;
  if (m && m->nprog >= nprog && m->nslots >= nslots) return m;
  tn_rules_vm_free(m);
  rs->vm = m = tn_calloc(1, sizeof *m);
  if (!m) return NULL;
  m->nprog = nprog;
  m->nslots = nslots;
  m->a.t = tn_malloc(nprog * sizeof(thread));
  m->b.t = tn_malloc(nprog * sizeof(thread));
  m->a.pool = tn_malloc(nprog * nslots * sizeof(uint32_t));
  m->b.pool = tn_malloc(nprog * nslots * sizeof(uint32_t));
  m->mark = tn_calloc(nprog, sizeof(uint32_t));
  m->cur = tn_malloc(nslots * sizeof(uint32_t));
  m->best = tn_malloc(nslots * sizeof(uint32_t));
  m->stack = tn_malloc((2 * nprog + 2) * sizeof(frame));
  if (!m->a.t || !m->b.t || !m->a.pool || !m->b.pool || !m->mark || !m->cur ||
      !m->best || !m->stack) {
    tn_rules_vm_free(m);
    rs->vm = NULL;
    return NULL;
  }
  return m;
}

static void next_mark(vm *m) {
  if (++m->markgen == 0) {
    memset(m->mark, 0, m->nprog * sizeof *m->mark);
    m->markgen = 1;
  }
}

/* The common tests here, where the matcher can inline them; globs and
 * regexes in rules_compile.c. */
static int test(tn_rules *rs, uint32_t t, const tn_tokview *tv, size_t pos) {
  const rtest *x = &rs->tests[t];
  switch (x->op) {
  case T_SET:
    for (uint32_t k = 0; k < x->nmembers; k++)
      if (test(rs, x->members[k], tv, pos)) return !x->neg;
    return x->neg;
  case T_NORM:
    return (tn_rules_xlate(rs, 1, tv_norm(tv, pos)) == x->id + 2) ^ x->neg;
  case T_FORM:
    return (tn_rules_xlate(rs, 0, tv->form[pos]) == x->id + 2) ^ x->neg;
  case T_KIND: return (tv->kind[pos] == x->id) ^ x->neg;
  case T_ANY: return !x->neg;
  default: return tn_rules_test(rs, t, tv, pos);
  }
}

/* Follows empty moves from pc at token position pos, adding a thread for
 * every TEST reached (in priority order) and noting MATCHes. */
static void addthread(vm *m, tlist *l, uint32_t pc0, size_t pos, size_t nslots) {
  size_t sp = 0;
  m->stack[sp++] = (frame){pc0, UINT32_MAX, 0};
  while (sp > 0) {
    frame f = m->stack[--sp];
    if (f.slot != UINT32_MAX) {
      m->cur[f.slot] = f.val;
      continue;
    }
    uint32_t pc = f.pc;
    for (;;) {
      if (m->mark[pc] == m->markgen) break;
      m->mark[pc] = m->markgen;
      const rinst *in = &m->prog[pc];
      if (in->op == I_JMP) {
        pc = in->x;
      } else if (in->op == I_SPLIT) {
        m->stack[sp++] = (frame){in->y, UINT32_MAX, 0};
        pc = in->x;
      } else if (in->op == I_SAVE) {
        m->stack[sp++] = (frame){0, in->x, m->cur[in->x]};
        m->cur[in->x] = (uint32_t)pos;
        pc++;
      } else if (in->op == I_TEST) {
        thread *t = &l->t[l->n];
        t->pc = pc;
        t->caps = (uint32_t)(l->n * nslots);
        if (nslots) memcpy(l->pool + t->caps, m->cur, nslots * sizeof *m->cur);
        l->n++;
        break;
      } else { /* I_MATCH: later positions are longer, earlier threads
                  at this position have priority */
        if (pos > m->best_end) {
          m->best_end = pos;
          if (nslots) memcpy(m->best, m->cur, nslots * sizeof *m->cur);
        }
        break;
      }
    }
  }
}

/* The longest match of rule r starting at s and ending before limit;
 * returns its end (exclusive) or 0. Captures land in m->best. */
static size_t run(tn_rules *rs, vm *m, const rrule *r, const tn_tokview *tv,
                  size_t s, size_t limit) {
  size_t nslots = 2 * (size_t)r->ncaps;
  m->prog = rs->prog + r->prog;
  m->best_end = 0;
  for (size_t k = 0; k < nslots; k++) m->cur[k] = TN_RULES_NOCAP;
  tlist *cl = &m->a, *nl = &m->b;
  cl->n = 0;
  next_mark(m);
  addthread(m, cl, 0, s, nslots);
  for (size_t pos = s; cl->n > 0 && pos < limit; pos++) {
    next_mark(m);
    nl->n = 0;
    for (size_t k = 0; k < cl->n; k++) {
      const thread *t = &cl->t[k];
      if (!test(rs, m->prog[t->pc].x, tv, pos)) continue;
      if (nslots) memcpy(m->cur, cl->pool + t->caps, nslots * sizeof *m->cur);
      addthread(m, nl, t->pc + 1, pos + 1, nslots);
    }
    tlist *tmp = cl;
    cl = nl;
    nl = tmp;
  }
  return m->best_end;
}

/* ---- candidates --------------------------------------------------------- */

static int add_cands(tn_rules *rs, const uint32_t *items, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint32_t r = items[i];
    if (rs->stamp[r] == rs->gen) continue;
    rs->stamp[r] = rs->gen;
    if (tn_grow((void **)&rs->cand, &rs->cand_cap, rs->ncand + 1,
                sizeof *rs->cand) < 0)
      return -1;
    rs->cand[rs->ncand++] = r;
  }
  return 0;
}

static int add_index(tn_rules *rs, const rindex *ix, uint32_t key) {
  if (key >= ix->nkeys) return 0;
  return add_cands(rs, ix->items + ix->off[key], ix->off[key + 1] - ix->off[key]);
}

/* Whether a glob or regex among first test t accepts the token; other
 * tests are the other indexes' business. */
static int glob_pass(tn_rules *rs, uint32_t t, const tn_tokview *tv, size_t pos) {
  const rtest *x = &rs->tests[t];
  if (x->neg) return 0;
  if (x->op == T_GLOB || x->op == T_REGEX) return tn_rules_test(rs, t, tv, pos);
  if (x->op == T_SET)
    for (uint32_t k = 0; k < x->nmembers; k++)
      if (glob_pass(rs, x->members[k], tv, pos)) return 1;
  return 0;
}

static void sort_rules(uint32_t *v, size_t n) {
  /* Rule order decides ties; lists are short, insertion sort is enough. */
  for (size_t i = 1; i < n; i++) {
    uint32_t x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1] > x) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = x;
  }
}

static int next_gen(tn_rules *rs) {
  if (++rs->gen == 0) {
    memset(rs->stamp, 0, rs->nrules * sizeof *rs->stamp);
    rs->gen = 1;
  }
  return 0;
}

/* The rules that can start at a token with this form, by its form, norm
 * and stem literals and its glob or regex first tests: computed once per
 * form id (norm and stem are functions of the form) and kept sorted, so a
 * token usually costs one lookup. Returns [count, rules...] or NULL. */
static const uint32_t *form_list(tn_rules *rs, const tn_tokview *tv, size_t pos) {
  uint32_t f = tv->form[pos];
  if (f >= rs->gcache_cap) {
    size_t cap = rs->gcache_cap;
    if (tn_grow((void **)&rs->gcache, &cap, (size_t)f + 1, sizeof *rs->gcache) < 0)
      return NULL;
    memset(rs->gcache + rs->gcache_cap, 0, (cap - rs->gcache_cap) * sizeof *rs->gcache);
    rs->gcache_cap = cap;
  }
  if (rs->gcache[f] == 0) {
    next_gen(rs);
    rs->ncand = 0;
    uint32_t nm = tv_norm(tv, pos);
    if ((rs->by_norm.off[rs->by_norm.nkeys] &&
         add_index(rs, &rs->by_norm, tn_rules_xlate(rs, 1, nm) - 2) < 0) ||
        (rs->by_form.off[rs->by_form.nkeys] &&
         add_index(rs, &rs->by_form, tn_rules_xlate(rs, 0, f) - 2) < 0) ||
        (tv->norm_stem && rs->by_stem.off[rs->by_stem.nkeys] &&
         add_index(rs, &rs->by_stem, tn_rules_xlate(rs, 2, tv->norm_stem[nm]) - 2) < 0))
      return NULL;
    const tn_intern *lf = tv->lex[0], *ln = tv->lex[1];
    const unsigned char *fs = (const unsigned char *)tn_intern_str(lf, f);
    const unsigned char *ns = (const unsigned char *)tn_intern_str(ln, nm);
    size_t fl = tn_intern_len(lf, f), nl = tn_intern_len(ln, nm);
    for (size_t i = 0; i < rs->nglob_first; i++) {
      uint32_t ri = rs->glob_first[i];
      const rrule *r = &rs->rules[ri];
      if (rs->stamp[ri] == rs->gen) continue;
      const struct rglobneed *need = &rs->glob_need[i];
      if (need->first || need->last) {
        /* '\0' (a wildcard) demands nothing */
        const unsigned char *str = need->field == F_FORM ? fs : ns;
        size_t len = need->field == F_FORM ? fl : nl;
        if (len == 0 || (need->first && str[0] != need->first) ||
            (need->last && str[len - 1] != need->last))
          continue;
      }
      for (uint32_t k = 0; k < r->nfirst; k++) {
        if (!glob_pass(rs, r->first[k], tv, pos)) continue;
        if (add_cands(rs, &ri, 1) < 0) return NULL;
        break;
      }
    }
    sort_rules(rs->cand, rs->ncand);
    size_t start = rs->ngcache_items;
    if (start + rs->ncand + 1 > UINT32_MAX - 1 ||
        tn_grow((void **)&rs->gcache_items, &rs->gcache_items_cap,
                start + rs->ncand + 1, sizeof *rs->gcache_items) < 0)
      return NULL;
    rs->gcache_items[start] = (uint32_t)rs->ncand;
    if (rs->ncand)
      memcpy(rs->gcache_items + start + 1, rs->cand, rs->ncand * sizeof *rs->cand);
    rs->ngcache_items = start + rs->ncand + 1;
    rs->gcache[f] = (uint32_t)start + 1;
  }
  return rs->gcache_items + rs->gcache[f] - 1;
}

/* The candidate rules at position s, in rule order (list and count). */
static int gather(tn_rules *rs, const tn_tokview *tv, size_t s,
                  const uint32_t **out, size_t *n) {
  const uint32_t *list = form_list(rs, tv, s);
  if (!list) return -1;
  size_t nk = rs->by_kind.off[rs->by_kind.nkeys];
  if (nk == 0 && rs->nalways == 0) {
    *out = list + 1;
    *n = list[0];
    return 0;
  }
  next_gen(rs);
  rs->ncand = 0;
  if (add_cands(rs, list + 1, list[0]) < 0 ||
      (nk && add_index(rs, &rs->by_kind, tv->kind[s]) < 0) ||
      add_cands(rs, rs->always, rs->nalways) < 0)
    return -1;
  sort_rules(rs->cand, rs->ncand);
  *out = rs->cand;
  *n = rs->ncand;
  return 0;
}

/* ---- results ------------------------------------------------------------ */

void tn_matches_init(tn_matches *m) { memset(m, 0, sizeof *m); }
void tn_matches_clear(tn_matches *m) {
  m->n = 0;
  m->ncaps = 0;
}
void tn_matches_free(tn_matches *m) {
  tn_free(m->items);
  tn_free(m->caps);
  memset(m, 0, sizeof *m);
}

static int emit_match(tn_matches *out, uint32_t rule, size_t s, size_t e,
                      const tn_tokview *tv, const uint32_t *caps, size_t nslots) {
  if (out->n == out->cap &&
      tn_grow((void **)&out->items, &out->cap, out->n + 1, sizeof *out->items) < 0)
    return -1;
  if (out->ncaps + nslots >= out->capcap &&
      tn_grow((void **)&out->caps, &out->capcap, out->ncaps + nslots + 1,
              sizeof *out->caps) < 0)
    return -1;
  tn_match *m = &out->items[out->n++];
  m->rule = rule;
  m->first = (uint32_t)s;
  m->last = (uint32_t)(e - 1);
  m->byte_start = tv->offset ? tv->offset[s] : 0;
  m->byte_end = tv->offset ? tv->offset[e - 1] + tn_intern_len(tv->lex[0], tv->form[e - 1])
                           : 0;
  m->caps = out->ncaps;
  if (nslots) memcpy(out->caps + out->ncaps, caps, nslots * sizeof *caps);
  out->ncaps += nslots;
  return 0;
}

tn_status tn_rules_match(tn_rules *rs, const tn_tokview *tv, tn_matches *out) {
  if (rs->nrules == 0 || tv->n == 0) return TN_OK;
  if (!rs->indexed && tn_rules_build_index(rs) < 0) return TN_ENOMEM;
  tn_rules_bind(rs, tv);
  vm *m = vm_for(rs);
  if (!m) return TN_ENOMEM;
  size_t n = tv->n, sent_end = 0;
  size_t s = 0;
  while (s < n) {
    if (s >= sent_end) {
      sent_end = s;
      if (tv->flags)
        while (sent_end < n && !(tv->flags[sent_end] & TN_TOK_SENT_END)) sent_end++;
      else
        sent_end = n - 1;
      sent_end = sent_end < n ? sent_end + 1 : n;
    }
    const uint32_t *cands;
    size_t ncands;
    if (gather(rs, tv, s, &cands, &ncands) < 0) return TN_ENOMEM;
    size_t first_out = out->n, best = 0;
    for (size_t i = 0; i < ncands; i++) {
      const struct rhot *h = &rs->hot[cands[i]];
      size_t e, nslots = 0;
      if (h->single != UINT32_MAX) {
        /* A candidate from an index passed its one (non-negated) test:
         * the index key was its literal, or the glob cache tested it. */
        e = h->always ? (test(rs, h->single, tv, s) ? s + 1 : 0) : s + 1;
      } else if (h->nlin) {
        /* a phrase: each token its test, no choices to track */
        size_t limit = h->cross ? n : sent_end;
        const rinst *p = rs->prog + h->prog;
        e = s + h->nlin;
        if (e > limit) {
          e = 0;
        } else {
          for (uint32_t k = h->always ? 0 : 1; k < h->nlin; k++)
            if (!test(rs, p[k].x, tv, s + k)) {
              e = 0;
              break;
            }
        }
      } else {
        const rrule *r = &rs->rules[cands[i]];
        e = run(rs, m, r, tv, s, h->cross ? n : sent_end);
        nslots = h->nslots;
      }
      if (e == 0) continue;
      if (emit_match(out, cands[i], s, e, tv, m->best, nslots) < 0)
        return TN_ENOMEM;
      if (e > best) best = e;
    }
    if (rs->overlap == TN_RULES_ALL || best == 0) {
      s++;
      continue;
    }
    /* LONGEST: keep only the matches that reach the longest end. */
    size_t w = first_out, wcap = first_out < out->n ? out->items[first_out].caps : 0;
    for (size_t i = first_out; i < out->n; i++) {
      tn_match mt = out->items[i];
      if ((size_t)mt.last + 1 != best) continue;
      size_t nslots = rs->hot[mt.rule].nslots;
      if (nslots && wcap != mt.caps)
        memmove(out->caps + wcap, out->caps + mt.caps, nslots * sizeof *out->caps);
      mt.caps = wcap;
      wcap += nslots;
      out->items[w++] = mt;
    }
    out->n = w;
    out->ncaps = wcap;
    s = best;
  }
  return TN_OK;
}
