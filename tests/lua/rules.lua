-- tussen.rules: patterns over real tokenizer output, the table form,
-- overlap policies, captures, errors, dictionaries and counting.
local t = require("testing")
local rules = tussen.rules

-- "rule@first-last" per match
local function show(list)
  local out = {}
  for _, m in ipairs(list) do out[#out + 1] = string.format("%s@%d-%d", m.rule, m.first, m.last) end
  return table.concat(out, " ")
end

return {
  description = "API test: tussen.rules",
  run = function(ctx)
    local n = 0
    -- A pattern string is one rule; norm literals are case-insensitive and
    -- the tokenizer's norm lumps typographic quotes.
    local rs = assert(rules.compile("niet (helemaal)? mee eens"))
    local text = "Ik ben het NIET helemaal mee eens, maar wel mee eens dat het niet mee eens kan."
    local ms = rs:match(text)
    t.eq(show(ms), "1@4-7 1@15-17")
    t.eq(ms[1].text, "NIET helemaal mee eens")
    t.eq(text:sub(ms[1].start, ms[1].stop), ms[1].text)
    t.eq(ms[1].label, "")
    t.eq(ms[1].weight, 1.0)
    t.eq(ms[1].captures, nil)
    n = n + 6

    -- Named rules, labels, weights; overlap longest (default) and all.
    local list = {
      {name = "kort", pattern = "mee eens", label = "agree", weight = 1},
      {name = "lang", pattern = "helemaal mee eens", label = "agree", weight = 2},
      {name = "eens", pattern = "eens"},
    }
    local longest = assert(rules.compile(list))
    local all = assert(rules.compile(list, {overlap = "all"}))
    local s = "Helemaal mee eens. Mee eens!"
    t.eq(show(longest:match(s)), "lang@1-3 kort@5-6")
    t.eq(show(all:match(s)), "lang@1-3 kort@2-3 eens@3-3 kort@5-6 eens@6-6")
    t.eq(longest:match(s)[1].weight, 2.0)
    t.eq(#all, 3)
    t.eq(tostring(all), "tussen.Rules (3 rules, overlap all)")
    n = n + 5

    -- Captures, stems, kinds, wildcards, regexes, negation, gaps, sentences.
    local r2 = assert(rules.compile({
      {name = "wie", pattern = "(?<wie>form:/[A-Z].*/) (zegt|vindt)"},
      {name = "stam", pattern = "stem:gemeente"},
      {name = "getal", pattern = "kind:number procent"},
      {name = "ambt", pattern = "ambtena*"},
      {name = "neg", pattern = "!(niet|geen) goed"},
      {name = "gat", pattern = "niet []{0,2} eens"},
    }))
    local ms2 = r2:match("Jan zegt dat 41 procent gemeenten. Ambtenaren vinden het niet echt eens. " ..
                         "Niet goed, heel goed. Niet. Eens.")
    t.eq(show(ms2), "wie@1-2 getal@4-5 stam@6-6 ambt@8-8 gat@11-13 neg@18-19")
    t.eq(ms2[1].captures.wie, "Jan")
    n = n + 2

    -- A Doc is matched on its text.
    local doc = assert(ctx.corpus:doc("artikel"))
    local r3 = assert(rules.compile("sociale professionals"))
    local hits = r3:match(doc)
    t.eq(#hits > 3, true, "sociale professionals in the article")
    t.eq(doc.text:sub(hits[1].start, hits[1].stop), "sociale professionals")
    n = n + 2

    -- The table form.
    t.eq(rules.pattern({"niet", {"helemaal", optional = true}, "mee", "eens"}),
         "niet helemaal? mee eens")
    t.eq(rules.pattern({{alt = {"heel", "zeer"}, min = 1, max = math.huge, capture = "hoe"}, "goed"}),
         "(?<hoe>(heel|zeer))+ goed")
    t.eq(rules.pattern({{norm = "ambtena*"}, {any = true, min = 0, max = 3}, {kind = "number"}}),
         "norm:ambtena* []{0,3} kind:number")
    t.eq(rules.pattern({{alt = {"mee", {"heel", "erg"}}}, {form = "Den Haag"}, {re = "a/b"}}),
         "(mee|heel erg) form:Den\\ Haag /a\\/b/")
    t.eq(rules.pattern({{stem = "gemeenten", neg = true}}), "!stem:gemeenten")
    local tf = assert(rules.compile({{pattern = {"niet", {"helemaal", optional = true}, "mee", "eens"},
                                      name = "tabel"}}))
    t.eq(show(tf:match(text)), "tabel@4-7 tabel@15-17")
    n = n + 6

    -- Deeply nested tables and long lists of rule tables stay within the stack.
    local deep = "goed"
    for _ = 1, 60 do deep = {alt = {deep, "x"}} end
    local deep_rs = assert(rules.compile({{pattern = {deep}, name = "diep"}}))
    t.eq(show(deep_rs:match("heel goed")), "diep@2-2")
    local many = {}
    for i = 1, 500 do many[i] = {pattern = "woord" .. i, name = "w" .. i} end
    t.eq(#assert(rules.compile(many)), 500)
    n = n + 2

    -- Errors: nil and a message naming the rule, the position, what was expected.
    local ok, err = rules.compile({{name = "negatie", pattern = "niet (helemaal mee eens"}})
    t.eq(ok, nil)
    t.eq(err, "rule 'negatie': position 24: expected ')' to close the group opened at 6")
    ok, err = rules.compile({"goed", "a{3,1}"})
    t.eq(err, "rule 2: position 2: bound {3,1}: the minimum is above the maximum")
    ok, err = rules.compile({{"niet", {nrom = "x"}}})
    t.eq(err, "rule 1: element 2: unknown key 'nrom'; did you mean 'norm'?")
    ok, err = rules.pattern({{"a"}, {norm = "x", form = "y"}})
    t.eq(err, "pattern: element 2: give one of [1], norm, form, stem, kind, re, form_re, any, alt or seq")
    ok, err = rules.compile({{pattern = {{kind = "woord"}}, name = "k"}})
    t.eq(err, "rule 'k': position 6: unknown token kind 'woord' (expected word, number, punct, "
              .. "symbol, url, email, hashtag, mention, emoticon, emoji or abbrev) "
              .. "(in the pattern written from the table: kind:woord)")
    t.raises(function() rules.compile(42) end, "bad argument #1 to 'compile' %(string or table expected, got number%)")
    t.raises(function() rules.compile("x", {overlap = "some"}) end, "overlap must be \"longest\" or \"all\"")
    t.raises(function() rules.compile("x", {overlapp = "all"}) end, "unknown option 'overlapp'; did you mean 'overlap'%?")
    t.raises(function() rs:match(42) end, "string or tussen.Doc expected")
    n = n + 10

    -- Dictionaries from tables: nesting, roll-up, one count per span and category.
    local d = assert(rules.dict({
      zorg = {"zorg*", "*zorg", jeugd = {"jeugdzorg", "jongeren"}},
      wonen = "woning*",
    }))
    t.eq(table.concat(d:categories(), ","), "wonen,zorg,zorg/jeugd")
    t.eq(#d, 5)
    local c = d:count("Jeugdzorg en zorg voor jongeren in hun woning. Zorgen!")
    local counts = c.documents[1].counts
    -- Jeugdzorg: *zorg and jeugdzorg on one span: zorg once, zorg/jeugd once
    t.eq(counts.zorg, 4)
    t.eq(counts["zorg/jeugd"], 2)
    t.eq(counts.wonen, 1)
    t.eq(c.totals.zorg, 4)
    t.eq(c.examples["zorg/jeugd"][1].match, "Jeugdzorg")
    t.eq(c.examples["zorg/jeugd"][2].left, "Jeugdzorg en zorg voor")
    t.eq(#c.examples.zorg, 3, "examples: up to 3 per category")
    n = n + 9

    -- Counting a corpus, with groups by a field.
    local themes = assert(rules.dict("themes-nl.lua"))
    local r = themes:count(ctx.corpus, {by = "kind", examples = 1, width = 2})
    t.eq(#r.documents, #ctx.corpus)
    t.eq(r.documents[1].id, "artikel")
    t.eq(r.documents[1].group, "article")
    t.eq(r.groups[1].group, "article")
    t.eq(r.groups[2].group, "comment")
    t.eq(r.groups[2].documents, 7)
    local sum = 0
    for _, dd in ipairs(r.documents) do sum = sum + dd.counts.bestuur end
    t.eq(r.totals.bestuur, sum)
    t.eq(r.groups[1].counts.bestuur + r.groups[2].counts.bestuur, sum)
    t.eq(r.totals.bestuur >= r.totals["bestuur/ambtenaren"], true, "roll-up")
    n = n + 9

    -- Scheme errors.
    ok, err = rules.dict({zorg = {"(zorg"}})
    t.eq(err, "scheme: category 'zorg', entry 1: rule 'zorg': position 6: expected ')' to "
              .. "close the group opened at 1")
    ok, err = rules.dict({["zorg/jeugd"] = {"x"}})
    t.eq(err, "scheme: category 'zorg/jeugd': write nested categories as nested tables, not with '/'")
    ok, err = rules.dict({zorg = 3})
    t.eq(err, "scheme: category 'zorg': expected a list of entries, got number")
    ok, err = rules.dict({})
    t.eq(err, "the scheme has no entries")
    ok, err = rules.dict("scheme.txt")
    t.eq(err, "scheme.txt: a scheme is a .csv (category,pattern) or a .lua file (a table of categories)")
    ok, err = rules.dict("no-such-scheme.csv")
    t.eq(ok, nil)
    t.eq(err:find("no data file 'no-such-scheme.csv'", 1, true) ~= nil, true)
    n = n + 7
    return {checks = n}
  end,
}
