-- error() with a table: the message says so.
return {
  description = "error: a table as error object",
  run = function(ctx)
    error({code = 42})
  end,
}
