-- setup/document/finish: document() returns a row per document (nil skips
-- one); finish() gets them in ctx.results. Without finish the rows are the
-- result.
return {
  description = "Counts comments per parent with the hook style.",
  args = {finish = {type = "boolean", default = true}},
  setup = function(ctx)
    ctx.seen = 0
  end,
  document = function(doc, ctx)
    ctx.seen = ctx.seen + 1
    if doc.kind ~= "comment" then return nil end
    return {id = doc.id, parent = doc.parent}
  end,
  finish = function(ctx)
    if not ctx.args.finish then return ctx.results end
    return tussen.record({comments = tussen.table(ctx.results, {"id", "parent"}),
                          seen = ctx.seen}, {"seen", "comments"})
  end,
}
