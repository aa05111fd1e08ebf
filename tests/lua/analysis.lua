-- corpus:store/count/kwic/collocates, tussen.Freq and tussen.stats on the
-- streetwise corpus. Counts were checked against the text by hand (grep on
-- the text fields of corpus/streetwise/streetwise.jsonl).
local t = require("testing")
local stats = tussen.stats

local function close(a, b, what)
  if math.abs(a - b) > 1e-6 then
    error(string.format("%s: expected %.9f, got %.9f", what or "value", b, a), 2)
  end
end

return {
  description = "API test: corpus analyses and tussen.stats",
  run = function(ctx)
    local c, n = ctx.corpus, 0

    -- the store is built once and describes itself
    local s = c:store()
    t.eq(s.documents, 8)
    t.eq(s.tokens, c:store().tokens, "same store twice")
    t.eq(s.forms >= s.norms and s.norms >= s.stems, true, "layers shrink")
    n = n + 3

    -- counting: by norm, words only by default, stopwords left out
    local f = c:count{stopwords = "stopwords-nl.txt"}
    t.eq(tostring(f), "tussen.Freq (norm, n=1, 1 groups)")
    local rows = f:rows()
    t.eq(rows[1].term, "professionals")
    t.eq(rows[1].count, 13)
    t.eq(rows[2].term, "sociale", "tie broken by term")
    t.eq(rows[2].count, 13)
    t.eq(f:count("ambtenaren"), 8)
    t.eq(f:count("de"), 0, "a stopword")
    t.eq(f:count("t-shaped"), 4, "hyphenated compound kept whole")
    t.eq(f:count("welzijnszorgsector"), 1)
    n = n + 9
    for i = 2, #rows do
      local a, b = rows[i - 1], rows[i]
      assert(a.count > b.count or (a.count == b.count and a.term < b.term),
             "order at row " .. i)
    end
    n = n + 1

    -- by form keeps case; forms=true gives the usual spelling
    local ff = c:count{by = "form", match = "T-shaped"}
    t.eq(ff:count("T-shaped"), 3)
    t.eq(ff:count("t-shaped"), 0)
    local withform = c:count{match = "t-shaped", forms = true}
    t.eq(withform:rows()[1].form, "T-shaped")
    n = n + 3

    -- stems join inflections
    local st = c:count{by = "stem", match = "ambtenar"}
    t.eq(st:rows()[1].count, 8 + 0, "ambtenaren (8); ambtenaar does not occur")
    n = n + 1

    -- kinds, lengths, regex, top, min
    local punct = c:count{kinds = "punct", top = 1}
    t.eq(punct:rows()[1].term, ".")
    t.eq(#c:count{min_len = 20}:rows() >= 1, true)
    for _, r in ipairs(c:count{min_len = 20}:rows()) do
      assert(tussen.text.len(r.term) >= 20, r.term)
    end
    t.eq(#c:count{regex = "^ambt", top = 2}:rows(), 2)
    for _, r in ipairs(c:count{min = 5, stopwords = "stopwords-nl.txt"}:rows()) do
      assert(r.count >= 5)
    end
    n = n + 4

    -- groups and documents
    local g = c:count{group = "kind", stopwords = {"de", "het", "een"}}
    local groups = g:groups()
    t.eq(groups[1].name, "article")
    t.eq(groups[2].name, "comment")
    t.eq(groups[2].docs, 7)
    t.eq(g:count("sociale", "article"), 13)
    t.eq(g:count("sociale", "comment"), 0)
    t.raises(function() g:rows("opinion") end, "no group 'opinion'")
    t.eq(#g:rows("comment", 3), 3, "rows of a group, limited")
    t.eq(#g:rows(nil, 2), 4, "two rows of each of two groups")
    t.raises(function() g:count("x") end, "has 2 groups")
    local only = c:count{docs = {kind = "comment"}, match = "jaar"}
    t.eq(only:rows()[1].count, 4)
    n = n + 8

    -- n-grams
    local bi = c:count{n = 2, stopwords = "stopwords-nl.txt", top = 1}
    t.eq(bi:rows()[1].term, "sociale professionals")
    t.eq(bi:rows()[1].count, 8)
    n = n + 2

    -- dispersion and the DFM
    local per_doc = c:count{group = "id"}
    local dp = per_doc:dp("sociale") -- all 13 in the article
    assert(dp > 0.4 and dp < 0.5, "dp of sociale: " .. dp)
    t.eq(per_doc:dp("zzz-not-there"), nil)
    local csv = per_doc:dfm("csv")
    t.eq(csv:sub(1, 18), "doc,feature,count\n")
    assert(csv:find("\nartikel,sociale,13\n", 1, true), "dfm cell")
    local json = per_doc:dfm("json")
    t.eq(json:sub(1, 10), '{"docs": [')
    n = n + 5

    -- KWIC
    local k = c:kwic("ambtena*", {width = 3})
    t.eq(#k >= 8, true)
    t.eq(k[1].doc, "artikel")
    t.eq(k[1].match, "ambtenaren")
    local right = c:kwic("ambtena*", {sort = "right", limit = 3})
    t.eq(#right, 3)
    local phrase = c:kwic("sociale professionals")
    t.eq(#phrase, 8)
    t.raises(function() c:kwic("x", {sort = "sideways"}) end,
             "option 'sort' must be")
    t.raises(function() c:kwic("x", {widht = 3}) end,
             "unknown option 'widht'; did you mean 'width'")
    n = n + 7

    -- collocations
    local coll, node_freq, size = c:collocates("professionals",
                                                {stopwords = "stopwords-nl.txt",
                                                 window = 3, top = 3})
    t.eq(node_freq, 13)
    t.eq(coll[1].term, "sociale")
    close(coll[1].logdice,
          14 + math.log(2 * coll[1].freq / (node_freq + coll[1].coll_freq), 2),
          "logDice")
    close(coll[1].mi,
          math.log(coll[1].freq * size / (node_freq * coll[1].coll_freq), 2), "MI")
    t.raises(function() c:collocates("x", {sort = "dice"}) end, "'sort' must be")
    n = n + 5

    -- keyness
    local key = stats.keyness(g, g, {target = "article", reference = "comment",
                                     min = 3, top = 5})
    t.eq(key[1].term, "sociale")
    t.eq(key[1].freq, 13)
    t.eq(key[1].ref_freq, 0)
    local g2 = stats.g2(13, 0, groups[1].tokens, groups[2].tokens)
    close(key[1].g2, g2, "G2")
    t.raises(function() stats.keyness(f, bi) end, "count different things")
    t.raises(function() stats.keyness(g, g) end, "has 2 groups; name one")
    n = n + 5

    -- the formulas (worked out in tests/unit/test_analysis.c)
    local g2b, lr, pd = stats.g2(10, 5, 100, 200)
    close(g2b, 6.931471806, "G2")
    close(lr, 2, "log ratio")
    close(pd, 300, "%DIFF")
    local a = stats.assoc(4, 10, 20, 1000)
    close(a.logdice, 12.093109404, "logdice")
    close(a.mi, 4.321928095, "mi")
    close(a.mi3, 8.321928095, "mi3")
    close(a.t, 1.9, "t")
    close(a.ll, 18.874264432, "ll")
    local d, dn = stats.dp({2, 0, 3}, {50, 30, 20})
    close(d, 0.4, "DP")
    close(dn, 0.5, "DPnorm")
    n = n + 10

    -- option checks
    t.raises(function() c:count{by = "lemma"} end,
             "option 'by' must be \"form\", \"norm\" or \"stem\"")
    t.raises(function() c:count{n = 6} end, "'n' must be a whole number from 1 to 5")
    t.raises(function() c:count{kinds = "wrod"} end, "unknown token kind 'wrod'")
    t.raises(function() c:count{regex = "(["} end, "bad regular expression")
    t.raises(function() c:count{stopwords = "no-such-list.txt"} end,
             "no data file 'no%-such%-list.txt'")
    t.raises(function() c:count{top = "ten"} end, "'top' must be a number")
    n = n + 6

    -- an opt-in Lua filter, called once per form type
    local calls = 0
    local kept = c:count{keep = function(term)
      calls = calls + 1
      return term:sub(1, 4) == "ambt"
    end}
    t.eq(calls, s.forms)
    for _, r in ipairs(kept:rows()) do assert(r.term:sub(1, 4) == "ambt") end
    n = n + 1

    -- several nodes at once give what one at a time gives
    local opts = {stopwords = "stopwords-nl.txt", window = 4, top = 3}
    local many = c:collocates({"professionals", "ambtena*"}, opts)
    local one = c:collocates("ambtena*", opts)
    local k2 = 0
    for _, r in ipairs(many) do
      if r.node == "ambtena*" then
        k2 = k2 + 1
        t.eq(r.term, one[k2].term, "node list row " .. k2)
        t.eq(r.freq, one[k2].freq)
      end
    end
    t.eq(k2, #one)
    n = n + 1

    -- the inverted index changes no answer
    local function snapshot()
      local out = {}
      for _, l in ipairs(c:kwic("ambtena*", {sort = "left"})) do
        out[#out + 1] = l.doc .. l.position .. l.left .. l.match .. l.right
      end
      for _, r in ipairs(c:collocates({"sociale", "professionals"}, opts)) do
        out[#out + 1] = string.format("%s %s %d %d %.9f", r.node, r.term, r.freq,
                                      r.coll_freq, r.ll)
      end
      return table.concat(out, "\n")
    end
    local before = snapshot()
    t.eq(c:store().index, false)
    t.eq(c:store{index = true}.index, true)
    t.eq(snapshot(), before, "with the index")
    n = n + 3

    return {checks = n}
  end,
}
