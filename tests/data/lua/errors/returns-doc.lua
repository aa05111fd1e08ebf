return {
  description = "error: returns a Doc",
  run = function(ctx)
    return {documents = {{id = "x", doc = ctx.corpus:doc(1)}}}
  end,
}
