return {
  description = "error: arg spec key",
  args = {top = {type = "integer", defualt = 10}},
  run = function(ctx) return 1 end,
}
