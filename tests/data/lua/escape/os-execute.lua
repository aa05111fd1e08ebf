-- Sandbox escape attempt: run a shell command
return {
  description = "escape: run a shell command",
  run = function(ctx)
    return os.execute("echo pwned")
  end,
}
