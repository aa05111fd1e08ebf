-- Tiny helpers for the Lua API tests: each test file is a script that runs
-- its checks and returns how many passed; any failed assert fails the run
-- (exit 1, with the file:line of the assert).
local M = {}

-- eq(actual, expected [, what]): fails with both values shown.
function M.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%s: expected %q, got %q", what or "value",
                        tostring(expected), tostring(actual)), 2)
  end
end

-- raises(fn, pattern): fn must raise an error whose message matches.
function M.raises(fn, pattern)
  local ok, msg = pcall(fn)
  if ok then error("expected an error matching '" .. pattern .. "'", 2) end
  if not tostring(msg):find(pattern) then
    error(string.format("error %q does not match '%s'", tostring(msg), pattern), 2)
  end
end

return M
