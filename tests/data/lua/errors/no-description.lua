return {
  run = function(ctx) return 1 end,
}
