-- Sandbox escape attempt: one huge string
return {
  description = "escape: one huge string",
  run = function(ctx)
    return #string.rep("x", 1 << 30)
  end,
}
