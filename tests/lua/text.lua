-- tussen.text: Unicode-aware functions where Lua's string library counts
-- bytes.
local t = require("testing")
local text = tussen.text

return {
  description = "API test: tussen.text",
  run = function()
    local n = 0
    t.eq(text.lower("ÉÉN Straße IJssel"), "één straße ijssel")
    t.eq(text.upper("één café"), "ÉÉN CAFÉ")
    t.eq(text.casefold("Straße ÉÉN"), "strasse één")
    -- "e" + combining acute (NFD) becomes one code point
    t.eq(text.nfc("cafe\204\129"), "café")
    t.eq(#text.nfc("cafe\204\129"), 5)
    n = n + 5
    t.eq(text.len("één"), 3)
    t.eq(#"één", 5, "bytes")
    t.eq(text.len(""), 0)
    t.eq(text.width("één"), 3)
    t.eq(text.width("日本"), 4)
    t.eq(text.width("e\204\129"), 1, "combining mark has no width")
    n = n + 6
    t.eq(text.sub("één twee", 1, 3), "één")
    t.eq(text.sub("één twee", -4), "twee")
    t.eq(text.sub("één twee", 2, 2), "é")
    t.eq(text.sub("één", 0), "één")
    t.eq(text.sub("één", 5), "")
    t.eq(text.sub("één", 2, 100), "én")
    t.eq(text.sub("één", -100, 1), "é")
    t.eq(text.sub("één", 3, 2), "")
    n = n + 8
    t.raises(function() text.lower("a\255b") end,
             "bad argument #1 to 'lower' %(invalid UTF%-8 at byte 2%)")
    t.raises(function() text.len("\192") end, "invalid UTF%-8 at byte 1")
    t.raises(function() text.upper(nil) end,
             "bad argument #1 to 'upper' %(string expected, got nil%)")
    t.raises(function() text.sub("x") end, "number expected")
    n = n + 4
    -- the tokenizer over strings: multi-byte punctuation stays whole
    local toks = text.tokens("r – tree ’s avonds. Dat is zo!")
    local forms = {}
    for i, tk in ipairs(toks) do forms[i] = tk.form end
    t.eq(table.concat(forms, "|"), "r|–|tree|’s|avonds|.|Dat|is|zo|!")
    t.eq(toks[2].kind, "punct")
    t.eq(toks[7].sentence, 2)
    t.eq(toks[4].norm, "'s")
    t.eq(toks[3].start, 7)
    local sents = text.sentences("Een zin. En nog een!")
    t.eq(#sents, 2)
    t.eq(sents[2].text, "En nog een!")
    t.eq(#text.tokens(""), 0)
    t.raises(function() text.tokens("a\255b") end, "invalid UTF%-8 at byte 2")
    n = n + 10
    -- numbers are accepted where Lua accepts them as strings
    t.eq(text.upper(12), "12")
    n = n + 1
    return {passed = n}
  end,
}
