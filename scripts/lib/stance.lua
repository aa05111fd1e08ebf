-- stance: a Dutch rule-and-lexicon engine for the polarity of texts and the stance of
-- reactions toward what they react to, with the evidence (cue, span, weight, rule) for
-- every label. Lexicons live in scripts/lexicons/stance-*.tsv; users extend them from Lua.

local lexicon = require("stance.lexicon")
local match = require("stance.match")

local tussen = require("tussen")

local M = {}

local Engine = {}
Engine.__index = Engine

-- ---- tuning constants (documented in scripts/README.md, section Stance) -----------------

local NEG_WINDOW = 3        -- tokens a negator reaches forward
local MOD_WINDOW = 2        -- tokens a booster or dampener reaches forward
local BACK_NEG_WINDOW = 5   -- tokens a clause-final negator reaches back to a verb
local CAPS_FACTOR = 1.5     -- a cue written in capitals
local CAPS_SENTENCE = 1.2   -- a sentence with a word in capitals
local EXCLAIM_STEP = 0.15   -- per exclamation mark, at most three
local QUESTION_FACTOR = 0.5 -- cues in a plain question
local RHET_FORM = -1 -- a question whose form asserts (toch niet ...?, Ben je ...?)
local FOREBODING = -1 -- "straks ...": a consequence foretold, without praise
local DOUBLE_NEG = -0.5     -- niet on-X: litotes, a weak positive
local ON_PREFIX = 0.8       -- on-X derived from a positive X
local NORM_ALPHA = 6        -- raw score s -> s / sqrt(s^2 + alpha)
local LABEL_THRESHOLD = 0.15

local function round(x, digits)
  local m = 10 ^ (digits or 2)
  local r = math.floor(x * m + 0.5) / m
  if r == 0 then r = 0.0 end
  return r
end

local function squash(x) return x / math.sqrt(x * x + NORM_ALPHA) end

-- ---- loading ---------------------------------------------------------------------------

-- Lines of a lexicon file (scripts/lexicons/, or the running script's own directory).
local function data_lines(name) return tussen.data.lines(name) end

local VALID_TYPES = {adj = true, verb = true, noun = true, adv = true, intj = true,
  mwe = true, emoticon = true, emoji = true, rule = true}
local VALID_CLASSES = {agree = true, disagree = true, negator = true, booster = true,
  dampener = true, contrast = true, concession = true, irony = true, rhetorical = true,
  target_text = true, target_subject = true}
local VALID_WHERE = {any = true, start = true, alone = true}

-- A phrase written with "..." for a gap becomes a pattern: "niet met ... eens".
local function phrase_pattern(words)
  local parts = {}
  for w in words:gmatch("%S+") do
    if w == "..." then parts[#parts + 1] = "[]{0,4}" else parts[#parts + 1] = match.literal(w) end
  end
  return table.concat(parts, " ")
end

-- A new engine with both lexicons loaded (opts.lexicon = false: empty). It caches the
-- analyses of targets and the stances it computed by document id, so use one engine per
-- corpus.
function M.new(opts)
  opts = opts or {}
  local self = setmetatable({
    words = {},      -- norm -> {entry, strength, type}
    phrases = {},    -- rule name -> info, for polarity phrases and markers
    on_prefix = opts.on_prefix ~= false,
  }, Engine)
  if opts.lexicon ~= false then
    self:load_polarity(opts.polarity or "stance-polarity.tsv")
    self:load_markers(opts.markers or "stance-markers.tsv")
  end
  return self
end

-- Adds (or overrides) one polarity entry: a word with its generated forms, or a phrase.
function Engine:add_entry(entry, strength, typ, forms, note)
  assert(type(entry) == "string" and entry ~= "", "stance: entry must be a non-empty string")
  assert(type(strength) == "number", "stance: strength of '" .. entry .. "' must be a number")
  typ = typ or (entry:find(" ") and "mwe" or "adj")
  assert(VALID_TYPES[typ], "stance: unknown type '" .. tostring(typ) .. "' for '" .. entry .. "'")
  entry = match.norm(entry)
  local info = {entry = entry, strength = strength, type = typ, note = note}
  if typ == "mwe" or typ == "rule" or entry:find(" ") then
    self:add_rule("p:" .. entry, phrase_pattern(entry), "polarity", strength, info)
    return
  end
  local wforms, split = lexicon.expand(entry, typ, forms)
  for i, f in ipairs(wforms) do
    -- the entry itself always wins; a generated form never overrides another entry's own
    local cur = self.words[f]
    if i == 1 or not cur or cur.generated then
      self.words[f] = {entry = entry, strength = strength, type = typ, generated = i > 1}
    end
  end
  if split then
    local alts = {}
    for _, f in ipairs(split.finite) do alts[#alts + 1] = match.literal(f) end
    table.sort(alts)
    local pattern = "(" .. table.concat(alts, "|") .. ") []{0,7} " .. match.literal(split.particle)
    self:add_rule("v:" .. entry, pattern, "polarity", strength,
      {entry = entry, strength = strength, type = "verb", split = true})
  end
end

-- Adds (or overrides) one marker.
function Engine:add_marker(entry, class, weight, where, note)
  assert(VALID_CLASSES[class], "stance: unknown marker class '" .. tostring(class) .. "'")
  assert(type(weight) == "number", "stance: weight of marker '" .. entry .. "' must be a number")
  where = where or "any"
  assert(VALID_WHERE[where], "stance: 'where' must be any, start or alone, not '" ..
    tostring(where) .. "'")
  entry = match.norm(entry)
  self:add_rule("m:" .. class .. ":" .. entry, phrase_pattern(entry), class, weight,
    {entry = entry, class = class, weight = weight, where = where, note = note})
end

-- Adds a phrase rule written in the tussen.rules pattern syntax: label is "polarity" (the
-- weight is a strength) or a marker class.
function Engine:add_rule(name, pattern, label, weight, info)
  info = info or {}
  info.name, info.pattern, info.label, info.weight = name, pattern, label, weight
  info.class = info.class or label
  info.where = info.where or "any"
  self.phrases[name] = info
  self.ruleset = nil
end

function Engine:load_polarity(name)
  lexicon.read_tsv(data_lines(name), function(f, line)
    local strength = tonumber(f[2])
    if not (f[1] and strength and VALID_TYPES[f[3] or ""]) then
      error(("stance: %s:%d: expected entry, strength (a number), type; got '%s'"):format(
        name, line, table.concat(f, "\t")), 0)
    end
    self:add_entry(f[1], strength, f[3], f[4], f[5])
  end)
end

function Engine:load_markers(name)
  lexicon.read_tsv(data_lines(name), function(f, line)
    local weight = tonumber(f[3])
    if not (f[1] and VALID_CLASSES[f[2] or ""] and weight and VALID_WHERE[f[4] or "any"]) then
      error(("stance: %s:%d: expected entry, class, weight, where; got '%s'"):format(
        name, line, table.concat(f, "\t")), 0)
    end
    self:add_marker(f[1], f[2], weight, f[4] ~= "" and f[4] or "any", f[5])
  end)
end

local CLASS_LIST = "agree, disagree, negator, booster, dampener, contrast, concession, " ..
  "irony, rhetorical, target_text, target_subject"

-- Applies a user's rule file: a Lua table {polarity = {...}, markers = {...}, rules = {...},
-- targets = {...}} (format in scripts/README.md). Every mistake is reported with `source`
-- (the file name) and the list and position of the entry.
function Engine:extend(spec, source)
  source = source or "rules"
  local function fail(list, i, msg)
    error(("%s: %s[%d]: %s"):format(source, list, i, msg), 0)
  end
  local known = {polarity = true, markers = true, rules = true, targets = true}
  local keys = {}
  for k in pairs(spec) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for _, k in ipairs(keys) do
    if not known[k] then
      error(("%s: unknown key '%s' (a rule file has polarity, markers, rules and targets)")
        :format(source, k), 0)
    end
  end
  for i, e in ipairs(spec.polarity or {}) do
    if type(e) ~= "table" then fail("polarity", i, "expected {entry, strength, type}") end
    local entry, strength, typ = e[1] or e.entry, e[2] or e.strength, e[3] or e.type
    if type(entry) ~= "string" or entry == "" then fail("polarity", i, "the entry must be a word or phrase") end
    if type(strength) ~= "number" then fail("polarity", i, "the strength of '" .. entry .. "' must be a number") end
    if typ ~= nil and not VALID_TYPES[typ] then
      fail("polarity", i, "unknown type '" .. tostring(typ) .. "' (adj, verb, noun, adv, intj, mwe, emoticon, emoji)")
    end
    self:add_entry(entry, strength, typ, e[4] or e.forms, e.note)
  end
  for i, e in ipairs(spec.markers or {}) do
    if type(e) ~= "table" then fail("markers", i, "expected {entry, class, weight, where}") end
    local entry, class, weight, where = e[1] or e.entry, e[2] or e.class, e[3] or e.weight,
      e[4] or e.where or "any"
    if type(entry) ~= "string" or entry == "" then fail("markers", i, "the entry must be a word or phrase") end
    if not VALID_CLASSES[class] then
      fail("markers", i, "unknown marker class '" .. tostring(class) .. "' (" .. CLASS_LIST .. ")")
    end
    if type(weight) ~= "number" then fail("markers", i, "the weight of '" .. entry .. "' must be a number") end
    if not VALID_WHERE[where] then
      fail("markers", i, "where must be any, start or alone, not '" .. tostring(where) .. "'")
    end
    self:add_marker(entry, class, weight, where, e.note)
  end
  for i, r in ipairs(spec.rules or {}) do
    if type(r) ~= "table" or type(r.pattern) ~= "string" then
      fail("rules", i, "expected {name = ..., pattern = \"...\", weight = ...}")
    end
    local label = r.label or "polarity"
    if not (label == "polarity" or VALID_CLASSES[label]) then
      fail("rules", i, "unknown label '" .. tostring(label) .. "' (polarity, " .. CLASS_LIST .. ")")
    end
    if r.weight ~= nil and type(r.weight) ~= "number" then fail("rules", i, "weight must be a number") end
    local ok, err = match.check_pattern(r.pattern, r.name)
    if not ok then fail("rules", i, err) end
    self:add_rule("u:" .. (r.name or tostring(i)), r.pattern, label, r.weight or 1,
      {entry = r.name or r.pattern, where = r.where, type = "rule"})
  end
  for i, t in ipairs(spec.targets or {}) do
    if type(t) ~= "table" or type(t[1] or t.entry) ~= "string" then
      fail("targets", i, "expected {\"words\", kind = \"text\" or \"subject\"}")
    end
    local kind = t.kind or t[2] or "subject"
    if kind ~= "text" and kind ~= "subject" then
      fail("targets", i, "kind must be text or subject, not '" .. tostring(kind) .. "'")
    end
    self:add_marker(t[1] or t.entry, kind == "text" and "target_text" or "target_subject",
      t.weight or t[3] or 1.3, "any")
  end
end

function Engine:compiled()
  if self.ruleset then return self.ruleset end
  local names = {}
  for name in pairs(self.phrases) do names[#names + 1] = name end
  table.sort(names)
  local rs = match.new_ruleset()
  for _, name in ipairs(names) do
    local p = self.phrases[name]
    rs:add({name = name, pattern = p.pattern, label = p.label, weight = p.weight})
  end
  self.ruleset = rs
  return rs
end

M.Engine = Engine
M.data_lines = data_lines
M.round, M.squash = round, squash
M.LABEL_THRESHOLD = LABEL_THRESHOLD

require("stance.score")(M, Engine, {
  NEG_WINDOW = NEG_WINDOW, MOD_WINDOW = MOD_WINDOW, BACK_NEG_WINDOW = BACK_NEG_WINDOW,
  CAPS_FACTOR = CAPS_FACTOR, CAPS_SENTENCE = CAPS_SENTENCE, EXCLAIM_STEP = EXCLAIM_STEP,
  QUESTION_FACTOR = QUESTION_FACTOR, RHET_FORM = RHET_FORM,
  FOREBODING = FOREBODING, DOUBLE_NEG = DOUBLE_NEG, ON_PREFIX = ON_PREFIX,
  match = match,
})
require("stance.target")(M, Engine)

return M
