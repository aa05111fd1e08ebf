-- html-report: the overview report's HTML page. It runs the keywords and stance reports
-- (tussen.report.load, with their defaults) and the argument engine, and returns one
-- result whose sections the HTML writer renders: widgets (bar charts, marked text, the
-- argument graph) are records whose first key is "widget" (scripts/README.md, section
-- HTML reports). Headings and labels are Dutch, like the texts.

local tussen = require("tussen")
local arguments = require("arguments")
local arg_output = require("arguments-output")

local M = {}

local rec, tab = tussen.record, tussen.table

-- A canned report run as `tussen run NAME --format json` would run it (the data form:
-- lists of records, not cells made readable for a table), with its declared defaults and
-- the given overrides.
local function run_report(name, ctx, overrides)
  local decl = assert(tussen.report.load(name))
  local args = {}
  for k, spec in pairs(decl.args or {}) do args[k] = spec.default end
  for k, v in pairs(overrides or {}) do args[k] = v end
  return decl.run({corpus = ctx.corpus, args = args, report = name, results = {},
    format = "json"})
end

local function bars(title, rows, note)
  return rec({widget = "bars", title = title, rows = tab(rows, {"label", "value", "group"}),
    note = note}, {"widget", "title", "rows", "note"})
end

local STANCE_NL = {support = "steunt", oppose = "tegen", mixed = "gemengd",
  neutral = "neutraal", positive = "positief", negative = "negatief"}

-- ---- corpus summary ----------------------------------------------------------------

local function summary_section(base)
  local kinds = {}
  for _, k in ipairs(base.kinds) do
    kinds[#kinds + 1] = {label = k.kind, value = k.documents, group = k.kind}
  end
  local t = base.totals
  return rec({
    documenten = t.documents, zinnen = t.sentences, tokens = t.tokens, tekens = t.characters,
    soorten = bars("Documenten per soort", kinds),
  }, {"documenten", "zinnen", "tokens", "tekens", "soorten"})
end

-- ---- keywords ------------------------------------------------------------------------

local function keyword_section(kw)
  local top = {}
  for i, r in ipairs(kw.top_terms) do
    if i > 15 then break end
    top[#top + 1] = {label = r.form or r.term, value = r.count}
  end
  -- keyness both ways on one axis: positive log ratio for the first group's keywords,
  -- negative for the other's; the pattern tells the group, the sign the direction
  local key, first, per = {}, kw.keyness[1] and kw.keyness[1].target, {}
  for _, r in ipairs(kw.keyness) do
    per[r.target] = (per[r.target] or 0) + 1
    if per[r.target] <= 10 then
      local lr = r.log_ratio or 0
      key[#key + 1] = {label = r.term, value = r.target == first and math.abs(lr) or -math.abs(lr),
        group = "kenmerkend voor " .. r.target .. " (t.o.v. " .. r.reference .. ")"}
    end
  end
  local rows = {}
  for _, r in ipairs(kw.keyness) do
    rows[#rows + 1] = {groep = r.target, ["t.o.v."] = r.reference, term = r.term,
      frequentie = r.freq, ["frequentie referentie"] = r.ref_freq, documenten = r.docs,
      ["G²"] = r.g2, p = r.p, ["log-ratio"] = r.log_ratio}
  end
  local s = kw.summary
  return rec({
    ["woorden geteld"] = s.counted, ["verschillende woorden"] = s.types,
    ["meest gebruikte woorden"] = bars("Meest gebruikte woorden (aantal, zonder stopwoorden)",
      top),
    keyness = bars("Kenmerkende woorden (log-ratio; G² en p in de tabel)", key,
      "Een balk naar rechts: kenmerkend voor de eerste groep; naar links: voor de tweede."),
    ["Kenmerkende woorden"] = tab(rows, {"groep", "t.o.v.", "term", "frequentie",
      "frequentie referentie", "documenten", "G²", "p", "log-ratio"}),
  }, {"woorden geteld", "verschillende woorden", "meest gebruikte woorden", "keyness",
      "Kenmerkende woorden"})
end

local function kwic_section(kw)
  local rows = {}
  for _, r in ipairs(kw.kwic) do
    rows[#rows + 1] = {trefwoord = r.keyword, document = r.doc, links = r.left,
      woord = r.match, rechts = r.right}
  end
  return tab(rows, {"trefwoord", "document", "links", "woord", "rechts"})
end

-- ---- stance --------------------------------------------------------------------------

-- The evidence as spans of the text: each cue's text found in order (the report lists
-- cues in text order); a cue that is not in the text (a reply's parent) is not marked.
local function marks_of(text, evidence)
  local marks, from = {}, 1
  for _, e in ipairs(evidence or {}) do
    if e.text and #e.text > 0 then
      local s, f = text:find(e.text, from, true)
      if not s then s, f = text:find(e.text, 1, true) end
      if s then
        marks[#marks + 1] = {start = s, stop = f, weight = e.weight, rule = e.rule}
        if s >= from then from = f + 1 end
      end
    end
  end
  return marks
end

local function marked(text, evidence)
  return rec({widget = "marked", text = text,
    marks = tab(marks_of(text, evidence), {"start", "stop", "weight", "rule"})},
    {"widget", "text", "marks"})
end

local function stance_section(st, corpus)
  local sm = st.summary
  local dist = {}
  for _, k in ipairs({"support", "oppose", "mixed", "neutral"}) do
    dist[#dist + 1] = {label = STANCE_NL[k], value = sm[k], group = STANCE_NL[k]}
  end
  local reactions, texts = {}, {}
  for _, r in ipairs(st.documents) do
    local doc = corpus:doc(r.id)
    local text = doc and doc.text or ""
    if r.stance then
      reactions[#reactions + 1] = {document = r.id, ["reageert op"] = r.parent,
        standpunt = STANCE_NL[r.stance] or r.stance, score = r.score,
        zekerheid = r.confidence, ["tekst met aanwijzingen"] = marked(text, r.evidence)}
    else
      texts[#texts + 1] = {document = r.id, polariteit = r.polarity,
        label = STANCE_NL[r.label] or r.label, ["tekst met aanwijzingen"] = marked(text, r.evidence)}
    end
  end
  return rec({
    reacties = sm.reactions,
    verdeling = bars("Standpunt van de reacties (aantal)", dist),
    ["Standpunt per reactie"] = tab(reactions, {"document", "reageert op", "standpunt", "score",
      "zekerheid", "tekst met aanwijzingen"}),
    ["Toon van de stukken zonder ouder"] = tab(texts, {"document", "polariteit", "label",
      "tekst met aanwijzingen"}),
    uitleg = "Gemarkeerd: de woorden en patronen waarop het standpunt berust, met hun gewicht"
      .. " (+ steunt of positief, − tegen of negatief); de regel staat in de tooltip."
      .. " Score van −1 (tegen) tot 1 (steunt); zekerheid van 0 tot 1.",
  }, {"reacties", "verdeling", "uitleg", "Standpunt per reactie",
      "Toon van de stukken zonder ouder"})
end

-- ---- arguments -----------------------------------------------------------------------

local function argument_section(corpus)
  local engine = arguments.new()
  local docs = {}
  for doc in corpus:docs() do
    docs[#docs + 1] = {id = doc.id, kind = doc.kind, parent = doc.parent, title = doc.title,
      author = doc.author, text = doc.text or "", handle = doc}
  end
  local map = engine:analyse(docs)
  return rec({widget = "graph", title = "Argumentkaart: claims, wat ze steunt en wat ze"
      .. " aanvalt, en waarop elke reactie antwoordt",
    dot = arg_output.to_dot(map), outline = arg_output.to_outline(map)},
    {"widget", "title", "dot", "outline"})
end

-- ---- the page ------------------------------------------------------------------------

-- `base` is overview's own result (documents, kinds, totals) as plain tables.
function M.overview(ctx, base)
  local kw = run_report("keywords", ctx)
  local st = run_report("stance", ctx, {evidence = 0})
  local n = base.totals.documents
  return rec({
    title = string.format("Overzicht van het corpus: %d %s", n, n == 1 and "document"
      or "documenten"),
    Samenvatting = summary_section(base),
    Trefwoorden = keyword_section(kw),
    Standpunten = stance_section(st, ctx.corpus),
    Argumentkaart = rec({kaart = argument_section(ctx.corpus)}, {"kaart"}),
    ["Trefwoorden in context"] = kwic_section(kw),
    Documenten = base.documents,
  }, {"title", "Samenvatting", "Trefwoorden", "Standpunten", "Argumentkaart",
      "Trefwoorden in context", "Documenten"})
end

return M
