-- Argument mapping for Dutch: argumentative units, their roles and the support, attack and
-- restatement relations between them, read from connectives; comments attached to what they answer.
--
-- The engine is data-driven: connectives come from scripts/lexicons/connectives-nl.tsv (or the
-- user's additions), relations follow from each connective's sense and direction, and users add
-- relation rules as Lua functions. Tokens and sentences: scripts/lib/arguments/text.lua; the
-- lexicon and its matcher: scripts/lib/arguments/lexicon.lua; readings of longer texts
-- (titles, weighings, reported views): scripts/lib/arguments/readings.lua; writers:
-- scripts/lib/arguments-output.lua.

local M = {}

local has_tussen, tussen = pcall(require, "tussen")
if not has_tussen then tussen = nil end


local atext = require("arguments.text")
local lexicon = require("arguments.lexicon")
local readings = require("arguments.readings")

-- Quote marks are multi-byte: a Lua character class would take their bytes one by one and
-- match other characters that share them (the dash – shares two bytes with “ and ’), so
-- they are searched for as strings.
local OPENERS = { "“", "„", "‘", '"' }
local CLOSERS = { "”", "’", '"' }
local INSIDE_FORBIDDEN = { "“", "‘" }
local QUOTE_MARKS = { '"', "“", "”", "‘", "’", "„" }

-- The first of `marks` in text from init: its position and length.
local function find_first(text, marks, init)
  local best, len
  for _, m in ipairs(marks) do
    local i = text:find(m, init, true)
    if i and (not best or i < best) then best, len = i, #m end
  end
  return best, len
end

local lower, tokenize, split_sentences = atext.lower, atext.tokenize, atext.split_sentences
local is_end_punct, first_word, dice = atext.is_end_punct, atext.first_word, atext.dice
local content_stems, content_stems_of_toks = atext.content_stems, atext.content_stems_of_toks
local STOP, NOT_VERB, CLAUSE_PUNCT = atext.STOP, atext.NOT_VERB, atext.CLAUSE_PUNCT
local coordinates_adjectives, titled_article = readings.coordinates_adjectives,
  readings.titled_article
local weighs_sides, reported_view, announces_plan = readings.weighs_sides,
  readings.reported_view, readings.announces_plan
local testimony, ANAPHOR = readings.testimony, readings.ANAPHOR
local ENUMERATION_START = readings.ENUMERATION_START

local Engine = {}
Engine.__index = Engine
lexicon.install(Engine)

-- Markers that act on the unit they sit in (not phrase-level patterns or prepositions).
local function unit_marker(m)
  local e = m.entry
  if e.sense == "condition" or e.clause == "gap" then return false end
  if e.clause == "prep" then return e.sense == "example" and m.initial end
  return true
end

------------------------------------------------------------------------------------------------
-- Segmentation into units
------------------------------------------------------------------------------------------------

local SPLIT_SENSES = { reason = true, result = true, conclusion = true, contrast = true,
  concession = true, restatement = true, summary = true, addition = true, example = true }

-- Does match m open a new unit inside its sentence (not at its start)?
local function opens_unit(m, sent, from)
  local e = m.entry
  if m.initial or not SPLIT_SENSES[e.sense] then return false end
  if e.clause == "prep" or e.clause == "gap" then return false end
  -- a unit is a proposition: a few words up to the next clause punctuation at least
  local nw = 0
  for k = m.last + 1, #sent do
    if CLAUSE_PUNCT[sent[k].form] or is_end_punct(sent[k].form) then break end
    if sent[k].kind == "w" then nw = nw + 1 end
  end
  local min = (e.clause == "sub" or e.clause == "main") and 2 or 4
  if e.sense == "restatement" then min = 5 end
  if nw < min then return false end
  if e.phrase == "maar" and coordinates_adjectives(sent, m.first) then return false end
  if e.phrase == "maar" then
    -- "niet X, maar Y" corrects within one claim; it is no counter-argument
    for k = from, m.first - 1 do
      local w = sent[k].low
      if w == "niet" or w == "geen" or w == "nooit" then return false end
    end
  end
  if e.clause == "sub" then
    -- subordinating conjunctions open a clause with or without a comma; relatives and
    -- "zoals" do not reach here (prep)
    return true
  end
  if e.clause == "main" then
    -- "want" always joins clauses; "maar", "oftewel" often join phrases: need a comma
    return m.clause_start or e.phrase == "want"
  end
  -- adverbs and frames split only where a clause starts (", dus ...", ", wat betekent dat")
  return m.clause_start
end

local function text_of(doc_text, toks, a, b)
  -- strips clause punctuation at both ends and closing end punctuation
  while a <= b and (CLAUSE_PUNCT[toks[a].form] and toks[a].form ~= "(") do a = a + 1 end
  while b >= a and (CLAUSE_PUNCT[toks[b].form] or is_end_punct(toks[b].form)
      or toks[b].form == "…") do b = b - 1 end
  if a > b then return nil end
  return doc_text:sub(toks[a].s, toks[b].e), a, b
end

-- Builds the units of one document: {text, para, sent, heading, marker, cues, ...}.
function Engine:segment(doc)
  local text = doc.text or ""
  local units, paras = {}, {}
  -- paragraphs: runs of lines separated by blank lines
  local pos = 1
  while pos <= #text do
    local s, e = text:find("\n[ \t\r]*\n", pos)
    local chunk_end = s and s - 1 or #text
    local chunk = text:sub(pos, chunk_end)
    if chunk:find("%S") then paras[#paras + 1] = { text = chunk, base = pos - 1 } end
    if not s then break end
    pos = e + 1
  end
  -- sentences: from tussen's tokenizer when the document is a tussen.Doc (doc.handle), else
  -- from the engine's own splitter; each paragraph takes the sentences that start in it
  local hsents = doc.handle and atext.doc_sentences(doc.handle) or nil
  local hk = 1
  -- all sentences first, so the matcher runs once over the whole document
  local doc_toks = {}
  for p, para in ipairs(paras) do
    if hsents then
      para.sents = {}
      local stop = para.base + #para.text
      while hsents[hk] and hsents[hk][1].s <= stop do
        table.insert(para.sents, hsents[hk])
        hk = hk + 1
      end
    else
      para.sents = split_sentences(para.text, para.base)
    end
    para.bases = {}
    for k, sent in ipairs(para.sents) do
      para.bases[k] = #doc_toks
      for _, tk in ipairs(sent) do doc_toks[#doc_toks + 1] = tk end
    end
  end
  local cands = self:candidates(text, doc_toks)
  local sent_no = 0
  for p, para in ipairs(paras) do
    local trimmed = para.text:gsub("^%s+", ""):gsub("%s+$", "")
    local nwords = select(2, trimmed:gsub("%S+", ""))
    local heading = not trimmed:find("\n") and not trimmed:match("[%.!?:;,…]$")
      and nwords <= 12 and p < #paras
    for k, sent in ipairs(para.sents) do
      sent_no = sent_no + 1
      local matches = heading and {} or self:match_sentence(sent, cands, para.bases[k])
      -- cut points: token indexes where a unit starts
      local cuts, opener = { 1 }, { [1] = nil }
      for _, m in ipairs(matches) do
        if opens_unit(m, sent, cuts[#cuts]) then
          cuts[#cuts + 1] = m.first
          opener[m.first] = m
        end
      end
      -- a sentence-initial subordinate clause ends at its first comma (Omdat X, Y)
      local m1 = matches[1]
      if m1 and m1.initial and m1.entry.clause == "sub" and m1.entry.sense ~= "condition"
          and SPLIT_SENSES[m1.entry.sense] then
        for k = m1.last + 1, #sent - 1 do
          if sent[k].form == "," then
            if not opener[k + 1] and (not cuts[2] or cuts[2] > k + 1)
                and not NOT_VERB[sent[k + 1].low] then
              table.insert(cuts, 2, k + 1)
            end
            break
          end
        end
      end
      table.sort(cuts)
      for ci, a in ipairs(cuts) do
        local b = (cuts[ci + 1] or (#sent + 1)) - 1
        local m = opener[a] or (ci == 1 and m1 and m1.initial and unit_marker(m1) and m1) or nil
        local from = a
        -- the connective is left out of the unit's text; a frame with a verb of its own
        -- (Dat vraagt om, Dat levert) is kept, or the unit would lose its predicate
        if m and (m.entry.clause ~= "frame" or m.entry.phrase:match(" dat$")
            or m.entry.phrase:match(" doordat$") or m.entry.phrase:match(" omdat$")
            or m.entry.phrase:match(" of$") or not m.entry.phrase:find(" ")) then
          from = m.last + 1
        end
        local utext, ua, ub = text_of(text, sent, from, b)
        if not utext then utext, ua, ub = text_of(text, sent, a, b) end
        if utext then
          -- markers inside the unit (dus, echter, immers): the first one speaks for the unit
          local inside, cues = nil, {}
          for _, mm in ipairs(matches) do
            if mm.first >= a and mm.first <= b and mm ~= m then
              local sense = mm.entry.sense
              if sense == "claim" or sense == "agree" or sense == "disagree"
                  or sense == "reference" then
                cues[#cues + 1] = mm
              elseif not inside and unit_marker(mm) and not opener[mm.first] then
                inside = mm
              end
            end
          end
          if m and (m.entry.sense == "claim" or m.entry.sense == "agree"
              or m.entry.sense == "disagree" or m.entry.sense == "reference") then
            cues[#cues + 1] = m
            m = nil
            utext, ua, ub = text_of(text, sent, a, b)
          end
          units[#units + 1] = {
            doc = doc, text = utext, para = p, sent = sent_no, heading = heading,
            opener = m, inside = inside, cues = cues,
            sub_initial = (ci == 1 and m and m.initial and m.entry.clause == "sub"
              and #cuts > 1) or false,
            first_in_sent = (ci == 1), start = sent[ua].s, stop = sent[ub].e,
            question = sent[#sent].form:find("?", 1, true) ~= nil,
            toks = { table.unpack(sent, ua, ub) },
          }
        end
      end
    end
  end
  for i, u in ipairs(units) do
    u.n = i
    u.id = doc.id .. ":" .. i
  end
  return units
end

-- The content stems of a unit, computed once from its tokens.
local function unit_stems(u)
  if not u.stems then u.stems = content_stems_of_toks(u.toks) end
  return u.stems
end


------------------------------------------------------------------------------------------------
-- Relations within a document
------------------------------------------------------------------------------------------------

local function marker_of(u)
  if u.opener then return u.opener end
  return u.inside
end

local function has_cue(u, sense)
  for _, c in ipairs(u.cues) do
    if c.entry.sense == sense then return c end
  end
  return nil
end

-- The unit a sentence-level marker points back to: the main clause of the previous sentence
-- (not a heading), followed through restatements to what they restate.
local function previous_head(units, u, rel_of)
  local s = u.sent
  for i = u.n - 1, 1, -1 do
    local v = units[i]
    if v.sent < s and not v.heading then
      -- the head of v's sentence: its first unit that is not a fronted subordinate clause
      local head = v
      for j = i, 1, -1 do
        if units[j].sent ~= v.sent then break end
        if not units[j].sub_initial then head = units[j] end
      end
      local seen = {}
      while rel_of[head] and rel_of[head].type == "restate" and not seen[head] do
        seen[head] = true
        head = rel_of[head].to
      end
      return head
    end
    if v.heading then return nil end
  end
  return nil
end

local function add_rel(map, from, to, typ, m, origin)
  if not from or not to or from == to then return end
  -- one relation per pair of units; a set, not a scan, so big corpora stay linear
  local seen = map.pairs[from]
  if not seen then seen = {}; map.pairs[from] = seen end
  if seen[to] then return end
  seen[to] = true
  local r = { from = from, to = to, type = typ, origin = origin,
    marker = m and m.entry.phrase or nil, sense = m and m.entry.sense or nil }
  map.relations[#map.relations + 1] = r
  if not map.rel_of[from] then map.rel_of[from] = r end
  return r
end

local NORMATIVE = { moet = true, moeten = true, behoort = true, behoren = true, dient = true,
  dienen = true, mag = false }

local function normative(u)
  if has_cue(u, "claim") then return true end
  for _, t in ipairs(u.toks) do
    if NORMATIVE[t.low] then return true end
  end
  return false
end

-- Relations from the connectives of one document's units.
function Engine:relate(units, map)
  local rel_of = map.rel_of
  local pending_add = {}
  for i, u in ipairs(units) do
    local m = marker_of(u)
    if m then
      local e = m.entry
      -- the other side: inside a sentence the host clause, else the previous sentence
      local other
      if u.sub_initial then
        other = units[i + 1]
      elseif not u.first_in_sent then
        other = units[i - 1]
        -- "Y, omdat X" after a fronted clause: the host is the sentence's main clause
        while other and other.sub_initial and other.sent == u.sent and units[other.n + 1] ~= u do
          other = units[other.n + 1]
        end
      else
        other = previous_head(units, u, rel_of)
      end
      local d = e.direction
      if d == "marked-supports-other" then
        add_rel(map, u, other, "support", m, "marker")
      elseif d == "other-supports-marked" then
        if (e.sense == "conclusion" or e.sense == "summary") and u.first_in_sent
            and u.sent == units[#units].sent and u.doc.kind ~= "comment"
            and titled_article(units) then
          -- the last sentence of a titled article concludes what its title claims: it restates
          -- the title; a summary (Kortom) leaves the premises to the sections they argue in,
          -- a conclusion (Daarom) still draws on its own paragraph
          add_rel(map, u, units[1], "restate", m, "marker")
          u.restatement = true
          if e.sense == "conclusion" then
            for j = i - 1, 1, -1 do
              local v = units[j]
              if v.para ~= u.para or v.heading then break end
              if not v.background and not v.countered
                  and not (rel_of[v] and rel_of[v].type ~= "attack") then
                add_rel(map, v, u, "support", m, "marker")
              end
            end
          end
        elseif (e.sense == "conclusion" or e.sense == "summary") and u.first_in_sent then
          -- a conclusion draws on the run of free premises before it in its paragraph
          -- (a summary on the whole document so far)
          local any = false
          for j = i - 1, 1, -1 do
            local v = units[j]
            if e.sense ~= "summary" and v.para ~= u.para then break end
            if v.heading and e.sense ~= "summary" then break end
            if not v.heading and not v.background and not v.countered
                and not (rel_of[v] and rel_of[v].type ~= "attack") then
              add_rel(map, v, u, "support", m, "marker")
              any = true
            end
            -- the first item of a weighing or an enumeration (Enerzijds, Ten eerste) opens the
            -- run of premises: what came before it is not drawn into the conclusion
            local vm = marker_of(v)
            if vm and ENUMERATION_START[vm.entry.phrase] then break end
          end
          if not any then add_rel(map, other, u, "support", m, "marker") end
        elseif e.sense == "result" and not u.first_in_sent and other and normative(other) then
          -- "X moet ..., zodat Y": a consequence argues for the proposal (argument from
          -- consequences), it does not follow from it
          add_rel(map, u, other, "support", m, "marker")
        else
          add_rel(map, other, u, "support", m, "marker")
        end
      elseif d == "marked-attacks-other" then
        if add_rel(map, u, other, "attack", m, "marker") and other then
          other.countered = true
          u.counters = true
        end
      elseif d == "marked-contrasts-other" and weighs_sides(units, i) then
        -- "Enerzijds X. Anderzijds Y": the second side of a weighing, not a counter-argument;
        -- it argues for what the first side argues for
        pending_add[#pending_add + 1] = { u = u, prev = units[i - 1], m = m }
      elseif d == "marked-contrasts-other" then
        add_rel(map, u, other, "attack", m, "marker")
      elseif d == "marked-attacks-claim" then
        u.objection = m
      elseif d == "marked-conceded" then
        if u.sub_initial or not u.first_in_sent then
          add_rel(map, u, other, "attack", m, "marker")
        end
      elseif d == "marked-restates-other" then
        add_rel(map, u, other, "restate", m, "marker")
        u.restatement = true
      elseif d == "marked-adds" then
        -- relates to whatever the previous unit relates to; decided once all else is known
        pending_add[#pending_add + 1] = { u = u, prev = units[i - 1], m = m }
      end
    end
    if not m and u.first_in_sent and u.doc.kind ~= "comment" then
      local om = reported_view(u)
      if om then
        -- "Veel werkgevers denken dat X": the view the author sets out to refute
        u.objection = om
      elseif announces_plan(u) and units[i + 1] and units[i + 1].first_in_sent
          and units[i + 1].toks[1] and ANAPHOR[units[i + 1].toks[1].low] then
        -- "Het kabinet wil X. Dat is een vergissing.": the plan is the occasion, the author's
        -- verdict on it is the argument
        u.background = true
      elseif units[i - 1] and units[i - 1].objection and units[i - 1].sent == u.sent - 1
          and ANAPHOR[u.toks[1].low] and not (units[i + 1] and units[i + 1].sent == u.sent) then
        -- "Dat is te kort door de bocht": the author's answer to that view, a sentence of
        -- its own (one countered by "maar" grants the view instead)
        add_rel(map, u, units[i - 1], "attack", nil, "reported view")
      end
    end
    for _, rule in ipairs(self.rules) do
      local r = rule(u, { prev = units[i - 1], units = units, doc = u.doc, map = map })
      if r then
        if not (r.type == "support" or r.type == "attack" or r.type == "restate") or not r.to then
          error("relation rule returned a bad relation (need type support|attack|restate "
            .. "and to = a unit)", 2)
        end
        add_rel(map, u, r.to, r.type, r.marker and { entry = { phrase = r.marker,
          sense = r.sense or "rule" } } or nil, "rule")
      end
    end
    if has_cue(u, "reference") and find_first(u.text, QUOTE_MARKS, 1) then u.background = true end
  end
  return pending_add
end

-- Names by which a comment can point at its parent: the author's name and surname.
local function parent_names(doc, map)
  local p = doc.parent and map.by_id[doc.parent]
  local names = {}
  if p and p.doc.author then
    local a = lower(p.doc.author)
    names[#names + 1] = a
    local last = a:match("(%S+)$")
    if last and last ~= a then names[#names + 1] = last end
  end
  return names
end

local function refers_to(u, names)
  if has_cue(u, "reference") then return true end
  local t = lower(u.text)
  for _, n in ipairs(names) do
    if #n >= 3 and t:find(n, 1, true) then return true end
  end
  return false
end

-- Chooses the main claim: the unit that the text builds up to.
function Engine:main_claim(units, map, first_rel)
  local best, best_score
  local incoming = {}
  for k = first_rel or 1, #map.relations do
    local r = map.relations[k]
    if r.type == "support" and r.to.doc == units[1].doc then
      incoming[r.to] = (incoming[r.to] or 0) + 1
    end
  end
  local nsent = units[#units] and units[#units].sent or 0
  local parent_refs = units[1] and units[1].doc.kind == "comment" and parent_names(units[1].doc, map)
  local title_stems, title_n
  if units[1] and units[1].doc.title then
    title_stems, title_n = {}, 0
    for _, st in ipairs(content_stems(units[1].doc.title)) do
      if title_stems[st] == nil then title_n = title_n + 1 end
      title_stems[st] = true
    end
  end
  for i, u in ipairs(units) do
    local score = 0
    local m = marker_of(u)
    local out = map.rel_of[u]
    if i == 1 and u.heading then score = score + 3 end
    -- a title over an article of several paragraphs names its thesis; the conclusion at its end
    -- sums it up again (and collects the support of the whole text) without replacing it
    if i == 1 and u.heading and u.doc.kind ~= "comment" and titled_article(units) then
      score = score + 4
    end
    if i == 1 then score = score + 1 end
    -- an article's lead paragraph states its thesis; its title names it
    if u.doc.kind ~= "comment" and u.para == 1 and not u.heading then score = score + 1 end
    if title_stems then
      local hit = 0
      for _, st in ipairs(unit_stems(u)) do
        if title_stems[st] then hit = hit + 1; title_stems[st] = false end
      end
      for st in pairs(title_stems) do title_stems[st] = true end
      score = score + 3 * hit / math.max(1, title_n)
    end
    if u.sent == nsent then score = score + 1 end
    -- the author's position follows "maar": what it counters is not the main claim
    if u.countered then score = score - 2 end
    if u.counters and not u.sub_initial then score = score + 1 end
    -- "Klopt, maar X": X is the point the writer makes
    local r0 = map.rel_of[u]
    if u.counters and r0 and r0.type == "attack" and has_cue(r0.to, "agree") then
      score = score + 2
    end
    if u.objection then score = score - 3 end
    if u.heading and i > 1 then score = score + 0.5 end
    if normative(u) then score = score + 2 end
    if m and (m.entry.sense == "conclusion" or m.entry.sense == "summary") then
      score = score + 2.5
    end
    if has_cue(u, "agree") or has_cue(u, "disagree") then score = score + 2 end
    if u.question and u.doc.kind == "comment" then score = score + 1 end
    -- a commenter's own experience (Ik zie het elke ochtend, Bij ons in het dorp) is the
    -- evidence for the position, not the position itself
    if u.doc.kind == "comment" and testimony(u) and not normative(u) then score = score - 1.5 end
    score = score + (incoming[u] or 0)
    if out and (out.type == "support" or out.type == "restate") then score = score - 3 end
    if out and out.type == "attack" and m and m.entry.direction == "marked-conceded" then
      score = score - 3
    end
    if u.sub_initial then score = score - 2 end
    if u.background then score = score - 5 end
    -- a comment's own position engages with the text it answers (dit artikel, the author)
    if parent_refs and refers_to(u, parent_refs) then score = score + 1 end
    if not best or score > best_score then best, best_score = u, score end
  end
  return best
end

-- Settles additions and unmarked units once the main claim is known.
function Engine:finish_doc(units, map, pending_add, main)
  local rel_of = map.rel_of
  -- sections: a heading (other than the first unit) is the claim of the units under it
  local section_head = {}
  local cur
  for i, u in ipairs(units) do
    if u.heading then
      cur = (i > 1) and u or nil
    else
      section_head[u] = cur
    end
  end
  local function default_target(u)
    local h = section_head[u]
    if h and h ~= u then return h end
    return main
  end
  -- "Op zee waait het bovendien harder, waardoor X": the unit carries its own addition
  -- (bovendien) besides the relation the next clause's marker gave it; that forward relation
  -- does not stop the addition, so the unit has two relations
  local adding = {}
  for _, pa in ipairs(pending_add) do adding[pa.u] = true end
  local function own_rel(u)
    local r = rel_of[u]
    if r and adding[u] and r.origin == "marker" and r.to.n > u.n and r.to.sent == u.sent
        and marker_of(r.to) and marker_of(r.to).entry.phrase == r.marker then
      return nil
    end
    return r
  end
  local defaults = {}
  for _, pa in ipairs(pending_add) do
    local u, prev = pa.u, pa.prev
    if not own_rel(u) and prev then
      local r = rel_of[prev]
      if r and r.type == "support" then
        add_rel(map, u, r.to, r.type, pa.m, "marker")
      elseif r and r.type == "attack" then
        -- "Maar X. Ook Y": Y builds on the counter-argument X
        add_rel(map, u, prev, "support", pa.m, "marker")
      elseif not r and prev == default_target(u) then
        add_rel(map, u, prev, "support", pa.m, "marker")
      else
        pa.later = true
      end
    end
  end
  for _, u in ipairs(units) do
    if u.objection and u ~= main and not rel_of[u] then
      add_rel(map, u, main, "attack", u.objection, "marker")
    end
  end
  for _, u in ipairs(units) do
    local r = own_rel(u)
    -- a sentence that counters a side point ("Het college wil X. Y echter ...") also argues
    -- for the main claim; a point the author counters argues for nothing
    local free = not r or (r.type == "attack" and r.to ~= main and u.first_in_sent
      and u.counters and r.origin == "marker")
    if u ~= main and free and not u.background and not (u.countered and not r) then
      if u.heading then
        add_rel(map, u, main, "support", nil, "default")
      elseif not u.restatement then
        defaults[u] = add_rel(map, u, default_target(u), "support", nil, "default")
      end
    end
  end
  -- additions whose neighbour only now got its relation
  for _, pa in ipairs(pending_add) do
    if pa.later then
      local r = rel_of[pa.prev]
      local mine = defaults[pa.u] or rel_of[pa.u]
      if r and mine and mine.origin == "default" and r.to ~= pa.u then
        mine.to, mine.type, mine.marker, mine.sense, mine.origin =
          r.to, r.type, pa.m.entry.phrase, pa.m.entry.sense, "marker"
      end
    end
  end
end

local function assign_roles(units, map, main)
  for _, u in ipairs(units) do
    local r = map.rel_of[u]
    if u == main then
      u.role = "claim"
    elseif u.background then
      u.role = "background"
    elseif r and r.type == "restate" then
      u.role = "restatement"
    else
      u.role = "premise"
    end
  end
end

------------------------------------------------------------------------------------------------
-- Across documents: what a comment answers
------------------------------------------------------------------------------------------------


local function quotes_in(text)
  local out, pos = {}, 1
  while true do
    local o, olen = find_first(text, OPENERS, pos)
    if not o then break end
    local c, clen = find_first(text, CLOSERS, o + olen)
    if not c then break end
    local q = text:sub(o + olen, c - 1)
    if q ~= "" and not find_first(q, INSIDE_FORBIDDEN, 1) then
      local _, nw = q:gsub("%S+", "")
      if nw >= 3 then out[#out + 1] = q end
      pos = c + clen
    else
      pos = o + olen -- a nested opener: the quote starts there
    end
  end
  return out
end


-- The stance of a comment toward the article it answers, from the stance engine
-- (scripts/lib/stance.lua) unless the caller gave its own function or false. Replies to
-- comments are left to the markers: the stance engine judges them toward the article.
local function stance_of(self, doc, parent)
  if self.stance_fn == false then return nil end
  if self.stance_fn then return self.stance_fn(doc, parent) end
  if not parent or parent.parent or not self.docs_by_id then return nil end
  if self.stance_engine == nil then
    local ok, stance = pcall(require, "stance")
    local eng = ok and type(stance) == "table" and stance.new and stance.new() or false
    self.stance_engine = (eng and eng.stance) and eng or false
    if eng and eng.target_profile then
      -- the stance engine profiles the parent anew for every comment; a parent's text does
      -- not change during a run, so its profile is kept (an article with 2,000 comments
      -- would otherwise be analysed 2,000 times)
      local profile, cache = eng.target_profile, {}
      eng.target_profile = function(e2, parent)
        local key = parent and parent.id
        if key == nil then return profile(e2, parent) end
        if cache[key] == nil then cache[key] = profile(e2, parent) end
        return cache[key]
      end
    end
  end
  if not self.stance_engine then return nil end
  local by_id = self.docs_by_id
  local r = self.stance_engine:stance(doc, function(id) return by_id[id] end)
  if not r then return nil end
  return r.stance, r.score
end

-- Attaches a comment's main claim (and quoting units) to the parent's unit it answers.
function Engine:attach(cunits, cmain, punits, pmain, map)
  if not cmain or not pmain then return end
  -- 1. quotes of the parent's text
  local target, how
  for _, u in ipairs(cunits) do
    for _, q in ipairs(quotes_in(u.doc.text:sub(u.start, u.stop))) do
      local qs = content_stems(q)
      local bestv, bests = nil, 0
      for _, p in ipairs(punits) do
        local d = dice(qs, unit_stems(p))
        if d > bests then bestv, bests = p, d end
      end
      if bestv and bests >= 0.6 then target, how = bestv, "quote" break end
    end
    if target then break end
  end
  -- 2. a comment whose position names the text as a whole (dit artikel, the author's name)
  -- answers its main claim
  if not target and refers_to(cmain, parent_names(cmain.doc, map)) then
    target, how = pmain, "reference"
  end
  -- 3. a bare verdict (Eens. Helemaal mee eens. Onzin.) judges the text as a whole: its
  -- premises tell why, and the words they share with one sentence of the parent do not make
  -- that sentence the one judged
  if not target and (has_cue(cmain, "agree") or has_cue(cmain, "disagree"))
      and select(2, cmain.text:gsub("%S+", "")) <= 3 then
    target, how = pmain, "verdict"
  end
  -- 4. content-word overlap, weighted by how rare a stem is in the parent
  if not target then
    -- what a parent offers is computed once for all the comments that answer it
    map.parent_index = map.parent_index or {}
    local pidx = map.parent_index[punits]
    if not pidx then
      pidx = { df = {}, pst = {} }
      for _, p in ipairs(punits) do
        local seen = {}
        pidx.pst[p] = unit_stems(p)
        for _, s in ipairs(pidx.pst[p]) do
          if not seen[s] then pidx.df[s] = (pidx.df[s] or 0) + 1; seen[s] = true end
        end
      end
      map.parent_index[punits] = pidx
    end
    local df, pst = pidx.df, pidx.pst
    local cst = {}
    for _, u in ipairs(cunits) do
      for _, s in ipairs(unit_stems(u)) do
        cst[s] = math.max(cst[s] or 0, u == cmain and 2 or 1)
      end
    end
    local function overlap(stems)
      local score, seen = 0, {}
      for _, s in ipairs(stems) do
        if cst[s] and not seen[s] then
          seen[s] = true
          score = score + cst[s] * math.log((#punits + 1) / df[s])
        end
      end
      return score / math.sqrt(#stems + 1)
    end
    -- first the section (a heading and the units under it) the comment is about, then the
    -- unit within it: a comment answers a theme more often than one sentence
    if not pidx.sections then
      local sections, cur = {}, nil
      for _, p in ipairs(punits) do
        if p.heading or not cur then
          cur = { units = {}, stems = {} }
          sections[#sections + 1] = cur
        end
        table.insert(cur.units, p)
        for _, s in ipairs(pst[p]) do table.insert(cur.stems, s) end
      end
      pidx.sections = sections
    end
    local sections = pidx.sections
    local best_sec, best_sec_score = nil, 0
    for _, sec in ipairs(sections) do
      local sc = overlap(sec.stems)
      if sc > best_sec_score then best_sec, best_sec_score = sec, sc end
    end
    local bestv, bests = nil, 0
    for _, p in ipairs(best_sec and best_sec.units or {}) do
      local score = overlap(pst[p])
      if score > bests then bestv, bests = p, score end
    end
    if bestv and bests >= self.overlap_threshold then
      target, how = bestv, "overlap"
    else
      target, how = pmain, "main claim"
    end
  end
  -- support or attack: explicit agreement markers, then the stance engine, then the
  -- comment's own turn against the text (a rhetorical question, a contrast as main claim)
  local polarity, why = 0, nil
  for _, u in ipairs(cunits) do
    if has_cue(u, "agree") then polarity = polarity + 1; why = why or has_cue(u, "agree") end
    if has_cue(u, "disagree") then polarity = polarity - 1; why = why or has_cue(u, "disagree") end
  end
  -- "Klopt, maar ...", "Leuk bedacht, maar ...": agreement that the comment itself counters
  local conceded
  for _, u in ipairs(cunits) do
    local mk = marker_of(u)
    local concedes = mk and mk.entry.direction == "marked-conceded"
    -- the comment's own position counters its opening: "X is prima, maar Y"
    local opens_against = u.sent == 1 and u.sent == cmain.sent and map.rel_of[cmain]
      and map.rel_of[cmain].to == u and map.rel_of[cmain].type == "attack"
    if u.countered and (has_cue(u, "agree") or concedes or opens_against
        or (u.sent == 1 and u.ntoks <= 3)) then
      if has_cue(u, "agree") then polarity = polarity - 1 end
      polarity = polarity - 1
      conceded = u
      break
    end
  end
  -- conceding a premise and countering: the premise stands, what it argues for is attacked
  if conceded and polarity < 0 and map.rel_of[target] and map.rel_of[target].type == "support"
      and conceded ~= cmain then
    local r = add_rel(map, conceded, target, "support", has_cue(conceded, "agree"), "comment")
    if r then r.how = how end
    target, how = map.rel_of[target].to, how .. ", conceded"
  end
  local st, st_score = stance_of(self, cmain.doc, punits[1] and punits[1].doc)
  if polarity == 0 and st then
    if st == "support" then polarity = 1 elseif st == "oppose" then polarity = -1
    elseif st == "mixed" and self.stance_engine and self.stance_engine.analyze then
      -- mixed: the comment's own position decides. It agrees with the unit it answers when
      -- both judge in the same direction ("X faalt" answering "X pakt averechts uit"), and
      -- disagrees when they judge oppositely; a neutral target leaves the comment's sign.
      local function pol(text)
        local ok, r = pcall(self.stance_engine.analyze, self.stance_engine, text)
        return ok and type(r) == "table" and tonumber(r.polarity) or 0
      end
      local pc, pt = pol(cmain.text), pol(target.text)
      if pc ~= 0 then
        local sign = math.abs(pt) < 0.15 and pc or pc * pt
        polarity = sign > 0 and 1 or -1
      end
    end
  end
  if polarity == 0 then
    local m = marker_of(cmain)
    if cmain.question then polarity = -1
    elseif m and m.entry.direction == "marked-attacks-other" and m.initial then polarity = -1
    else polarity = 1 end
  end
  local typ = polarity < 0 and "attack" or "support"
  local r = add_rel(map, cmain, target, typ, why, "comment")
  if r then
    r.how = how
    r.stance = st
  end
end

------------------------------------------------------------------------------------------------
-- The whole analysis
------------------------------------------------------------------------------------------------

-- docs: a list of {id, kind, parent, title, author, text}. Returns the map:
-- {docs = {{doc, units, main}}, relations = {{from, to, type, marker, sense, origin}}}.
function Engine:analyse(docs)
  local map = { docs = {}, relations = {}, rel_of = {}, by_id = {}, pairs = {} }
  self.docs_by_id = {}
  for _, d in ipairs(docs) do self.docs_by_id[d.id] = d end
  for _, d in ipairs(docs) do
    local units = self:segment(d)
    local entry = { doc = d, units = units }
    map.docs[#map.docs + 1] = entry
    map.by_id[d.id] = entry
    if #units > 0 then
      local first_rel = #map.relations + 1 -- this document's relations start here
      local pending = self:relate(units, map)
      entry.main = self:main_claim(units, map, first_rel)
      self:finish_doc(units, map, pending, entry.main)
      assign_roles(units, map, entry.main)
      -- Past this document only its units' content stems and token counts
      -- are read (attach): its token tables go, so memory follows the
      -- units, not every token of the corpus as a Lua table.
      for _, u in ipairs(units) do
        unit_stems(u)
        u.ntoks, u.toks = #u.toks, nil
      end
    end
  end
  for _, entry in ipairs(map.docs) do
    local p = entry.doc.parent and map.by_id[entry.doc.parent]
    if p and #entry.units > 0 and #p.units > 0 then
      self:attach(entry.units, entry.main, p.units, p.main, map)
    end
  end
  return map
end

------------------------------------------------------------------------------------------------
-- Construction
------------------------------------------------------------------------------------------------

-- Reads a data file through tussen.data (scripts/lexicons/ or the script's directory).
local function read_data(name)
  if not (tussen and tussen.data) then
    error("arguments: reading '" .. name .. "' needs the tussen runtime; pass "
      .. "{lexicon_text = ...} instead", 3)
  end
  local text, err = tussen.data.read(name)
  if not text then error("arguments: " .. tostring(err), 3) end
  return text
end

-- M.new{lexicon = "connectives-nl.tsv" | false, lexicon_text = TSV text, threshold = 0.4,
--       overlap_threshold = 0.5, stance = function(doc, parent) -> "support"|"oppose"|...
--       (default: scripts/lib/stance.lua when present; false: no stance engine),
--       lua_matcher = false}
function M.new(opts)
  opts = opts or {}
  local self = setmetatable({
    entries = {}, by_phrase = {}, rules = {},
    threshold = opts.threshold or 0.4,
    overlap_threshold = opts.overlap_threshold or 0.5,
    stance_fn = opts.stance, -- nil: the stance engine if present; false: none
    -- match connectives in Lua instead of tussen.rules (for comparison and outside tussen)
    lua_matcher = opts.lua_matcher or false,
  }, Engine)
  if opts.lexicon_text then
    self:add_connectives_tsv(opts.lexicon_text, opts.lexicon_name or "lexicon")
  elseif opts.lexicon ~= false then
    local name = opts.lexicon or "connectives-nl.tsv"
    self:add_connectives_tsv(read_data(name), name)
  end
  return self
end

M.Engine = Engine
M.tokenize = tokenize
M.split_sentences = split_sentences
M.content_stems = content_stems
M.dice = dice

return M
