-- stance.match: the stance engine's view of tokens and of phrase patterns. Tokens come
-- from the tussen tokenizer (doc:tokens() for corpus documents, tussen.rules for other
-- strings); phrases (multi-word expressions, markers, users' phrase rules) are one
-- tussen.rules rule set.

local tussen = require("tussen")

local M = {}

local casefold = tussen.text.casefold

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

-- The tussen tokenizer, read through tussen.rules: a rule set of one rule per token kind
-- (`kind:word`, ...) matches every token once, with its byte span, and the rule `[]+`
-- matches each sentence whole, since rules stay within a sentence. This uses only the
-- public API; a direct token list from the runtime would spare the two passes.
local rules_lib = tussen.rules
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
    toks = native_tokens(s)
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

-- ---- phrase patterns

-- A word as a literal of the tussen.rules syntax: characters that are syntax there are
-- quoted with a backslash ('*' too: lexicon words are never wildcards).
function M.literal(word)
  return (word:gsub('[%(%)|%?%+{}%[%]"\\!/%*]', "\\%0"))
end

-- Parses a pattern into elements: {alts = {norm = true}} or {gap = max}.
-- Wraps tussen.rules: rules are collected and compiled once, on the first match; its
-- matches carry byte spans, mapped here onto the token list.
function M.new_ruleset()
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

-- Whether a pattern compiles (tussen.rules' own message when it does not).
function M.check_pattern(pattern, name)
  local rs, err = rules_lib.compile({{name = name, pattern = pattern}})
  if not rs then return false, err end
  return true
end


return M
