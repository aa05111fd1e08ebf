-- Sandbox escape attempt: catch the memory limit with pcall
return {
  description = "escape: catch the memory limit with pcall",
  run = function(ctx)
    local t = {}
    while true do pcall(function() while true do t[#t + 1] = {} end end) end
  end,
}
