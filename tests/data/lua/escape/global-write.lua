-- Sandbox escape attempt: write an undeclared global
return {
  description = "escape: write an undeclared global",
  run = function(ctx)
    total = 0
  end,
}
