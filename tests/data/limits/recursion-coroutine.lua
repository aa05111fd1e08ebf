-- Each level resumes a new coroutine: the C stack limit stops it.
local function nest(n) return coroutine.wrap(function() return nest(n + 1)() end) end
return {description = "nested coroutines", run = function(ctx) return {n = nest(1)()} end}
