-- A runtime error three calls deep: the traceback names each frame.
local function count_words(doc)
  return #doc.txt
end

local function per_doc(corpus)
  local n = 0
  for doc in corpus:docs() do n = n + count_words(doc) end
  return n
end

return {
  description = "error: runtime, deep",
  run = function(ctx)
    return {words = per_doc(ctx.corpus)}
  end,
}
