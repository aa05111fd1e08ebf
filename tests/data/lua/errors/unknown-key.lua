-- A typo in the script table.
return {
  decription = "error: unknown key",
  run = function(ctx) return 1 end,
}
