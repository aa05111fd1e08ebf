return {
  description = "error: arg type",
  args = {top = {type = "integr", default = 10}},
  run = function(ctx) return 1 end,
}
