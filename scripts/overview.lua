-- overview: what is in a corpus, one line per document, and the totals.
-- Copy this file, change it, and run the copy by its path:
--   tussen run ./my-overview.lua corpus/streetwise

local tussen = require("tussen")

return {
  description = [[
One line per document: id, kind, parent, title, author and size; then totals.

Size is counted in sentences and tokens (by tussen's Dutch tokenizer) and in
characters (Unicode code points). The kinds section counts documents per
kind; totals add everything up.

With --format html it is a fuller report on one page: the totals, keyword
and keyness charts, the stance of each reaction with its evidence marked in
the text, the argument map and KWIC lines (scripts/README.md, HTML reports).]],
  categories = {"corpus", "summary"},
  author = "tussen",
  license = "MIT",
  args = {
    kind = {type = "string", help = "only documents of this kind (e.g. comment)"},
  },

  run = function(ctx)
    local rows, per_kind = {}, {}
    local total = {documents = 0, sentences = 0, tokens = 0, characters = 0}
    local filter = ctx.args.kind and {kind = ctx.args.kind} or nil
    for doc in ctx.corpus:docs(filter) do
      -- counted in C: no table per token is made
      local row = {
        id = doc.id,
        kind = doc.kind,
        parent = doc.parent,
        title = doc.title,
        author = doc.author,
        sentences = doc:nsentences(),
        tokens = doc:ntokens(),
        characters = tussen.text.len(doc.text),
      }
      rows[#rows + 1] = row
      local kind = doc.kind or "(none)"
      per_kind[kind] = (per_kind[kind] or 0) + 1
      total.documents = total.documents + 1
      total.sentences = total.sentences + row.sentences
      total.tokens = total.tokens + row.tokens
      total.characters = total.characters + row.characters
    end
    -- deterministic order: kinds sorted by name
    local kinds = {}
    for kind, n in pairs(per_kind) do kinds[#kinds + 1] = {kind = kind, documents = n} end
    table.sort(kinds, function(a, b) return a.kind < b.kind end)
    local result = {
      documents = tussen.table(rows, {"id", "kind", "parent", "title", "author",
                                      "sentences", "tokens", "characters"}),
      kinds = tussen.table(kinds, {"kind", "documents"}),
      totals = tussen.record(total, {"documents", "sentences", "tokens", "characters"}),
    }
    -- The HTML page is a fuller report: keywords, stance and the argument map too
    -- (scripts/lib/html-report.lua); every other format shows this table.
    if ctx.format == "html" then return require("html-report").overview(ctx, result) end
    return tussen.record(result, {"documents", "kinds", "totals"})
  end,
}
