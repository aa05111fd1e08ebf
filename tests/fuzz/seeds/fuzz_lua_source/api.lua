local tussen = require("tussen")
local T = tussen.text
return {
  description = "seed",
  run = function(ctx)
    local c = ctx.corpus
    local rows = {}
    for d in c:docs({kind = "comment"}) do
      rows[#rows + 1] = {id = d.id, n = T.len(d.text), w = T.width(d.text),
                         f = T.casefold(d.text):sub(1, 10), s = T.sub(d.text, 2, 5)}
      local p = d:parent_doc()
      if p then rows[#rows].parent = p.id end
    end
    local f = c:count({by = "norm", top = 5})
    local k = c:kwic("plein", {width = 3})
    local col = c:collocates("het", {window = 2})
    return tussen.record({docs = tussen.table(rows, {"id", "n", "w", "f", "s", "parent"}),
                          freq = f:rows(), kwic = k, col = col}, {"docs", "freq", "kwic", "col"})
  end,
}
