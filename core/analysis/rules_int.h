/* Internals shared by the rule parser, compiler and matcher. */
#ifndef TN_RULES_INT_H
#define TN_RULES_INT_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/rules.h"
#include "util/arena.h"

/* ---- token tests -------------------------------------------------------- */

enum {
  T_NORM,  /* id == norm id */
  T_FORM,  /* id == form id */
  T_STEM,  /* id == stem id */
  T_KIND,  /* id == kind */
  T_ANY,
  T_GLOB,  /* glob on form or norm ('\0' is the wildcard) */
  T_REGEX, /* anchored POSIX ERE on form or norm */
  T_SET    /* any of members */
};

enum { F_FORM, F_NORM };

typedef struct rtest {
  uint8_t op, field, neg;
  uint32_t id;
  char *glob;          /* T_GLOB: arena copy */
  size_t glob_len;
  regex_t *re;         /* T_REGEX: owned */
  uint8_t *memo;       /* T_REGEX: per id 0 unknown, 1 no, 2 yes */
  size_t memo_cap;
  uint32_t *members;   /* T_SET: test indices (arena) */
  uint32_t nmembers;
} rtest;

/* ---- the parse tree ----------------------------------------------------- */

enum { N_TEST, N_SEQ, N_ALT, N_REPEAT, N_CAPTURE };

typedef struct rnode {
  uint8_t type;
  uint32_t pos;          /* byte offset in the pattern, for errors */
  uint32_t test;         /* N_TEST */
  int min, max;          /* N_REPEAT; max < 0: unbounded */
  uint32_t cap;          /* N_CAPTURE: index among the rule's captures */
  struct rnode **kids;   /* N_SEQ, N_ALT: several; REPEAT, CAPTURE: one */
  uint32_t nkids;
} rnode;

/* ---- the program -------------------------------------------------------- */

enum { I_TEST, I_SPLIT, I_JMP, I_SAVE, I_MATCH };

typedef struct rinst {
  uint8_t op;
  uint32_t x, y; /* TEST: test; SPLIT: preferred, other; JMP: x; SAVE: slot */
} rinst;

typedef struct rrule {
  char *name, *label;    /* arena; name "" when none */
  double weight;
  unsigned flags;
  uint32_t prog, nprog;  /* range in rs->prog */
  uint32_t ncaps;
  uint32_t single;       /* UINT32_MAX, or the test of a one-token rule
                            (TEST, MATCH): matched without the VM */
  uint8_t always;        /* indexed in rs->always: its first test may be
                            negated, so being a candidate proves nothing */
  char **capnames;       /* arena */
  uint32_t *first;       /* tests that can consume the first token (arena) */
  uint32_t nfirst;
} rrule;

/* Index lists in CSR form: lists for key k are items[off[k] .. off[k+1]). */
typedef struct rindex {
  uint32_t *off, *items;
  size_t nkeys;
} rindex;

struct tn_rules {
  tn_intern lex;         /* every literal of every rule */
  tn_rules_normfn normfn;
  tn_rules_overlap overlap;
  tn_arena arena;
  rrule *rules;
  size_t nrules, rules_cap;
  rtest *tests;
  size_t ntests, tests_cap;
  rinst *prog;
  size_t nprog, prog_cap;
  struct sb_stemmer *stemmer;
  int uses_stems;
  tn_buf scratch;
  /* The index, rebuilt lazily when rules were added. */
  int indexed;
  rindex by_norm, by_form, by_stem, by_kind;
  uint32_t *glob_first;  /* rules with a glob or regex first test */
  size_t nglob_first;
  /* Per entry of glob_first: the first and last byte its one glob
   * demands of the token (0: none), and on which field; a cheap filter
   * before the glob itself when a new form is seen. */
  struct rglobneed {
    uint8_t first, last, field;
  } *glob_need;
  uint32_t *always;      /* rules with a negated or any-token first test */
  /* Per rule, what the matcher reads for every candidate, packed so a
   * thousand rules fit in the first-level cache. */
  struct rhot {
    uint32_t single;     /* rrule.single */
    uint32_t nslots;     /* 2 x captures */
    uint32_t prog, nlin; /* a plain sequence of nlin TESTs (a phrase)
                            at prog: matched without the VM; else 0 */
    uint8_t always, cross;
  } *hot;
  size_t nalways;
  /* Caches tied to the vocabularies of the last view matched (bound):
   * foreign id -> 0 unknown, 1 absent, own id + 2. */
  const tn_intern *bound[3];
  uint64_t bound_vocab;
  uint32_t *xl[3];
  size_t xl_cap[3];
  /* The candidates a form can start (by its form, norm and stem literals
   * and its glob and regex first tests), per form id of the bound view:
   * 1 + offset in gcache_items of [count, rules in order...]; 0 unknown. */
  uint32_t *gcache;
  size_t gcache_cap;
  uint32_t *gcache_items;
  size_t ngcache_items, gcache_items_cap;
  /* Matcher scratch. */
  uint32_t *stamp;       /* per rule: generation it was last a candidate */
  uint32_t gen;
  uint32_t *cand;
  size_t ncand, cand_cap;
  void *vm;              /* rules_match.c's thread lists */
};

/* rules_parse.c: parses pattern[0..len) into a tree allocated in `arena`,
 * adding tests to rs. On error fills err (message without the rule
 * prefix: "position 7: expected ..."), returns NULL. */
rnode *tn_rules_parse(tn_rules *rs, tn_arena *arena, const char *pattern,
                      size_t len, uint32_t *ncaps, char ***capnames,
                      tn_error *err);

/* rules_compile.c */
tn_status tn_rules_emit(tn_rules *rs, rrule *r, const rnode *root,
                        const char *pattern, size_t len, tn_error *err);
tn_status tn_rules_build_index(tn_rules *rs);
/* The view's norm and stem ids of the token at pos. */
static inline uint32_t tv_norm(const tn_tokview *tv, size_t pos) {
  return tv->form_norm[tv->form[pos]];
}
/* The own id + 2 of a foreign id of field f (0 form, 1 norm, 2 stem), or 1
 * when the rules have no such literal. */
uint32_t tn_rules_xlate_slow(tn_rules *rs, int f, uint32_t id);
static inline uint32_t tn_rules_xlate(tn_rules *rs, int f, uint32_t id) {
  if (id < rs->xl_cap[f] && rs->xl[f][id]) return rs->xl[f][id];
  return tn_rules_xlate_slow(rs, f, id);
}
/* Points the caches at the view's vocabularies, clearing them if those
 * changed. */
void tn_rules_bind(tn_rules *rs, const tn_tokview *tv);
/* Tests a single token (no sentence logic). */
int tn_rules_test(tn_rules *rs, uint32_t t, const tn_tokview *tv, size_t pos);
/* 1-based character position of byte offset `off` in pattern. */
size_t tn_rules_charpos(const char *pattern, size_t off);
/* Stems word (already normalised) into rs->scratch; NULL when out of
 * memory or the stemmer is unavailable. */
const char *tn_rules_stem(struct sb_stemmer **st, const char *w, size_t len,
                          size_t *out_len);

void tn_rules_vm_free(void *vm);

#endif
