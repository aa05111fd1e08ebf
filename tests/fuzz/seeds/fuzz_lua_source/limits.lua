local co = coroutine.wrap(function() while true do coroutine.yield(1) end end)
local t = {}
return {
  description = "seed",
  run = function(ctx)
    local ok, err = pcall(function() local s = "x" for i = 1, 40 do s = s .. s end end)
    for i = 1, 10 do t[i] = co() end
    local function r(n) return n == 0 and 0 or 1 + r(n - 1) end
    return {ok = ok, err = tostring(err), depth = r(100), load = load("return 1")()}
  end,
}
