-- Tests of the argument engine (scripts/lib/arguments.lua) and its writers: segmentation,
-- relations from connectives, extension from Lua, comments, and the shape of every output.
local tussen = require("tussen")
local t = require("testing")
local arguments = require("arguments")
local output = require("arguments-output")

local function analyse(engine, docs)
  if type(docs) == "string" then docs = { { id = "a", kind = "article", text = docs } } end
  return engine:analyse(docs)
end

local function texts(map, doc)
  local out = {}
  for _, u in ipairs(map.docs[doc or 1].units) do out[#out + 1] = u.text end
  return out
end

-- The relation from the unit whose text starts with `from` to the one starting with `to`.
local function rel(map, from, to)
  for _, r in ipairs(map.relations) do
    if r.from.text:sub(1, #from) == from and r.to.text:sub(1, #to) == to then return r end
  end
  return nil
end

local function run(ctx)
  local n = 0
  local function ok() n = n + 1 end
  local e = arguments.new()

  -- the shipped lexicon loads and is large
  t.eq(#e.entries >= 400, true, "lexicon size")
  ok()

  -- want: the clause it opens supports the one before
  local m = analyse(e, "Het centrum moet autovrij worden, want de lucht is er slecht.")
  t.eq(#m.docs[1].units, 2, "want splits")
  t.eq(texts(m)[2], "de lucht is er slecht", "connective left out of the unit")
  t.eq(rel(m, "de lucht", "Het centrum").type, "support", "want supports")
  t.eq(m.docs[1].main.text, "Het centrum moet autovrij worden", "main claim")
  ok()

  -- a fronted subordinate clause ends at the comma before the verb; a condition stays whole
  m = analyse(e, "Omdat steeds meer mensen thuiswerken, staan kantoren leeg.")
  t.eq(#m.docs[1].units, 2, "fronted omdat-clause")
  t.eq(rel(m, "steeds meer", "staan kantoren").type, "support", "omdat X, Y")
  m = analyse(e, "Als de gemeente niets doet, dan loopt de wachtlijst op.")
  t.eq(#m.docs[1].units, 1, "a condition is no unit of its own")
  t.eq(texts(m)[1], "Als de gemeente niets doet, dan loopt de wachtlijst op", "condition kept")
  ok()

  -- longer articles: the title over several paragraphs is the main claim and the closing
  -- "Kortom" restates it; enerzijds/anderzijds weigh two sides; reported views are objections
  m = analyse(e, "Meer bomen in de stad\n\nHet wordt in de zomer steeds heter. Enerzijds "
    .. "geven bomen schaduw. Anderzijds houden ze regenwater vast.\n\nVeel bewoners denken "
    .. "dat bomen alleen overlast geven. Dat is te kort door de bocht.\n\nKortom, de stad "
    .. "heeft meer bomen nodig.")
  t.eq(m.docs[1].main.text, "Meer bomen in de stad", "title of a long article is its main claim")
  t.eq(rel(m, "de stad heeft", "Meer bomen").type, "restate", "Kortom restates the title")
  t.eq(rel(m, "houden ze", "geven bomen"), nil, "anderzijds does not attack enerzijds")
  t.eq(rel(m, "houden ze", "Meer bomen").type, "support", "anderzijds argues with enerzijds")
  t.eq(rel(m, "Veel bewoners", "Meer bomen").type, "attack", "a reported view is an objection")
  t.eq(rel(m, "Dat is te kort", "Veel bewoners").type, "attack", "the answer to the view")
  m = analyse(e, "De wet moet anders. Dat is hard nodig. Enerzijds willen steden meer "
    .. "vrijheid. Anderzijds willen dorpen rust. Een vaste regel werkt dus slecht.")
  -- ("Dat is hard nodig" supports the main claim by default, not through "dus")
  t.eq(rel(m, "Dat is hard", "Een vaste regel").marker, nil, "a weighing opens the run")
  t.eq(rel(m, "willen steden", "Een vaste regel").type, "support", "the weighing's sides")
  -- a unit with its own addition keeps it besides the relation the next clause gives it
  m = analyse(e, "Windmolens horen op zee. Daar is veel ruimte. Op zee waait het bovendien "
    .. "harder, waardoor een molen daar meer stroom oplevert.")
  t.eq(rel(m, "Op zee waait", "een molen").type, "support", "waardoor: the first relation")
  t.eq(rel(m, "Op zee waait", "Windmolens").type, "support", "bovendien: the second relation")
  -- an authority's announced plan that the author then judges is the occasion, not a premise
  m = analyse(e, "Het kabinet wil de regels gelijktrekken. Dat is een vergissing. Dorpen "
    .. "willen op zondag rust.")
  t.eq(m.docs[1].units[1].role, "background", "announced plan is background")
  t.eq(m.docs[1].main.text, "Dat is een vergissing", "the verdict on it is the claim")
  m = analyse(e, "Een kleine, maar groeiende groep werkt thuis.")
  t.eq(#m.docs[1].units, 1, "maar between two adjectives opens no unit")
  ok()

  -- a comment's bare verdict answers the main claim; first-person experience is its evidence
  m = e:analyse({
    { id = "a", kind = "article", text = "Het centrum moet autovrij worden. Auto's maken de "
      .. "pleinen lawaaiig en de lucht vies." },
    { id = "r", kind = "comment", parent = "a", text = "Eens. Ik woon aan het plein en hoor "
      .. "elke nacht het lawaai van auto's." },
    { id = "s", kind = "comment", parent = "a", text = "Als buurtbewoner zie ik het elke "
      .. "ochtend: de stoepen staan vol. Een autovrij centrum zou enorm helpen." } })
  t.eq(rel(m, "Eens", "Het centrum").type, "support", "verdict answers the main claim")
  t.eq(m.docs[3].main.text, "Een autovrij centrum zou enorm helpen",
    "testimony is not the commenter's position")
  ok()

  -- "niet X, maar Y" corrects one claim; "X, maar Y" counters X
  m = analyse(e, "Het gaat niet om geld, maar om aandacht voor bewoners.")
  t.eq(#m.docs[1].units, 1, "niet X maar Y")
  m = analyse(e, "Het plan is duur, maar het levert de wijk veel op.")
  t.eq(rel(m, "het levert", "Het plan").type, "attack", "maar attacks")
  t.eq(m.docs[1].main.text, "het levert de wijk veel op", "the author stands after maar")
  ok()

  -- conclusions draw on the free premises before them; restatements restate
  m = analyse(e, "De opvang zit vol. Het aantal daklozen groeit. Er zijn dus meer plekken nodig. "
    .. "Met andere woorden, de gemeente moet nu bouwen.")
  t.eq(rel(m, "De opvang", "Er zijn dus").type, "support", "dus, first premise")
  t.eq(rel(m, "Het aantal", "Er zijn dus").type, "support", "dus, second premise")
  t.eq(rel(m, "de gemeente moet", "Er zijn dus").type, "restate", "met andere woorden")
  ok()

  -- abbreviations do not end sentences; a missing space after a full stop does
  m = analyse(e, "Er zijn bijv. meer wijkagenten nodig.Zoals in Rotterdam, waar het werkt.")
  t.eq(#m.docs[1].units, 2, "bijv. and .Zoals")
  ok()

  -- headings are section claims that support the main claim
  m = analyse(e, "Maak de wijkagent weer zichtbaar\n\nBewoners voelen zich onveilig.\n\n"
    .. "Blauw werkt\n\nIn wijken met een wijkagent daalt het aantal inbraken.")
  t.eq(m.docs[1].main.text, "Maak de wijkagent weer zichtbaar", "title heading is main")
  t.eq(rel(m, "In wijken", "Blauw werkt").type, "support", "section unit supports heading")
  t.eq(rel(m, "Blauw werkt", "Maak").type, "support", "heading supports main")
  ok()

  -- comments: a quote attaches to the quoted unit; markers decide support or attack
  local docs = {
    { id = "a", kind = "article", text = "Scholen moeten de telefoon verbieden. "
      .. "Leerlingen worden voortdurend afgeleid door meldingen." },
    { id = "r1", kind = "comment", parent = "a",
      text = "Ik lees \"Leerlingen worden voortdurend afgeleid door meldingen\". Helemaal mee eens." },
    { id = "r2", kind = "comment", parent = "a", text = "Onzin. Een verbod werkt niet." },
  }
  m = e:analyse(docs)
  local r1 = m.rel_of[m.docs[2].main]
  t.eq(r1.to.text, "Leerlingen worden voortdurend afgeleid door meldingen", "quote target")
  t.eq(r1.type, "support", "mee eens supports")
  t.eq(r1.how, "quote", "attached by quote")
  t.eq(m.rel_of[m.docs[3].main].type, "attack", "onzin attacks")
  ok()

  -- dashes and typographic quotes share bytes; a comment with both still finds its quote
  docs = {
    { id = "a", kind = "article", text = "Gemeenten moeten bewoners meer ruimte geven." },
    { id = "r", kind = "comment", parent = "a",
      text = "Het woord – ruimte voor de bewoners – valt vaak. Ik lees \u{201C}bewoners meer ruimte geven\u{201D} – mee eens." },
  }
  m = e:analyse(docs)
  t.eq(m.rel_of[m.docs[2].main].how, "quote", "quote found beside dashes")
  ok()

  -- extension: a new connective, an override, a relation rule
  local e2 = arguments.new()
  e2:add_connective({ phrase = "om die simpele reden", sense = "reason",
    direction = "marked-supports-other", position = "initial", clause = "frame" })
  m = analyse(e2, "De brug moet blijven. Om die simpele reden dat er geen omweg is.")
  t.eq(m.relations[1].marker, "om die simpele reden", "user connective used")
  e2:add_connective({ phrase = "want", sense = "contrast", direction = "marked-attacks-other",
    position = "clause", clause = "main" })
  m = analyse(e2, "Het plan is goed, want het is duur.")
  t.eq(rel(m, "het is duur", "Het plan").type, "attack", "override of a shipped entry")
  -- a phrase pattern in tussen.rules syntax: alternatives and a wildcard
  e2:add_connective({ phrase = "gezien de cijfers", rule = "gezien de (cijfers|statistiek*)",
    sense = "reason", direction = "marked-supports-other", position = "initial", clause = "adv" })
  m = analyse(e2, "De wachtlijst groeit. Gezien de statistieken is snel ingrijpen nodig.")
  t.eq(rel(m, "is snel", "De wachtlijst").marker, "gezien de cijfers", "pattern connective")
  t.raises(function() e2:add_connective({ phrase = "kapot", rule = "(kapot", sense = "reason",
    direction = "marked-supports-other", position = "any", clause = "adv" }) end,
    "connective 'kapot': rule 'kapot': position")
  e2:add_rule(function(u, ctx2)
    if u.text:find("volgens de wet") and ctx2.prev then
      return { type = "support", to = ctx2.prev, marker = "wet" }
    end
  end)
  m = analyse(e2, "Het besluit is onrechtmatig. Dat staat volgens de wet vast.")
  t.eq(rel(m, "Dat staat", "Het besluit").marker, "wet", "user rule")
  ok()

  -- bad extensions fail with a message that names what is wrong
  t.raises(function() e2:add_connective({ phrase = "zeg maar", sense = "reden",
    direction = "marked-supports-other", position = "any", clause = "adv" }) end,
    "connective 'zeg maar': bad sense 'reden' %(one of: addition, agree")
  t.raises(function() e2:add_connectives_tsv("phrase\tsense\nzeg\treason\n", "mine.tsv") end,
    "mine.tsv:2: expected at least 5 tab%-separated columns")
  t.raises(function() e2:add_connectives_tsv("zeg\treason\tup\tany\tadv\n", "mine.tsv") end,
    "mine.tsv:1: .*bad direction 'up'")
  t.raises(function() e2:add_rule("x") end, "add_rule: a function expected")
  ok()

  -- odd documents: empty, only a title line, a comment on an empty article, no parent
  m = e:analyse({
    { id = "leeg", kind = "article", text = "" },
    { id = "kop", kind = "article", text = "Alleen een kop" },
    { id = "r", kind = "comment", parent = "leeg", text = "Mee eens." },
    { id = "wees", kind = "comment", parent = "weg", text = "Dit klopt niet, want het is anders." },
  })
  t.eq(#m.docs[1].units, 0, "empty document has no units")
  t.eq(m.docs[1].main, nil, "and no main claim")
  t.eq(m.docs[2].main.text, "Alleen een kop", "a lone line is a unit")
  t.eq(m.rel_of[m.docs[3].main], nil, "nothing to attach to")
  t.eq(#m.relations, 1, "only the want relation")
  t.eq(output.to_outline(m):find("## wees", 1, true) ~= nil, true, "orphan comment listed")
  ok()

  -- outputs on the bundled corpus: well-formed and deterministic
  local cdocs = {}
  for doc in ctx.corpus:docs() do
    cdocs[#cdocs + 1] = { id = doc.id, kind = doc.kind, parent = doc.parent, title = doc.title,
      author = doc.author, text = doc.text }
  end
  local map = e:analyse(cdocs)
  local aif = output.to_aif(map)
  local ids, incount, outcount = {}, {}, {}
  for _, nd in ipairs(aif.nodes) do ids[nd.nodeID] = nd.type end
  for _, ed in ipairs(aif.edges) do
    t.eq(ids[ed.fromID] ~= nil and ids[ed.toID] ~= nil, true, "edge ends exist")
    outcount[ed.fromID] = (outcount[ed.fromID] or 0) + 1
    incount[ed.toID] = (incount[ed.toID] or 0) + 1
  end
  local seen = {}
  for id, typ in pairs(ids) do
    seen[typ] = true
    if typ == "RA" or typ == "CA" or typ == "MA" or typ == "YA" then
      t.eq(incount[id], 1, typ .. " has one premise")
      t.eq(outcount[id], 1, typ .. " has one conclusion")
    end
  end
  for _, typ in ipairs({ "I", "L", "YA", "RA", "CA", "MA" }) do t.eq(seen[typ], true, "AIF " .. typ) end
  t.eq(#aif.participants, 8, "a participant per document")
  t.eq(aif.participants[1].surname, "Witte", "article author")
  ok()

  -- the connectives are matched by tussen.rules; the Lua matcher draws the same map
  t.eq(e.compiled ~= nil, true, "lexicon compiled into a tussen.rules set")
  local lua_map = arguments.new({ lua_matcher = true }):analyse(cdocs)
  t.eq(output.to_dot(lua_map), output.to_dot(map), "C and Lua matchers agree")
  ok()

  -- a tussen.Doc brings its sentences from tussen's tokenizer
  local first = ctx.corpus:docs()()
  local hm = e:analyse({ { id = first.id, kind = first.kind, text = first.text, handle = first } })
  local hunits = hm.docs[1].units
  t.eq(hunits[#hunits].sent, first:nsentences(), "sentences from the tokenizer")
  ok()

  local dot = output.to_dot(map)
  t.eq(dot:sub(1, 18), "digraph arguments ", "DOT header")
  t.eq(select(2, dot:gsub("{", "")) - select(2, dot:gsub("}", "")), 0, "DOT braces balance")
  t.eq(dot == output.to_dot(e:analyse(cdocs)), true, "DOT deterministic")
  local outline = output.to_outline(map)
  t.eq(outline:sub(1, 16), "# Argumentkaart\n", "outline title")
  t.eq(outline:find("**Hoofdclaim:**", 1, true) ~= nil, true, "outline main claim")
  t.eq(outline:find("**reactie-6 steunt** *(citaat)*", 1, true) ~= nil, true,
    "comment 6 attached through its quote")
  t.eq(outline:find("Niet verbonden", 1, true), nil, "every unit is in the map")
  ok()
  return n
end

return {
  description = "Tests of the argument engine and its writers",
  categories = { "test" },
  run = function(ctx) return { passed = run(ctx) } end,
}
