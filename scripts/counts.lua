-- counts: the term counts of a corpus, whole and per group, with document
-- frequencies and rates per million. The same tables come from partial
-- results: `tussen map` on parts of a corpus (on any machines), `tussen
-- merge --report` on the parts gives these bytes for the whole corpus
-- (a test holds the two identical).

local tussen = require("tussen")

-- two decimals, as tussen merge --report rounds
local function per_million(count, tokens)
  if tokens == 0 then return 0.0 end
  local r = math.floor(count * 1e6 / tokens * 100 + 0.5) / 100
  return r == 0 and 0.0 or r
end

return {
  description = [[
Term counts of a corpus and of each group, with documents and rate per million.
The top terms of the whole corpus and of each group (a document field, kind
by default), with the number of documents holding each and its rate per
million counted tokens; no stopwords are left out.
Order is count descending, then term (byte order); groups in byte order.
For corpora spread over files or machines: 'tussen map' each part, then
'tussen merge --report' on the parts writes the same report.]],
  categories = {"frequency", "summary"},
  author = "tussen",
  license = "MIT",
  args = {
    by = {type = "string", default = "norm", choices = {"form", "norm", "stem", "norm2"},
          help = "count surface forms, normalised forms, stems, or pairs of norms"},
    top = {type = "integer", default = 20, help = "rows per list"},
    kinds = {type = "string", default = "word,hashtag,mention",
             help = "token kinds to count (as tussen map --kinds)"},
    group = {type = "string", default = "kind", help = "document field to group by"},
  },

  -- JSON Lines, CSV and TSV files are read in one streaming pass
  corpus = "stream",

  run = function(ctx)
    local a = ctx.args
    if a.top < 0 then error("counts: top must be 0 or more", 0) end
    local by, n = a.by, 1
    if by == "norm2" then by, n = "norm", 2 end
    local all, grouped, store
    if n == 1 then
      -- one streaming pass: memory follows the vocabulary, not the corpus
      local scan = ctx.corpus:scan({by = by, kinds = a.kinds, group = a.group,
                                    tokens = false})
      all, grouped, store = scan:count(), scan:count({group = true}), scan:totals()
    else
      local corpus = ctx.corpus:load()
      local opts = {by = by, n = n, kinds = a.kinds}
      all = corpus:count(opts)
      opts.group = a.group
      grouped = corpus:count(opts)
      store = corpus:store()
    end

    local counted = all:groups()[1].tokens
    local top_terms = {}
    for i, r in ipairs(all:rows()) do
      if i > a.top then break end
      top_terms[i] = {rank = i, term = r.term, count = r.count, docs = r.docs,
                      per_million = per_million(r.count, counted)}
    end

    local groups = grouped:groups()
    table.sort(groups, function(x, y) return x.name < y.name end)
    local group_rows = {}
    for _, g in ipairs(groups) do
      for i, r in ipairs(grouped:rows(g.name)) do
        if i > a.top then break end
        group_rows[#group_rows + 1] = {group = g.name, rank = i, term = r.term,
                                       count = r.count, docs = r.docs,
                                       per_million = per_million(r.count, g.tokens)}
      end
    end

    local summary = {documents = store.documents, sentences = store.sentences,
                     tokens = store.tokens, counted = counted,
                     types = all:groups()[1].types, by = a.by, groups = #groups}
    return tussen.record({
      summary = tussen.record(summary, {"documents", "sentences", "tokens",
                                        "counted", "types", "by", "groups"}),
      top_terms = tussen.table(top_terms, {"rank", "term", "count", "docs",
                                           "per_million"}),
      groups = tussen.table(group_rows, {"group", "rank", "term", "count",
                                         "docs", "per_million"}),
    }, {"summary", "top_terms", "groups"})
  end,
}
