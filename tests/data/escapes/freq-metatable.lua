-- Sandbox escape attempt: swap the methods of every tussen.Freq
return {
  description = "escape: tamper with a tussen.Freq",
  run = function(ctx)
    getmetatable(ctx.corpus:count()).__index = {rows = function() return "pwned" end}
  end,
}
