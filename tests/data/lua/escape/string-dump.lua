-- Sandbox escape attempt: dump bytecode
return {
  description = "escape: dump bytecode",
  run = function(ctx)
    return string.dump(ctx.run)
  end,
}
