-- Recursion through a metamethod called from C.
local mt = {}
mt.__tostring = function() return tostring(setmetatable({}, mt)) end
return {description = "recursion through __tostring",
        run = function(ctx) return {n = tostring(setmetatable({}, mt))} end}
