-- Forgot to return the script table.
local t = {description = "error: no table", run = function() end}
