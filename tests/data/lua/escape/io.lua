-- Sandbox escape attempt: read a file with io
return {
  description = "escape: read a file with io",
  run = function(ctx)
    return io.open("/etc/passwd"):read("a")
  end,
}
