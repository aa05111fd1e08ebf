-- Sandbox escape attempt: unlock the strict globals
return {
  description = "escape: unlock the strict globals",
  run = function(ctx)
    setmetatable(_ENV, nil)
  end,
}
