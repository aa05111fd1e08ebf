-- Sandbox escape attempt: hide in one long C call
return {
  description = "escape: hide in one long C call",
  run = function(ctx)
    return (string.rep("a", 20000)):find(".-.-.-.-b")
  end,
}
