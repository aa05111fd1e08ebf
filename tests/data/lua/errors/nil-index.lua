-- Indexing nil: Lua names the variable.
return {
  description = "error: index nil",
  run = function(ctx)
    local doc = ctx.corpus:doc("no-such-id")
    return doc.text
  end,
}
