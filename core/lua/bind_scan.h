/* corpus:scan, tussen.Scan and tussen.Source (bind_scan.c). */
#ifndef TN_LUA_BIND_SCAN_H
#define TN_LUA_BIND_SCAN_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "lua/internal.h"

/* JSON Lines read per batch by source:scan: small enough that two
 * workers share a file evenly from its first megabytes. */
#define TN_SCAN_BATCH ((size_t)2 << 20)

/* Adds tussen.Scan and tussen.Source, and scan to tussen.Corpus. */
void tn_open_scan(lua_State *L);

/* Pushes the tussen.Source of a streaming run: the files, and the load
 * report its first pass fills (it must outlive the script's run). */
void tn_push_source(lua_State *L, const char *const *paths, size_t n,
                    tn_load_report *report);

#endif
