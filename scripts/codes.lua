-- codes: apply a coding scheme (a dictionary of categories and patterns) to
-- a corpus: counts per document and category, totals, totals per group, and
-- example matches in context.
--   tussen run codes --arg scheme=my-scheme.csv corpus/streetwise
--   tussen run codes --arg by=kind --format json corpus/streetwise

local tussen = require("tussen")

return {
  description = [[
Codes every document with a coding scheme and counts the matches per category.
A scheme is a CSV file with lines `category,pattern` (an optional header and a
third column `weight`) or a Lua file returning a table of categories; see
`tussen.rules` in scripts/README.md for the pattern syntax. Categories nest
(`zorg/jeugd`) and their counts roll up: a match coded zorg/jeugd counts for
zorg too, once. Overlapping entries: the longest match wins and is counted
once per category it belongs to (--arg overlap=all counts every entry that
matches). Without --arg scheme the example scheme themes-nl.lua (Dutch policy
themes) is used. Output: per document its counts, the corpus totals, the
totals per group (--arg by=FIELD, any document field or metadata) and the
first matches per category as keyword-in-context lines. --arg layout=wide puts
one column per category in the documents and groups tables (for a spreadsheet:
--format csv --table documents).]],
  categories = {"rules", "coding", "counts"},
  author = "tussen",
  license = "MIT",
  args = {
    scheme = {type = "file", default = "themes-nl.lua",
              help = "the coding scheme: a .csv (category,pattern) or .lua file"},
    by = {type = "string", help = "total per value of this field (kind, author, ...)"},
    examples = {type = "integer", default = 3,
                help = "example matches (KWIC) per category; 0 for none"},
    width = {type = "integer", default = 5, help = "tokens of context on each side"},
    overlap = {type = "string", default = "longest", choices = {"longest", "all"},
               help = "longest: one code set per span; all: every matching entry"},
    layout = {type = "string", default = "nested", choices = {"nested", "wide"},
              help = "nested: counts as a record per document (the JSON shape); "
                     .. "wide: one column per category (for spreadsheets)"},
    kind = {type = "string", help = "only documents of this kind (e.g. comment)"},
  },

  run = function(ctx)
    local args = ctx.args
    local scheme, err = tussen.rules.dict(args.scheme, {overlap = args.overlap})
    if not scheme then error(err, 0) end
    local cats = scheme:categories()

    local docs = {}
    for doc in ctx.corpus:docs(args.kind and {kind = args.kind} or nil) do
      docs[#docs + 1] = doc
    end
    local documents, totals, groups, examples = {}, {}, {}, {}
    for _, c in ipairs(cats) do totals[c] = 0 end
    local group_order = {}
    for _, doc in ipairs(docs) do
      local r = scheme:count(doc, {by = args.by, examples = args.examples,
                                   width = args.width})
      local d = r.documents[1]
      local row = {id = doc.id, counts = tussen.record(d.counts, cats)}
      local fields = {"id"}
      if args.by then
        row.group = d.group
        fields[#fields + 1] = "group"
        local g = groups[d.group]
        if not g then
          g = {group = d.group, documents = 0, counts = {}}
          for _, c in ipairs(cats) do g.counts[c] = 0 end
          groups[d.group] = g
          group_order[#group_order + 1] = d.group
        end
        g.documents = g.documents + 1
        for c, n in pairs(d.counts) do g.counts[c] = g.counts[c] + n end
      end
      fields[#fields + 1] = "counts"
      documents[#documents + 1] = tussen.record(row, fields)
      for c, n in pairs(d.counts) do totals[c] = totals[c] + n end
      for c, list in pairs(r.examples) do
        local have = examples[c] or {}
        examples[c] = have
        for _, ex in ipairs(list) do
          if #have < args.examples then have[#have + 1] = ex end
        end
      end
    end

    local doc_cols = args.by and {"id", "group", "counts"} or {"id", "counts"}
    -- wide: the counts spread into one column per category
    local function spread(rows, cols)
      if args.layout ~= "wide" then return tussen.table(rows, cols) end
      local out, wide_cols = {}, {}
      for _, c in ipairs(cols) do if c ~= "counts" then wide_cols[#wide_cols + 1] = c end end
      for _, c in ipairs(cats) do
        if c == "id" or c == "group" or c == "documents" then
          error("layout=wide: the category '" .. c .. "' has the name of a column; "
                .. "rename it or use layout=nested", 0)
        end
        wide_cols[#wide_cols + 1] = c
      end
      for _, row in ipairs(rows) do
        local w = {}
        for k, v in pairs(row) do if k ~= "counts" then w[k] = v end end
        for _, c in ipairs(cats) do w[c] = row.counts[c] end
        out[#out + 1] = w
      end
      return tussen.table(out, wide_cols)
    end
    local result = {documents = spread(documents, doc_cols),
                    totals = tussen.record(totals, cats)}
    local order = {"documents", "totals"}
    if args.by then
      table.sort(group_order)
      local list = {}
      for _, name in ipairs(group_order) do
        local g = groups[name]
        list[#list + 1] = tussen.record({group = g.group, documents = g.documents,
                                         counts = tussen.record(g.counts, cats)},
                                        {"group", "documents", "counts"})
      end
      result.groups = spread(list, {"group", "documents", "counts"})
      order[#order + 1] = "groups"
    end
    if args.examples > 0 then
      local rows = {}
      for _, c in ipairs(cats) do
        for _, ex in ipairs(examples[c] or {}) do
          rows[#rows + 1] = {category = c, id = ex.id, left = ex.left,
                             match = ex.match, right = ex.right}
        end
      end
      result.examples = tussen.table(rows, {"category", "id", "left", "match", "right"})
      order[#order + 1] = "examples"
    end
    return tussen.record(result, order)
  end,
}
