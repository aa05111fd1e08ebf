-- Sandbox escape attempt: tamper with a tussen.Doc
return {
  description = "escape: tamper with a tussen.Doc",
  run = function(ctx)
    getmetatable(ctx.corpus:doc(1)).__index = {}
  end,
}
