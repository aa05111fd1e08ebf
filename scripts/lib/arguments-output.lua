-- Writers for argument maps (scripts/lib/arguments.lua): plain JSON, AIF JSON (AIFdb/OVA),
-- Graphviz DOT and a Markdown outline that a Dutch reader can follow.

local M = {}

local has_tussen, tussen = pcall(require, "tussen")
if not has_tussen then tussen = nil end

-- A record whose keys the writers keep in this order.
local function rec(t, keys)
  if tussen and tussen.record then return tussen.record(t, keys) end
  return t
end

local REL_NL = { support = "steunt", attack = "valt aan", restate = "herformuleert" }
-- How a comment was attached to what it answers (arguments.lua: Engine:attach).
local HOW_NL = { quote = "citaat", overlap = "gedeelde woorden", ["main claim"] = "hoofdclaim",
  reference = "verwijst naar het stuk", ["reference, conceded"] = "verwijst naar het stuk, premisse toegegeven",
  ["quote, conceded"] = "citaat, premisse toegegeven",
  ["overlap, conceded"] = "gedeelde woorden, premisse toegegeven",
  ["main claim, conceded"] = "hoofdclaim, premisse toegegeven" }

-- Units in document order: the map keeps documents in corpus order, units in text order.
local function all_units(map)
  local out = {}
  for di, e in ipairs(map.docs) do
    for _, u in ipairs(e.units) do
      u.doc_index = di
      out[#out + 1] = u
    end
  end
  return out
end

local function by_position(a, b)
  if a.doc_index ~= b.doc_index then return a.doc_index < b.doc_index end
  return a.n < b.n
end

------------------------------------------------------------------------------------------------
-- JSON
------------------------------------------------------------------------------------------------

local function marker_of(u)
  local m = u.opener or u.inside
  return m and m.entry or nil
end

function M.to_json(map)
  local docs = {}
  for _, e in ipairs(map.docs) do
    local units = {}
    for _, u in ipairs(e.units) do
      local m = marker_of(u)
      units[#units + 1] = rec({ id = u.id, text = u.text, role = u.role, paragraph = u.para,
        sentence = u.sent, heading = u.heading, marker = m and m.phrase or nil,
        sense = m and m.sense or nil, start = u.start, ["end"] = u.stop },
        { "id", "text", "role", "paragraph", "sentence", "heading", "marker", "sense", "start",
          "end" })
    end
    docs[#docs + 1] = rec({ id = e.doc.id, kind = e.doc.kind, parent = e.doc.parent,
      title = e.doc.title, author = e.doc.author, main_claim = e.main and e.main.id or nil,
      units = units },
      { "id", "kind", "parent", "title", "author", "main_claim", "units" })
  end
  local rels = {}
  for _, r in ipairs(map.relations) do
    rels[#rels + 1] = rec({ from = r.from.id, to = r.to.id, type = r.type, marker = r.marker,
      sense = r.sense, origin = r.origin, attached_by = r.how },
      { "from", "to", "type", "marker", "sense", "origin", "attached_by" })
  end
  return rec({ documents = docs, relations = rels }, { "documents", "relations" })
end

------------------------------------------------------------------------------------------------
-- AIF (Argument Interchange Format, the JSON of AIFdb and OVA)
------------------------------------------------------------------------------------------------

local SCHEME = {
  support = { type = "RA", text = "Default Inference" },
  attack = { type = "CA", text = "Default Conflict" },
  restate = { type = "MA", text = "Default Rephrase" },
}

-- A participant per document: the article's author (first name, surname) or the commenter.
local function participant_of(doc, index)
  local first, last = "", ""
  if doc.author and doc.author ~= "" then
    first, last = doc.author:match("^(%S+)%s+(.+)$")
    if not first then first, last = doc.author, "" end
  elseif doc.kind == "comment" then
    first, last = "Reactie", doc.id
  else
    first, last = "Auteur", doc.id
  end
  return rec({ participantID = index, firstname = first, surname = last },
    { "participantID", "firstname", "surname" })
end

-- I-nodes for units, RA/CA/MA nodes for relations, L-nodes (with YA "Asserting") and
-- participants for who said what. Node ids are decimal strings, edge ids numbers, as in AIFdb.
function M.to_aif(map)
  local nodes, edges, locutions, participants = {}, {}, {}, {}
  local next_node, next_edge = 0, 0
  local function node(typ, text)
    next_node = next_node + 1
    local id = tostring(next_node)
    nodes[#nodes + 1] = rec({ nodeID = id, text = text, type = typ, timestamp = "" },
      { "nodeID", "text", "type", "timestamp" })
    return id
  end
  local function edge(from, to)
    next_edge = next_edge + 1
    edges[#edges + 1] = rec({ edgeID = next_edge, fromID = from, toID = to, formEdgeID = nil },
      { "edgeID", "fromID", "toID", "formEdgeID" })
  end
  local inode = {}
  for di, e in ipairs(map.docs) do
    local who = participant_of(e.doc, di)
    participants[#participants + 1] = who
    local speaker = (who.firstname .. " " .. who.surname):gsub("%s+$", "")
    for _, u in ipairs(e.units) do
      inode[u] = node("I", u.text)
      local l = node("L", speaker .. ": " .. u.text)
      locutions[#locutions + 1] = rec({ nodeID = l, personID = di, timestamp = "",
        source = e.doc.id }, { "nodeID", "personID", "timestamp", "source" })
      local ya = node("YA", "Asserting")
      edge(l, ya)
      edge(ya, inode[u])
    end
  end
  for _, r in ipairs(map.relations) do
    local sc = SCHEME[r.type]
    local s = node(sc.type, sc.text)
    edge(inode[r.from], s)
    edge(s, inode[r.to])
  end
  return rec({ nodes = nodes, edges = edges, locutions = locutions,
    participants = participants }, { "nodes", "edges", "locutions", "participants" })
end

------------------------------------------------------------------------------------------------
-- Graphviz DOT
------------------------------------------------------------------------------------------------

local function dot_string(s)
  return '"' .. s:gsub('[\\"]', "\\%0"):gsub("\n", "\\n") .. '"'
end

-- Wraps text at about `width` bytes on spaces, for node labels.
local function wrap(text, width)
  local lines, cur = {}, ""
  for w in text:gmatch("%S+") do
    if cur ~= "" and #cur + 1 + #w > width then
      lines[#lines + 1] = cur
      cur = w
    else
      cur = cur == "" and w or (cur .. " " .. w)
    end
  end
  if cur ~= "" then lines[#lines + 1] = cur end
  return table.concat(lines, "\n")
end

local EDGE_STYLE = {
  support = 'color="darkgreen"',
  attack = 'color="firebrick", arrowhead="tee"',
  restate = 'color="steelblue", style="dashed"',
}

-- dot sizes each box for the font it names and the SVG asks the browser for that font; a font
-- the browser does not have (Helvetica on Linux) is replaced by a wider one and the labels spill
-- over their boxes. DejaVu Sans is on the machines that render (fonts-dejavu-core in CI) and
-- in most browsers' fallback list, so the measured and the shown text agree.
local DOT_FONT = "DejaVu Sans"

function M.to_dot(map)
  local out = { "digraph arguments {",
    '  graph [rankdir="BT", fontname="' .. DOT_FONT .. '", fontsize=11, newrank=true];',
    '  node [shape="box", style="rounded", fontname="' .. DOT_FONT .. '", fontsize=10];',
    '  edge [fontname="' .. DOT_FONT .. '", fontsize=9];' }
  for di, e in ipairs(map.docs) do
    local label = e.doc.id .. (e.doc.title and (": " .. e.doc.title) or "")
    out[#out + 1] = string.format("  subgraph cluster_%d {", di)
    out[#out + 1] = "    label=" .. dot_string(label) .. ";"
    for _, u in ipairs(e.units) do
      local attrs = "label=" .. dot_string(wrap(u.text, 40))
      if u == e.main then
        attrs = attrs .. ', style="rounded,bold,filled", fillcolor="lightyellow"'
      elseif u.heading then
        attrs = attrs .. ', style="rounded,filled", fillcolor="gray92"'
      end
      out[#out + 1] = "    " .. dot_string(u.id) .. " [" .. attrs .. "];"
    end
    out[#out + 1] = "  }"
  end
  for _, r in ipairs(map.relations) do
    local attrs = EDGE_STYLE[r.type]
    if r.marker then attrs = attrs .. ", label=" .. dot_string(r.marker) end
    out[#out + 1] = "  " .. dot_string(r.from.id) .. " -> " .. dot_string(r.to.id)
      .. " [" .. attrs .. "];"
  end
  out[#out + 1] = "}"
  return table.concat(out, "\n") .. "\n"
end

------------------------------------------------------------------------------------------------
-- Markdown outline
------------------------------------------------------------------------------------------------

local function md_text(s)
  -- one line, and no accidental Markdown emphasis or links
  return (s:gsub("%s+", " "):gsub("([*_`%[%]])", "\\%1"))
end

local function unit_line(u)
  local t = md_text(u.text)
  if u.heading then t = "**§ " .. t .. "**" end
  return t
end

-- Main claim first, then per unit what supports, attacks or restates it (each with its marker),
-- comments under the unit they answer. Units the map leaves unconnected are listed last.
function M.to_outline(map)
  local units = all_units(map)
  local children, attacks_out, out_of = {}, {}, {}
  for _, r in ipairs(map.relations) do
    out_of[r.from] = out_of[r.from] or {}
    table.insert(out_of[r.from], r)
    children[r.to] = children[r.to] or {}
    table.insert(children[r.to], r)
    if r.type == "attack" then
      attacks_out[r.from] = attacks_out[r.from] or {}
      table.insert(attacks_out[r.from], r)
    end
  end
  for _, list in pairs(children) do
    table.sort(list, function(a, b) return by_position(a.from, b.from) end)
  end
  local out, shown = {}, {}
  local function label(r, viewpoint_from)
    local verb = REL_NL[r.type]
    local who = ""
    if r.from.doc ~= r.to.doc then who = r.from.doc.id .. " " end
    local s = "**" .. who .. verb .. "**"
    local bits = {}
    if r.marker then bits[#bits + 1] = r.marker end
    if r.how then bits[#bits + 1] = HOW_NL[r.how] or r.how end
    if #bits > 0 then s = s .. " *(" .. table.concat(bits, "; ") .. ")*" end
    return s
  end
  local function emit(u, depth)
    shown[u] = true
    for _, r in ipairs(children[u] or {}) do
      local c = r.from
      if not shown[c] then
        out[#out + 1] = string.rep("  ", depth) .. "- " .. label(r) .. ": " .. unit_line(c)
        emit(c, depth + 1)
      end
    end
    -- what this unit argues against (Y in "Y, maar X")
    for _, r in ipairs(attacks_out[u] or {}) do
      local t = r.to
      if not shown[t] and t.doc == u.doc then
        out[#out + 1] = string.rep("  ", depth) .. "- **weerlegt**"
          .. (r.marker and (" *(" .. r.marker .. ")*") or "") .. ": " .. unit_line(t)
        emit(t, depth + 1)
      end
    end
  end
  out[#out + 1] = "# Argumentkaart"
  for _, e in ipairs(map.docs) do
    -- documents that answer another one appear under the unit they answer
    local attached = false
    for _, rr in ipairs(e.main and out_of[e.main] or {}) do
      if rr.to.doc ~= e.doc then attached = true end
    end
    if not attached and #e.units > 0 then
      out[#out + 1] = ""
      local head = "## " .. md_text(e.doc.id)
      if e.doc.title then head = head .. ": " .. md_text(e.doc.title) end
      if e.doc.author then head = head .. " (" .. md_text(e.doc.author) .. ")" end
      out[#out + 1] = head
      out[#out + 1] = ""
      out[#out + 1] = "**Hoofdclaim:** " .. unit_line(e.main)
      out[#out + 1] = ""
      emit(e.main, 0)
    end
  end
  local rest = {}
  for _, u in ipairs(units) do
    if not shown[u] then rest[#rest + 1] = u end
  end
  if #rest > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "## Niet verbonden"
    out[#out + 1] = ""
    for _, u in ipairs(rest) do
      out[#out + 1] = "- " .. u.doc.id .. ": " .. unit_line(u)
      emit(u, 1)
    end
  end
  return table.concat(out, "\n") .. "\n"
end

return M
