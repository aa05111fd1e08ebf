-- Sandbox escape attempt: dodge the hook in a coroutine
return {
  description = "escape: dodge the hook in a coroutine",
  run = function(ctx)
    local co = coroutine.wrap(function() while true do end end)
    while true do pcall(co) end
  end,
}
