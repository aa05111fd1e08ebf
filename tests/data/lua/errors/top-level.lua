-- An error while the script itself loads (before it returns its table).
local limit = tonumber("many") + 1

return {
  description = "error: top level",
  run = function(ctx) return limit end,
}
