-- Sandbox escape attempt: allocate without end
return {
  description = "escape: allocate without end",
  run = function(ctx)
    local t = {}
    while true do t[#t + 1] = string.rep("x", 1 << 20) .. #t end
  end,
}
