-- Sandbox escape attempt: reach the debug library
return {
  description = "escape: reach the debug library",
  run = function(ctx)
    return debug.getregistry()
  end,
}
