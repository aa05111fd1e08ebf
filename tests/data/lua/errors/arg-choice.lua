return {
  description = "error: arg default outside choices",
  args = {by = {type = "string", default = "lemma", choices = {"form", "norm"}}},
  run = function(ctx) return 1 end,
}
