-- What a script can and cannot reach from inside the sandbox. The escape
-- attempts that must end the run are golden tests (tests/golden/lua-*.t).
local t = require("testing")

return {
  description = "API test: the sandbox from the inside",
  run = function()
    local n = 0
    for _, name in ipairs{"io", "debug", "package", "print", "dofile",
                          "loadfile", "warn"} do
      t.eq(rawget(_ENV, name), nil, name)
      n = n + 1
    end
    t.eq(os.execute, nil)
    t.eq(os.remove, nil)
    t.eq(os.getenv, nil)
    t.eq(os.exit, nil)
    t.eq(string.dump, nil)
    t.eq(type(os.time()), "number")
    t.eq(type(os.clock()), "number")
    t.eq(os.date("!%Y", 0), "1970")
    n = n + 8
    -- strict globals
    t.raises(function() return undefined_thing end, "undeclared global 'undefined_thing'")
    t.raises(function() new_global = 1 end, "assignment to undeclared global 'new_global'")
    t.raises(function() print("x") end, "'print' is not available in the sandbox: scripts return")
    rawset(_ENV, "declared", 42) -- the explicit way still works
    t.eq(declared, 42)
    n = n + 4
    -- locked metatables
    t.eq(getmetatable(""), false)
    t.eq(getmetatable(_ENV), false)
    t.raises(function() setmetatable(_ENV, nil) end, "protected metatable")
    n = n + 3
    -- setmetatable works, but not with a finalizer
    local obj = setmetatable({}, {__index = function() return 7 end})
    t.eq(obj.anything, 7)
    t.raises(function() setmetatable({}, {__gc = function() end}) end,
             "__gc %(finalizers%) is not allowed")
    t.raises(function() setmetatable({}, {__gc = true}) end, "not allowed")
    t.raises(function() setmetatable(1, {}) end, "table expected")
    n = n + 4
    -- load: text only, a fresh environment by default
    local f = assert(load("return 1 + 1"))
    t.eq(f(), 2)
    local g = assert(load("return x", "chunk", "t", {x = 5}))
    t.eq(g(), 5)
    t.raises(function() load("return 1", "c", "b") end, "binary chunks are not allowed")
    local bad, msg = load("\27Lua\84\0")
    t.eq(bad, nil)
    t.eq(msg:find("binary chunk") ~= nil, true)
    t.raises(assert(load("return undeclared")), "undeclared global")
    local pieces, i = {"return ", "40 ", "+ 2"}, 0
    t.eq(assert(load(function() i = i + 1 return pieces[i] end))(), 42)
    n = n + 7
    -- collectgarbage: only "count"
    t.eq(type(collectgarbage("count")), "number")
    t.raises(function() collectgarbage("stop") end, "only \"count\"")
    n = n + 2
    -- coroutines work (and carry the limit hook)
    local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
    t.eq(co(1), 2)
    t.eq(co(5), 10)
    t.raises(co, "dead coroutine")
    local c2 = coroutine.create(function() error("inside") end)
    local ok, err = coroutine.resume(c2)
    t.eq(ok, false)
    t.eq(err:find("inside") ~= nil, true)
    n = n + 5
    -- pcall still catches ordinary errors
    t.eq(pcall(error, "x"), false)
    n = n + 1
    return {passed = n}
  end,
}
