return {
  description = "error: returns a list with holes",
  run = function(ctx)
    return {rows = {1, nil, 3}}
  end,
}
