-- A result nested 200000 deep: converting it must not recurse that deep.
return {description = "deep result", run = function(ctx)
  local t = {}
  for i = 1, 200000 do t = {t} end
  return t
end}
