-- arguments: the argument map of a corpus (claims, premises, support, attack, restatement, and
-- how the comments answer the article) as an outline, Graphviz DOT, AIF JSON or plain JSON.

local tussen = require("tussen")
local arguments = require("arguments")
local output = require("arguments-output")

-- The user's extensions: a Lua file that returns a function(engine) or a table
-- {connectives = {{phrase=..., sense=..., ...}, ...}, rules = {function(unit, ctx) ... end}}.
local function apply_rules(engine, name)
  local src, err = tussen.data.read(name)
  if not src then error(err, 0) end
  local chunk, perr = load(src, "@" .. name, "t")
  if not chunk then error(perr, 0) end
  local spec = chunk()
  if type(spec) == "function" then
    spec(engine)
  elseif type(spec) == "table" then
    for k in pairs(spec) do
      if k ~= "connectives" and k ~= "rules" then
        error(string.format("%s: unknown key '%s' (expected connectives, rules)", name, tostring(k)), 0)
      end
    end
    for _, c in ipairs(spec.connectives or {}) do engine:add_connective(c) end
    for _, r in ipairs(spec.rules or {}) do engine:add_rule(r) end
  else
    error(name .. ": must return a function(engine) or a table {connectives = ..., rules = ...}", 0)
  end
end

return {
  description = [[
Argument map: claims, premises, support and attack, and what each comment answers.
Each document is cut into argumentative units
(sentences, split where a connective opens a clause: want, omdat, maar, hoewel,
zodat, ...); connectives from scripts/lexicons/connectives-nl.tsv decide the
relations (support, attack, restatement) and headings and 'Kortom' sum up; each
document gets a main claim. Each comment is attached, as support or attack, to
the unit of the text it answers (a quote, shared content words, agreement
markers). Outputs: a Markdown outline (main claim first, what supports and
attacks it indented, each with its marker), Graphviz DOT, AIF JSON (AIFdb/OVA:
I-, RA-, CA-, MA-, L- and YA-nodes, edges, locutions, participants) and JSON.
Use --format json with output=aif or output=json.]],
  categories = { "arguments", "comments" },
  author = "tussen",
  license = "MIT",
  args = {
    output = { type = "string", default = "outline", choices = { "outline", "dot", "aif", "json" },
      help = "what to produce" },
    connectives = { type = "file",
      help = "extra connectives (TSV in the lexicon's format) added to the shipped ones" },
    rules = { type = "file",
      help = "a Lua file returning function(engine) or {connectives = ..., rules = ...}" },
  },

  run = function(ctx)
    local engine = arguments.new()
    if ctx.args.connectives then
      local text, err = tussen.data.read(ctx.args.connectives)
      if not text then error(err, 0) end
      engine:add_connectives_tsv(text, ctx.args.connectives)
    end
    if ctx.args.rules then apply_rules(engine, ctx.args.rules) end
    local docs = {}
    for doc in ctx.corpus:docs() do
      docs[#docs + 1] = { id = doc.id, kind = doc.kind, parent = doc.parent, title = doc.title,
        author = doc.author, text = doc.text or "", handle = doc }
    end
    local map = engine:analyse(docs)
    local o = ctx.args.output
    if o == "dot" then return output.to_dot(map) end
    if o == "aif" then return output.to_aif(map) end
    if o == "json" then return output.to_json(map) end
    return output.to_outline(map)
  end,
}
