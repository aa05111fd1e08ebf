-- Sandbox escape attempt: load a binary chunk
return {
  description = "escape: load a binary chunk",
  run = function(ctx)
    return load("\27LuaT\0\25\147\r\n\26\n", "evil", "b")
  end,
}
