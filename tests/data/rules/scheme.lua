-- The scheme of scheme.csv as a Lua table: the same counts.
return {
  bestuur = {"gemeente*"},
  zorg = {"*zorg*", jeugd = {"jeugdzorg", "jongeren"}},
  wonen = {"woning*", "sociale huur*"},
  stance = {eens = {"(helemaal)? mee eens"}, oneens = {"niet (helemaal)? mee eens"}},
}
