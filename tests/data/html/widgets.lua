-- The HTML writer's pieces in one result: a table with numbers, text that
-- needs escaping and a nested list in a cell; fields; a bar chart with two
-- groups and a negative bar; marked text (one span overlapping another, one
-- off the text, one inside a character: each left unmarked); a graph whose
-- outline shows when dot is not run.
local tussen = require("tussen")

return {
  description = "HTML writer widgets (golden test)",
  run = function(ctx)
    local text = "Dit is <echt> een goed plan, maar té duur & \"traag\"."
    return tussen.record({
      title = "Widgets & <tekens>",
      rows = tussen.table({
        {term = "café", count = 3, share = 0.25, tags = {"a", "b"}},
        {term = "<b>", count = 12, share = 1 / 3},
      }, {"term", "count", "share", "tags"}),
      fields = tussen.record({documents = 2, format = ctx.format}, {"documents", "format"}),
      chart = tussen.record({widget = "bars", title = "Keyness", rows = tussen.table({
        {label = "goed", value = 2.5, group = "reacties"},
        {label = "een heel erg lang woord dat wordt afgekapt", value = 1, group = "reacties"},
        {label = "duur", value = -1.5, group = "artikel"},
      }, {"label", "value", "group"}), note = "rechts: reacties"},
        {"widget", "title", "rows", "note"}),
      marked = tussen.record({widget = "marked", text = text, marks = tussen.table({
        {start = 24, stop = 27, weight = 1.5, rule = "lexicon"},
        {start = 15, stop = 22, weight = -0.5, rule = "<quoted>"},
        {start = 20, stop = 24, weight = 1, rule = "overlaps"},
        {start = 60, stop = 70, weight = 1, rule = "off the text"},
        {start = 37, stop = 37, weight = 1, rule = "inside é"},
        {start = 39, stop = 42, weight = -2, rule = "lexicon"},
      }, {"start", "stop", "weight", "rule"})}, {"widget", "text", "marks"}),
      map = tussen.record({widget = "graph", title = "Kaart", dot = "digraph { a -> b }",
        outline = "# Kaart\n\n**Hoofdclaim:** a\n\n- **steunt** *(want)*: b\n  - c\n- d\n"},
        {"widget", "title", "dot", "outline"}),
    }, {"title", "rows", "fields", "chart", "marked", "map"})
  end,
}
