-- Sandbox escape attempt: read a file through tussen.data
return {
  description = "escape: read a file through tussen.data",
  run = function(ctx)
    return tussen.data.read("../../../etc/passwd")
  end,
}
