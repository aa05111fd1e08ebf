-- Concordances kept until the memory limit is reached while one is being
-- copied into Lua: the copy fails cleanly and frees the C result.
local keep = {}
return {description = "kwic under the memory limit", run = function(ctx)
  for i = 1, 1e9 do keep[i] = ctx.corpus:kwic("de", {width = 20}) end
end}
