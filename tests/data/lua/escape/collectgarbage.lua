-- Sandbox escape attempt: stop the collector
return {
  description = "escape: stop the collector",
  run = function(ctx)
    collectgarbage("stop")
  end,
}
