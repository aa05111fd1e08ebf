return {
  description = "error: returns a mixed table",
  run = function(ctx)
    return {summary = {1, 2, total = 3}}
  end,
}
