-- stance.match: the stance engine's view of tokens and of phrase patterns. Tokens come
-- from the tussen tokenizer; phrases (multi-word expressions, markers, users' phrase rules)
-- are matched by tussen.rules. A small Lua fallback of each keeps the engine usable (and
-- testable with a plain Lua interpreter) where those are not available.

local has_tussen, tussen = pcall(require, "tussen")
if not has_tussen then tussen = nil end

local M = {}

local text_lib = tussen and tussen.text
local casefold = (text_lib and text_lib.casefold) or string.lower

-- ---- normalisation ---------------------------------------------------------------------

-- Typographic quotes and apostrophes lumped as the tokenizer's norm does.
local LUMP = {
  ["\u{2019}"] = "'", ["\u{2018}"] = "'", ["\u{201C}"] = '"', ["\u{201D}"] = '"',
  ["\u{201E}"] = '"', ["\u{00AB}"] = '"', ["\u{00BB}"] = '"', ["\u{2013}"] = "-",
  ["\u{2014}"] = "-", ["\u{2026}"] = "...",
}

function M.norm(s)
  s = casefold(s)
  s = s:gsub("\xC4\xB3", "ij"):gsub("[\xE2\xC2][\x80-\xBF][\x80-\xBF]?", function(c)
    return LUMP[c]
  end)
  if s == ",," or s == "''" then s = '"' end
  return s
end

-- ---- fallback tokenizer ----------------------------------------------------------------

local EMOTICONS = {">:(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-/", ":-@", ";-)", ":)", ":(",
  ":D", ":P", ":p", ":/", ":S", ":s", ":@", ":]", ":[", ";)", "=)", "=(", "xD", "XD", "<3",
  "</3"}

local ABBREV = {["bijv."] = true, ["o.a."] = true, ["d.w.z."] = true, ["m.b.t."] = true,
  ["i.p.v."] = true, ["enz."] = true, ["etc."] = true, ["nr."] = true, ["dhr."] = true,
  ["mevr."] = true, ["ca."] = true, ["zgn."] = true, ["a.u.b."] = true, ["t.a.v."] = true,
  ["e.d."] = true, ["jl."] = true, ["blz."] = true}

-- Is the code point at byte i an emoji or a modifier that belongs to one?
local function emoji_at(s, i)
  local c = utf8.codepoint(s, i)
  if (c >= 0x1F300 and c <= 0x1FAFF) or (c >= 0x2600 and c <= 0x27BF) or c == 0x2B50
      or c == 0x2B55 or c == 0x274C or c == 0x2705 then
    return "emoji"
  end
  if c == 0xFE0F or c == 0x200D or (c >= 0x1F3FB and c <= 0x1F3FF) or c == 0x2640
      or c == 0x2642 then
    return "mod"
  end
  return nil
end

local PUNCT = "[%.,;:!%?%(%)%[%]\"'%*/]"

local function push(out, s, a, b, kind)
  out[#out + 1] = {form = s:sub(a, b), start = a, stop = b, kind = kind}
end

-- Splits one whitespace-free chunk into tokens.
local function split_chunk(s, a, b, out)
  local i = a
  while i <= b do
    local rest = s:sub(i, b)
    local emo
    for _, e in ipairs(EMOTICONS) do
      if rest:sub(1, #e) == e and (i + #e > b or not rest:sub(#e + 1, #e + 1):match("%w")) then
        emo = e
        break
      end
    end
    local byte = s:byte(i)
    if emo then
      push(out, s, i, i + #emo - 1, "emoticon")
      i = i + #emo
    elseif byte >= 0xC0 and emoji_at(s, i) then
      local j = i
      repeat
        j = j + #utf8.char(utf8.codepoint(s, j))
      until j > b or emoji_at(s, j) ~= "mod"
      push(out, s, i, j - 1, "emoji")
      i = j
    elseif rest:sub(1, 3) == "..." then
      local j = i
      while s:sub(j, j) == "." and j <= b do j = j + 1 end
      push(out, s, i, j - 1, "punct")
      i = j
    elseif rest:sub(1, 2) == ",," or rest:sub(1, 2) == "''" then
      push(out, s, i, i + 1, "punct")
      i = i + 2
    elseif rest:sub(1, 1):match(PUNCT) or rest:sub(1, 1) == "," then
      push(out, s, i, i, "punct")
      i = i + 1
    elseif byte >= 0xE2 and (LUMP[rest:sub(1, 3)] or rest:sub(1, 3) == "\u{2026}") then
      push(out, s, i, i + 2, "punct")
      i = i + 3
    elseif byte == 0xC2 and LUMP[rest:sub(1, 2)] then
      push(out, s, i, i + 1, "punct")
      i = i + 2
    else
      -- a word: letters, digits, inner apostrophes, hyphens, dots and ampersands
      local j = i
      while j <= b do
        local c = s:sub(j, j)
        local cb = s:byte(j)
        if cb >= 0xC0 then
          if emoji_at(s, j) then break end
          local u = utf8.char(utf8.codepoint(s, j))
          if LUMP[u] and u ~= "\u{2019}" then break end
          if u == "\u{2019}" and not s:sub(j + 3, j + 3):match("%w") then break end
          j = j + #u
        elseif c:match("[%w&%-]") or cb >= 0x80 then
          j = j + 1
        elseif (c == "'" or c == ".") and j < b and s:sub(j + 1, j + 1):match("%w")
            and j > i then
          j = j + 1
        else
          break
        end
      end
      if j == i then j = i + 1 end
      local word = s:sub(i, j - 1)
      if s:sub(j, j) == "." and ABBREV[casefold(word .. ".")] then
        push(out, s, i, j, "abbrev")
        i = j + 1
      else
        push(out, s, i, j - 1, word:match("^%d") and "number" or "word")
        i = j
      end
    end
  end
end

-- The fallback: tokens with byte offsets and sentence ends (. ! ? … and line breaks that
-- end a line without punctuation, as in headings).
local function fallback_tokens(s)
  local out = {}
  local pos = 1
  while true do
    local a, b = s:find("%S+", pos)
    if not a then break end
    local n0 = #out
    split_chunk(s, a, b, out)
    local gap = s:match("^%s*", b + 1)
    if #out > n0 then
      out[#out].space = #gap > 0
      if gap:find("\n") then out[#out].line_end = true end
      if gap:find("\n%s*\n") then out[#out].para_end = true end
    end
    pos = b + 1
  end
  for i, t in ipairs(out) do
    t.norm = M.norm(t.form)
    local f = t.form
    local nxt = out[i + 1]
    local ends = false
    if f:match("^[%.!%?]+$") or f == "\u{2026}" or f:match("^%.%.%.+$") or f == "?!" then
      ends = true
      -- a closing quote or bracket right after belongs to this sentence
      if nxt and (nxt.norm == '"' or nxt.form == ")") and not (out[i + 2] and out[i + 2].start
          == nxt.stop + 1) then ends = false end
    elseif (f == '"' or f == ")" or f == "\u{201D}") and i > 1
        and out[i - 1].form:match("[%.!%?]$") then
      ends = true
    end
    if t.para_end or (t.line_end and not f:match("[,;:]$")) then ends = true end
    -- several ! or ? in a row end the sentence once, at the last
    if ends and nxt and nxt.form:match("^[!%?]+$") then ends = false end
    t.sent_end = ends or i == #out
  end
  return out
end

-- The tussen tokenizer, read through tussen.rules: a rule set of one rule per token kind
-- (`kind:word`, ...) matches every token once, with its byte span, and the rule `[]+`
-- matches each sentence whole, since rules stay within a sentence. This uses only the
-- public API; a direct token list from the runtime would spare the two passes.
local rules_lib = tussen and tussen.rules
local KINDS = {"word", "number", "punct", "symbol", "url", "email", "hashtag", "mention",
  "emoticon", "emoji", "abbrev"}
local kind_rules, sentence_rule

local function native_tokens(s)
  if not kind_rules then
    local list = {}
    for i, k in ipairs(KINDS) do list[i] = {pattern = "kind:" .. k, label = k} end
    kind_rules = assert(rules_lib.compile(list, {overlap = "longest"}))
    sentence_rule = assert(rules_lib.compile("[]+", {overlap = "longest"}))
  end
  local toks = {}
  for _, m in ipairs(kind_rules:match(s)) do
    toks[#toks + 1] = {form = m.text, norm = M.norm(m.text), kind = m.label, start = m.start,
      stop = m.stop}
  end
  local by_start = {}
  for i, t in ipairs(toks) do by_start[t.start] = i end
  for _, m in ipairs(sentence_rule:match(s)) do
    local last = m.stop
    for i = #toks, 1, -1 do
      if toks[i].stop == last then toks[i].sent_end = true; break end
      if toks[i].stop < last then break end
    end
  end
  return toks
end

-- Tokens of a text, each {form, norm, kind, start, stop, sent_end}, and the sentences as
-- {first, last} token ranges.
function M.tokenize(s, doc)
  local toks
  if doc and doc.tokens then
    -- a corpus document: its tokens straight from the tokenizer (doc:tokens())
    toks = {}
    local prev = nil
    for i, t in ipairs(doc:tokens()) do
      toks[i] = {form = t.form, norm = t.norm, kind = t.kind, start = t.start, stop = t.stop}
      if prev and t.sentence ~= prev then toks[i - 1].sent_end = true end
      prev = t.sentence
    end
  else
    toks = rules_lib and native_tokens(s) or fallback_tokens(s)
  end
  if #toks > 0 then toks[#toks].sent_end = true end
  local sents, first = {}, 1
  for i, t in ipairs(toks) do
    t.sent = #sents + 1
    if t.sent_end then
      sents[#sents + 1] = {first = first, last = i}
      first = i + 1
    end
  end
  return toks, sents
end

M.tokenizer = rules_lib and "tussen" or "fallback"

-- ---- phrase patterns -------------------------------------------------------------------

-- A pattern is written in the tussen.rules syntax, restricted to what the fallback matcher
-- below understands: norm literals, alternatives (a|b|c) and gaps []{0,N}.
-- Characters that are syntax in tussen.rules are quoted when a literal holds them.
function M.literal(word)
  return (word:gsub('[%(%)|%?%+{}%[%]"\\!/%*]', "\\%0"))
end

-- Parses a pattern into elements: {alts = {norm = true}} or {gap = max}.
local function parse(pattern)
  local elems = {}
  local i, n = 1, #pattern
  while i <= n do
    local c = pattern:sub(i, i)
    if c == " " then
      i = i + 1
    elseif pattern:sub(i, i + 5) == "[]{0," then
      local max, j = pattern:match("^%[%]{0,(%d+)}()", i)
      elems[#elems + 1] = {gap = tonumber(max)}
      i = j
    elseif c == "(" then
      local j = pattern:find(")", i, true)
      local alts = {}
      for a in pattern:sub(i + 1, j - 1):gmatch("[^|]+") do alts[a] = true end
      elems[#elems + 1] = {alts = alts}
      i = j + 1
    elseif c == '"' then
      local j = i + 1
      local buf = {}
      while j <= n and pattern:sub(j, j) ~= '"' do
        if pattern:sub(j, j) == "\\" then j = j + 1 end
        buf[#buf + 1] = pattern:sub(j, j)
        j = j + 1
      end
      elems[#elems + 1] = {alts = {[table.concat(buf)] = true}}
      i = j + 1
    else
      -- a literal up to the next unescaped space; a backslash quotes the next character
      local buf, j = {}, i
      while j <= n and pattern:sub(j, j) ~= " " do
        if pattern:sub(j, j) == "\\" then j = j + 1 end
        buf[#buf + 1] = pattern:sub(j, j)
        j = j + 1
      end
      elems[#elems + 1] = {alts = {[table.concat(buf)] = true}}
      i = j
    end
  end
  return elems
end

-- Longest match of elements from token i; returns the last token or nil.
local function match_at(elems, toks, e, i, limit)
  if e > #elems then return i - 1 end
  local el = elems[e]
  if el.gap then
    for k = 0, el.gap do
      local j = i + k
      if j > limit + 1 then break end
      local last = match_at(elems, toks, e + 1, j, limit)
      if last then return last end
    end
    return nil
  end
  if i > limit or not el.alts[toks[i].norm] then return nil end
  return match_at(elems, toks, e + 1, i + 1, limit)
end

local Fallback = {}
Fallback.__index = Fallback

local function new_fallback()
  return setmetatable({rules = {}, index = {}}, Fallback)
end

function Fallback:add(rule)
  local elems = parse(rule.pattern)
  local idx = #self.rules + 1
  self.rules[idx] = {elems = elems, label = rule.label, weight = rule.weight, name = rule.name}
  for w in pairs(elems[1].alts) do
    local list = self.index[w]
    if not list then list = {}; self.index[w] = list end
    list[#list + 1] = idx
  end
end

-- Every rule's longest match from every start token, within a sentence: tussen.rules'
-- "all" overlap mode. The engine chooses among overlapping matches itself.
function Fallback:match(toks, sents)
  local out = {}
  for _, s in ipairs(sents) do
    for i = s.first, s.last do
      for _, idx in ipairs(self.index[toks[i].norm] or {}) do
        local last = match_at(self.rules[idx].elems, toks, 1, i, s.last)
        if last then
          local r = self.rules[idx]
          out[#out + 1] = {first = i, last = last, label = r.label, weight = r.weight,
            name = r.name}
        end
      end
    end
  end
  table.sort(out, function(a, b)
    if a.first ~= b.first then return a.first < b.first end
    if a.last ~= b.last then return a.last > b.last end
    return a.name < b.name
  end)
  return out
end

-- A rule set: rules {name, pattern, label, weight} in, matches {first, last, label,
-- weight, name} out (token positions of the tokens given). Through tussen.rules when the
-- runtime has it, else the fallback above.
function M.new_ruleset()
  if rules_lib then return M.native_ruleset() end
  return new_fallback()
end

-- Wraps tussen.rules: rules are collected and compiled once, on the first match; its
-- matches carry byte spans, mapped here onto the token list.
function M.native_ruleset()
  local set = {rules = {}, by_name = {}, compiled = nil}
  function set.add(self, rule)
    self.rules[#self.rules + 1] = rule
    self.by_name[rule.name] = rule
    self.compiled = nil
  end
  function set.match(self, toks, _, text)
    if not self.compiled then
      local spec = {}
      for i, r in ipairs(self.rules) do
        spec[i] = {name = r.name, pattern = r.pattern, label = r.label, weight = r.weight}
      end
      local rs, err = rules_lib.compile(spec, {overlap = "all"})
      if not rs then error("stance rules: " .. err, 0) end
      self.compiled = rs
    end
    local first_at, last_at = {}, {}
    for i, t in ipairs(toks) do first_at[t.start] = i; last_at[t.stop] = i end
    local out = {}
    for _, m in ipairs(self.compiled:match(text)) do
      local a, b = first_at[m.start], last_at[m.stop]
      if a and b then
        local r = self.by_name[m.rule]
        out[#out + 1] = {first = a, last = b, label = r.label, weight = r.weight,
          name = r.name}
      end
    end
    table.sort(out, function(x, y)
      if x.first ~= y.first then return x.first < y.first end
      if x.last ~= y.last then return x.last > y.last end
      return x.name < y.name
    end)
    return out
  end
  return set
end

-- Whether a pattern compiles (tussen.rules' own message when it does not); the fallback
-- accepts what it can parse.
function M.check_pattern(pattern, name)
  if rules_lib then
    local rs, err = rules_lib.compile({{name = name, pattern = pattern}})
    if not rs then return false, err end
    return true
  end
  local ok, err = pcall(parse, pattern)
  return ok, err
end

M.matcher = rules_lib and "tussen.rules" or "fallback"

return M
