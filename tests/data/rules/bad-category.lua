return {
  zorg = {"zorg*"},
  ["zorg/jeugd"] = {"jeugdzorg"},
}
