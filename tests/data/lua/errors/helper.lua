-- A module for in-lib.lua: fails on an empty list.
local M = {}

function M.average(list)
  if #list == 0 then error("average of an empty list") end
  local sum = 0
  for _, v in ipairs(list) do sum = sum + v end
  return sum / #list
end

return M
