-- Unbounded recursion in Lua: the Lua stack limit stops it.
local function f(n) return 1 + f(n + 1) end
return {description = "recursion", run = function(ctx) return {n = f(1)} end}
