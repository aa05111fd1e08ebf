return {
  description = "error: returns a table that contains itself",
  run = function(ctx)
    local t = {}
    t.self = t
    return t
  end,
}
