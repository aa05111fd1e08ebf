-- Sandbox escape attempt: run forever
return {
  description = "escape: run forever",
  run = function(ctx)
    while true do end
  end,
}
