-- Runs the stance engine over a labelled set (tests/data/stance/*.jsonl) and checks its
-- accuracy against a floor: comments against their expected stance toward the article,
-- sentences without a parent against their expected polarity. Misses go to stderr.
local tussen = require("tussen")
local stance = require("stance")

return {
  description = "Accuracy of the stance engine on a labelled set, with a floor",
  args = {
    floor = {type = "number", default = 0, help = "fail below this accuracy (percent)"},
    show = {type = "boolean", default = false, help = "log every miss with its evidence"},
  },
  run = function(ctx)
    local engine = stance.new()
    local docs, by_id = {}, {}
    for doc in ctx.corpus:docs() do
      local d = {id = doc.id, text = doc.text, parent = doc.parent, title = doc.title,
        author = doc.author, handle = doc, expected = doc.meta.expected,
        heuristic = doc.meta.heuristic, kind = doc.kind}
      docs[#docs + 1] = d
      by_id[d.id] = d
    end
    local function get(id) return by_id[id] end
    local rows, n, ok = {}, 0, 0
    local per = {stance = {n = 0, ok = 0}, polarity = {n = 0, ok = 0}}
    for _, d in ipairs(docs) do
      if d.expected then
        local r = engine:stance(d, get)
        local kind = d.parent and "stance" or "polarity"
        local got = d.parent and r.stance or r.polarity_label
        local hit = got == d.expected
        n = n + 1
        per[kind].n = per[kind].n + 1
        if hit then ok = ok + 1; per[kind].ok = per[kind].ok + 1
        elseif ctx.args.show then
          local ev = {}
          for _, e in ipairs(r.evidence) do
            ev[#ev + 1] = ("%s(%s %s)"):format(e.text, e.weight, e.rule)
          end
          tussen.log.warn("%s [%s] expected %s, got %s (%s): %s | %s", d.id, d.heuristic,
            d.expected, got, d.parent and r.score or r.polarity, d.text, table.concat(ev, "; "))
        end
        rows[#rows + 1] = {id = d.id, heuristic = d.heuristic, expected = d.expected,
          got = got, hit = hit}
      end
    end
    local function pct(a, b) return b > 0 and math.floor(1000 * a / b + 0.5) / 10 or 0 end
    local acc = pct(ok, n)
    if acc < ctx.args.floor then
      error(("accuracy %.1f%% (%d of %d) is below the floor of %.1f%%"):format(acc, ok, n,
        ctx.args.floor), 0)
    end
    return tussen.record({
      items = n, correct = ok, accuracy = acc,
      stance_items = per.stance.n, stance_accuracy = pct(per.stance.ok, per.stance.n),
      polarity_items = per.polarity.n, polarity_accuracy = pct(per.polarity.ok, per.polarity.n),
    }, {"items", "correct", "accuracy", "stance_items", "stance_accuracy", "polarity_items",
        "polarity_accuracy"})
  end,
}
