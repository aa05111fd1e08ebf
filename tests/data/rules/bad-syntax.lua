return {
  zorg = {"zorg*",
}
