-- Catches every error and starts again: neither the time limit nor Ctrl-C
-- may be swallowed by pcall.
return {description = "endless, catching errors", run = function(ctx)
  while true do
    pcall(function() while true do end end)
  end
end}
