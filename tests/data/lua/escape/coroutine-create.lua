-- Sandbox escape attempt: dodge the hook with coroutine.create
return {
  description = "escape: dodge the hook with coroutine.create",
  run = function(ctx)
    local co = coroutine.create(function() local n = 0 while true do n = n + 1 end end)
    return coroutine.resume(co)
  end,
}
