-- Over the cap in one allocation, then done within a few instructions:
-- the run still fails.
return {description = "one big allocation", run = function(ctx)
  local ok = pcall(string.rep, "x", 4 * 1024 * 1024)
  return {ok = ok}
end}
