-- An error inside a module the script requires from its own directory.
local helper = require("helper")

return {
  description = "error: in a required module",
  run = function(ctx)
    return helper.average({})
  end,
}
