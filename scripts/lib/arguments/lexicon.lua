-- The connective lexicon of the argument engine: entries checked against the lexicon's
-- vocabulary, read from TSV, compiled into one tussen.rules set (or matched in Lua outside
-- tussen), and the choice of which match counts where in a sentence.

local text = require("arguments.text")

local has_tussen, tussen = pcall(require, "tussen")
if not has_tussen then tussen = nil end

local lower, tokenize, is_end_punct = text.lower, text.tokenize, text.is_end_punct
local CLAUSE_PUNCT, first_word = text.CLAUSE_PUNCT, text.first_word

local M = {}

local SENSES = {
  reason = true, result = true, conclusion = true, contrast = true, concession = true,
  restatement = true, addition = true, example = true, condition = true, summary = true,
  claim = true, objection = true, agree = true, disagree = true, reference = true,
}
local DIRECTIONS = {
  ["marked-supports-other"] = true, ["other-supports-marked"] = true,
  ["marked-attacks-other"] = true, ["marked-conceded"] = true,
  ["marked-restates-other"] = true, ["marked-adds"] = true, condition = true, claim = true,
  ["marked-attacks-claim"] = true, ["marked-contrasts-other"] = true,
  ["agrees-target"] = true, ["disagrees-target"] = true, ["refers-target"] = true,
}
local POSITIONS = { initial = true, clause = true, any = true }
local CLAUSES = { sub = true, main = true, adv = true, frame = true, prep = true, gap = true }

------------------------------------------------------------------------------------------------
-- The lexicon and the phrase matcher
------------------------------------------------------------------------------------------------

local Engine = {}

-- Splits a phrase into token patterns: words lower case, "..." a gap of up to 6 tokens, a
-- trailing ":" its own token. Tokenized like text, so "d.w.z." stays one token.
local function phrase_pattern(phrase)
  local pat = {}
  for part in phrase:gmatch("%S+") do
    if part == "..." then
      pat[#pat + 1] = false
    else
      for _, t in ipairs(tokenize(part)) do pat[#pat + 1] = lower(t.form) end
    end
  end
  return pat
end

local function check_entry(e, where)
  local function bad(what, val, allowed)
    local keys = {}
    for k in pairs(allowed) do keys[#keys + 1] = k end
    table.sort(keys)
    error(string.format("%sconnective '%s': bad %s '%s' (one of: %s)", where, tostring(e.phrase),
      what, tostring(val), table.concat(keys, ", ")), 3)
  end
  if type(e.phrase) ~= "string" or not e.phrase:find("%S") then
    error(where .. "connective without a phrase", 3)
  end
  if not SENSES[e.sense] then bad("sense", e.sense, SENSES) end
  if not DIRECTIONS[e.direction] then bad("direction", e.direction, DIRECTIONS) end
  if not POSITIONS[e.position] then bad("position", e.position, POSITIONS) end
  if not CLAUSES[e.clause] then bad("clause", e.clause, CLAUSES) end
  if e.weight ~= nil and (type(e.weight) ~= "number" or e.weight < 0 or e.weight > 1) then
    error(string.format("%sconnective '%s': weight must be a number from 0 to 1", where, e.phrase), 3)
  end
end

-- Adds or replaces a connective: {phrase=, sense=, direction=, position=, clause=, weight=,
-- notes=}. A phrase already present is overridden (users refine the shipped lexicon).
function Engine:add_connective(e)
  check_entry(e, "")
  local entry = {
    phrase = lower(e.phrase), sense = e.sense, direction = e.direction, position = e.position,
    clause = e.clause, weight = e.weight or 1.0, notes = e.notes or "",
  }
  entry.pattern = phrase_pattern(entry.phrase)
  if e.rule ~= nil then
    -- a tussen.rules pattern instead of the literal phrase: the phrase becomes its name
    if type(e.rule) ~= "string" or not (tussen and tussen.rules) then
      error(string.format("connective '%s': rule must be a tussen.rules pattern (a string) "
        .. "and needs the tussen runtime", e.phrase), 2)
    end
    local ok, err = tussen.rules.compile({ { pattern = e.rule, name = entry.phrase } })
    if not ok then error(string.format("connective '%s': %s", e.phrase, err), 2) end
    entry.rule = e.rule
  end
  local old = self.by_phrase[entry.phrase]
  if old then
    for k, v in pairs(entry) do old[k] = v end
    if entry.rule == nil then old.rule = nil end
  else
    self.by_phrase[entry.phrase] = entry
    self.entries[#self.entries + 1] = entry
  end
  self.index = nil
  self.compiled = nil
  return self
end

-- Reads connectives from TSV text (the lexicon's format; see its header).
function Engine:add_connectives_tsv(text, name)
  name = name or "connectives"
  local lineno, header_seen = 0, false
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    lineno = lineno + 1
    line = line:gsub("\r$", "")
    if line ~= "" and not line:match("^#") then
      local f = {}
      for field in (line .. "\t"):gmatch("([^\t]*)\t") do f[#f + 1] = field end
      if not header_seen and f[1] == "phrase" then
        header_seen = true
      else
        if #f < 5 then
          error(string.format("%s:%d: expected at least 5 tab-separated columns "
            .. "(phrase, sense, direction, position, clause), got %d", name, lineno, #f),0)
        end
        local ok, err = pcall(self.add_connective, self, {
          phrase = f[1], sense = f[2], direction = f[3], position = f[4], clause = f[5],
          notes = f[6], weight = f[7] and f[7] ~= "" and tonumber(f[7]) or nil,
        })
        if not ok then
          -- the TSV line is the place to fix, not the Lua code that read it
          error(string.format("%s:%d: %s", name, lineno,
            (tostring(err):gsub("^[^:]*:%d+: ", ""))), 0)
        end
      end
    end
  end
  return self
end

-- Adds a relation rule: fn(unit, ctx) is called for every unit after the connectives have
-- spoken and may return {type = "support"|"attack"|"restate", to = other_unit, marker = text}
-- or nil. ctx has prev (previous unit), sentence (units of its sentence), doc, units.
function Engine:add_rule(fn)
  if type(fn) ~= "function" then error("add_rule: a function expected", 2) end
  self.rules[#self.rules + 1] = fn
  return self
end

local function build_index(self)
  local idx = {}
  for _, e in ipairs(self.entries) do
    local first = not e.rule and e.pattern[1] -- tussen.rules patterns need the C matcher
    if first then
      idx[first] = idx[first] or {}
      table.insert(idx[first], e)
    end
  end
  -- longest phrase first; ties by phrase so the result never depends on insertion order
  for _, list in pairs(idx) do
    table.sort(list, function(a, b)
      if #a.pattern ~= #b.pattern then return #a.pattern > #b.pattern end
      return a.phrase < b.phrase
    end)
  end
  self.index = idx
end

-- Tries entry e at token i of the sentence; returns the index of its last token or nil.
local function try_entry(e, sent, i)
  local p, j = e.pattern, i
  local k = 1
  while k <= #p do
    local want = p[k]
    if want == false then
      -- a gap: find the next literal within 6 tokens
      local nextlit = p[k + 1]
      local found
      for g = j, math.min(#sent, j + 6) do
        if sent[g].low == nextlit then found = g break end
      end
      if not found then return nil end
      j = found
      k = k + 1
    else
      if not sent[j] or sent[j].low ~= want then return nil end
      j = j + 1
      k = k + 1
    end
  end
  return j - 1
end

-- The lexicon as one rule set of tussen.rules (the C matcher): a rule per phrase, "..." a
-- bounded gap. Every rule's match at every token comes back (overlap "all"); which one counts
-- is decided here, where the position in the sentence is known.
local function compile_rules(self)
  local list = {}
  for _, e in ipairs(self.entries) do
    local words = {}
    for _, w in ipairs(e.pattern) do words[#words + 1] = w == false and "[]{0,6}" or w end
    list[#list + 1] = { pattern = e.rule or table.concat(words, " "), name = e.phrase,
      weight = e.weight }
  end
  local rs, err = tussen.rules.compile(list, { overlap = "all" })
  if not rs then error("arguments: the connective lexicon does not compile: " .. err, 0) end
  self.compiled = rs
end

-- Candidate matches of a whole document: per token index of `toks`, the list of
-- {entry, last} that start there, longest first (ties by phrase).
function Engine:candidates(text, toks)
  local by_start, by_stop = {}, {}
  for k, t in ipairs(toks) do
    by_start[t.s] = k
    by_stop[t.e] = k
  end
  local cands = {}
  local function add(k, e, last)
    cands[k] = cands[k] or {}
    table.insert(cands[k], { entry = e, last = last })
  end
  if tussen and tussen.rules and not self.lua_matcher then
    if not self.compiled then compile_rules(self) end
    for _, m in ipairs(self.compiled:match(text)) do
      local k, last = by_start[m.start], by_stop[m.stop]
      if not last and k then
        -- the two tokenizers may cut a token differently: take the last token inside
        for j = k, #toks do
          if toks[j].e > m.stop then break end
          last = j
        end
      end
      local e = self.by_phrase[m.rule]
      if k and last and e then add(k, e, last) end
    end
  else
    if not self.index then build_index(self) end
    for k, t in ipairs(toks) do
      for _, e in ipairs(self.index[t.low] or {}) do
        local last = try_entry(e, toks, k)
        if last then add(k, e, last) end
      end
    end
  end
  for _, list in pairs(cands) do
    table.sort(list, function(a, b)
      if a.last ~= b.last then return a.last > b.last end
      return a.entry.phrase < b.entry.phrase
    end)
  end
  return cands
end

-- Connective matches of one sentence (tokens sent[1..n] = toks[base+1..base+n] of the
-- document), longest first, left to right, without overlap; each
-- {entry, first, last, initial, clause_start, weight}.
function Engine:match_sentence(sent, cands, base)
  local out, i = {}, 1
  local fw = first_word(sent)
  while i <= #sent do
    local list = cands[base + i]
    local best
    if list then
      local initial = (i == fw)
      local prev = sent[i - 1]
      local clause_start = initial or (prev and CLAUSE_PUNCT[prev.form]) or false
      for _, c in ipairs(list) do
        local e = c.entry
        -- a subordinating conjunction starts a clause wherever it stands (omdat, doordat)
        local ok_pos = e.position == "any" or (e.position == "initial" and initial)
          or (e.position == "clause" and (clause_start or e.clause == "sub"))
        local last = c.last - base
        if ok_pos and last <= #sent then
          do
            -- weight: full at the start of a clause, half inside one; a comma or a full stop
            -- right after a sentence-initial word ("Alleen, ..." "Eens.") makes it count
            local w = e.weight
            if not clause_start then w = w * 0.5 end
            local after = sent[last + 1]
            if initial and after and (after.form == "," or after.form == ":" or after.form == ";"
                or is_end_punct(after.form)) then
              w = math.min(1, w + 0.3)
            end
            best = { entry = e, first = i, last = last, initial = initial,
              clause_start = clause_start and true or false, weight = w }
            break
          end
        end
      end
    end
    if best and best.weight >= self.threshold then
      out[#out + 1] = best
      -- a discontinuous cue (er ... nodig) does not hide the connectives inside its gap
      i = best.entry.clause == "gap" and i + 1 or best.last + 1
    else
      i = i + 1
    end
  end
  return out
end

M.SENSES = SENSES
M.DIRECTIONS = DIRECTIONS

-- Puts the lexicon methods into the engine's method table.
function M.install(E)
  for k, v in pairs(Engine) do E[k] = v end
end

return M
