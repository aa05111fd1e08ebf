-- Returns a result of the shape --arg shape=NAME asks for, to show how each
-- writer renders the result model.
local shapes = {}

function shapes.records()
  -- no column order: keys sorted; a missing key is an empty cell
  return {{word = "huis", n = 3}, {word = "één", n = 12, note = "telwoord"}}
end

function shapes.table()
  return tussen.table({
    {word = "huis", n = 3, extra = true},
    {word = "日本", n = 1},
  }, {"word", "n"})
end

function shapes.sections()
  return tussen.record({
    title = "Voorbeeld",
    documents = tussen.table({{id = "a", words = 2}, {id = "b", words = 10}},
                             {"id", "words"}),
    totals = tussen.record({documents = 2, words = 12}, {"documents", "words"}),
    detail = {by_kind = {{kind = "comment", n = 1}}, note = "nested"},
  }, {"title", "documents", "totals", "detail"})
end

function shapes.scalar() return "just a line" end
function shapes.list() return {"een", "twee", 3} end
function shapes.empty() return {} end
function shapes.empty_table() return tussen.table({}, {"id", "n"}) end

function shapes.quoting()
  return tussen.table({
    {text = 'comma, here', other = 'say "hi"'},
    {text = "two\nlines", other = "a | pipe"},
    {text = "tab\there", other = "één"},
  }, {"text", "other"})
end

function shapes.numbers()
  return tussen.table({
    {name = "int", value = 42},
    {name = "third", value = 1 / 3},
    {name = "sum", value = 0.1 + 0.2},
    {name = "tiny", value = 1e-7},
    {name = "big", value = 2^53},
    {name = "negzero", value = -0.0},
    {name = "nan", value = 0 / 0},
    {name = "inf", value = 1 / 0},
  }, {"name", "value"})
end

function shapes.long()
  return tussen.table({
    {id = "a", n = 12, text = "Een lange zin die over meer regels loopt als de tabel smal is."},
    {id = "b", n = 3, text = "Kort."},
    {id = "c", n = 7, text = "Één woord: arbeidsongeschiktheidsverzekering, en 日本語 ook."},
  }, {"id", "n", "text"})
end

function shapes.nested_cells()
  return {{id = "a", tags = {"x", "y"}, info = {n = 1, ok = true}}}
end

return {
  description = "Returns a result of a chosen shape (for the writer tests).",
  args = {shape = {type = "string", default = "records"}},
  run = function(ctx)
    local f = shapes[ctx.args.shape]
    if not f then return nil end
    return f()
  end,
}
