-- Recursion through a C library function's callback.
local function f(s) return (s:gsub(".", function(c) return f(c) end)) end
return {description = "recursion through gsub", run = function(ctx) return {n = f("ab")} end}
