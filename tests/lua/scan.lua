-- corpus:scan, tussen.Scan (count, collocates, kwic, totals), tussen.Source
-- (scan, load) and corpus:load, run on corpus/streetwise/streetwise.jsonl:
-- the script declares corpus = "stream", so ctx.corpus is a Source. Every
-- answer of a scan must equal that of the loaded corpus's own analyses
-- (corpus:count, corpus:collocates and corpus:kwic with exact = true).
local t = require("testing")

local sw = "stopwords-nl.txt"

-- Rows of a Freq (or any list of records) as one string per row.
local function lines(rows, keys)
  local out = {}
  for i, r in ipairs(rows) do
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = tostring(r[k]) end
    out[i] = table.concat(parts, " ")
  end
  return out
end

local function same(a, b, keys, what)
  local x, y = lines(a, keys), lines(b, keys)
  t.eq(#x, #y, what .. ": rows")
  t.eq(#x > 0, true, what .. ": some rows")
  for i = 1, #x do t.eq(x[i], y[i], what .. ": row " .. i) end
end

return {
  description = "API test: corpus:scan, tussen.Scan and tussen.Source",
  corpus = "stream",
  run = function(ctx)
    local src, n = ctx.corpus, 0
    t.eq(tostring(src):match("^tussen%.%a+"), "tussen.Source")
    local c = src:load()
    t.eq(tostring(c):match("^tussen%.%a+"), "tussen.Corpus")
    t.eq(rawequal(c:load(), c), true, "corpus:load is the corpus itself")
    n = n + 3

    -- totals: what was read, as the store counts it
    local s = src:scan{stopwords = sw}
    local tot, st = s:totals(), c:store()
    t.eq(tot.documents, 8)
    t.eq(tot.tokens, st.tokens)
    t.eq(tot.sentences, st.sentences)
    n = n + 3

    -- count: the rows and groups of corpus:count, with forms and DP
    local keys = {"term", "form", "count", "docs", "per_million", "dp", "dp_norm"}
    local fs = s:count{forms = true, dp = true}
    local fc = c:count{stopwords = sw, forms = true, dp = true}
    same(fs:rows(), fc:rows(), keys, "source:scan count")
    t.eq(fs:rows()[1].term, "professionals")
    t.eq(fs:count("sociale"), 13)
    t.eq(fs:count("de"), 0, "a stopword")
    t.eq(fs:count("t-shaped"), 4)
    same(fs:groups(), fc:groups(), {"name", "docs", "tokens", "counted", "types"},
         "groups")
    n = n + 6
    -- corpus:scan on the loaded corpus gives the same
    local cs = c:scan{stopwords = sw}
    same(cs:count{forms = true, dp = true}:rows(), fc:rows(), keys, "corpus:scan")
    t.eq(cs:totals().tokens, tot.tokens)
    n = n + 2

    -- filters and cuts: by, kinds, lengths, match, regex, min, top
    local cases = {
      {{by = "form", match = "T-shaped"}, {}},
      {{by = "stem", regex = "^ambt"}, {}},
      {{kinds = "punct"}, {top = 3}},
      {{min_len = 12, max_len = 14, stopwords = {"beleidsmakers"}}, {min = 2}},
      {{kinds = "all", by = "form"}, {top = 10, min = 3}},
    }
    for i, case in ipairs(cases) do
      local sopts, copts = case[1], {}
      for k, v in pairs(sopts) do copts[k] = v end
      for k, v in pairs(case[2]) do copts[k] = v end
      same(c:scan(sopts):count(case[2]):rows(), c:count(copts):rows(),
           {"term", "count", "docs"}, "case " .. i)
      n = n + 1
    end

    -- grouped: by kind, by id (one group per document), a field some
    -- documents lack
    for _, g in ipairs({"kind", "id", "title"}) do
      local gs = src:scan{group = g, stopwords = sw}
      local a = gs:count{group = true, min = 2}
      local b = c:count{group = g, stopwords = sw, min = 2}
      same(a:groups(), b:groups(), {"name", "docs", "tokens", "counted", "types"},
           "groups by " .. g)
      -- a full list is ordered as it is read: the first rows of a group,
      -- then all of them, then all groups, each in the list's order
      local first = a:groups()[1].name
      same(a:rows(first, 3), b:rows(first, 3), {"term", "count", "docs"},
           "first rows of " .. first .. " by " .. g)
      same(a:rows(first), b:rows(first), {"term", "count", "docs"},
           "rows of " .. first .. " by " .. g)
      same(a:rows(), b:rows(), {"group", "term", "count", "docs"}, "rows by " .. g)
      -- ungrouped from the same scan
      same(gs:count{top = 5}:rows(), c:count{stopwords = sw, top = 5}:rows(),
           {"term", "count", "docs"}, "ungrouped from a grouped scan")
      n = n + 5
    end
    -- DP over documents from a per-document list: the same as the loaded
    -- corpus's; a stopword (in the scan's terms, in no row) is unknown
    do
      local a = src:scan{group = "id", stopwords = sw}:count{group = true}
      local b = c:count{group = "id", stopwords = sw}
      for _, term in ipairs({"sociale", "professionals", "ambtenaren"}) do
        local x, xn = a:dp(term)
        local y, yn = b:dp(term)
        t.eq(x, y, "dp of " .. term)
        t.eq(xn, yn, "dp_norm of " .. term)
      end
      t.eq(a:dp("de"), nil, "a stopword")
      t.eq(b:dp("de"), nil, "a stopword (loaded)")
      n = n + 8
    end
    t.eq(src:scan{group = "title"}:count{group = true}:groups()[2].name, "(none)")
    n = n + 1

    -- collocates: the rows of corpus:collocates with a node list and exact
    local nodes = {"professionals", "sociale", "professionals", "de", "zzz"}
    local o = {window = 3, sort = "ll", sentence = true}
    local a = s:collocates(nodes, o)
    local copts = {stopwords = sw, window = 3, sort = "ll", sentence = true,
                   exact = true}
    local b = c:collocates(nodes, copts)
    same(a, b, {"node", "node_freq", "term", "freq", "coll_freq", "logdice", "mi",
                "mi3", "t", "ll"}, "collocates")
    local twice = 0
    for _, r in ipairs(a) do
      if r.node == "professionals" then twice = twice + 1 end
      assert(r.node ~= "zzz", "an absent node has no rows")
    end
    t.eq(twice % 2, 0, "a node given twice gets its rows twice")
    local left = s:collocates({"ambtenaren"}, {left = 2, right = 0, top = 4, min = 1})
    same(left, c:collocates({"ambtenaren"},
                            {stopwords = sw, left = 2, right = 0, top = 4,
                             exact = true}),
         {"term", "freq", "logdice"}, "left window")
    t.eq(#left, 4)
    n = n + 4

    -- kwic: the lines of corpus:kwic with exact, in corpus order
    local kk = {"doc", "position", "left", "match", "right"}
    same(s:kwic("ambtenaren"), c:kwic("ambtenaren", {exact = true}), kk, "kwic")
    local k2 = s:kwic("ambtenaren", {width = 2, limit = 3})
    t.eq(#k2, 3)
    same(k2, c:kwic("ambtenaren", {exact = true, width = 2, limit = 3}), kk,
         "kwic width 2 limit 3")
    t.eq(#s:kwic("zzz"), 0, "an absent term")
    -- a wildcard is taken as written (corpus:kwic would expand it)
    t.eq(#s:kwic("ambtena*"), 0, "a wildcard")
    t.eq(#s:collocates({"ambtena*"}), 0, "a wildcard node")
    t.eq(#c:kwic("ambtena*") > 0, true)
    n = n + 7

    -- a second pass over the source counts the same
    t.eq(src:scan{stopwords = sw}:count():count("sociale"), 13)
    t.eq(src:scan{threads = 2, memory = 0}:totals().tokens, tot.tokens)
    n = n + 2

    -- option errors: unknown keys (with the nearest valid one), bad types,
    -- out of range, misuse
    t.raises(function() c:scan{grup = "kind"} end, "unknown option 'grup'")
    t.raises(function() src:scan{bogus = 1} end, "unknown option 'bogus'")
    t.raises(function() c:scan{docs = {kind = "comment"}} end,
             "unknown option 'docs'")
    t.raises(function() c:scan{by = "lemma"} end, "lemma")
    t.raises(function() c:scan{tokens = "yes"} end, "tokens")
    t.raises(function() c:scan{threads = 9} end, "threads")
    t.raises(function() c:scan{group = 3} end, "group")
    t.raises(function() c:scan{regex = "(unclosed"} end, "bad regular expression")
    t.raises(function() c:scan("kind") end, "table")
    t.raises(function() s:count{top = "x"} end, "top")
    t.raises(function() s:count{n = 2} end, "unknown option 'n'")
    t.raises(function() s:count{group = true} end, "not grouped")
    t.raises(function() src:scan{group = "kind"}:count{group = true, dp = true} end,
             "DP per group")
    t.raises(function() s:collocates("professionals") end, "table expected")
    t.raises(function() s:collocates({1}) end, "node 1 is a number")
    t.raises(function() s:collocates({"de"}, {window = 0}) end, "window is empty")
    t.raises(function() s:collocates({"de"}, {sort = "dice"}) end, "sort must be")
    t.raises(function() s:collocates({"sociale professionals"}) end, "phrase")
    t.raises(function() s:kwic("sociale professionals") end, "one term")
    t.raises(function() s:kwic("de", {width = 0}) end, "width")
    t.raises(function() s:kwic() end, "string expected")
    n = n + 21
    local lean = c:scan{tokens = false}
    t.raises(function() lean:kwic("de") end, "KWIC needs the tokens")
    t.raises(function() lean:collocates({"de"}) end, "collocates needs the tokens")
    t.raises(function() lean:count{dp = true} end, "DP needs the tokens")
    t.eq(lean:count():count("sociale"), 13, "lists need no tokens")
    n = n + 4

    return {checks = n}
  end,
}
