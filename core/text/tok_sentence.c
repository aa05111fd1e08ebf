/* Sentence and paragraph ends: whether a sentence ends after the token at
 * the head of the tokenizer's lookahead ring.
 *
 * Decision rules (tests/data/README-tokenizer.md says the same for users;
 * tests/data/tokenizer-conformance.tsv shows each with examples):
 *
 * Sentence ends. A paragraph (ended by a blank line, a form feed, U+2029 or
 * the end of the text) always ends a sentence. Inside a paragraph a
 * sentence ends after a terminal mark (. ! ? ?! ... …) or an abbreviation
 * of class FINAL (enz. etc. e.d. jl. mln. pct.), together with the closing quotes,
 * brackets, emoticons and emoji that follow it (they belong to the sentence
 * they close), when the next token
 *  - starts with a capital, a digit, a letter without case, or is an
 *    apostrophe clitic ('t Is ...), a dash or another symbol; or
 *  - is an opening quote or bracket (,, „ “ " ( ...).
 * A lowercase word after it continues the sentence ("Wat?" vroeg hij; en
 * toen ... was het weg). Abbreviations of class MID (bijv. o.a. nr.) and
 * TITLE (dhr. Dr. St. and initials) never end a sentence inside a
 * paragraph: a capital after them is a name; except that an initial or a
 * dotted capital abbreviation (V.S., B.V.) followed by a sentence starter
 * that is no name (Hij, Het, Maar, Daar, ...) ends one. A typewriter or typographic
 * closing quote ('' ” ») followed by a capital ends a sentence even
 * without a terminal mark. An opening quote after a terminal mark starts a
 * new sentence unless a lowercase word follows it. At a single line break
 * a sentence also ends before a list item (a line starting with - * • – or
 * 1. 1); the period after such a number ends nothing), and after a
 * heading: a line of at most 60 bytes that is the whole sentence so far,
 * does not end in , ; : ( a hyphen or a function word (de, van, en, ...),
 * followed by a line starting with a capital or digit. Hyphenation at a
 * line end (bestuurs-\nvorm) is left alone: two tokens, no break.
 * Straight quotes " and ' are opening or closing by where the spaces are;
 * spaced on both sides they close right after a terminal mark, else they
 * alternate within the paragraph.
 */
#include <string.h>

#include "text/tok_internal.h"

/* Closers after a terminal mark looked at; a longer run is cut off. */
#define MAX_CLOSERS 24

/* Is slot n a list item marker at the start of its line (- * • – or a
 * number followed by . or ))? */
static int list_item(tn_tokenizer *t, unsigned i) {
  tok_slot *n = tn_tokx_peek(t, i);
  if (!n || !(n->ax & AX_LINE0)) return 0;
  if (n->t.kind == TN_TOK_NUMBER) {
    tok_slot *m = tn_tokx_peek(t, i + 1);
    if (!m || m->t.len != 1) return 0;
    char c = t->s[m->t.start];
    return (c == '.' || c == ')') && !(n->t.flags & TN_TOK_SPACE_AFTER);
  }
  return (n->ax & AX_LIST) != 0;
}

/* Does the token at slot i start a new sentence after a terminal mark? */
static int starts_sentence(tn_tokenizer *t, unsigned i) {
  tok_slot *n = tn_tokx_peek(t, i);
  if (!n) return 1;
  if (n->ax & AX_OPEN) {
    /* A quote opens the next sentence unless a lowercase word follows:
     * "... wist Jansen. ,,wij waren ..." goes on. A bracket always opens
     * one: (zie ook ...) after a sentence is a sentence of its own. */
    char c = t->s[n->t.start];
    if (c == '(' || c == '[') return 1;
    tok_slot *m = tn_tokx_peek(t, i + 1);
    return !m || !(m->ax & AX_LOWER);
  }
  if (n->ax & (AX_UPPER | AX_DIGIT | AX_CLITIC)) return 1;
  if (n->ax & AX_LOWER) return 0;
  if (n->ax & AX_SOFT) return (n->ax & AX_LIST) != 0;
  return n->t.kind != TN_TOK_WORD;
}

/* Articles, prepositions and conjunctions end no heading: a short line
 * ending in one is running text ("Hij liep naar de\nVerenigde Staten"). */
static int function_word(const char *w, size_t n) {
  static const char *const words[] = {
      "aan", "als", "bij", "dat", "de", "die", "door", "een", "en", "het",
      "in", "met", "naar", "of", "om", "op", "over", "te", "tot", "uit",
      "van", "voor", "zijn", "is", "was", "maar", "want", "dus", "er"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) return 1;
  return 0;
}

/* Capitalised words that begin sentences and are never part of a name:
 * after an initial they mean the initial was a sentence's last word. */
static int sentence_starter(const char *w, size_t n) {
  static const char *const words[] = {
      "Als",   "Bovendien", "Daar", "Daarna", "Daarom", "Dan",  "Dat",
      "Deze",  "Die",       "Dit",  "Dus",    "Een",    "Er",   "Het",
      "Hier",  "Hij",       "Hoe",  "Ik",     "Je",     "Maar", "Nu",
      "Omdat", "Ook",       "Toch", "Toen",   "Volgens", "Want", "Wat",
      "We",    "Wie",       "Wij",  "Ze",     "Zij"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0) return 1;
  return 0;
}

/* V.S., B.V., N.V.: capitals and periods only (names, not "bijv."). */
static int capital_dotted(const char *w, size_t n) {
  if (n < 3) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((w[i] >= 'A' && w[i] <= 'Z') || w[i] == '.')) return 0;
  return 1;
}

/* Marks slots 0..last decided, with a sentence end on `last` if `brk`. */
void tn_tokx_settle(tn_tokenizer *t, unsigned last, int brk) {
  for (unsigned i = 0; i <= last; i++)
    t->ring[(t->head + i) & TOK_RING_MASK].decided = 1;
  if (brk) t->ring[(t->head + last) & TOK_RING_MASK].t.flags |= TN_TOK_SENT_END;
}

/* Decides the head token (and the closers after it). Returns 0 when done,
 * -1 when the answer depends on text that has not arrived (partial). */
int tn_tokx_decide(tn_tokenizer *t) {
  tok_slot *h = tn_tokx_peek(t, 0);
  if (h->t.flags & TN_TOK_PARA_END) {
    tn_tokx_settle(t, 0, 1);
    return 0;
  }
  int term = (h->ax & AX_TERM) != 0;
  if (h->t.kind == TN_TOK_ABBREV) {
    /* An abbreviation's period ends a sentence for FINAL ones; for
     * initials and dotted capitals (V.S., B.V.) only when a
     * word that starts sentences but is no name follows ("A = B. Hij
     * geeft ..."; "in de V.S. Daar ..."; "P. de Boer" goes on). */
    term = h->abbr == TN_ABBR_FINAL;
    int initial = h->abbr == TN_ABBR_TITLE && h->t.len == 2;
    /* A dotted capital opening its sentence (N.B. Het ...) ends nothing. */
    int dotted = !initial && !t->sent_begins &&
                 capital_dotted(t->s + h->t.start, h->t.len);
    if (!term && (initial || dotted)) {
      tok_slot *n = tn_tokx_peek(t, 1);
      if (!n && t->open_end && t->exhausted) return -1;
      term = n && n->t.kind == TN_TOK_WORD &&
             sentence_starter(t->s + n->t.start, n->t.len);
      /* Names of firms and papers begin with articles (N.V. Het Parool). */
      if (term && dotted && n->t.len == 3 &&
          (memcmp(t->s + n->t.start, "Het", n->t.len) == 0 ||
           memcmp(t->s + n->t.start, "Een", n->t.len) == 0))
        term = 0;
    }
  }
  if (term) {
    /* Closers and trailing emoji belong to the sentence they end. */
    unsigned last = 0;
    for (unsigned i = 1; i < MAX_CLOSERS; i++) {
      tok_slot *c = tn_tokx_peek(t, i);
      if (!c) break;
      if (!(c->ax & (AX_CLOSE | AX_EMO | AX_TERM))) break;
      last = i;
      if (c->t.flags & TN_TOK_PARA_END) break;
    }
    tok_slot *l = tn_tokx_peek(t, last);
    if (l->t.flags & TN_TOK_PARA_END) {
      tn_tokx_settle(t, last, 1);
      return 0;
    }
    tok_slot *n = tn_tokx_peek(t, last + 1);
    if (!n && t->open_end && t->exhausted) return -1;
    int brk = starts_sentence(t, last + 1);
    if (!brk) {
      tn_tokx_settle(t, 0, 0);
      return 0;
    }
    tn_tokx_settle(t, last, 1);
    return 0;
  }
  if (h->ax & AX_QCLOSE) {
    tok_slot *n = tn_tokx_peek(t, 1);
    if (!n && t->open_end && t->exhausted) return -1;
    tn_tokx_settle(t, 0, n && (n->ax & AX_UPPER) && !(n->ax & AX_OPEN));
    return 0;
  }
  if ((h->t.flags & TN_TOK_LINE_END) && !(h->ax & AX_OPEN)) {
    tok_slot *n = tn_tokx_peek(t, 1);
    if (!n && t->open_end && t->exhausted) return -1;
    int brk = 0;
    if (n && list_item(t, 1)) {
      brk = 1;
    } else if (n && (n->ax & (AX_UPPER | AX_DIGIT)) && !(h->ax & AX_SOFT) &&
               h->t.start + h->t.len - h->line_start <= 60 &&
               t->s[h->t.start + h->t.len - 1] != '-') {
      /* A heading: its line is the whole sentence so far, which rules out
       * the lines of wrapped running text. */
      if (t->sent_begins) brk = (h->ax & AX_LINE0) != 0;
      else brk = t->sent_line0 && t->sent_line == h->line_start;
      if (brk && function_word(t->s + h->t.start, h->t.len)) brk = 0;
    }
    tn_tokx_settle(t, 0, brk);
    return 0;
  }
  tn_tokx_settle(t, 0, 0);
  return 0;
}
