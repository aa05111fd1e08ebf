-- Sandbox escape attempt: load a binary chunk in text mode
return {
  description = "escape: load a binary chunk in text mode",
  run = function(ctx)
    local f, err = load("\27LuaT\0\25\147\r\n\26\n") assert(f, err)
  end,
}
