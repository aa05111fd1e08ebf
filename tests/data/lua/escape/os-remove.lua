-- Sandbox escape attempt: delete a file
return {
  description = "escape: delete a file",
  run = function(ctx)
    return os.remove("README.md")
  end,
}
