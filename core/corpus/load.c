/* The loader: walks paths (files and directories), reads and gunzips
 * files, and hands each to the importer its name asks for. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "corpus/corpus.h"
#include "util/alloc.h"

typedef enum { FMT_NONE, FMT_JSONL, FMT_CSV, FMT_TSV, FMT_TEXT } file_format;

static int ends_with(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  if (len < n) return 0;
  for (size_t i = 0; i < n; i++) {
    char a = s[len - n + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return 0;
  }
  return 1;
}

static file_format format_of(const char *name, int *gz) {
  size_t len = strlen(name);
  *gz = ends_with(name, len, ".gz");
  if (*gz) len -= 3;
  if (ends_with(name, len, ".jsonl") || ends_with(name, len, ".ndjson"))
    return FMT_JSONL;
  if (ends_with(name, len, ".csv")) return FMT_CSV;
  if (ends_with(name, len, ".tsv") || ends_with(name, len, ".tab"))
    return FMT_TSV;
  if (ends_with(name, len, ".txt")) return FMT_TEXT;
  return FMT_NONE;
}

tn_status tn_corpus_load_buffer(tn_corpus *c, const char *name,
                                const char *data, size_t len,
                                const tn_load_options *opts,
                                tn_load_report *report, tn_error *err) {
  int gz;
  file_format fmt = format_of(name, &gz);
  switch (fmt) {
  case FMT_JSONL: return tn_import_jsonl(c, name, data, len, opts, report, err);
  case FMT_CSV:
    return tn_import_csv(c, name, data, len, opts->delimiter, opts, report, err);
  case FMT_TSV:
    return tn_import_csv(c, name, data, len,
                         opts->delimiter ? opts->delimiter : '\t', opts,
                         report, err);
  case FMT_TEXT: return tn_import_text(c, name, data, len, opts, report, err);
  case FMT_NONE: break;
  }
  return tn_error_set(err, TN_EFORMAT, name, 0,
                      "unsupported file type; tussen reads .jsonl, .csv, "
                      ".tsv and .txt files (optionally .gz) and directories");
}

/* A file's bytes, read whole into one buffer. Not mapped: a file that
 * shrinks while it is mapped (a log being rotated, a copy in progress)
 * kills the process with SIGBUS, and nothing may crash. One read of the
 * whole size costs little more than a mapping (see tests/bench/load.sh). */
typedef struct file_bytes {
  const char *data;
  size_t len;
  tn_buf buf;
} file_bytes;

static void file_bytes_free(file_bytes *fb) {
  tn_buf_free(&fb->buf);
  memset(fb, 0, sizeof *fb);
}

static tn_status read_plain(const char *path, file_bytes *fb, tn_error *err) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return tn_error_set(err, TN_EIO, path, 0, "cannot open: %s%s",
                        strerror(errno),
                        errno == EACCES ? "; check the file's permissions"
                                        : "");
  struct stat sb;
  size_t want = 1 << 16; /* pipes and /proc files report no size */
  if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
    if ((uint64_t)sb.st_size >= SIZE_MAX / 2) {
      close(fd);
      return tn_error_set(err, TN_ENOMEM, path, 0, "the file is too large");
    }
    want = (size_t)sb.st_size + 1; /* + 1: the read that sees the end */
  }
  for (;;) {
    if (fb->buf.cap - fb->buf.len <= 1 &&
        tn_buf_reserve(&fb->buf, fb->buf.len ? fb->buf.len : want)) {
      close(fd);
      return tn_error_set(err, TN_ENOMEM, path, 0,
                          "out of memory reading %zu bytes",
                          fb->buf.len ? 2 * fb->buf.len : want);
    }
    ssize_t n = read(fd, fb->buf.data + fb->buf.len,
                     fb->buf.cap - fb->buf.len - 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      close(fd);
      return tn_error_set(err, TN_EIO, path, 0, "read error: %s",
                          strerror(saved));
    }
    if (n == 0) break;
    fb->buf.len += (size_t)n;
    fb->buf.data[fb->buf.len] = '\0';
  }
  close(fd);
  fb->data = fb->buf.data ? fb->buf.data : "";
  fb->len = fb->buf.len;
  return TN_OK;
}

static tn_status read_gzip(const char *path, file_bytes *fb, tn_error *err) {
  tn_buf *out = &fb->buf;
  gzFile g = gzopen(path, "rb");
  if (!g)
    return tn_error_set(err, TN_EIO, path, 0, "cannot open: %s%s",
                        errno ? strerror(errno) : "out of memory",
                        errno == EACCES ? "; check the file's permissions"
                                        : "");
  gzbuffer(g, 1 << 17);
  char chunk[1 << 16];
  for (;;) {
    int n = gzread(g, chunk, sizeof chunk);
    if (n < 0) {
      int code;
      const char *msg = gzerror(g, &code);
      tn_status st = tn_error_set_at(
          err, TN_EIO, path, 0, out->len,
          "the gzip data is damaged (%s) after %zu uncompressed bytes; "
          "re-create the file (gzip -t tells whether it is intact)",
          msg, out->len);
      gzclose(g);
      return st;
    }
    if (n == 0) break;
    if (tn_buf_append(out, chunk, (size_t)n)) {
      gzclose(g);
      return tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
    }
  }
  /* zlib reports a stream cut short only through gzclose's status on some
   * versions and through gzerror on others: check both. */
  int code = 0;
  gzerror(g, &code);
  int close_rc = gzclose(g);
  if (code == Z_BUF_ERROR || close_rc == Z_BUF_ERROR)
    return tn_error_set_at(err, TN_EIO, path, 0, out->len,
                           "the gzip file is truncated after %zu uncompressed "
                           "bytes; re-create it (gzip -t tells whether it is "
                           "intact)",
                           out->len);
  fb->data = out->data ? out->data : "";
  fb->len = out->len;
  return TN_OK;
}

/* Text in UTF-16 or UTF-32 would otherwise show up as a flood of NUL
 * bytes: say what it is and how to convert it. */
tn_status tn_corpus_check_encoding(const char *path, const char *data,
                                   size_t len, tn_error *err) {
  const char *enc = NULL;
  if (len >= 4 && memcmp(data, "\xFF\xFE\0\0", 4) == 0) enc = "UTF-32LE";
  else if (len >= 4 && memcmp(data, "\0\0\xFE\xFF", 4) == 0) enc = "UTF-32BE";
  else if (len >= 2 && memcmp(data, "\xFF\xFE", 2) == 0) enc = "UTF-16LE";
  else if (len >= 2 && memcmp(data, "\xFE\xFF", 2) == 0) enc = "UTF-16BE";
  if (!enc) return TN_OK;
  return tn_error_set(err, TN_EUTF8, path, 0,
                      "the file is %s (it starts with that byte order mark); "
                      "tussen reads UTF-8: convert it with iconv -f %s -t "
                      "UTF-8",
                      enc, enc);
}

static tn_status load_file(tn_corpus *c, const char *path,
                           const tn_load_options *opts, tn_load_report *report,
                           tn_error *err) {
  int gz;
  if (format_of(path, &gz) == FMT_NONE)
    return tn_corpus_load_buffer(c, path, "", 0, opts, report, err);
  file_bytes fb;
  memset(&fb, 0, sizeof fb);
  tn_status st = gz ? read_gzip(path, &fb, err) : read_plain(path, &fb, err);
  if (st == TN_OK) st = tn_corpus_check_encoding(path, fb.data, fb.len, err);
  struct stat sb;
  unsigned long long stored = stat(path, &sb) == 0 ? (unsigned long long)sb.st_size
                                                   : fb.len;
  if (st == TN_OK) {
    report->files++;
    uint64_t before = report->read;
    /* Progress counts file bytes: a .gz's offsets are scaled down. */
    c->input_scale = fb.len ? (double)stored / (double)fb.len : 1.0;
    st = tn_corpus_load_buffer(c, path, fb.data, fb.len, opts, report, err);
    c->input_base += stored;
    c->input_scale = 1.0;
    if (st == TN_OK && report->read == before)
      st = tn_report_note(report, TN_WARNING, path, 0,
                          fb.len == 0 ? "empty file: no documents"
                                      : "no documents in this file");
  }
  file_bytes_free(&fb);
  return st;
}

/* Directories already entered, by device and inode, to stop symlink
 * loops. */
typedef struct dir_seen {
  dev_t dev;
  ino_t ino;
} dir_seen;

typedef struct walk {
  dir_seen *seen; /* directories */
  size_t nseen, cap;
  dir_seen *files; /* regular files */
  size_t nfiles, files_cap;
} walk;

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static tn_status load_path(tn_corpus *c, const char *path, walk *w,
                           const tn_load_options *opts, tn_load_report *report,
                           tn_error *err, int top);

static tn_status load_dir(tn_corpus *c, const char *path, const struct stat *sb,
                          walk *w, const tn_load_options *opts,
                          tn_load_report *report, tn_error *err) {
  for (size_t i = 0; i < w->nseen; i++)
    if (w->seen[i].dev == sb->st_dev && w->seen[i].ino == sb->st_ino)
      return tn_report_note(report, TN_WARNING, path, 0,
                            "directory already read (a symbolic link loop?); "
                            "not read again");
  if (tn_grow((void **)&w->seen, &w->cap, w->nseen + 1, sizeof *w->seen))
    return tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
  w->seen[w->nseen].dev = sb->st_dev;
  w->seen[w->nseen].ino = sb->st_ino;
  w->nseen++;

  DIR *d = opendir(path);
  if (!d)
    return tn_error_set(err, TN_EIO, path, 0, "cannot open directory: %s%s",
                        strerror(errno),
                        errno == EACCES ? "; check its permissions" : "");
  char **names = NULL;
  size_t n = 0, cap = 0;
  tn_status st = TN_OK;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue; /* hidden files, "." and ".." */
    if (tn_grow((void **)&names, &cap, n + 1, sizeof *names) ||
        !(names[n] = tn_strndup(e->d_name, strlen(e->d_name)))) {
      st = tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
      break;
    }
    n++;
  }
  closedir(d);
  if (names) qsort(names, n, sizeof *names, name_cmp);
  size_t ignored = 0;
  uint64_t top_files = report->files; /* to tell an empty directory */
  size_t top_seen = w->nfiles;
  tn_buf first_ignored = TN_BUF_INIT;
  tn_buf child = TN_BUF_INIT;
  for (size_t i = 0; i < n && st == TN_OK; i++) {
    tn_buf_clear(&child);
    size_t plen = strlen(path);
    if (tn_buf_append(&child, path, plen) ||
        (plen && path[plen - 1] != '/' && tn_buf_putc(&child, '/')) ||
        tn_buf_puts(&child, names[i])) {
      st = tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
      break;
    }
    struct stat csb;
    int gz;
    if (stat(child.data, &csb) == 0 && !S_ISDIR(csb.st_mode) &&
        format_of(child.data, &gz) == FMT_NONE) {
      if (ignored++ < 3)
        tn_buf_printf(&first_ignored, "%s%s", ignored > 1 ? ", " : "",
                      names[i]);
      continue;
    }
    st = load_path(c, child.data, w, opts, report, err, 0);
  }
  if (st == TN_OK && top_files == report->files && w->nfiles == top_seen)
    st = tn_report_note(report, TN_WARNING, path, 0,
                        "no .jsonl, .csv, .tsv or .txt files (or .gz) in "
                        "this directory");
  if (st == TN_OK && ignored)
    st = tn_report_note(report, TN_NOTE, path, 0,
                        "ignored %zu file%s of other types (%s%s)", ignored,
                        ignored == 1 ? "" : "s", first_ignored.data,
                        ignored > 3 ? ", ..." : "");
  tn_buf_free(&child);
  tn_buf_free(&first_ignored);
  for (size_t i = 0; i < n; i++) tn_free(names[i]);
  tn_free(names);
  return st;
}

static tn_status load_path(tn_corpus *c, const char *path, walk *w,
                           const tn_load_options *opts, tn_load_report *report,
                           tn_error *err, int top) {
  struct stat sb;
  if (stat(path, &sb) != 0) {
    if (!top && errno == ENOENT) /* a dangling symlink inside a directory */
      return tn_report_note(report, TN_WARNING, path, 0,
                            "broken symbolic link; ignored");
    return tn_error_set(err, TN_EIO, path, 0, "cannot open: %s",
                        strerror(errno));
  }
  if (S_ISDIR(sb.st_mode)) return load_dir(c, path, &sb, w, opts, report, err);
  if (S_ISREG(sb.st_mode)) {
    /* The same file twice (named twice, or through a link) would only
     * make every document a duplicate. */
    for (size_t i = 0; i < w->nfiles; i++)
      if (w->files[i].dev == sb.st_dev && w->files[i].ino == sb.st_ino)
        return tn_report_note(report, TN_WARNING, path, 0,
                              "this file was already read; not read again");
    if (tn_grow((void **)&w->files, &w->files_cap, w->nfiles + 1,
                sizeof *w->files))
      return tn_error_set(err, TN_ENOMEM, path, 0, "out of memory");
    w->files[w->nfiles].dev = sb.st_dev;
    w->files[w->nfiles].ino = sb.st_ino;
    w->nfiles++;
  }
  return load_file(c, path, opts, report, err);
}

/* Sums the sizes of the files a load would read; directories are walked
 * as load_dir walks them (hidden entries skipped, loops cut by depth). */
static unsigned long long input_size(const char *path, int depth) {
  struct stat sb;
  if (depth > 64 || stat(path, &sb) != 0) return 0;
  if (!S_ISDIR(sb.st_mode)) {
    int gz;
    return format_of(path, &gz) == FMT_NONE ? 0
                                            : (unsigned long long)sb.st_size;
  }
  DIR *d = opendir(path);
  if (!d) return 0;
  unsigned long long total = 0;
  tn_buf child = TN_BUF_INIT;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    tn_buf_clear(&child);
    if (tn_buf_printf(&child, "%s/%s", path, e->d_name)) break;
    total += input_size(child.data, depth + 1);
  }
  closedir(d);
  tn_buf_free(&child);
  return total;
}

unsigned long long tn_corpus_input_size(const char *const *paths,
                                        size_t npaths) {
  unsigned long long total = 0;
  for (size_t i = 0; i < npaths; i++) total += input_size(paths[i], 0);
  return total;
}

tn_status tn_corpus_load(tn_corpus *c, const char *const *paths, size_t npaths,
                         const tn_load_options *opts, tn_load_report *report,
                         tn_error *err) {
  static const tn_load_options defaults;
  if (!opts) opts = &defaults;
  walk w = {NULL, 0, 0, NULL, 0, 0};
  tn_status st = TN_OK;
  for (size_t i = 0; i < npaths && st == TN_OK; i++)
    st = load_path(c, paths[i], &w, opts, report, err, 1);
  tn_free(w.seen);
  tn_free(w.files);
  if (st != TN_OK) return st;
  st = tn_corpus_finish(c, opts, report);
  if (st == TN_ENOMEM) return tn_error_set(err, st, NULL, 0, "out of memory");
  return st;
}
