return {
  description = "error: nothing to run",
}
