return {
  description = "error: run and document",
  run = function(ctx) return 1 end,
  document = function(doc) return doc.id end,
}
