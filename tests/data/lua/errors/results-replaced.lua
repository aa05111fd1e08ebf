-- setup() replaces ctx.results, where document()'s rows go.
return {
  description = "error: ctx.results replaced",
  setup = function(ctx) ctx.results = 5 end,
  document = function(doc) return doc.id end,
}
