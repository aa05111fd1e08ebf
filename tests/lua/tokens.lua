-- doc:tokens(), doc:sentences(), doc:ntokens(), doc:nsentences().
local t = require("testing")

return {
  description = "API test: tokens and sentences of a Doc",
  run = function(ctx)
    local n = 0
    local c = assert(tussen.corpus.load("tests/data/lua/meta.jsonl"))
    local a = c:doc("a") -- "Eerste alinea.\n\nTweede alinea."
    local toks = a:tokens()
    t.eq(#toks, 6, "tokens")
    t.eq(a:ntokens(), 6)
    t.eq(a:nsentences(), 2)
    t.eq(toks[1].form, "Eerste")
    t.eq(toks[1].norm, "eerste")
    t.eq(toks[1].kind, "word")
    t.eq(toks[1].start, 1)
    t.eq(toks[1].stop, 6)
    t.eq(toks[1].char_start, 1)
    t.eq(toks[1].space, true)
    t.eq(toks[1].sentence, 1)
    t.eq(toks[3].form, ".")
    t.eq(toks[3].kind, "punct")
    t.eq(toks[3].space, true, "a blank line is whitespace")
    t.eq(toks[4].form, "Tweede")
    t.eq(toks[4].sentence, 2)
    t.eq(toks[4].start, 17)
    t.eq(toks[6].space, false, "nothing after the last token")
    n = n + 18
    local sents = a:sentences()
    t.eq(#sents, 2)
    t.eq(sents[1].text, "Eerste alinea.")
    t.eq(sents[2].text, "Tweede alinea.")
    t.eq(sents[2].start, 17)
    t.eq(sents[2].stop, 30)
    t.eq(#sents[2].tokens, 3)
    t.eq(sents[2].tokens[1].form, "Tweede")
    n = n + 7

    -- on every document of the bundled corpus: forms are the text's bytes,
    -- char_start counts code points, sentences partition the tokens
    for doc in ctx.corpus:docs() do
      local text = doc.text
      local ts = doc:tokens()
      t.eq(#ts, doc:ntokens(), doc.id .. " ntokens")
      local total = 0
      for _, s in ipairs(doc:sentences()) do
        total = total + #s.tokens
        t.eq(s.text, text:sub(s.start, s.stop), doc.id .. " sentence text")
      end
      t.eq(total, #ts, doc.id .. " sentences partition the tokens")
      t.eq(#doc:sentences(), doc:nsentences(), doc.id .. " nsentences")
      for _, tk in ipairs(ts) do
        t.eq(tk.form, text:sub(tk.start, tk.stop), doc.id .. " form")
        t.eq(tk.char_start, utf8.len(text, 1, tk.start - 1) + 1, doc.id .. " char_start")
      end
      n = n + 3
    end
    -- a known count on the bundled corpus: reactie-6 is one sentence
    t.eq(ctx.corpus:doc("reactie-6"):nsentences(), 1)
    t.eq(ctx.corpus:doc("reactie-6"):sentences()[1].tokens[3].form, "“")
    t.raises(function() a.tokens(ctx.corpus) end, "tussen.Doc expected, got tussen.Corpus")
    n = n + 3
    return {passed = n}
  end,
}
