-- Declares one argument of each type, and returns what ctx.args holds.
return {
  description = "Shows the arguments it was given.\nSecond line of the description.",
  categories = {"test"},
  author = "tussen tests",
  license = "MIT",
  args = {
    name = {type = "string", default = "world", help = "who to greet"},
    top = {type = "integer", default = 10, help = "how many"},
    ratio = {type = "number", default = 0.5},
    verbose = {type = "boolean", default = false, help = "say more"},
    by = {type = "string", choices = {"form", "norm"}, default = "norm",
          help = "what to count\n(a second help line)"},
    words = {type = "file", help = "a word list, one per line"},
  },
  run = function(ctx)
    local a = ctx.args
    local first
    if a.words then
      for line in tussen.data.lines(a.words) do first = line break end
    end
    return tussen.record({
      name = a.name, top = a.top, ratio = a.ratio, verbose = a.verbose,
      by = a.by, words = a.words, first_word = first,
      top_type = math.type(a.top),
    }, {"name", "top", "top_type", "ratio", "verbose", "by", "words", "first_word"})
  end,
}
