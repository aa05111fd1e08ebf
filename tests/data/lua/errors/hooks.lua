-- setup/document/finish style: the error is in document().
return {
  description = "error: in document()",
  document = function(doc, ctx)
    if doc.index == 3 then error("cannot handle " .. doc.id) end
    return {id = doc.id}
  end,
}
