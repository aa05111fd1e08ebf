-- Sandbox escape attempt: require a C module (lpeg)
return {
  description = "escape: require a C module (lpeg)",
  run = function(ctx)
    return require("lpeg")
  end,
}
