-- Sandbox escape attempt: run forever in a finalizer, after the run
-- (when no time limit would watch), and leave many of them behind.
local keep = {}
for i = 1, 100 do
  keep[i] = setmetatable({}, {__gc = function() while true do end end})
end
return {
  description = "escape: loop in a finalizer",
  run = function(ctx)
    keep = nil
    return {done = true}
  end,
}
