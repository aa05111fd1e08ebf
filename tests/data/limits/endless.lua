-- Never ends by itself: for the time limit and Ctrl-C.
return {description = "endless", run = function(ctx)
  local n = 0
  while true do n = n + 1 end
end}
