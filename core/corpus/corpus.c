/* The document store: checks on add, parent resolution, id lookup. */
#include "corpus/corpus.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "corpus/idset.h"
#include "util/utf8.h"
#include "util/alloc.h"
#include "util/intern.h"

tn_corpus *tn_corpus_new(void) {
  tn_corpus *c = tn_calloc(1, sizeof *c);
  if (!c) return NULL;
  /* Large blocks: a corpus is mostly text, appended once. */
  tn_arena_init(&c->arena, 1024 * 1024);
  c->input_scale = 1.0;
  return c;
}

void tn_corpus_free(tn_corpus *c) {
  if (!c) return;
  tn_arena_free(&c->arena);
  tn_free(c->docs);
  tn_free(c->children);
  tn_free(c->id_slots);
  for (size_t i = 0; i < c->nsources; i++) tn_free(c->sources[i]);
  tn_free(c->sources);
  tn_free(c);
}

/* ---- id index ------------------------------------------------------------ */

static long id_lookup(const tn_corpus *c, const char *id, size_t len,
                      uint32_t h, size_t *slot_out) {
  size_t mask = c->id_nslots - 1;
  size_t i = h & mask;
  for (;;) {
    const struct tn_id_slot *slot = &c->id_slots[i];
    if (slot->index1 == 0) {
      if (slot_out) *slot_out = i;
      return -1;
    }
    if (slot->hash == h) {
      const tn_doc *d = &c->docs[slot->index1 - 1];
      if (d->id.len == len && memcmp(d->id.ptr, id, len) == 0)
        return slot->index1 - 1;
    }
    i = (i + 1) & mask;
  }
}

/* Grows (or rebuilds) the index. Growing reuses the stored hashes; after
 * documents were dropped (`from_docs`) the ids are hashed again. */
static int id_rehash_from(tn_corpus *c, size_t nslots, int from_docs) {
  struct tn_id_slot *slots = tn_calloc(nslots, sizeof *slots);
  if (!slots) return -1;
  size_t mask = nslots - 1;
  if (from_docs) {
    for (size_t k = 0; k < c->ndocs; k++) {
      const tn_doc *d = &c->docs[k];
      uint32_t h = tn_hash_bytes(d->id.ptr, d->id.len);
      size_t i = h & mask;
      while (slots[i].index1) i = (i + 1) & mask;
      slots[i].index1 = (uint32_t)k + 1;
      slots[i].hash = h;
    }
  } else {
    for (size_t o = 0; o < c->id_nslots; o++) {
      if (!c->id_slots[o].index1) continue;
      size_t i = c->id_slots[o].hash & mask;
      while (slots[i].index1) i = (i + 1) & mask;
      slots[i] = c->id_slots[o];
    }
  }
  tn_free(c->id_slots);
  c->id_slots = slots;
  c->id_nslots = nslots;
  return 0;
}

static int id_rehash(tn_corpus *c, size_t nslots) {
  return id_rehash_from(c, nslots, 0);
}

long tn_corpus_find(const tn_corpus *c, const char *id, size_t len) {
  if (c->id_nslots == 0) return -1;
  return id_lookup(c, id, len, tn_hash_bytes(id, len), NULL);
}

/* ---- the report ---------------------------------------------------------- */

const char *tn_skip_reason_name(tn_skip_reason reason) {
  switch (reason) {
  case TN_SKIP_NONE: return "not skipped";
  case TN_SKIP_DUPLICATE_ID: return "duplicate id";
  case TN_SKIP_MISSING_TEXT: return "missing text";
  case TN_SKIP_UNKNOWN_PARENT: return "unknown parent";
  case TN_SKIP_PARENT_CYCLE: return "in a parent cycle";
  case TN_SKIP_INVALID_UTF8: return "invalid UTF-8";
  case TN_SKIP_BROKEN_RECORD: return "broken record";
  case TN_SKIP_BAD_FIELD: return "field of the wrong type";
  case TN_SKIP_EMPTY_ID: return "empty id";
  case TN_SKIP_REASON_COUNT: break;
  }
  return "unknown reason";
}

static const char *reason_plural(tn_skip_reason reason) {
  switch (reason) {
  case TN_SKIP_DUPLICATE_ID: return "duplicate ids";
  case TN_SKIP_UNKNOWN_PARENT: return "unknown parents";
  case TN_SKIP_BROKEN_RECORD: return "broken records";
  case TN_SKIP_BAD_FIELD: return "fields of the wrong type";
  case TN_SKIP_EMPTY_ID: return "empty ids";
  default: return tn_skip_reason_name(reason);
  }
}

void tn_load_report_init(tn_load_report *r) { memset(r, 0, sizeof *r); }

void tn_load_report_free(tn_load_report *r) {
  for (size_t i = 0; i < r->ndiags; i++) {
    tn_free(r->diags[i].doc_id);
    tn_free(r->diags[i].file);
    tn_free(r->diags[i].message);
  }
  tn_free(r->diags);
  memset(r, 0, sizeof *r);
}

static tn_status add_diag(tn_load_report *r, tn_severity severity,
                          tn_skip_reason reason, const char *file,
                          uint64_t line, uint64_t offset, int has_offset,
                          const char *doc_id, const char *fmt, va_list ap)
    __attribute__((format(printf, 9, 0)));
static tn_status add_diag(tn_load_report *r, tn_severity severity,
                          tn_skip_reason reason, const char *file,
                          uint64_t line, uint64_t offset, int has_offset,
                          const char *doc_id, const char *fmt, va_list ap) {
  if (tn_grow((void **)&r->diags, &r->cap, r->ndiags + 1, sizeof *r->diags))
    return TN_ENOMEM;
  tn_buf msg = TN_BUF_INIT;
  if (tn_buf_vprintf(&msg, fmt, ap) != 0) return TN_ENOMEM;
  char *id = NULL, *fname = NULL;
  if ((doc_id && !(id = tn_strndup(doc_id, strlen(doc_id)))) ||
      (file && !(fname = tn_strndup(file, strlen(file))))) {
    tn_free(id);
    tn_buf_free(&msg);
    return TN_ENOMEM;
  }
  tn_diagnostic *d = &r->diags[r->ndiags++];
  d->severity = severity;
  d->reason = reason;
  d->file = fname;
  d->line = line;
  d->offset = offset;
  d->has_offset = has_offset;
  d->doc_id = id;
  d->message = msg.data;
  return TN_OK;
}

tn_status tn_report_skip(tn_load_report *r, tn_skip_reason reason,
                         const char *file, uint64_t line, uint64_t offset,
                         int has_offset, const char *doc_id, const char *fmt,
                         ...) {
  r->read++;
  r->skipped++;
  r->by_reason[reason]++;
  va_list ap;
  va_start(ap, fmt);
  tn_status st = add_diag(r, TN_ERROR, reason, file, line, offset, has_offset,
                          doc_id, fmt, ap);
  va_end(ap);
  return st;
}

tn_status tn_report_note(tn_load_report *r, tn_severity severity,
                         const char *file, uint64_t line, const char *fmt,
                         ...) {
  va_list ap;
  va_start(ap, fmt);
  tn_status st =
      add_diag(r, severity, TN_SKIP_NONE, file, line, 0, 0, NULL, fmt, ap);
  va_end(ap);
  return st;
}

/* A located warning about a document that is kept. */
static tn_status warn_at(tn_load_report *r, const char *file, uint64_t line,
                         uint64_t offset, const char *doc_id, const char *fmt,
                         ...) __attribute__((format(printf, 6, 7)));
static tn_status warn_at(tn_load_report *r, const char *file, uint64_t line,
                         uint64_t offset, const char *doc_id, const char *fmt,
                         ...) {
  va_list ap;
  va_start(ap, fmt);
  tn_status st = add_diag(r, TN_WARNING, TN_SKIP_NONE, file, line, offset, 1,
                          doc_id, fmt, ap);
  va_end(ap);
  return st;
}

/* A document that was counted as used and is now dropped (parents are only
 * checked once everything is read). */
static tn_status unuse(tn_load_report *r, tn_skip_reason reason,
                       const tn_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static tn_status unuse(tn_load_report *r, tn_skip_reason reason,
                       const tn_doc *d, const char *fmt, ...) {
  r->used--;
  r->skipped++;
  r->by_reason[reason]++;
  va_list ap;
  va_start(ap, fmt);
  tn_status st = add_diag(r, TN_ERROR, reason, d->source, d->line, 0, 0,
                          d->id.ptr, fmt, ap);
  va_end(ap);
  return st;
}

void tn_load_report_summary(const tn_load_report *r, tn_buf *out) {
  tn_buf_printf(out, "read %llu document%s from %llu file%s: used %llu, "
                     "skipped %llu",
                (unsigned long long)r->read, r->read == 1 ? "" : "s",
                (unsigned long long)r->files, r->files == 1 ? "" : "s",
                (unsigned long long)r->used, (unsigned long long)r->skipped);
  if (r->skipped) {
    const char *sep = " (";
    for (int k = 1; k < TN_SKIP_REASON_COUNT; k++) {
      if (!r->by_reason[k]) continue;
      tn_buf_printf(out, "%s%llu %s", sep,
                    (unsigned long long)r->by_reason[k],
                    r->by_reason[k] == 1 ? tn_skip_reason_name((tn_skip_reason)k)
                                         : reason_plural((tn_skip_reason)k));
      sep = ", ";
    }
    tn_buf_puts(out, ")");
  }
  if (r->repaired)
    tn_buf_printf(out, "; repaired invalid UTF-8 in %llu document%s",
                  (unsigned long long)r->repaired,
                  r->repaired == 1 ? "" : "s");
}

/* ---- adding documents ---------------------------------------------------- */

static const char *intern_source(tn_corpus *c, const char *source) {
  if (!source) source = "-";
  if (c->nsources && strcmp(c->sources[c->nsources - 1], source) == 0)
    return c->sources[c->nsources - 1];
  for (size_t i = 0; i < c->nsources; i++)
    if (strcmp(c->sources[i], source) == 0) return c->sources[i];
  if (tn_grow((void **)&c->sources, &c->sources_cap, c->nsources + 1,
              sizeof *c->sources))
    return NULL;
  char *copy = tn_strndup(source, strlen(source));
  if (!copy) return NULL;
  c->sources[c->nsources++] = copy;
  return copy;
}

static int copy_str(tn_corpus *c, tn_str *dst, tn_str src) {
  if (!src.ptr) {
    dst->ptr = NULL;
    dst->len = 0;
    return 0;
  }
  char *p = tn_arena_strndup(&c->arena, src.ptr, src.len);
  if (!p) return -1;
  dst->ptr = p;
  dst->len = src.len;
  return 0;
}

static int is_blank(tn_str s) {
  for (size_t i = 0; i < s.len; i++) {
    unsigned char ch = (unsigned char)s.ptr[i];
    if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f' &&
        ch != '\v')
      return 0;
  }
  return 1;
}

/* Names the field of the first invalid byte of a document (and that
 * field's bytes), or returns NULL when all its strings are valid. */
static const char *find_invalid(const tn_doc_input *in, tn_str *where,
                                char *name, size_t size) {
  struct {
    const char *name;
    tn_str s;
  } fields[] = {{"id", in->id},         {"text", in->text},
                {"kind", in->kind},     {"parent", in->parent},
                {"title", in->title},   {"author", in->author},
                {"date", in->date}};
  for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
    if (!fields[k].s.ptr) continue;
    if (tn_utf8_valid_prefix(fields[k].s.ptr, fields[k].s.len) <
        fields[k].s.len) {
      *where = fields[k].s;
      return fields[k].name;
    }
  }
  for (uint32_t m = 0; m < in->nmeta; m++) {
    const tn_meta *meta = &in->meta[m];
    if (tn_utf8_valid_prefix(meta->key.ptr, meta->key.len) < meta->key.len) {
      *where = meta->key;
      return "a field name";
    }
    if ((meta->type == TN_VALUE_STRING || meta->type == TN_VALUE_JSON) &&
        tn_utf8_valid_prefix(meta->str.ptr, meta->str.len) < meta->str.len) {
      /* Keys from an importer need not be NUL-terminated. */
      int n = meta->key.len > 60 ? 60 : (int)meta->key.len;
      snprintf(name, size, "%.*s%s", n, meta->key.ptr,
               meta->key.len > 60 ? "..." : "");
      *where = meta->str;
      return name;
    }
  }
  return NULL;
}

/* Where a bad byte is in the file. Exact when the field's bytes lie in
 * the record as read (no escapes, no unquoting); otherwise the first
 * invalid byte of the raw record; otherwise (the bad bytes came from a
 * \u escape) the start of the record. Sets *from_escape in that last
 * case. */
typedef struct bad_spot {
  uint64_t offset, line;
  char what[96];
  int from_escape;
} bad_spot;

static void locate_invalid(const tn_doc_input *in, tn_str field,
                           bad_spot *spot) {
  size_t ok = tn_utf8_valid_prefix(field.ptr, field.len);
  tn_utf8_describe(field.ptr + ok, field.len - ok, spot->what,
                   sizeof spot->what);
  spot->offset = in->offset;
  spot->line = in->line;
  spot->from_escape = 0;
  if (!in->raw) return;
  size_t at;
  if (field.ptr >= in->raw && field.ptr + field.len <= in->raw + in->raw_len) {
    at = (size_t)(field.ptr - in->raw) + ok;
  } else {
    at = tn_utf8_valid_prefix(in->raw, in->raw_len);
    if (at == in->raw_len) {
      spot->from_escape = 1;
      return;
    }
  }
  /* Described from the file's bytes: a field's end is no reason to call
   * a Latin-1 byte "cut off". */
  tn_utf8_describe(in->raw + at, in->raw_len - at, spot->what,
                   sizeof spot->what);
  spot->offset = in->offset + at;
  /* Records can span lines (quoted CSV fields, a text file). */
  for (const char *p = in->raw, *e = in->raw + at; p < e; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n')))
      spot->line++;
}

/* Copies `s` into the arena with bad sequences replaced, adding the number
 * of replacements to *changed. */
static int repair_str(tn_corpus *c, tn_str *s, tn_buf *tmp, int *changed) {
  if (!s->ptr) return 0;
  if (tn_utf8_valid_prefix(s->ptr, s->len) == s->len) return 0;
  tn_buf_clear(tmp);
  long n = tn_utf8_repair(s->ptr, s->len, tmp);
  if (n < 0) return -1;
  char *p = tn_arena_strndup(&c->arena, tmp->data ? tmp->data : "", tmp->len);
  if (!p) return -1;
  s->ptr = p;
  s->len = tmp->len;
  *changed += (int)n;
  return 0;
}

static char *printable_id(const tn_doc_input *in, char *buf, size_t size) {
  if (!in->id.ptr) return NULL;
  size_t n = tn_utf8_valid_prefix(in->id.ptr, in->id.len);
  if (n > size - 1) n = size - 1;
  memcpy(buf, in->id.ptr, n);
  buf[n] = '\0';
  return buf;
}

tn_status tn_corpus_add(tn_corpus *c, const tn_doc_input *input,
                        const tn_load_options *opts, tn_load_report *r) {
  tn_doc_input in = *input;
  char idbuf[128];
  const char *shown_id = printable_id(&in, idbuf, sizeof idbuf);

  tn_str bad = {NULL, 0};
  char namebuf[80];
  const char *bad_field = find_invalid(&in, &bad, namebuf, sizeof namebuf);
  bad_spot spot;
  if (bad_field) locate_invalid(&in, bad, &spot);
  int repaired = 0;
  tn_meta *meta_copy = NULL;
  if (bad_field && opts->utf8 == TN_UTF8_REJECT) {
    return tn_report_skip(
        r, TN_SKIP_INVALID_UTF8, in.source, spot.line, spot.offset, 1,
        shown_id,
        "invalid UTF-8 in \"%s\": %s%s; %s or pass --repair-utf8 to "
        "replace it by U+FFFD",
        bad_field, spot.what, spot.from_escape ? " (from a \\u escape)" : "",
        spot.what[0] == 'a' && strstr(spot.what, "NUL")
            ? "remove it"
            : "fix the encoding (e.g. iconv -f windows-1252 -t utf-8)");
  }

  if (!in.text.ptr)
    return tn_report_skip(r, TN_SKIP_MISSING_TEXT, in.source, in.line, 0, 0,
                          shown_id,
                          "document has no text field; give it a \"text\" "
                          "(or choose the column with --text-column)");
  if (is_blank(in.text))
    return tn_report_skip(r, TN_SKIP_MISSING_TEXT, in.source, in.line, 0, 0,
                          shown_id,
                          "document text is empty (or only white space)");
  if (!in.id.ptr || in.id.len == 0)
    return tn_report_skip(r, TN_SKIP_EMPTY_ID, in.source, in.line, 0, 0,
                          NULL,
                          "document has an empty id; give it one, or leave "
                          "the field out to get FILE:LINE as its id");

  if (c->id_nslots == 0 && id_rehash(c, 1024) != 0) return TN_ENOMEM;
  if ((c->ndocs + 1) * 2 >= c->id_nslots &&
      id_rehash(c, c->id_nslots * 2) != 0)
    return TN_ENOMEM;

  /* Repair before the duplicate check: the repaired id is the real id. */
  tn_buf tmp = TN_BUF_INIT;
  if (bad_field) {
    if (repair_str(c, &in.id, &tmp, &repaired) ||
        repair_str(c, &in.text, &tmp, &repaired) ||
        repair_str(c, &in.kind, &tmp, &repaired) ||
        repair_str(c, &in.parent, &tmp, &repaired) ||
        repair_str(c, &in.title, &tmp, &repaired) ||
        repair_str(c, &in.author, &tmp, &repaired) ||
        repair_str(c, &in.date, &tmp, &repaired))
      goto oom;
    if (in.nmeta) {
      meta_copy = tn_malloc(in.nmeta * sizeof *meta_copy);
      if (!meta_copy) goto oom;
      memcpy(meta_copy, in.meta, in.nmeta * sizeof *meta_copy);
      for (uint32_t m = 0; m < in.nmeta; m++) {
        if (repair_str(c, &meta_copy[m].key, &tmp, &repaired)) goto oom;
        if ((meta_copy[m].type == TN_VALUE_STRING ||
             meta_copy[m].type == TN_VALUE_JSON) &&
            repair_str(c, &meta_copy[m].str, &tmp, &repaired))
          goto oom;
      }
      in.meta = meta_copy;
    }
  }

  size_t slot = 0;
  uint32_t hash = tn_hash_bytes(in.id.ptr, in.id.len);
  long prior = id_lookup(c, in.id.ptr, in.id.len, hash, &slot);
  const char *first_source = NULL;
  uint64_t first_line = 0;
  if (prior >= 0) {
    first_source = c->docs[prior].source;
    first_line = c->docs[prior].line;
  }
  if (prior >= 0 || (c->prior_ids && tn_idset_find(c->prior_ids, in.id.ptr,
                                                    in.id.len, &first_source,
                                                    &first_line))) {
    tn_buf_free(&tmp);
    tn_free(meta_copy);
    return tn_report_skip(r, TN_SKIP_DUPLICATE_ID, in.source, in.line, 0, 0,
                          shown_id,
                          "duplicate id (first used at %s:%llu); give each "
                          "document a unique id",
                          first_source, (unsigned long long)first_line);
  }

  if (tn_grow((void **)&c->docs, &c->cap, c->ndocs + 1, sizeof *c->docs))
    goto oom;
  tn_doc *d = &c->docs[c->ndocs];
  memset(d, 0, sizeof *d);
  if (!in.kind.ptr && opts->kind) {
    in.kind.ptr = opts->kind;
    in.kind.len = strlen(opts->kind);
  }
  if (copy_str(c, &d->id, in.id) || copy_str(c, &d->text, in.text) ||
      copy_str(c, &d->kind, in.kind) || copy_str(c, &d->parent, in.parent) ||
      copy_str(c, &d->title, in.title) || copy_str(c, &d->author, in.author) ||
      copy_str(c, &d->date, in.date))
    goto oom;
  if (in.nmeta) {
    d->meta = tn_arena_alloc(&c->arena, in.nmeta * sizeof *d->meta);
    if (!d->meta) goto oom;
    for (uint32_t m = 0; m < in.nmeta; m++) {
      d->meta[m] = in.meta[m];
      if (copy_str(c, &d->meta[m].key, in.meta[m].key) ||
          copy_str(c, &d->meta[m].str, in.meta[m].str))
        goto oom;
    }
    d->nmeta = in.nmeta;
  }
  d->source = intern_source(c, in.source);
  if (!d->source) goto oom;
  d->line = in.line;
  d->parent_index = -1;
  c->id_slots[slot].index1 = (uint32_t)c->ndocs + 1;
  c->id_slots[slot].hash = hash;
  c->ndocs++;
  if (c->on_add)
    c->on_add(c->on_add_ud, c->ndocs,
              c->input_base +
                  (unsigned long long)((double)in.offset * c->input_scale));
  r->read++;
  r->used++;
  tn_buf_free(&tmp);
  tn_free(meta_copy);
  if (repaired) {
    r->repaired++;
    return warn_at(r, in.source, spot.line, spot.offset, d->id.ptr,
                   "replaced %d invalid UTF-8 sequence%s by U+FFFD "
                   "(--repair-utf8); the first: %s%s, in \"%s\"",
                   repaired, repaired == 1 ? "" : "s", spot.what,
                   spot.from_escape ? " (from a \\u escape)" : "", bad_field);
  }
  return TN_OK;
oom:
  tn_buf_free(&tmp);
  tn_free(meta_copy);
  return TN_ENOMEM;
}

/* ---- parents ------------------------------------------------------------- */

/* Removes documents flagged in `drop`, keeping order, and rebuilds the id
 * index. */
static tn_status compact(tn_corpus *c, const unsigned char *drop) {
  size_t w = 0;
  for (size_t k = 0; k < c->ndocs; k++)
    if (!drop[k]) c->docs[w++] = c->docs[k];
  c->ndocs = w;
  return id_rehash_from(c, c->id_nslots ? c->id_nslots : 1024, 1) ? TN_ENOMEM
                                                                 : TN_OK;
}

tn_status tn_corpus_finish(tn_corpus *c, const tn_load_options *opts,
                           tn_load_report *r) {
  size_t n = c->ndocs;
  if (n == 0) {
    c->finished = 1;
    return TN_OK;
  }
  unsigned char *drop = tn_calloc(n, 1);
  unsigned char *state = tn_calloc(n, 1); /* 0 new, 1 on path, 2 done */
  if (!drop || !state) {
    tn_free(drop);
    tn_free(state);
    return TN_ENOMEM;
  }
  tn_status st = TN_OK;
  /* Unknown parents. Dropping a document can orphan its children, so
   * repeat until nothing changes. */
  int changed = 1;
  while (changed && st == TN_OK) {
    changed = 0;
    for (size_t k = 0; k < n && st == TN_OK; k++) {
      tn_doc *d = &c->docs[k];
      if (drop[k] || !d->parent.ptr || d->parent.len == 0) continue;
      long p = tn_corpus_find(c, d->parent.ptr, d->parent.len);
      if (p >= 0 && !drop[p]) {
        d->parent_index = (int32_t)p;
        continue;
      }
      d->parent_index = -1;
      if (opts->orphans == TN_ORPHANS_KEEP) {
        if (state[k] == 0)
          st = tn_report_note(r, TN_WARNING, d->source, d->line,
                              "document \"%s\": parent \"%s\" is not in the "
                              "corpus; kept without a parent (--orphans=keep)",
                              d->id.ptr, d->parent.ptr);
        state[k] = 3;
        continue;
      }
      drop[k] = 1;
      changed = 1;
      st = unuse(r, TN_SKIP_UNKNOWN_PARENT, d,
                 "parent \"%s\" is not in the corpus%s; load the file that "
                 "holds it, or pass --orphans=keep",
                 d->parent.ptr, p >= 0 ? " (it was skipped)" : "");
    }
  }
  /* Cycles: follow parents; a document met again on the current path
   * closes a cycle, and every document on it is dropped. */
  for (size_t k = 0; k < n; k++)
    if (state[k] == 3) state[k] = 0;
  for (size_t k = 0; k < n && st == TN_OK; k++) {
    if (drop[k] || state[k]) continue;
    size_t cur = k;
    int cycle = 0;
    for (;;) {
      if (drop[cur] || state[cur] == 2) break;
      if (state[cur] == 1) {
        cycle = 1;
        break;
      }
      state[cur] = 1;
      if (c->docs[cur].parent_index < 0) break;
      cur = (size_t)c->docs[cur].parent_index;
    }
    if (cycle) {
      size_t m = cur;
      do {
        drop[m] = 1;
        st = unuse(r, TN_SKIP_PARENT_CYCLE, &c->docs[m],
                   "its parent chain leads back to itself (through \"%s\"); "
                   "fix the parent fields",
                   c->docs[cur].id.ptr);
        m = (size_t)c->docs[m].parent_index;
      } while (m != cur && st == TN_OK);
    }
    for (cur = k; state[cur] == 1;) {
      state[cur] = 2;
      if (c->docs[cur].parent_index < 0) break;
      cur = (size_t)c->docs[cur].parent_index;
    }
  }
  /* Descendants of dropped cycle members lose their parent too. */
  changed = 1;
  while (changed && st == TN_OK) {
    changed = 0;
    for (size_t k = 0; k < n && st == TN_OK; k++) {
      tn_doc *d = &c->docs[k];
      if (drop[k] || d->parent_index < 0 || !drop[d->parent_index]) continue;
      if (opts->orphans == TN_ORPHANS_KEEP) {
        d->parent_index = -1;
        st = tn_report_note(r, TN_WARNING, d->source, d->line,
                            "document \"%s\": parent \"%s\" was skipped; "
                            "kept without a parent (--orphans=keep)",
                            d->id.ptr, d->parent.ptr);
        continue;
      }
      drop[k] = 1;
      changed = 1;
      st = unuse(r, TN_SKIP_UNKNOWN_PARENT, d,
                 "parent \"%s\" was skipped; fix it, or pass --orphans=keep",
                 d->parent.ptr);
    }
  }
  tn_free(state);
  if (st == TN_OK) {
    /* Indices shift when documents are dropped: remap parents. */
    uint32_t *newpos = tn_malloc(n * sizeof *newpos);
    if (!newpos) st = TN_ENOMEM;
    if (st == TN_OK) {
      uint32_t w = 0;
      for (size_t k = 0; k < n; k++) newpos[k] = drop[k] ? UINT32_MAX : w++;
      for (size_t k = 0; k < n; k++) {
        tn_doc *d = &c->docs[k];
        if (!drop[k] && d->parent_index >= 0)
          d->parent_index = (int32_t)newpos[d->parent_index];
      }
      tn_free(newpos);
      st = compact(c, drop);
    }
  }
  tn_free(drop);
  if (st != TN_OK) return st;
  /* Children lists, grouped by parent, each in corpus order. */
  n = c->ndocs;
  tn_free(c->children);
  c->children = tn_malloc((n ? n : 1) * sizeof *c->children);
  if (!c->children) return TN_ENOMEM;
  for (size_t k = 0; k < n; k++) c->docs[k].nchildren = 0;
  for (size_t k = 0; k < n; k++)
    if (c->docs[k].parent_index >= 0) c->docs[c->docs[k].parent_index].nchildren++;
  uint32_t start = 0;
  for (size_t k = 0; k < n; k++) {
    c->docs[k].first_child = start;
    start += c->docs[k].nchildren;
    c->docs[k].nchildren = 0;
  }
  for (size_t k = 0; k < n; k++) {
    int32_t p = c->docs[k].parent_index;
    if (p < 0) continue;
    tn_doc *pd = &c->docs[p];
    c->children[pd->first_child + pd->nchildren++] = (uint32_t)k;
  }
  c->finished = 1;
  return TN_OK;
}
