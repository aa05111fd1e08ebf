-- Sandbox escape attempt: read the environment
return {
  description = "escape: read the environment",
  run = function(ctx)
    return os.getenv("HOME")
  end,
}
