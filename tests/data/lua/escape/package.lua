-- Sandbox escape attempt: load a C library
return {
  description = "escape: load a C library",
  run = function(ctx)
    return package.loadlib("libc.so.6", "system")
  end,
}
