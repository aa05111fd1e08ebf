-- stance: where each reaction stands toward what it reacts to (support, oppose, mixed,
-- neutral), with score, confidence and evidence; documents without a parent get a polarity.

local tussen = require("tussen")
local stance = require("stance")

-- A user's rule file is Lua source returning a table; it is loaded as data (an empty
-- environment), so it can only describe rules, never run anything.
local function load_rules(path)
  local src = assert(tussen.data.read(path))
  local chunk, err = load(src, "@" .. path, "t", {})
  if not chunk then error(err, 0) end
  local ok, spec = pcall(chunk)
  if not ok then error(spec, 0) end
  if type(spec) ~= "table" then
    error(path .. ": a rule file returns a table {polarity = ..., markers = ..., rules = ...,"
      .. " targets = ...}, not " .. type(spec), 0)
  end
  return spec
end

-- The evidence of a row: the n strongest cues (all when n is 0), kept in text order.
local function evidence_list(ev, n, as_text)
  local chosen = {}
  if n > 0 and #ev > n then
    local sorted = {}
    for i, e in ipairs(ev) do sorted[i] = {e = e, i = i} end
    table.sort(sorted, function(a, b)
      local wa, wb = math.abs(a.e.weight), math.abs(b.e.weight)
      if wa ~= wb then return wa > wb end
      return a.i < b.i
    end)
    for k = 1, n do chosen[sorted[k].i] = true end
  end
  local out = {}
  for i, e in ipairs(ev) do
    if n == 0 or #ev <= n or chosen[i] then
      if as_text then
        out[#out + 1] = ("%s (%+.2f %s)"):format(e.text:gsub("%s+", " "), e.weight, e.rule)
      else
        out[#out + 1] = tussen.record({text = e.text, weight = e.weight, rule = e.rule},
          {"text", "weight", "rule"})
      end
    end
  end
  -- tables (text, Markdown, CSV, ...) get one readable cell; JSON gets the records
  if as_text then return table.concat(out, "; ") end
  return out
end

return {
  description = [[
Stance of each reaction toward what it reacts to, with score, confidence and evidence.
For every document with a parent (a comment under an article, a reply to a comment):
whether it supports, opposes, is mixed about or is neutral toward what it reacts to, with a score in [-1, 1], a confidence in [0, 1] and the evidence:
each cue with its text, weight and the rule that fired (lexicon, phrase, negation,
booster, contrast, irony, rhetorical question, agreement marker, ...). A reply's stance
is toward the article, reached through the comment it answers. Documents without a
parent get their polarity (a number in [-1, 1] and positive/negative/neutral).
Lexicons: scripts/lexicons/stance-polarity.tsv and stance-markers.tsv; extend them
with --arg rules=FILE (see scripts/README.md, section Stance).]],
  categories = {"stance", "sentiment", "comments"},
  author = "tussen",
  license = "MIT",
  args = {
    rules = {type = "file", help = "a Lua rule file that adds or overrides polarity entries, "
      .. "markers, phrase rules and targets"},
    evidence = {type = "number", default = 3,
      help = "how many cues to show per document, the strongest first (0: all of them); "
        .. "JSON lists them as records, other formats as one readable cell"},
  },

  run = function(ctx)
    local engine = stance.new()
    if ctx.args.rules then engine:extend(load_rules(ctx.args.rules), ctx.args.rules) end
    local corpus = ctx.corpus
    local docs, by_id = {}, {}
    for doc in corpus:docs() do
      local d = {id = doc.id, text = doc.text, parent = doc.parent, title = doc.title,
        author = doc.author, handle = doc}
      docs[#docs + 1] = d
      by_id[d.id] = d
    end
    local function get(id) return by_id[id] end
    local rows, dist = {}, {support = 0, oppose = 0, mixed = 0, neutral = 0,
      positive = 0, negative = 0}
    local polar_neutral = 0
    local nshow = math.max(0, math.floor(ctx.args.evidence or 3))
    for _, d in ipairs(docs) do
      local r = engine:stance(d, get)
      local row = {id = d.id, parent = d.parent, polarity = r.polarity,
        evidence = evidence_list(r.evidence, nshow, ctx.format ~= "json")}
      if d.parent and by_id[d.parent] then
        row.stance, row.score, row.confidence = r.stance, r.score, r.confidence
        dist[r.stance] = dist[r.stance] + 1
      else
        row.parent = nil
        row.label = r.polarity_label
        if r.polarity_label == "neutral" then polar_neutral = polar_neutral + 1
        else dist[r.polarity_label] = dist[r.polarity_label] + 1 end
      end
      rows[#rows + 1] = row
    end
    local reactions = dist.support + dist.oppose + dist.mixed + dist.neutral
    local summary = tussen.record({
      reactions = reactions,
      support = dist.support, oppose = dist.oppose, mixed = dist.mixed,
      neutral = dist.neutral,
      unparented = #docs - reactions,
      positive = dist.positive, negative = dist.negative, polarity_neutral = polar_neutral,
    }, {"reactions", "support", "oppose", "mixed", "neutral", "unparented", "positive",
        "negative", "polarity_neutral"})
    return tussen.record({
      documents = tussen.table(rows, {"id", "parent", "stance", "score", "confidence",
        "polarity", "label", "evidence"}),
      summary = summary,
    }, {"documents", "summary"})
  end,
}
