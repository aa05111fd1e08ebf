-- Sandbox escape attempt: read an undeclared global
return {
  description = "escape: read an undeclared global",
  run = function(ctx)
    return totl + 1
  end,
}
