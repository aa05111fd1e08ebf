-- The script the tutorial in scripts/README.md builds, step by step.
-- (tests/golden/lua-tutorial.t runs it, so the README's code keeps working.)
return {
  description = [[
Comment lengths: words and sentences per comment, the longest words.
Counts word tokens (not punctuation) with tussen's tokenizer.]],
  categories = {"tutorial"},
  args = {
    kind = {type = "string", default = "comment", help = "which documents to measure"},
    top = {type = "integer", default = 3, help = "how many of the longest words to list"},
  },

  run = function(ctx)
    local rows = {}
    local lengths = {}          -- word -> its length in characters
    local words, sentences = 0, 0
    for doc in ctx.corpus:docs{kind = ctx.args.kind} do
      local n = 0
      for _, tok in ipairs(doc:tokens()) do
        if tok.kind == "word" then
          n = n + 1
          lengths[tok.norm] = tussen.text.len(tok.norm)
        end
      end
      local s = doc:nsentences()
      rows[#rows + 1] = {id = doc.id, words = n, sentences = s,
                         per_sentence = n / s}
      words, sentences = words + n, sentences + s
    end
    if #rows == 0 then
      tussen.log.warn("no documents of kind '%s'", ctx.args.kind)
    end

    -- the longest words; ties broken by the word itself, so the order is
    -- the same on every run
    local longest = {}
    for word, len in pairs(lengths) do longest[#longest + 1] = {word = word, length = len} end
    table.sort(longest, function(a, b)
      if a.length ~= b.length then return a.length > b.length end
      return a.word < b.word
    end)
    for i = #longest, ctx.args.top + 1, -1 do longest[i] = nil end

    return tussen.record({
      documents = tussen.table(rows, {"id", "words", "sentences", "per_sentence"}),
      longest = tussen.table(longest, {"word", "length"}),
      totals = {documents = #rows, words = words, sentences = sentences},
    }, {"documents", "longest", "totals"})
  end,
}
