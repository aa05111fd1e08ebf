-- Recursion through pcall (a C function) on every level: the C stack
-- limit stops it, and pcall cannot swallow it for ever.
local function f()
  local ok, e = pcall(f)
  if not ok then error(e, 0) end
  return e
end
return {description = "recursion through pcall", run = function(ctx) return {n = f()} end}
