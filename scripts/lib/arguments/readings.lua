-- Readings of longer Dutch argumentative texts for the argument engine (scripts/lib/arguments.lua):
-- titles, weighings, enumerations, reported views, announced plans, adjectives joined by
-- "maar" and a commenter's own experience; each a test on tokens or units.

local M = {}

local function has_cue(u, sense)
  for _, c in ipairs(u.cues or {}) do
    if c.entry.sense == sense then return c end
  end
  return nil
end

-- "een kleine, maar groeiende groep": "maar" between two attributive adjectives (inflected,
-- after a determiner) joins them inside one noun phrase; it opens no clause.
local DETERMINER = { een = true, de = true, het = true, ["zo'n"] = true, deze = true,
  die = true, dit = true, elke = true, iedere = true, geen = true, onze = true, ons = true,
  hun = true, mijn = true, zijn = true, haar = true, uw = true, jullie = true }
local NOT_ADJECTIVE = { deze = true, onze = true, welke = true, zulke = true, elke = true,
  iedere = true, jullie = true }
local function coordinates_adjectives(sent, i)
  local comma, before, det, after = sent[i - 1], sent[i - 2], sent[i - 3], sent[i + 1]
  if not (comma and before and det and after) or comma.form ~= "," then return false end
  local function inflected(t)
    return t.kind == "w" and #t.low >= 4 and t.low:sub(-1) == "e" and not NOT_ADJECTIVE[t.low]
  end
  return DETERMINER[det.low] and inflected(before) and inflected(after) or false
end


-- Does the document open with a title over at least two paragraphs of body text?
local function titled_article(units)
  local first = units[1]
  if not first or not first.heading then return false end
  local paras = {}
  local n = 0
  for _, v in ipairs(units) do
    if not v.heading and not paras[v.para] then paras[v.para] = true; n = n + 1 end
  end
  return n >= 2
end

-- Does unit i open the second side of a weighing (anderzijds, aan de andere kant) after a
-- first side (enerzijds, aan de ene kant) earlier in its paragraph?
local FIRST_SIDE = { enerzijds = true, ["aan de ene kant"] = true }
local function weighs_sides(units, i)
  local u = units[i]
  for j = i - 1, 1, -1 do
    local v = units[j]
    if v.para ~= u.para then return false end
    for _, mm in ipairs({ v.opener or false, v.inside or false }) do
      if mm and FIRST_SIDE[mm.entry.phrase] then return true end
    end
  end
  return false
end

-- A sentence that reports the view of others (Veel werkgevers denken dat, Sommige ouders vrezen
-- dat, Critici menen dat): a group of people, a verb of opinion and "dat" within its first
-- words. Returns a marker for it, or nil.
local GROUP = { veel = true, vele = true, velen = true, sommige = true, sommigen = true,
  andere = true, anderen = true, critici = true, tegenstanders = true, sceptici = true,
  voorstanders = true, politici = true }
local OPINION = { denken = true, vinden = true, vrezen = true, beweren = true, stellen = true,
  zeggen = true, menen = true, geloven = true, betogen = true, roepen = true, verwachten = true,
  waarschuwen = true, claimen = true }
local function reported_view(u)
  local t = u.toks
  if not t[1] or not GROUP[t[1].low] then return nil end
  for k = 2, math.min(#t - 1, 4) do
    if OPINION[t[k].low] and t[k + 1].low == "dat" then
      return { entry = { phrase = t[1].low .. " ... " .. t[k].low .. " dat",
        sense = "objection", direction = "marked-attacks-claim" } }
    end
  end
  return nil
end

-- Words that point back at the previous sentence (Dat is te kort door de bocht).
local ANAPHOR = { dat = true, dit = true, die = true, ["zo'n"] = true }

-- A sentence in which an authority announces a plan (Het kabinet wil, De gemeente overweegt).
local AUTHORITY = { kabinet = true, college = true, minister = true, regering = true,
  gemeente = true, provincie = true, staatssecretaris = true, gemeenteraad = true,
  ministerie = true, overheid = true }
local PLANS = { wil = true, wilde = true, overweegt = true, plant = true, gaat = true,
  stelt = true }
local function announces_plan(u)
  local t = u.toks
  return t[3] and (t[1].low == "het" or t[1].low == "de") and AUTHORITY[t[2].low]
    and PLANS[t[3].low] and true or false
end

-- The first item of a weighing or an enumeration: a conclusion's run of premises starts there.
local ENUMERATION_START = { enerzijds = true, ["aan de ene kant"] = true,
  ["ten eerste"] = true, allereerst = true, ["in de eerste plaats"] = true }

-- A unit of first-person experience (ik, wij, ons, mijn) that neither judges nor names the text
-- it answers: a commenter's evidence.
local FIRST_PERSON = { ik = true, wij = true, we = true, ons = true, onze = true, mijn = true }
local function testimony(u)
  if has_cue(u, "agree") or has_cue(u, "disagree") or has_cue(u, "reference") then
    return false
  end
  for _, t in ipairs(u.toks) do
    if FIRST_PERSON[t.low] then return true end
  end
  return false
end

M.coordinates_adjectives = coordinates_adjectives
M.titled_article = titled_article
M.weighs_sides = weighs_sides
M.ENUMERATION_START = ENUMERATION_START
M.ANAPHOR = ANAPHOR
M.announces_plan = announces_plan
M.reported_view = reported_view
M.testimony = testimony

return M
