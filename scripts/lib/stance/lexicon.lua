-- stance.lexicon: reads the stance lexicons (TSV) and expands each entry into the word
-- forms Dutch writes (goede, slechtste, faalt, mislukte, weggekeken, kijkt ... weg).

local M = {}

local VOWELS = {a = true, e = true, i = true, o = true, u = true}

-- Bytes of multi-byte letters count as vowels: Dutch writes ï, é, ë, ö only on vowels.
local function is_vowel(c) return VOWELS[c] == true or c == "y" or (c ~= "" and c:byte() >= 128) end

-- Splits a TSV line into fields; trailing empty fields are allowed to be missing.
local function fields(line)
  local out = {}
  for f in (line .. "\t"):gmatch("([^\t]*)\t") do out[#out + 1] = f end
  return out
end

-- ---- adjectives ------------------------------------------------------------------------

-- Unstressed endings never double their consonant: aardig-e, eerlijk-e, simpel-e, zeker-e.
local UNSTRESSED = {"ig", "lijk", "el", "er", "en", "em", "isch", "ief"}

local function ends_with(s, suffix) return suffix == "" or s:sub(-#suffix) == suffix end

-- The inflected form with -e: groot -> grote, dik -> dikke, lief -> lieve, boos -> boze.
function M.adj_e(w)
  if w:find("[^%a]") and not w:find("[\128-\255]") then return w .. "e" end
  local n = #w
  if n < 2 then return w .. "e" end
  local last, prev, prev2 = w:sub(n, n), w:sub(n - 1, n - 1), w:sub(n - 2, n - 2)
  if last == "e" then return w end
  if ends_with(w, "isch") then return w .. "e" end
  -- a long vowel written double loses a letter in the open syllable: groot -> grote
  local long_double = is_vowel(prev) and prev == prev2 and prev ~= "i" and not is_vowel(last)
  local base = w
  if long_double then base = w:sub(1, n - 2) .. last end
  -- f and s after a long vowel, diphthong or l/r become v and z: lief -> lieve, boos -> boze
  local voiced = { f = "v", s = "z" }
  if voiced[last] then
    local before = w:sub(n - 1, n - 1)
    local diph = is_vowel(before) and is_vowel(w:sub(n - 2, n - 2))
    if diph or before == "l" or before == "r" then
      if not (last == "s" and (before == "l" or before == "r")) then
        base = base:sub(1, #base - 1) .. voiced[last]
      end
    end
    return base .. "e"
  end
  -- a short vowel before one consonant doubles it: dik -> dikke, kapot -> kapotte
  if not is_vowel(last) and is_vowel(prev) and not is_vowel(prev2) and last ~= "w"
      and last ~= "x" and last ~= "j" then
    for _, suf in ipairs(UNSTRESSED) do
      if ends_with(w, suf) then return w .. "e" end
    end
    return w .. last .. "e"
  end
  return base .. "e"
end

-- All forms of an adjective: base, -e, comparative -er/-ere, superlative -st/-ste.
function M.adj_forms(w)
  local forms = {w}
  if w:find(" ") then return forms end
  local e = M.adj_e(w)
  forms[#forms + 1] = e
  local comp
  if w:sub(-1) == "r" then comp = w .. "der" else comp = (e:sub(-1) == "e" and e or e .. "e") .. "r" end
  if ends_with(w, "isch") or ends_with(w, "en") and #w > 5 then comp = nil end
  if comp then
    forms[#forms + 1] = comp
    forms[#forms + 1] = comp .. "e"
    local sup = w:sub(-1) == "s" and w .. "t" or w .. "st"
    forms[#forms + 1] = sup
    forms[#forms + 1] = sup .. "e"
  end
  return forms
end

-- ---- verbs -----------------------------------------------------------------------------

local NO_GE = {"be", "ge", "her", "ont", "ver", "er", "mis"}

-- The present stem from the infinitive: falen -> faal, zeggen -> zeg, geloven -> geloof.
function M.verb_stem(inf)
  local stem = inf:gsub("en$", "")
  if stem == inf then stem = inf:gsub("n$", "") end
  local n = #stem
  local last, prev, prev2 = stem:sub(n, n), stem:sub(n - 1, n - 1), stem:sub(n - 2, n - 2)
  local orig_last = last
  if n >= 2 and last == prev and not is_vowel(last) then
    stem = stem:sub(1, n - 1)
  elseif n >= 3 and not is_vowel(last) and is_vowel(prev) and not is_vowel(prev2)
      and prev ~= "i" then
    -- an open syllable: the vowel is long and written double in the closed stem, unless
    -- the syllable is an unstressed -el/-en/-er of a longer word (wandelen -> wandel)
    local vowel_groups = select(2, stem:gsub("[aeiouy]+", ""))
    local schwa = prev == "e" and (last == "l" or last == "n" or last == "r") and vowel_groups >= 2
    -- -eren verbs of Latin origin keep the stress: reageren -> reageer (stem: overrides
    -- in the lexicon give the native ones, verbeteren -> verbeter)
    if schwa and last == "r" then schwa = false end
    if not schwa then stem = stem:sub(1, n - 1) .. prev .. last end
  end
  local l = stem:sub(-1)
  if l == "v" then stem = stem:sub(1, -2) .. "f" elseif l == "z" then stem = stem:sub(1, -2) .. "s" end
  return stem, orig_last
end

local VOICELESS = {t = true, k = true, f = true, s = true, p = true, x = true}

local function participle_prefix(base)
  for _, p in ipairs(NO_GE) do
    if base:sub(1, #p) == p and #base > #p + 3 then return "" end
  end
  return "ge"
end

-- Forms of a (weak) verb: stem, stem+t, infinitive, past tense, participle (+e).
function M.verb_forms(inf, stem_override)
  local stem, orig_last = M.verb_stem(inf)
  if stem_override then stem = stem_override; orig_last = stem:sub(-1) end
  local forms = {inf, stem}
  if stem:sub(-1) ~= "t" then forms[#forms + 1] = stem .. "t" end
  local voiceless = VOICELESS[orig_last] or stem:sub(-2) == "ch"
  local past = stem .. (voiceless and "te" or "de")
  forms[#forms + 1] = past
  forms[#forms + 1] = past .. "n"
  local suffix = voiceless and "t" or "d"
  local part = participle_prefix(inf) .. stem
  if part:sub(-1) ~= suffix then part = part .. suffix end
  forms[#forms + 1] = part
  forms[#forms + 1] = part .. "e"
  return forms
end

-- ---- nouns -----------------------------------------------------------------------------

function M.noun_forms(w)
  local forms = {w}
  if w:find(" ") then return forms end
  local last2 = w:sub(-2)
  if last2 == "el" or last2 == "er" or last2 == "em" or last2 == "je" or last2 == "ie"
      or w:sub(-1) == "e" or last2 == "en" then
    forms[#forms + 1] = w .. "s"
    if w:sub(-1) == "e" then forms[#forms + 1] = w .. "n" end
  else
    local e = M.adj_e(w)
    forms[#forms + 1] = e .. "n"
  end
  return forms
end

-- ---- loading ---------------------------------------------------------------------------

-- Parses the forms column: extra forms, stem:X, sep:P, nosplit; "=" means the entry alone.
local function parse_forms(col)
  local info = {extra = {}, only = false}
  if col == nil or col == "" then return info end
  if col == "=" then info.only = true; return info end
  for item in col:gmatch("[^,]+") do
    item = item:match("^%s*(.-)%s*$")
    if item == "=" then info.only = true
    elseif item:sub(1, 5) == "stem:" then info.stem = item:sub(6)
    elseif item:sub(1, 4) == "sep:" then info.sep = item:sub(5)
    elseif item == "nosplit" then info.nosplit = true
    elseif item ~= "" then info.extra[#info.extra + 1] = item end
  end
  return info
end

-- Expands one polarity entry into {forms = {...}, split = {base forms, particle} or nil}.
function M.expand(entry, typ, formcol)
  local info = parse_forms(formcol)
  local forms, seen = {}, {}
  local function add(f) if not seen[f] then seen[f] = true; forms[#forms + 1] = f end end
  add(entry)
  local split
  if not info.only then
    if typ == "adj" then
      for _, f in ipairs(M.adj_forms(entry)) do add(f) end
    elseif typ == "noun" then
      for _, f in ipairs(M.noun_forms(entry)) do add(f) end
    elseif typ == "verb" and not entry:find(" ") then
      if info.sep and entry:sub(1, #info.sep) == info.sep then
        -- a separable verb: the joined forms, and the finite forms of the base that the
        -- particle follows at a distance (kijkt ... weg)
        local base = entry:sub(#info.sep + 1)
        local bforms = M.verb_forms(base, info.stem)
        local finite = {}
        for i, f in ipairs(bforms) do
          if i <= 5 then finite[#finite + 1] = f end
        end
        local part = info.sep .. "ge" .. (info.stem or M.verb_stem(base))
        local vl = VOICELESS[part:sub(-1)]
        add(entry)
        add(part .. (vl and "t" or "d"))
        for _, x in ipairs(info.extra) do
          if x:sub(1, #info.sep) ~= info.sep then finite[#finite + 1] = x end
        end
        -- "nosplit" when the base and particle are too common apart (laat ... na, leg ... op)
        if not info.nosplit then split = {finite = finite, particle = info.sep} end
      else
        for _, f in ipairs(M.verb_forms(entry, info.stem)) do add(f) end
      end
    end
  end
  for _, x in ipairs(info.extra) do
    if not (info.sep and x:sub(1, #info.sep) ~= info.sep) then add(x) end
  end
  return forms, split
end

-- Reads a TSV file through `read_lines` (an iterator factory) and calls `row(fields,
-- lineno)` for every line that is not blank or a comment.
function M.read_tsv(lines, row)
  local n = 0
  for line in lines do
    n = n + 1
    line = line:gsub("\r$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then row(fields(line), n) end
  end
end

M.fields = fields

return M
