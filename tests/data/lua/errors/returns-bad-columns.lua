-- A hand-made tussen.table mark with a column that is not a name.
return {
  description = "error: bad column names",
  run = function(ctx)
    return {rows = setmetatable({{a = 1}}, {__name = "tussen.table", columns = {"a", 2}})}
  end,
}
