-- Never ends by itself: for the time limit and Ctrl-C. It says when it
-- runs, so a test knows when Ctrl-C reaches the script (not the loader).
return {description = "endless", run = function(ctx)
  tussen.log.warn("running")
  local n = 0
  while true do n = n + 1 end
end}
