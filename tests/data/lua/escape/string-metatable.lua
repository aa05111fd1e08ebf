-- Sandbox escape attempt: tamper with the string metatable
return {
  description = "escape: tamper with the string metatable",
  run = function(ctx)
    getmetatable("").__index = {upper = function() return "pwned" end}
  end,
}
