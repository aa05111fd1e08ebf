-- Scores the argument engine against the hand-drawn argument maps of tests/data/arguments/
-- (format in its README) and fails when a score drops below its floor.
--
-- Run by tests/lua/arguments-cases.sh, which joins the case files of one part (tune, heldout or held2)
-- into one file ("=== NAME" before each case) and passes it as --arg cases=FILE.

local arguments = require("arguments")
local tussen = require("tussen")

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

local function split_bar(line)
  local f = {}
  for part in (line .. " | "):gmatch("(.-) | ") do f[#f + 1] = trim(part) end
  return f
end

local ROLES = { claim = true, premise = true, restatement = true, background = true }
local RELS = { support = true, attack = true, restate = true }

-- Parses one case; errors name the case and line.
local function parse_case(name, body)
  local case = { name = name, docs = {}, units = {}, by_id = {}, relations = {}, main = {} }
  local cur, mode, lineno = nil, nil, 0
  local function bad(msg) error(string.format("%s:%d: %s", name, lineno, msg), 0) end
  for line in (body .. "\n"):gmatch("([^\n]*)\n") do
    lineno = lineno + 1
    if line:match("^@doc ") then
      local id, kind, parent = line:match("^@doc (%S+) (%S+)%s*(%S*)$")
      if not id then bad("expected '@doc ID KIND [PARENT]'") end
      cur = { id = id, kind = kind, parent = parent ~= "" and parent or nil, lines = {} }
      case.docs[#case.docs + 1] = cur
      mode = "text"
    elseif line == "@units" then
      if not cur then bad("@units before @doc") end
      mode = "units"
    elseif line:match("^@main ") then
      local id = line:match("^@main (%S+)$")
      if not case.by_id[id] then bad("@main names unknown unit '" .. tostring(id) .. "'") end
      case.main[cur.id] = id
      mode = nil
    elseif mode == "text" then
      cur.lines[#cur.lines + 1] = line
    elseif mode == "units" and line:find("%S") then
      local f = split_bar(line)
      local id, role = f[1]:match("^(%S+) (%S+)$")
      if not id or not ROLES[role] then bad("expected 'ID ROLE | TEXT', ROLE one of claim, "
        .. "premise, restatement, background") end
      local u = { id = id, role = role, text = f[2], doc = cur.id }
      case.units[#case.units + 1] = u
      case.by_id[id] = u
      for k = 3, #f, 2 do
        local rel, to = f[k]:match("^(%S+) (%S+)$")
        if not rel or not RELS[rel] then bad("expected 'RELATION TARGET', RELATION one of "
          .. "support, attack, restate") end
        case.relations[#case.relations + 1] = { from = id, to = to, type = rel,
          marker = f[k + 1] }
      end
    end
  end
  for _, d in ipairs(case.docs) do
    d.text = table.concat(d.lines, "\n"):gsub("\n+$", "")
  end
  local text_of = {}
  for _, d in ipairs(case.docs) do text_of[d.id] = d.text end
  for _, u in ipairs(case.units) do
    if not text_of[u.doc]:find(u.text, 1, true) then
      error(string.format("%s: unit %s is not in the text of %s: %s", name, u.id, u.doc, u.text), 0)
    end
  end
  for _, r in ipairs(case.relations) do
    if not case.by_id[r.to] then
      error(string.format("%s: relation %s -> %s names an unknown unit", name, r.from, r.to), 0)
    end
  end
  return case
end

local function words(text)
  local out = {}
  for _, t in ipairs(arguments.tokenize(text)) do
    if t.kind == "w" then out[#out + 1] = t.low end
  end
  return out
end

-- Matches predicted units to gold units one-to-one, best overlap first.
local function align(gold, pred)
  local pairs_ = {}
  for gi, g in ipairs(gold) do
    local gw = words(g.text)
    for pi, p in ipairs(pred) do
      if p.doc.id == g.doc then
        local d = arguments.dice(gw, words(p.text))
        if d >= 0.5 then pairs_[#pairs_ + 1] = { gi = gi, pi = pi, d = d } end
      end
    end
  end
  table.sort(pairs_, function(a, b)
    if a.d ~= b.d then return a.d > b.d end
    if a.gi ~= b.gi then return a.gi < b.gi end
    return a.pi < b.pi
  end)
  local g2p, p2g = {}, {}
  for _, x in ipairs(pairs_) do
    if not g2p[x.gi] and not p2g[x.pi] then g2p[x.gi], p2g[x.pi] = x.pi, x.gi end
  end
  return g2p, p2g
end

local function score_case(engine, case)
  local docs = {}
  for _, d in ipairs(case.docs) do
    docs[#docs + 1] = { id = d.id, kind = d.kind, parent = d.parent, text = d.text }
  end
  local map = engine:analyse(docs)
  local pred = {}
  for _, e in ipairs(map.docs) do
    for _, u in ipairs(e.units) do pred[#pred + 1] = u end
  end
  local g2p, p2g = align(case.units, pred)
  local s = { gold_units = #case.units, pred_units = #pred, matched = 0, roles_ok = 0,
    gold_rels = #case.relations, pred_rels = #map.relations, rels_ok = 0, mains = 0,
    mains_ok = 0, problems = {} }
  local gindex = {}
  for gi, g in ipairs(case.units) do gindex[g.id] = gi end
  for gi, g in ipairs(case.units) do
    local pi = g2p[gi]
    if pi then
      s.matched = s.matched + 1
      if pred[pi].role == g.role then s.roles_ok = s.roles_ok + 1
      else s.problems[#s.problems + 1] = string.format("role %s: %s, expected %s", g.id,
        pred[pi].role, g.role) end
    else
      s.problems[#s.problems + 1] = "unit missed: " .. g.id .. " " .. g.text
    end
  end
  for pi, p in ipairs(pred) do
    if not p2g[pi] then s.problems[#s.problems + 1] = "unit extra: " .. p.text end
  end
  local pindex = {}
  for pi, p in ipairs(pred) do pindex[p] = pi end
  local found = {}
  for _, r in ipairs(map.relations) do
    local a, b = p2g[pindex[r.from]], p2g[pindex[r.to]]
    if a and b then found[a .. " " .. r.type .. " " .. b] = r end
  end
  local gold_keys = {}
  for _, r in ipairs(case.relations) do
    local key = gindex[r.from] .. " " .. r.type .. " " .. gindex[r.to]
    gold_keys[key] = true
    if found[key] then s.rels_ok = s.rels_ok + 1
    else s.problems[#s.problems + 1] = string.format("relation missed: %s %s %s (%s)",
      r.from, r.type, r.to, r.marker) end
  end
  for _, r in ipairs(map.relations) do
    local a, b = p2g[pindex[r.from]], p2g[pindex[r.to]]
    local key = a and b and (a .. " " .. r.type .. " " .. b)
    if not key or not gold_keys[key] then
      s.problems[#s.problems + 1] = string.format("relation extra: [%s] %s [%s] (%s)",
        r.from.text, r.type, r.to.text, r.marker or "-")
    end
  end
  for _, e in ipairs(map.docs) do
    local gm = case.main[e.doc.id]
    if gm then
      s.mains = s.mains + 1
      local pi = e.main and pindex[e.main]
      if pi and p2g[pi] == gindex[gm] then s.mains_ok = s.mains_ok + 1
      else s.problems[#s.problems + 1] = string.format("main claim of %s: %s, expected %s",
        e.doc.id, e.main and e.main.text or "none", gm) end
    end
  end
  return s
end

-- "=== NAME" lines start the cases of a joined file.
local function split_cases(text)
  local out = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local name = line:match("^=== (%S+)$")
    if name then
      out[#out + 1] = { name = name, lines = {} }
    elseif out[#out] then
      table.insert(out[#out].lines, line)
    end
  end
  for _, c in ipairs(out) do c.body = table.concat(c.lines, "\n") end
  return out
end

local function f1(p, r) if p + r == 0 then return 0 end return 2 * p * r / (p + r) end
local function pct(x) return math.floor(x * 1000 + 0.5) / 10 end

return {
  description = "Scores the argument engine against hand-drawn Dutch argument maps",
  categories = { "test" },
  args = {
    cases = { type = "file", help = "the case files of one part, joined with '=== NAME' lines" },
    part = { type = "string", default = "tune", help = "name of the part, for the report" },
    units_f1 = { type = "number", default = 0, help = "fail below this unit F1 (percent)" },
    relations_f1 = { type = "number", default = 0, help = "fail below this relation F1" },
    main = { type = "number", default = 0, help = "fail below this main-claim accuracy" },
    verbose = { type = "boolean", default = false, help = "list every difference" },
  },
  run = function(ctx)
    local text = assert(tussen.data.read(ctx.args.cases))
    local engine = arguments.new()
    local tot = { gold_units = 0, pred_units = 0, matched = 0, roles_ok = 0, gold_rels = 0,
      pred_rels = 0, rels_ok = 0, mains = 0, mains_ok = 0 }
    local rows, ncases = {}, 0
    for _, c in ipairs(split_cases(text)) do
      local name, body = c.name, c.body
      ncases = ncases + 1
      local s = score_case(engine, parse_case(name, body))
      for k in pairs(tot) do tot[k] = tot[k] + s[k] end
      rows[#rows + 1] = { case = name, units = s.matched .. "/" .. s.gold_units .. "/" .. s.pred_units,
        relations = s.rels_ok .. "/" .. s.gold_rels .. "/" .. s.pred_rels,
        main = s.mains_ok .. "/" .. s.mains,
        problems = ctx.args.verbose and table.concat(s.problems, "; ") or #s.problems }
    end
    if ncases == 0 then error("no cases in " .. ctx.args.cases) end
    local up, ur = tot.matched / math.max(1, tot.pred_units), tot.matched / math.max(1, tot.gold_units)
    local rp, rr = tot.rels_ok / math.max(1, tot.pred_rels), tot.rels_ok / math.max(1, tot.gold_rels)
    local summary = tussen.record({
      part = ctx.args.part, cases = ncases,
      units_precision = pct(up), units_recall = pct(ur), units_f1 = pct(f1(up, ur)),
      role_accuracy = pct(tot.roles_ok / math.max(1, tot.matched)),
      relations_precision = pct(rp), relations_recall = pct(rr), relations_f1 = pct(f1(rp, rr)),
      main_claim_accuracy = pct(tot.mains_ok / math.max(1, tot.mains)),
    }, { "part", "cases", "units_precision", "units_recall", "units_f1", "role_accuracy",
      "relations_precision", "relations_recall", "relations_f1", "main_claim_accuracy" })
    local fails = {}
    if pct(f1(up, ur)) < ctx.args.units_f1 then fails[#fails + 1] = "unit F1" end
    if pct(f1(rp, rr)) < ctx.args.relations_f1 then fails[#fails + 1] = "relation F1" end
    if pct(tot.mains_ok / math.max(1, tot.mains)) < ctx.args.main then
      fails[#fails + 1] = "main-claim accuracy"
    end
    if #fails > 0 then
      error(string.format("%s: %s below the floor (units F1 %.1f, relations F1 %.1f, main %.1f)",
        ctx.args.part, table.concat(fails, ", "), pct(f1(up, ur)), pct(f1(rp, rr)),
        pct(tot.mains_ok / math.max(1, tot.mains))), 0)
    end
    return tussen.record({ summary = summary,
      cases = tussen.table(rows, { "case", "units", "relations", "main", "problems" }) },
      { "summary", "cases" })
  end,
}
