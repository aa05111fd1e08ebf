-- Catches every error and starts again: neither the time limit nor Ctrl-C
-- may be swallowed by pcall. It says when it runs (see endless.lua).
return {description = "endless, catching errors", run = function(ctx)
  tussen.log.warn("running")
  while true do
    pcall(function() while true do end end)
  end
end}
