-- overview: what is in a corpus, one line per document, and the totals.
-- Copy this file, change it, and run the copy by its path:
--   tussen run ./my-overview.lua corpus/streetwise

local tussen = require("tussen")
local text = tussen.text

-- Paragraphs are separated by blank lines (as the text importer keeps them).
local function paragraphs(s)
  local n = 0
  for para in (s .. "\n\n"):gmatch("(.-)\n%s*\n") do
    if para:find("%S") then n = n + 1 end
  end
  return n
end

return {
  description = [[
One line per document: id, kind, parent, title, author and size; then totals.
Size is counted in sentences and tokens once the tokenizer is available, and
always in characters (code points) and paragraphs (blocks between blank
lines). The totals section counts documents per kind.]],
  categories = {"corpus", "summary"},
  author = "tussen",
  license = "MIT",
  args = {
    kind = {type = "string", help = "only documents of this kind (e.g. comment)"},
  },

  run = function(ctx)
    local corpus = ctx.corpus
    local rows, per_kind = {}, {}
    local total = {documents = 0, characters = 0, paragraphs = 0}
    local filter = ctx.args.kind and {kind = ctx.args.kind} or nil
    for doc in corpus:docs(filter) do
      local chars, paras = text.len(doc.text), paragraphs(doc.text)
      rows[#rows + 1] = {
        id = doc.id,
        kind = doc.kind,
        parent = doc.parent,
        title = doc.title,
        author = doc.author,
        characters = chars,
        paragraphs = paras,
      }
      local kind = doc.kind or "(none)"
      per_kind[kind] = (per_kind[kind] or 0) + 1
      total.documents = total.documents + 1
      total.characters = total.characters + chars
      total.paragraphs = total.paragraphs + paras
    end
    local kinds = {}
    for kind, n in pairs(per_kind) do kinds[#kinds + 1] = {kind = kind, documents = n} end
    table.sort(kinds, function(a, b) return a.kind < b.kind end)
    return tussen.record({
      documents = tussen.table(rows, {"id", "kind", "parent", "title", "author",
                                      "paragraphs", "characters"}),
      kinds = tussen.table(kinds, {"kind", "documents"}),
      totals = tussen.record(total, {"documents", "paragraphs", "characters"}),
    }, {"documents", "kinds", "totals"})
  end,
}
