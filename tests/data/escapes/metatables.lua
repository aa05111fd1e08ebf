-- What getmetatable gives for each kind of object a script can reach:
-- false for every tussen type and for strings, nothing for plain values.
return {
  description = "metatables of shared objects",
  run = function(ctx)
    local c = ctx.corpus
    local objects = {
      corpus = c, doc = c:doc(1), freq = c:count(), string = "",
      number = 1, boolean = true, ["function"] = tostring,
      coroutine = coroutine.create(function() end),
    }
    local rows = {}
    for name, v in pairs(objects) do
      rows[#rows + 1] = {object = name, metatable = tostring(getmetatable(v))}
    end
    table.sort(rows, function(a, b) return a.object < b.object end)
    return tussen.table(rows, {"object", "metatable"})
  end,
}
