-- A syntax error: reported at its line before anything runs.
return {
  description = "error: syntax",
  run = function(ctx)
    local x = = 1
  end,
}
