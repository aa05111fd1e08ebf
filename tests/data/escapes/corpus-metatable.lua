-- Sandbox escape attempt: free the run's corpus through its metatable
return {
  description = "escape: tamper with a tussen.Corpus",
  run = function(ctx)
    getmetatable(ctx.corpus).__gc(ctx.corpus)
  end,
}
