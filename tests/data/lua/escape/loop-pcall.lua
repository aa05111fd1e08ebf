-- Sandbox escape attempt: catch the time limit with pcall
return {
  description = "escape: catch the time limit with pcall",
  run = function(ctx)
    while true do pcall(function() while true do end end) end
  end,
}
