-- Sandbox escape attempt: run a file outside the sandbox
return {
  description = "escape: run a file outside the sandbox",
  run = function(ctx)
    return dofile("/etc/passwd")
  end,
}
