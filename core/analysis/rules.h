/* Token-pattern rules: a compact pattern language compiled, for a whole
 * rule set at once, into one matcher over streams of interned tokens.
 *
 * Pattern literals are interned when rules are added; a token's ids are
 * translated to those once per vocabulary entry, so testing a token against
 * a literal is an integer compare, and rules are indexed by the literal
 * their first token must be. The pattern syntax is documented in
 * scripts/README.md (section tussen.rules); in short:
 *
 *   niet (helemaal)? mee eens          norm literals, an optional group
 *   ambtena* *beleid                   wildcards on the norm
 *   form:Rutte stem:gemeenten          exact surface form; Snowball stem
 *   kind:number /[0-9]+e/ form:/ja+/i  token kind; anchored POSIX regex
 *   (mee|eens) !niet [] []{0,3}        alternatives, negation, any token, gaps
 *   (?<wie> kind:word)+ zegt           named captures, repetition
 */
#ifndef TN_RULES_H
#define TN_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/intern.h"
#include "util/status.h"

/* ---- token streams ------------------------------------------------------ */

/* What the matcher reads, laid out like the corpus store (store.h) so a
 * document of a store is a view without copying: per token its form id,
 * kind, flags and byte offset; norms and stems through per-type maps. The
 * ids belong to the view's own vocabularies (lex); a rule set translates
 * them to its literals once per type and caches that. */
typedef struct tn_tokview {
  size_t n;
  const uint32_t *form;      /* position -> form id in lex[0] */
  const uint8_t *kind;       /* position -> tn_tok_kind */
  const uint8_t *flags;      /* position -> TN_TOK_* flags (TN_TOK_SENT_END
                                ends a sentence); NULL: one sentence */
  const uint32_t *offset;    /* position -> byte offset; NULL: none */
  const uint32_t *form_norm; /* form id -> norm id in lex[1] (required) */
  const uint32_t *norm_stem; /* norm id -> stem id in lex[2]; NULL: none */
  const tn_intern *lex[3];   /* form, norm and stem vocabularies */
  uint64_t vocab;            /* tn_rules_vocab_id() of these vocabularies,
                                so rule sets keep their caches across
                                calls; 0: unknown, caches are rebuilt */
} tn_tokview;

/* Document `doc` of a corpus store (analysis/store.h) as a view, without
 * copying: the whole corpus is then tokenized once and shared by every
 * rule set. `vocab`: a tn_rules_vocab_id() taken once per store (0 works,
 * but rebuilds the rule set's caches on every call). */
struct tn_store;
tn_tokview tn_rules_store_view(const struct tn_store *s, size_t doc,
                               uint64_t vocab);

/* A number unique in this process, naming one set of vocabularies for the
 * caches of rule sets (a tokstream takes one at init; whoever builds views
 * over a store takes one per store). */
uint64_t tn_rules_vocab_id(void);

/* Appends the normalised form of s (what patterns and tokens are compared
 * on) to out. tn_rules_norm_default is the tokenizer's tn_tok_norm; tests
 * may pass their own. */
typedef tn_status (*tn_rules_normfn)(const char *s, size_t len, tn_buf *out);
tn_status tn_rules_norm_default(const char *s, size_t len, tn_buf *out);

/* A growable token stream with its own vocabularies, for text that is not
 * in a corpus store (a string from Lua, a file being benchmarked). Each new
 * form is normalised and stemmed once; a token then costs one lookup. */
typedef struct tn_tokstream {
  size_t n, cap;
  uint32_t *form;
  uint8_t *kind, *flags;
  uint32_t *offset;
  tn_intern lex[3];
  uint32_t *form_norm, *norm_stem;
  size_t form_norm_cap, norm_stem_cap;
  tn_rules_normfn normfn;
  struct sb_stemmer *stemmer;
  tn_buf scratch;
  uint64_t vocab;
  struct tn_formcache *fcache; /* recent forms -> ids, before the hash */
} tn_tokstream;

tn_status tn_tokstream_init(tn_tokstream *ts, tn_rules_normfn normfn);
void tn_tokstream_free(tn_tokstream *ts);
/* Forgets the tokens, keeps the vocabularies (one stream, many texts). */
void tn_tokstream_clear(tn_tokstream *ts);
/* Makes room for `cap` tokens in all. */
tn_status tn_tokstream_reserve(tn_tokstream *ts, size_t cap);
/* Appends one token; `form` is its surface text, flags TN_TOK_* bits. */
tn_status tn_tokstream_push(tn_tokstream *ts, const char *form, size_t len,
                            unsigned kind, unsigned flags, size_t offset);
/* Tokenizes text with the Dutch tokenizer and appends every token, byte
 * offsets relative to text (rules_text.c). */
tn_status tn_tokstream_add_text(tn_tokstream *ts, const char *text,
                                size_t len);
tn_tokview tn_tokstream_view(const tn_tokstream *ts);

/* A long text fed to a stream a piece at a time, each piece ending at a
 * sentence end: rules that stay within sentences (the default, and every
 * dictionary entry) match the same on the pieces as on the whole, and the
 * stream's arrays stay small enough for the caches. */
typedef struct tn_tokfeed {
  struct tn_tokenizer *tok;
  const char *text;
  int started, done;
} tn_tokfeed;

/* Starts feeding text (which must stay alive); the tokenizer is made on
 * first use and kept for the next text. */
tn_status tn_tokfeed_start(tn_tokfeed *f, const char *text, size_t len);
/* Clears the stream's tokens and appends the next piece: tokens up to the
 * first sentence end after `min_tokens` tokens, or to the end of the text.
 * Returns 1 when a piece was added, 0 at the end, or a negative status. */
int tn_tokfeed_next(tn_tokfeed *f, tn_tokstream *ts, size_t min_tokens);
void tn_tokfeed_free(tn_tokfeed *f);

/* ---- rule sets ---------------------------------------------------------- */

typedef struct tn_rules tn_rules;

/* How matches of a rule set may overlap (documented in scripts/README.md):
 * LONGEST: scanning left to right, at each token the longest match of any
 *   rule wins and the scan resumes after it; every rule that matches that
 *   same longest span is reported (rule order), so spans never overlap
 *   but a span may carry several labels.
 * ALL: for every rule and every start token, that rule's longest match;
 *   spans may overlap and nest. */
typedef enum tn_rules_overlap {
  TN_RULES_LONGEST = 0,
  TN_RULES_ALL = 1
} tn_rules_overlap;

/* Rule flags. */
enum {
  TN_RULE_CROSS_SENTENCES = 1u << 0 /* may run past a sentence end */
};

/* Limits that keep compiled patterns small (errors name them). */
#define TN_RULES_MAX_REPEAT 100  /* largest bound in {m,n} */
#define TN_RULES_MAX_PROGRAM 20000 /* instructions per rule */

/* An empty rule set; normfn must be the one the token streams were
 * normalised with (tn_rules_norm_default for the tokenizer's). NULL when
 * memory ran out. */
tn_rules *tn_rules_new(tn_rules_normfn normfn);
void tn_rules_free(tn_rules *rs);

/* Parses and adds one rule. `name` (may be NULL: errors then say "rule N"
 * with its 1-based index) and `label` (NULL: the name) are copied. On a bad
 * pattern returns TN_ESYNTAX with err->message like
 *   rule 'negatie': position 7: expected ')' to close the group opened at 3
 * (positions count characters from 1) and err->offset the byte offset. */
tn_status tn_rules_add(tn_rules *rs, const char *name, const char *pattern,
                       size_t len, const char *label, double weight,
                       unsigned flags, tn_error *err);

void tn_rules_set_overlap(tn_rules *rs, tn_rules_overlap overlap);
tn_rules_overlap tn_rules_get_overlap(const tn_rules *rs);
/* Whether any rule tests stems (then views need norm_stem). */
int tn_rules_uses_stems(const tn_rules *rs);

size_t tn_rules_count(const tn_rules *rs);
const char *tn_rules_name(const tn_rules *rs, size_t rule);  /* "" if none */
const char *tn_rules_label(const tn_rules *rs, size_t rule);
double tn_rules_weight(const tn_rules *rs, size_t rule);
/* Named captures of a rule, in the order their groups open. */
size_t tn_rules_ncaptures(const tn_rules *rs, size_t rule);
const char *tn_rules_capture_name(const tn_rules *rs, size_t rule, size_t k);

/* ---- matching ----------------------------------------------------------- */

typedef struct tn_match {
  uint32_t rule;         /* index in the set, from 0 */
  uint32_t first, last;  /* token positions in the view, inclusive */
  size_t byte_start, byte_end; /* [start, end) in the text (0 without
                                  offsets); the end is the last token's
                                  offset plus its form's length */
  size_t caps;           /* index in tn_matches.caps of capture 0 */
} tn_match;

/* Capture k of match m spans tokens caps[m.caps + 2k] up to (excluding)
 * caps[m.caps + 2k + 1]; both are TN_RULES_NOCAP when the group did not
 * take part in the match. */
#define TN_RULES_NOCAP UINT32_MAX

typedef struct tn_matches {
  tn_match *items;
  size_t n, cap;
  uint32_t *caps;
  size_t ncaps, capcap;
} tn_matches;

void tn_matches_init(tn_matches *m);
void tn_matches_clear(tn_matches *m);
void tn_matches_free(tn_matches *m);

/* Appends the matches of the set in the view to out, ordered by first
 * token, then (ALL) by rule. Adding rules after matching is allowed (the
 * index is rebuilt). Not thread-safe: the set keeps caches that matching
 * fills. Returns TN_OK or TN_ENOMEM. */
tn_status tn_rules_match(tn_rules *rs, const tn_tokview *tv, tn_matches *out);

#endif
