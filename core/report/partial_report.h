/* The counts report of a merged partial result (tussen merge --report). */
#ifndef TN_PARTIAL_REPORT_H
#define TN_PARTIAL_REPORT_H

#include <stddef.h>

#include "analysis/partial.h"
#include "report/result.h"

/* The counts report of a merged partial (the same tables as the canned
 * report scripts/counts.lua computes from a corpus): a summary record,
 * the top `top` terms of layer `by` ("form", "norm", "stem" or "norm2")
 * over the whole corpus and per group (count descending, then term in
 * byte order), with documents and rate per million counted tokens.
 * Reads the partial line by line; memory follows the terms of `by`. */
tn_status tn_partial_report(tn_partial_src *src, const char *by, size_t top,
                            tn_result *res, tn_error *err);

#endif
