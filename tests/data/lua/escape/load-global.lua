-- Sandbox escape attempt: reach the host globals through load
return {
  description = "escape: reach the host globals through load",
  run = function(ctx)
    return load("return io")()
  end,
}
