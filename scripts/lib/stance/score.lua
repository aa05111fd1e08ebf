-- stance.score: the polarity of a text, sentence by sentence: lexicon cues, then negation,
-- boosters and dampeners, capitals, exclamation, questions, irony, quotes and contrast.

return function(M, Engine, K)
  local match = K.match
  local round, squash = M.round, M.squash

  local CLAUSE_BREAK = {[","] = true, [";"] = true, [":"] = true, ["("] = true, [")"] = true,
    ['"'] = true, ["-"] = true, ["'"] = true}
  -- Words that open a new clause: a modifier does not reach across them.
  local CLAUSE_WORD = {omdat = true, want = true, dat = true, die = true, als = true,
    wanneer = true, terwijl = true, zodat = true, doordat = true, hoewel = true,
    maar = true, waardoor = true, waarbij = true, zodra = true, ["of"] = true, dus = true}
  -- Words a sentence may open with before a marker that must come first.
  local LEAD_IN = {en = true, maar = true, dus = true, want = true, nou = true, ja = true,
    nee = true, oh = true, o = true, tja = true, ach = true}
  -- Neutral gradable adjectives: an intensifying polarity word before one of these
  -- (belachelijk hoog, ontzettend lang) complains about the degree.
  local DEGREE = {hoog = true, hoge = true, lang = true, lange = true, duur = true,
    dure = true, traag = true, trage = true, laat = true, late = true, vol = true,
    volle = true, krap = true, krappe = true, ver = true, verre = true, veel = true,
    weinig = true, klein = true, kleine = true, ingewikkeld = true, ingewikkelde = true,
    moeilijk = true, moeilijke = true, streng = true, strenge = true}
  local MODIFIER = {negator = true, booster = true, dampener = true}
  -- Determiners and possessives before an attributive adjective.
  local ATTRIBUTIVE_DET = {de = true, het = true, dat = true, die = true, dit = true,
    deze = true, ons = true, onze = true, mijn = true, ["m'n"] = true, hun = true,
    haar = true, zijn = true, ["z'n"] = true, je = true, jullie = true, uw = true}
  -- Negators that can stand inside a split verb or a gapped phrase.
  local GAP_NEGATOR = {niet = -0.75, geen = -0.75, nooit = -0.8, niets = -0.75,
    niks = -0.75, nergens = -0.75, allerminst = -0.9, geenszins = -0.9}
  -- Negators that modify only the word right after them (minder ongelukken, weinig zinvol).
  local NEXT_WORD_ONLY = {minder = true, weinig = true}
  -- Verbs of preventing and reducing: what they act on is a harm, so preventing it is
  -- good ("dat voorkomt onnodige verwijzingen", "om geweld tegen te gaan").
  local PREVENT_BEFORE = {voorkomt = true, voorkomen = true, voorkom = true, voorkwam = true,
    voorkwamen = true, bestrijdt = true, bestrijden = true, bestreed = true,
    vermindert = true, verminderen = true, verminderde = true, beperkt = true,
    beperken = true, vermijdt = true, vermijden = true, tegengaan = true,
    terugdringen = true, bestrijding = true, vermindering = true, preventie = true,
    scheelt = true, schelen = true}
  -- ... and the infinitive closing an om-clause: "om vernielingen tegen te gaan"
  local PREVENT_AFTER = {["tegen te gaan"] = true, ["te voorkomen"] = true,
    ["te bestrijden"] = true, ["terug te dringen"] = true, ["te verminderen"] = true,
    ["te beperken"] = true, ["te vermijden"] = true, ["aan te pakken"] = true,
    scheelt = true, schelen = true, scheelde = true}
  local PREVENT_FACTOR = -0.5
  local STRUCTURE = {contrast = true, concession = true, rhetorical = true,
    target_text = true, target_subject = true}
  local REPORTING = {noemt = true, noemde = true, noemen = true, zegt = true, zei = true,
    schrijft = true, schreef = true, stelt = true, stelde = true, lees = true, leest = true,
    citeer = true, aldus = true, zeggen = true, noemden = true}

  M.CLAUSE_BREAK = CLAUSE_BREAK

  local function is_punct(t) return t.kind == "punct" or t.kind == "symbol" end
  local function is_quote(t)
    return t.kind == "punct" and (t.norm == '"' or t.norm == "'")
  end
  local function is_caps(t)
    if t.kind ~= "word" then return false end
    local letters = t.form:gsub("[^%a]", "")
    return #letters >= 3 and not t.form:find("%l") and t.form:find("%u") ~= nil
  end

  -- Emoji written with a skin tone or a variation selector count as the plain emoji.
  local function emoji_base(form)
    return (form:gsub("\xEF\xB8\x8F", ""):gsub("\xF0\x9F\x8F[\xBB-\xBF]", ""))
  end

  -- Does the match stand where its marker requires (first in the sentence, or alone)?
  local function placed(info, m, toks, sent)
    if info.where == "start" then
      local i = m.first - 1
      while i >= sent.first and (is_quote(toks[i]) or toks[i].norm == "("
          or LEAD_IN[toks[i].norm]) do i = i - 1 end
      return i < sent.first or CLAUSE_BREAK[toks[i].norm] == true or toks[i].norm == "..."
    elseif info.where == "alone" then
      for i = sent.first, sent.last do
        if (i < m.first or i > m.last) and not (is_punct(toks[i]) or toks[i].kind == "emoji"
            or toks[i].kind == "emoticon") then
          return false
        end
      end
    end
    return true
  end

  -- A question whose form asserts rather than asks: "toch" inside it (Dat is toch niet
  -- normaal?) or a verb-first question to "you" (Ben je gek geworden? Heb je het stuk wel
  -- gelezen?). Its cues are asserted, not doubted, and the form itself is a reproach.
  -- ("waarom" at the start is a rhetorical marker of stance-markers.tsv already.)
  local SECOND_PERSON = {je = true, jij = true, u = true, jullie = true}
  local function rhetorical_form(toks, sent)
    for i = sent.first + 1, sent.last do
      -- mid-sentence "toch" in a question asks for assent (Dan ga je toch 's avonds?)
      if toks[i].norm == "toch" then return sent.first end
    end
    -- a who-question closed by "dan" challenges (Wie heeft dat geteld dan?)
    local last = sent.last
    while last > sent.first and is_punct(toks[last]) do last = last - 1 end
    if toks[sent.first].norm == "wie" and toks[last].norm == "dan" and last > sent.first + 1 then
      return sent.first
    end
    local second = toks[sent.first + 1]
    if sent.last - sent.first >= 3 and toks[sent.first].kind == "word" and second
        and second.kind == "word" and SECOND_PERSON[second.norm]
        and not ATTRIBUTIVE_DET[toks[sent.first].norm] then
      return sent.first
    end
    return nil
  end

  -- Comparative adjectives whose "dan" opens the foil: what the foil is judged to be says how
  -- the target compares ("Beter dan die zakjesheffing, die deed niks": the foil failed).
  local function comparative(t)
    local w = t.norm
    return w == "beter" or w == "erger" or w == "meer" or w == "minder"
      or (#w > 4 and w:sub(-2) == "er")
  end

  local function ends_in_question(toks, sent)
    for i = sent.last, sent.first, -1 do
      local t = toks[i]
      if t.form:find("?", 1, true) then return true, t.form end
      if not (is_punct(t) or t.kind == "emoji" or t.kind == "emoticon") then return false end
    end
    return false
  end

  -- Spans between quotation marks that are someone else's words: two or more words, or
  -- one after a reporting verb (noemt, zegt, schrijft).
  local function quoted_spans(toks)
    local spans, open = {}, nil
    for i, t in ipairs(toks) do
      if is_quote(t) then
        local opening = t.form == "\u{2018}" or t.form == "\u{201C}" or t.form == "\u{201E}"
          or t.form == ",,"
        if open and not opening then
          local words = 0
          for j = open + 1, i - 1 do if toks[j].kind == "word" then words = words + 1 end end
          local reported = false
          for j = math.max(1, open - 2), open - 1 do
            if REPORTING[toks[j].norm] then reported = true end
          end
          if words >= 2 or (words >= 1 and reported) then
            spans[#spans + 1] = {first = open, last = i}
          end
          open = nil
        elseif not open and (opening or t.norm == '"' or t.form == "'") then
          open = i
        end
      end
    end
    return spans
  end

  local function word_cue(self, t)
    local w = self.words[t.norm]
    -- strength 0: a form kept from scoring (wijst is a form of wijzen, not of wijs)
    if w then
      if w.strength == 0 then return nil end
      return w.strength, w.entry, w.type
    end
    if t.kind == "emoji" then
      w = self.words[emoji_base(t.form)]
      if w then return w.strength, w.entry, w.type end
    end
    -- a hashtag judges like its word: #schande, #onzin
    if t.kind == "hashtag" then
      w = self.words[t.norm:sub(2)]
      if w and w.strength ~= 0 then return w.strength, w.entry, w.type, "hashtag" end
    end
    -- on-X from a positive X: onwerkbaar, onbetrouwbaar when not in the lexicon themselves
    if self.on_prefix and t.kind == "word" and #t.norm > 6 and t.norm:sub(1, 2) == "on" then
      local base = self.words[t.norm:sub(3)]
      if base and base.strength > 0 and base.type == "adj" then
        return -K.ON_PREFIX * base.strength, "on" .. base.entry, "adj", "on-prefix"
      end
    end
    return nil
  end

  -- Analyses one text; returns {toks, sents, sentences = {...}, cues, markers, raw,
  -- polarity, label, evidence}.
  function Engine:analyze(text, doc)
    local toks, sents = match.tokenize(text, doc)
    local result = {text = text, toks = toks, sents = sents, sentences = {}, markers = {},
      cues = {}, quotes = {}}
    if #toks == 0 then
      result.raw, result.polarity, result.label = 0, 0.0, "neutral"
      result.evidence = {}
      return result
    end
    -- quotes: cues inside are not the writer's voice
    local in_quote = {}
    for _, q in ipairs(quoted_spans(toks)) do
      for i = q.first, q.last do in_quote[i] = true end
      result.quotes[#result.quotes + 1] = q
    end
    -- phrase matches, each placed where its marker allows, longest first
    local raw_matches = self:compiled():match(toks, sents, text)
    local cands = {}
    for _, m in ipairs(raw_matches) do
      local info = self.phrases[m.name]
      local sent = sents[toks[m.first].sent]
      if info and not in_quote[m.first] and placed(info, m, toks, sent) then
        cands[#cands + 1] = {first = m.first, last = m.last, info = info}
      end
    end
    table.sort(cands, function(a, b)
      local la, lb = a.last - a.first, b.last - b.first
      if la ~= lb then return la > lb end
      if a.first ~= b.first then return a.first < b.first end
      return a.info.name < b.info.name
    end)
    local owner = {} -- token -> the accepted span covering it
    local accepted = {}
    for _, c in ipairs(cands) do
      local ok = true
      for i = c.first, c.last do
        local o = owner[i]
        if o and not (o.first == c.first and o.last == c.last) then ok = false; break end
      end
      if ok then
        for i = c.first, c.last do owner[i] = owner[i] or c end
        accepted[#accepted + 1] = c
      end
    end
    table.sort(accepted, function(a, b)
      if a.first ~= b.first then return a.first < b.first end
      return a.info.name < b.info.name
    end)
    -- word cues, and which tokens phrases already account for
    local blocked = {}
    local word_at = {}
    for i, t in ipairs(toks) do
      if not in_quote[i] then
        local s, entry, typ, rule = word_cue(self, t)
        if s then word_at[i] = {strength = s, entry = entry, type = typ, rule = rule} end
      end
    end
    local mods = {}
    for _, c in ipairs(accepted) do
      local cls = c.info.class
      local keep = true
      if (cls == "booster" or cls == "dampener") and c.first == c.last and word_at[c.first] then
        -- a polarity word used as a modifier (verschrikkelijk lang, belachelijk duur) only
        -- when another cue follows at once; otherwise it is the polarity word
        local nxt = c.last + 1
        keep = nxt <= #toks and (word_at[nxt] ~= nil or (owner[nxt] and
          owner[nxt].info.label == "polarity")) and toks[nxt].sent == toks[c.first].sent
        if not keep and cls == "booster" and nxt <= #toks and DEGREE[toks[nxt].norm]
            and toks[nxt].sent == toks[c.first].sent then
          -- "waanzinnig hoog": the intensity complains about the degree
          word_at[c.first] = {strength = -1 * c.info.weight, entry = c.info.entry .. " " ..
            toks[nxt].norm, type = "adj", rule = "degree", last = nxt}
          blocked[nxt] = true
        end
      end
      if keep then
        -- a concessive opener that is also a judgement (begrijpelijk, natuurlijk) keeps
        -- its word: "Begrijpelijk besluit." still approves
        if c.info.label == "polarity" or MODIFIER[cls] or (STRUCTURE[cls]
            and not (cls == "concession" and c.first == c.last)) then
          for i = c.first, c.last do blocked[i] = true end
        end
        if MODIFIER[cls] then
          local w = c.info.weight
          -- "Wat mooi!": a sentence-initial "wat" exclaims rather than dampens
          if c.info.entry == "wat" and c.first == sents[toks[c.first].sent].first then
            cls, w = "booster", 1.3
          end
          mods[#mods + 1] = {first = c.first, last = c.last, class = cls, weight = w,
            entry = c.info.entry}
        elseif c.info.label ~= "polarity" then
          result.markers[#result.markers + 1] = {first = c.first, last = c.last,
            class = cls, weight = c.info.weight, entry = c.info.entry, sent = toks[c.first].sent}
        end
      end
    end
    -- cues: accepted polarity phrases and unblocked words
    local cues = {}
    for _, c in ipairs(accepted) do
      -- a phrase of strength 0 (sterker nog) only keeps its words from scoring
      if c.info.label == "polarity" and c.info.weight ~= 0 then
        cues[#cues + 1] = {first = c.first, last = c.last, base = c.info.weight,
          entry = c.info.entry, rule = c.info.split and "verb" or
          (c.info.type == "rule" and "rule" or "phrase"), type = c.info.type or "mwe"}
      end
    end
    for i = 1, #toks do
      local w = word_at[i]
      if w and not blocked[i] then
        cues[#cues + 1] = {first = i, last = w.last or i, base = w.strength, entry = w.entry,
          rule = w.rule or (w.type == "emoji" or w.type == "emoticon") and w.type or "lexicon",
          type = w.type}
      end
    end
    table.sort(cues, function(a, b) return a.first < b.first end)
    for _, c in ipairs(cues) do
      c.sent = toks[c.first].sent
      c.score = c.base
      c.span_first = c.first
      c.mods = {}
    end
    self:apply_modifiers(toks, sents, cues, mods, result.markers)
    self:score_sentences(toks, sents, cues, result)
    return result
  end

  -- Negators, boosters and dampeners reach forward to the next cue in their clause;
  -- a clause-final negator ("het plan deugt niet") reaches back to a verb.
  function Engine:apply_modifiers(toks, sents, cues, mods, markers)
    local contrast_at = {}
    for _, m in ipairs(markers) do
      if m.class == "contrast" or m.class == "concession" then
        for i = m.first, m.last do contrast_at[i] = true end
      end
    end
    local by_last = {}
    for _, m in ipairs(mods) do
      by_last[m.last] = by_last[m.last] or {}
      table.insert(by_last[m.last], m)
    end
    for _, c in ipairs(cues) do
      local sent = sents[c.sent]
      local lo = math.max(sent.first, c.first - K.NEG_WINDOW)
      for i = c.first - 1, lo, -1 do
        if CLAUSE_BREAK[toks[i].norm] or contrast_at[i] or CLAUSE_WORD[toks[i].norm] then
          break
        end
        for _, m in ipairs(by_last[i] or {}) do
          -- emoji and emoticons react; "geen bus vandaag 😡" does not negate the emoji
          if not m.used and not (m.class == "negator" and (c.type == "emoji"
              or c.type == "emoticon")) then
            local dist = c.first - m.last
            -- "minder huiswerk is prima": minder modifies only the word right after it
            local reaches = not (NEXT_WORD_ONLY[m.entry] and dist > 1)
            if m.class == "negator" and reaches then
              m.used = true
              local f = m.weight
              if c.base < 0 and c.entry:sub(1, 2) == "on" then
                f = K.DOUBLE_NEG
                c.mods[#c.mods + 1] = "niet-on"
              else
                c.mods[#c.mods + 1] = "negation"
              end
              c.score = c.score * f
              c.span_first = math.min(c.span_first, m.first)
            elseif m.class ~= "negator" and dist <= K.MOD_WINDOW then
              m.used = true
              c.score = c.score * m.weight
              c.mods[#c.mods + 1] = m.class
              c.span_first = math.min(c.span_first, m.first)
            end
          end
        end
      end
    end
    -- a negator inside the gap of a split verb or gapped phrase (valt helemaal niet tegen,
    -- lost niets op) was covered by the longer match: it still negates it
    for _, c in ipairs(cues) do
      if c.last > c.first then
        local own = {}
        for w in c.entry:gmatch("%S+") do own[w] = true end
        for i = c.first + 1, c.last - 1 do
          local w = toks[i].norm
          if GAP_NEGATOR[w] and not own[w] then
            c.score = c.score * GAP_NEGATOR[w]
            c.mods[#c.mods + 1] = "negation"
            break
          end
        end
      end
    end
    -- a harm that is prevented or reduced: weakly positive (not for emoji)
    for _, c in ipairs(cues) do
      if c.score < 0 and c.type ~= "emoji" and c.type ~= "emoticon" then
        local sent = sents[c.sent]
        local hit = nil
        for i = c.first - 1, math.max(sent.first, c.first - 4), -1 do
          if CLAUSE_BREAK[toks[i].norm] or contrast_at[i] then break end
          if PREVENT_BEFORE[toks[i].norm] then hit = i; break end
        end
        if not hit then
          for i = c.last + 1, math.min(sent.last - 1, c.last + 5) do
            if CLAUSE_BREAK[toks[i].norm] or contrast_at[i] then break end
            local two = toks[i].norm .. " " .. toks[i + 1].norm
            local three = i + 2 <= sent.last and two .. " " .. toks[i + 2].norm
            if PREVENT_AFTER[toks[i].norm] or PREVENT_AFTER[two]
                or (three and PREVENT_AFTER[three]) then hit = i; break end
          end
        end
        if hit then
          c.score = c.score * PREVENT_FACTOR
          c.mods[#c.mods + 1] = "prevented"
        end
      end
    end
    -- negators left over look back for a verb cue in their clause
    for _, m in ipairs(mods) do
      -- niet, nooit, niemand and niets close a clause that way (het plan deugt niet; helpt
  -- niemand)
      if m.class == "negator" and not m.used and (m.entry:find("niet", 1, true)
          or m.entry:find("nooit", 1, true) or m.entry == "niemand" or m.entry == "niets"
          or m.entry == "niks") then
        local sent = sents[toks[m.first].sent]
        for ci = #cues, 1, -1 do
          local c = cues[ci]
          if c.last < m.first and c.sent == toks[m.first].sent
              and m.first - c.last <= K.BACK_NEG_WINDOW and c.first >= sent.first
              and (c.type == "verb" or c.rule == "verb") then
            local blocked = false
            for i = c.last + 1, m.first - 1 do
              if CLAUSE_BREAK[toks[i].norm] or contrast_at[i] or CLAUSE_WORD[toks[i].norm] then
                blocked = true
              end
            end
            local negated = false
            for _, x in ipairs(c.mods) do if x == "negation" then negated = true end end
            if not blocked and not negated then
              m.used = true
              c.score = c.score * m.weight
              c.mods[#c.mods + 1] = "negation"
              c.span_last = m.last
            end
            break
          end
        end
      end
    end
    -- agreement markers under a negator flip ("ik ben het er niet helemaal mee eens" is a
    -- phrase of its own; "dat deel ik niet" too; this catches the rest)
    for _, mk in ipairs(markers) do
      if mk.class == "agree" or mk.class == "disagree" then
        local sent = sents[mk.sent]
        for i = mk.first - 1, math.max(sent.first, mk.first - K.NEG_WINDOW), -1 do
          if CLAUSE_BREAK[toks[i].norm] then break end
          for _, m in ipairs(by_last[i] or {}) do
            if m.class == "negator" and not m.used then
              m.used = true
              mk.weight = -mk.weight
              mk.negated = true
            end
          end
        end
      end
    end
  end

  local function span_text(text, toks, a, b) return text:sub(toks[a].start, toks[b].stop) end

  -- Sentence scores with capitals, exclamation, questions, irony, concession and contrast.
  function Engine:score_sentences(toks, sents, cues, result)
    local text = result.text
    local cue_at = {}
    for _, c in ipairs(cues) do for i = c.first, c.last do cue_at[i] = true end end
    local function word_at_cue(i) return cue_at[i] == true end
    local by_sent = {}
    for si = 1, #sents do by_sent[si] = {cues = {}, markers = {}, factor = 1, extra = {}} end
    for _, c in ipairs(cues) do table.insert(by_sent[c.sent].cues, c) end
    for _, m in ipairs(result.markers) do table.insert(by_sent[m.sent].markers, m) end
    for si, sent in ipairs(sents) do
      local S = by_sent[si]
      -- "En wie moet dat betalen? Juist, wij.": an agreement word opening the sentence after
      -- the writer's own question answers that question; it agrees with no one
      if si > 1 and ends_in_question(toks, sents[si - 1]) then
        for _, m in ipairs(S.markers) do
          if m.class == "agree" and m.first == sent.first then
            m.class = "self_answer"
            m.weight = 0
          end
        end
      end
      -- capitals
      local caps_word = nil
      for i = sent.first, sent.last do
        if is_caps(toks[i]) then
          local is_cue = false
          for _, c in ipairs(S.cues) do
            if c.first <= i and i <= c.last then
              is_cue = true
              c.score = c.score * K.CAPS_FACTOR
              c.mods[#c.mods + 1] = "capitals"
            end
          end
          if not is_cue then caps_word = caps_word or i end
        end
      end
      -- a praising adjective inside a complaint describes what is lost ("zonde van dat mooie
      -- park"): an inflected adjective between a determiner and a noun, in a sentence whose
      -- other cues are negative, does not count
      local others = 0
      for _, c in ipairs(S.cues) do others = others + c.score end
      for _, c in ipairs(S.cues) do
        if c.score > 0 and c.type == "adj" and c.first == c.last and c.first > sent.first
            and c.last < sent.last and others - c.score < 0
            and ATTRIBUTIVE_DET[toks[c.first - 1].norm] and toks[c.first].norm:sub(-1) == "e"
            and toks[c.last + 1].kind == "word" and not word_at_cue(c.last + 1) then
          c.score = 0
          c.mods[#c.mods + 1] = "attributive"
        end
      end
      -- "straks" foretells what the change will bring, in comment sections a feared
      -- consequence (Straks is de bakker ook weg): with no praise in the sentence it counts
      -- against; and a bare verdict of praise right after it is ironic (... Geweldig.)
      local pos, neg = 0, 0
      for _, c in ipairs(S.cues) do
        if c.score > 0 then pos = pos + 1 elseif c.score < 0 then neg = neg + 1 end
      end
      for i = sent.first, sent.last do
        if toks[i].norm == "straks" and not (i > sent.first and toks[i - 1].norm == "tot")
            and pos == 0 then
          S.foreboding = true
          S.extra[#S.extra + 1] = {first = i, last = i, score = K.FOREBODING,
            rule = "foreboding"}
          break
        end
      end
      if si > 1 and by_sent[si - 1].foreboding and pos > 0 and neg == 0 then
        local words = 0
        for i = sent.first, sent.last do if toks[i].kind == "word" then words = words + 1 end end
        if words <= 2 then
          for _, c in ipairs(S.cues) do
            c.score = -c.score
            c.mods[#c.mods + 1] = "irony"
          end
        end
      end
      -- irony: positive cues turn around, the cue itself counts against
      local irony = nil
      for _, m in ipairs(S.markers) do
        if m.class == "irony" then irony = irony or m end
      end
      if irony then
        for _, c in ipairs(S.cues) do
          if c.score > 0 then
            c.score = -c.score
            c.mods[#c.mods + 1] = "irony"
          end
        end
        S.extra[#S.extra + 1] = {first = irony.first, last = irony.last, score = irony.weight,
          rule = "irony-cue"}
      end
      -- comparison: cues after "dan" that follows a comparative adjective judge the foil,
      -- so they count turned around for the target (stops at a contrast)
      for _, c in ipairs(S.cues) do
        if c.type == "adj" and comparative(toks[c.last]) then
          local d = nil
          for i = c.last + 1, math.min(c.last + 3, sent.last) do
            if toks[i].norm == "dan" then d = i; break end
          end
          if d then
            local stop = sent.last
            for _, m in ipairs(S.markers) do
              if m.class == "contrast" and m.first > d and m.first <= stop then stop = m.first end
            end
            for _, f in ipairs(S.cues) do
              if f.first > d and f.last <= stop and not f.foil then
                f.foil = true
                f.score = -f.score
                f.mods[#f.mods + 1] = "comparison-foil"
              end
            end
          end
        end
      end
      -- questions: rhetorical openers and ?! count against; plain questions are unsure
      local question, qform = ends_in_question(toks, sent)
      if question then
        local rhet = nil
        for _, m in ipairs(S.markers) do if m.class == "rhetorical" then rhet = rhet or m end end
        local form_at = (not rhet) and rhetorical_form(toks, sent) or nil
        if rhet then
          S.extra[#S.extra + 1] = {first = rhet.first, last = rhet.last, score = rhet.weight,
            rule = "rhetorical-question"}
        elseif form_at then
          S.extra[#S.extra + 1] = {first = form_at, last = form_at, score = K.RHET_FORM,
            rule = "rhetorical-form"}
        elseif qform:find("!", 1, true) or qform:find("??", 1, true) then
          S.extra[#S.extra + 1] = {first = sent.last, last = sent.last, score = -1,
            rule = "rhetorical-question"}
        else
          S.plain_question = true
          for _, c in ipairs(S.cues) do
            c.score = c.score * K.QUESTION_FACTOR
            c.mods[#c.mods + 1] = "question"
          end
        end
      end
      -- concession: the clause a concessive opens is conceded, not asserted
      for _, m in ipairs(S.markers) do
        if m.class == "concession" then
          local a, b = m.first, sent.last
          for i = m.last + 1, sent.last do
            if CLAUSE_BREAK[toks[i].norm] then b = i; break end
          end
          for i = m.first - 1, sent.first, -1 do
            if CLAUSE_BREAK[toks[i].norm] then break end
            a = i
          end
          for _, c in ipairs(S.cues) do
            if c.first >= a and c.last <= b then
              c.score = c.score * m.weight
              c.mods[#c.mods + 1] = "concession"
            end
          end
        end
      end
      -- contrast: after the turn weighs more, before it less; at the start of a sentence
      -- (or echter anywhere) the turn is against the previous sentence
      for _, m in ipairs(S.markers) do
        if m.class == "contrast" then
          local at_start = m.first == sent.first or m.entry == "echter"
          if not at_start then
            local i = m.first - 1
            while i >= sent.first and is_punct(toks[i]) do i = i - 1 end
            at_start = i < sent.first
          end
          if at_start then
            S.factor = S.factor * m.weight
            S.contrast = m
            if si > 1 then by_sent[si - 1].factor = by_sent[si - 1].factor / m.weight end
          else
            -- (dis)agreement before the turn is an acknowledgement ("dat snap ik, maar")
            for _, mk in ipairs(S.markers) do
              if mk.class == "agree" or mk.class == "disagree" then
                if mk.last < m.first then mk.turn = (mk.turn or 1) / m.weight
                elseif mk.first > m.last then mk.turn = (mk.turn or 1) * m.weight end
              end
            end
            for _, c in ipairs(S.cues) do
              if c.last < m.first then
                c.score = c.score / m.weight
                c.turn = (c.turn or 1) / m.weight
                c.mods[#c.mods + 1] = "before-contrast"
              elseif c.first > m.last then
                c.score = c.score * m.weight
                c.turn = (c.turn or 1) * m.weight
                c.mods[#c.mods + 1] = "after-contrast"
              end
            end
          end
        end
      end
      -- emphasis: exclamation marks, a word in capitals
      local bangs = 0
      for i = sent.first, sent.last do
        if is_punct(toks[i]) then
          local _, n = toks[i].form:gsub("!", "")
          bangs = bangs + n
        end
      end
      S.emphasis = 1 + K.EXCLAIM_STEP * math.min(bangs, 3)
      if caps_word then S.emphasis = S.emphasis * K.CAPS_SENTENCE end
      S.bangs, S.caps_word = bangs, caps_word
    end
    -- irony without a cue: a short burst of praise that ends in "weer" ("Wat een prachtige
    -- oplossing weer.") or opens with "lekker" before another word of praise ("Lekker
    -- duurzaam, straks ..."), in a text that otherwise complains, means the opposite. The
    -- burst is the sentence's first clause (up to a comma or the end).
    local all = 0
    for si in ipairs(sents) do
      local S = by_sent[si]
      for _, c in ipairs(S.cues) do all = all + c.score end
      for _, x in ipairs(S.extra) do all = all + x.score end
    end
    for si, sent in ipairs(sents) do
      local S = by_sent[si]
      local last = sent.last
      for i = sent.first + 1, sent.last do
        if CLAUSE_BREAK[toks[i].norm] then last = i - 1; break end
      end
      while last > sent.first and is_punct(toks[last]) do last = last - 1 end
      local burst, sum, positive = {}, 0, true
      for _, c in ipairs(S.cues) do
        if c.first <= last then
          burst[#burst + 1] = c
          sum = sum + c.score
          if c.score <= 0 or c.mods[#c.mods] == "irony" then positive = false end
        end
      end
      for _, m in ipairs(S.markers) do
        if m.class == "agree" or m.class == "disagree" or m.class == "irony" then
          positive = false
        end
      end
      if positive and #burst > 0 and all - sum <= -1 then
        local lekker = toks[sent.first].norm == "lekker" and #burst >= 2
        if lekker or (toks[last].norm == "weer" and last > sent.first) then
          for _, c in ipairs(burst) do
            c.score = -c.score
            c.mods[#c.mods + 1] = "irony"
          end
        end
      end
    end
    -- totals and evidence
    local total = 0
    local evidence = {}
    for si, sent in ipairs(sents) do
      local S = by_sent[si]
      local sum = 0
      for _, c in ipairs(S.cues) do sum = sum + c.score end
      for _, x in ipairs(S.extra) do sum = sum + x.score end
      local raw = sum * S.emphasis * S.factor
      local mult = S.emphasis * S.factor
      local sentence = {index = si, first = sent.first, last = sent.last, raw = raw,
        cues = S.cues, extra = S.extra, markers = S.markers, factor = S.factor,
        emphasis = S.emphasis, plain_question = S.plain_question,
        text = span_text(text, toks, sent.first, sent.last)}
      result.sentences[si] = sentence
      for _, mk in ipairs(S.markers) do mk.factor = S.factor end
      total = total + raw
      for _, c in ipairs(S.cues) do
        local rule = c.rule
        if #c.mods > 0 then rule = rule .. "+" .. table.concat(c.mods, "+") end
        if S.factor ~= 1 then rule = rule .. (S.factor > 1 and "+after-contrast" or "+before-contrast") end
        c.final = c.score * mult
        -- the cue without the weights of contrast: mixedness looks at both sides as said
        c.plain = c.final / ((c.turn or 1) * S.factor)
        c.rule_text = rule
        evidence[#evidence + 1] = {text = span_text(text, toks, c.span_first, c.span_last or c.last),
          weight = round(c.final), rule = rule, first = c.span_first, sent = si}
        result.cues[#result.cues + 1] = c
      end
      for _, x in ipairs(S.extra) do
        x.final = x.score * mult
        evidence[#evidence + 1] = {text = span_text(text, toks, x.first, x.last),
          weight = round(x.final), rule = x.rule, first = x.first, sent = si}
      end
      if sum ~= 0 and (S.bangs > 0 or S.caps_word) then
        local delta = sum * S.factor * (S.emphasis - 1)
        local what = S.bangs > 0 and "exclamation" or "capitals"
        if S.bangs > 0 and S.caps_word then what = "exclamation+capitals" end
        local at = S.caps_word or sent.last
        evidence[#evidence + 1] = {text = S.bangs > 0 and string.rep("!", math.min(S.bangs, 3))
          or toks[S.caps_word].form, weight = round(delta), rule = what, first = at, sent = si}
      end
    end
    for _, q in ipairs(result.quotes) do
      evidence[#evidence + 1] = {text = span_text(text, toks, q.first, q.last), weight = 0.0,
        rule = "quoted", first = q.first, sent = toks[q.first].sent}
    end
    table.sort(evidence, function(a, b)
      if a.first ~= b.first then return a.first < b.first end
      return a.rule < b.rule
    end)
    result.raw = total
    result.polarity = round(squash(total))
    result.label = result.polarity >= M.LABEL_THRESHOLD and "positive"
      or result.polarity <= -M.LABEL_THRESHOLD and "negative" or "neutral"
    result.evidence = evidence
  end
end
