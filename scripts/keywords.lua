-- keywords: what a corpus is about. Top terms of the corpus, of each group
-- and document; keyness of one group against another (comments against the
-- article by default) or against a reference corpus; collocations of the
-- top terms; KWIC lines for the top keywords.
-- Every count is done in C (one streaming pass for single terms, the token
-- store for n-grams); this script only chooses what to count and shapes
-- the result.

local tussen = require("tussen")
local stats = tussen.stats

-- Scores are rounded so every format shows the same, readable digits.
local function round(x, digits)
  if x == nil then return nil end
  local m = 10 ^ digits
  local r = math.floor(x * m + 0.5) / m
  return r == 0 and 0.0 or r
end

local function log_args(a)
  return string.format("by=%s n=%d min=%d top=%d", a.by, a.n, a.min, a.top)
end

-- The stopword set: the project's list unless replaced, plus any extra list.
local function stopword_set(a)
  if a.no_stopwords then return nil end
  local sources = {a.stopwords or "stopwords-nl.txt"}
  if a.extra_stopwords then sources[#sources + 1] = a.extra_stopwords end
  return stats.stopwords(table.unpack(sources))
end

-- Which groups to compare: the args, else comment vs article when the
-- grouping has both, else the first two groups in corpus order.
local function pick_pair(groups, a)
  local names = {}
  for _, g in ipairs(groups) do names[g.name] = true end
  if a.target or a.reference then
    local t, r = a.target, a.reference
    if not t or not r then
      error("keywords: give both --arg target=GROUP and --arg reference=GROUP", 0)
    end
    for _, name in ipairs({t, r}) do
      if not names[name] then
        local list = {}
        for _, g in ipairs(groups) do list[#list + 1] = g.name end
        error(string.format("keywords: no group '%s' in field '%s' (groups: %s)",
                            name, a.group, table.concat(list, ", ")), 0)
      end
    end
    return t, r
  end
  if names.comment and names.article then return "comment", "article" end
  if #groups >= 2 then return groups[1].name, groups[2].name end
  return nil
end

local function keyness_rows(target, reference, opts, label_t, label_r)
  local rows = stats.keyness(target, reference, opts)
  local out = {}
  for i, r in ipairs(rows) do
    out[i] = {target = label_t, reference = label_r, term = r.term,
              freq = r.freq, ref_freq = r.ref_freq, docs = r.docs,
              g2 = round(r.g2, 4), p = round(r.p, 6),
              log_ratio = round(r.log_ratio, 4),
              -- %DIFF of a term the reference lacks is astronomically large
              -- (Gabrielatos & Marchi's 1e-18): left empty, the G² and log
              -- ratio say it
              pct_diff = r.ref_freq > 0 and round(r.pct_diff, 2) or nil}
  end
  return out
end

local function append(list, rows)
  for _, r in ipairs(rows) do list[#list + 1] = r end
end

-- Two ways to count, with one face. Single terms are counted in one
-- streaming pass (corpus:scan / source:scan: C, both cores, memory that
-- follows the vocabulary); n-grams over the loaded corpus's token store.
local function scan_counter(source, a, sw)
  local opts = {by = a.by, stopwords = sw, kinds = a.kinds}
  local function with(extra)
    local o = {}
    for k, v in pairs(opts) do o[k] = v end
    for k, v in pairs(extra) do o[k] = v end
    return o
  end
  local scan = source:scan(with({group = a.group, memory = a.memory}))
  local t = scan:totals()
  local c = {documents = t.documents, tokens = t.tokens, sentences = t.sentences}
  function c.all(o)
    return scan:count({top = o.top, min = o.min, forms = true, dp = o.top ~= nil})
  end
  function c.groups() return scan:count({group = true}) end
  function c.per_doc(top)
    -- a second pass, only for corpora small enough to list per document
    return source:scan(with({group = "id", tokens = false})):count({group = true, top = top})
  end
  function c.reference(ref) return ref:scan(with({tokens = false})):count({}) end
  function c.collocates(nodes, o) return scan:collocates(nodes, o) end
  function c.kwic(term, o) return scan:kwic(term, o) end
  return c
end

local function store_counter(source, a, sw)
  local corpus = source:load()
  local base = {by = a.by, n = a.n, stopwords = sw, kinds = a.kinds}
  local function with(extra)
    local o = {}
    for k, v in pairs(base) do o[k] = v end
    for k, v in pairs(extra) do o[k] = v end
    return o
  end
  local store = corpus:store()
  local c = {documents = store.documents, tokens = store.tokens,
             sentences = store.sentences}
  function c.all(o) return corpus:count(with({top = o.top, min = o.min})) end
  function c.groups() return corpus:count(with({group = a.group})) end
  function c.per_doc(top) return corpus:count(with({group = "id", top = top})) end
  function c.reference(ref) return ref:count(with({})) end
  function c.collocates(nodes, o)
    return corpus:collocates(nodes, {by = a.by, stopwords = sw, kinds = a.kinds,
                                     window = o.window, exact = true,
                                     min = o.min, top = o.top})
  end
  function c.kwic(term, o)
    return corpus:kwic(term, {by = a.by, width = o.width, exact = true,
                              limit = o.limit})
  end
  return c
end

return {
  description = [[
Keywords of a corpus: top terms, keyness, collocations and KWIC lines.
The most frequent terms (stopwords and punctuation left out) with their usual
spelling and their dispersion over documents (Gries's DP); the top terms of
each group and document; the keyness of one group against another (comments
against the article by default) or against a reference corpus, by
log-likelihood G², log ratio and %DIFF (left empty for a term the reference
lacks); the collocates of the top terms (logDice, MI, log-likelihood); KWIC
lines for the top keywords. Order is count (or score) descending, then term.
The formulas and their references are in scripts/README.md.]],
  categories = {"keywords", "frequency", "summary"},
  author = "tussen",
  license = "MIT",
  args = {
    by = {type = "string", default = "norm", choices = {"form", "norm", "stem"},
          help = "count surface forms, normalised forms or Snowball stems"},
    n = {type = "integer", default = 1, choices = {1, 2, 3, 4, 5},
         help = "terms of n words (n-grams)"},
    top = {type = "integer", default = 20, help = "rows per list"},
    min = {type = "integer", default = 2,
           help = "minimum count of a term in the top lists and keyness"},
    stopwords = {type = "file",
                 help = "your own stopword list (replaces scripts/lexicons/stopwords-nl.txt)"},
    extra_stopwords = {type = "file", help = "a list of words to leave out as well"},
    no_stopwords = {type = "boolean", default = false, help = "count every word"},
    kinds = {type = "string", default = "word,hashtag,mention",
             help = "token kinds to count (word, number, abbrev, hashtag, mention, emoji, ... or all)"},
    group = {type = "string", default = "kind",
             help = "document field to group by (kind, author, parent, id, a metadata key)"},
    target = {type = "string", help = "group whose keywords are wanted (default: comment)"},
    reference = {type = "string", help = "group it is compared with (default: article)"},
    reference_corpus = {type = "file",
                        help = "compare the corpus (or --arg target) with this corpus instead"},
    doc_top = {type = "integer", default = 5, help = "top terms per document"},
    max_docs = {type = "integer", default = 50,
                help = "list top terms per document only up to this many documents"},
    collocations = {type = "integer", default = 5,
                    help = "top terms whose collocates are listed"},
    window = {type = "integer", default = 5, help = "collocation window, words each side"},
    kwic = {type = "integer", default = 3, help = "keywords with KWIC lines"},
    lines = {type = "integer", default = 5, help = "KWIC lines per keyword"},
    width = {type = "integer", default = 6, help = "KWIC context, tokens each side"},
    memory = {type = "integer", default = 512,
              help = "MB of the token stream (6 bytes a token, for DP, collocations and KWIC) "
                     .. "kept in memory; the rest goes to a temporary file in $TMPDIR"},
  },

  -- JSON Lines, CSV and TSV files are read in one streaming pass (see
  -- counters above); anything else is loaded first.
  corpus = "stream",

  run = function(ctx)
    local a = ctx.args
    for _, k in ipairs({"top", "min", "doc_top", "max_docs", "collocations",
                        "window", "kwic", "lines", "width", "memory"}) do
      if a[k] < 0 then error(string.format("keywords: %s must be 0 or more", k), 0) end
    end
    local sw = stopword_set(a)
    local counter = a.n == 1 and scan_counter(ctx.corpus, a, sw)
                    or store_counter(ctx.corpus, a, sw)
    tussen.log.info("%s over %d tokens in %d documents", log_args(a),
                    counter.tokens, counter.documents)

    -- The whole corpus, with each term's usual spelling and its dispersion
    -- over the documents (Gries's DP).
    local all = counter.all({top = a.top, min = a.min})
    local totals = all:groups()[1]
    local top_terms = {}
    for i, r in ipairs(all:rows()) do
      if i > a.top or r.count < a.min then break end
      top_terms[i] = {rank = i, term = r.term, form = r.form or r.term,
                      count = r.count, docs = r.docs,
                      per_million = round(r.per_million, 2),
                      dp = round(r.dp, 4)}
    end

    -- Per group.
    -- full lists: keyness needs every count of both groups
    local by_group = counter.groups()
    local group_rows = {}
    for _, g in ipairs(by_group:groups()) do
      local k = 0
      for _, r in ipairs(by_group:rows(g.name, a.top)) do
        if k >= a.top or r.count < a.min then break end
        k = k + 1
        group_rows[#group_rows + 1] = {group = g.name, rank = k, term = r.term,
                                       count = r.count, docs = r.docs,
                                       per_million = round(r.per_million, 2)}
      end
    end

    -- Per document (a short list each), for corpora small enough to read.
    local doc_rows = {}
    if counter.documents <= a.max_docs and a.doc_top > 0 then
      local per_doc = counter.per_doc(a.doc_top)
      for _, g in ipairs(per_doc:groups()) do
        local k = 0
        for _, r in ipairs(per_doc:rows(g.name, a.doc_top)) do
          if k >= a.doc_top then break end
          k = k + 1
          doc_rows[#doc_rows + 1] = {doc = g.name, rank = k, term = r.term,
                                     count = r.count}
        end
      end
    else
      tussen.log.info("%d documents: per-document lists left out "
                      .. "(raise --arg max_docs to see them)", counter.documents)
    end

    -- Keyness.
    local key_rows, keywords = {}, {}
    local kopts = {min = a.min, top = a.top}
    if a.reference_corpus then
      local ref, msg = tussen.corpus.load(a.reference_corpus)
      if not ref then error("keywords: reference corpus: " .. msg, 0) end
      local ref_list = counter.reference(ref)
      -- full lists on both sides (the top list above is cut short)
      local target, label = counter.all({}), "corpus"
      if a.target then
        target, label = by_group, a.target
        kopts.target = a.target
      end
      append(key_rows, keyness_rows(target, ref_list, kopts, label, a.reference_corpus))
    else
      local t, r = pick_pair(by_group:groups(), a)
      if t then
        kopts.target, kopts.reference = t, r
        append(key_rows, keyness_rows(by_group, by_group, kopts, t, r))
        kopts.target, kopts.reference = r, t
        append(key_rows, keyness_rows(by_group, by_group, kopts, r, t))
      else
        tussen.log.info("one group in '%s': no keyness to compute", a.group)
      end
    end
    -- KWIC keywords: the first direction's top keywords, preferring those
    -- found in more than one document of a group that has several (a word
    -- one reader repeats is that reader's, not the group's).
    local target_docs = 1
    for _, g in ipairs(by_group:groups()) do
      if key_rows[1] and g.name == key_rows[1].target then target_docs = g.docs end
    end
    for pass = 1, 2 do
      for _, r in ipairs(key_rows) do
        if #keywords >= a.kwic then break end
        local spread = r.docs >= 2 or target_docs < 2
        if r.target == key_rows[1].target and (spread == (pass == 1)) then
          keywords[#keywords + 1] = r.term
        end
      end
    end
    if #keywords == 0 then
      for i = 1, math.min(a.kwic, #top_terms) do keywords[i] = top_terms[i].term end
    end

    -- Collocates of the top terms.
    local coll_rows, nodes = {}, {}
    for i = 1, math.min(a.collocations, #top_terms) do nodes[i] = top_terms[i].term end
    if #nodes > 0 then
      local rows = counter.collocates(nodes, {window = a.window, min = a.min,
                                              top = 5})
      local rank, prev = 0, nil
      for _, r in ipairs(rows) do
        rank = r.node == prev and rank + 1 or 1
        prev = r.node
        coll_rows[#coll_rows + 1] = {node = r.node, rank = rank, collocate = r.term,
                                     freq = r.freq, coll_freq = r.coll_freq,
                                     logdice = round(r.logdice, 4),
                                     mi = round(r.mi, 4), ll = round(r.ll, 4)}
      end
    end

    -- KWIC lines for the top keywords.
    local kwic_rows = {}
    for _, kw in ipairs(keywords) do
      local lines = counter.kwic(kw, {width = a.width, limit = a.lines})
      for _, l in ipairs(lines) do
        kwic_rows[#kwic_rows + 1] = {keyword = kw, doc = l.doc, left = l.left,
                                     match = l.match, right = l.right}
      end
    end

    local summary = {
      documents = counter.documents, sentences = counter.sentences,
      tokens = counter.tokens, counted = totals.tokens, types = totals.types,
      by = a.by, n = a.n,
      stopwords = sw and "on" or "off",
      group = a.group,
    }
    return tussen.record({
      summary = tussen.record(summary, {"documents", "sentences", "tokens",
                                        "counted", "types", "by", "n",
                                        "stopwords", "group"}),
      top_terms = tussen.table(top_terms, {"rank", "term", "form", "count", "docs",
                                           "per_million", "dp"}),
      groups = tussen.table(group_rows, {"group", "rank", "term", "count", "docs",
                                         "per_million"}),
      documents = tussen.table(doc_rows, {"doc", "rank", "term", "count"}),
      keyness = tussen.table(key_rows, {"target", "reference", "term", "freq",
                                        "ref_freq", "docs", "g2", "p",
                                        "log_ratio", "pct_diff"}),
      collocations = tussen.table(coll_rows, {"node", "rank", "collocate", "freq",
                                              "coll_freq", "logdice", "mi", "ll"}),
      kwic = tussen.table(kwic_rows, {"keyword", "doc", "left", "match", "right"}),
    }, {"summary", "top_terms", "groups", "documents", "keyness", "collocations",
        "kwic"})
  end,
}
