return {
  description = "seed",
  args = {n = {type = "integer", default = 3}},
  setup = function(ctx) ctx.total = 0 end,
  document = function(doc, ctx)
    ctx.total = ctx.total + #doc.text
    return {id = doc.id, kind = doc.kind, len = #doc.text}
  end,
  finish = function(ctx) return {rows = ctx.results, total = ctx.total} end,
}
