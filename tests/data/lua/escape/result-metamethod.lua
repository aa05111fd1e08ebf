-- Sandbox escape attempt: a metamethod that would run while the runner
-- reads the result, after the run (when the time limit no longer
-- watches). The runner reads results raw, so the loop never runs.
return {
  description = "escape: metamethod read during the result conversion",
  run = function(ctx)
    local rows = {{n = 1}}
    return setmetatable(rows, setmetatable({}, {__index = function() while true do end end}))
  end,
}
