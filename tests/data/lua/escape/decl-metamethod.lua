-- Sandbox escape attempt: the script table's metamethods run while the
-- runner checks it.
return setmetatable({description = "escape: metamethod in the declaration",
                     run = function() return 1 end},
                    {__index = function() while true do end end})
