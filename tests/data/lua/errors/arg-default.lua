return {
  description = "error: arg default",
  args = {top = {type = "integer", default = "ten"}},
  run = function(ctx) return 1 end,
}
