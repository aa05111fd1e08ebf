-- stance.target: where a reaction stands toward what it reacts to. Agreement markers count
-- as they are; the writer's polarity counts through what it is about: the target text
-- itself, its subject and key terms (aligned with the target's own view of them), or the
-- target's thesis. A reply reaches the article through the comment it answers.

return function(M, Engine)
  local round, squash = M.round, M.squash

  local REPORTING = {volgens = true, noemt = true, noemen = true, noemde = true,
    vrezen = true, vreest = true, zegt = true, zeggen = true, stelt = true, stellen = true,
    aldus = true, meent = true, menen = true, waarschuwt = true, waarschuwen = true,
    vindt = true, vinden = true, vonden = true, zei = true, zeiden = true}

  local W_TEXT, W_SUBJECT, W_GENERAL = 1.5, 1.2, 0.8
  local MIXED_MIN, MIXED_RATIO = 1.0, 0.25
  local MARKED_CONTENT = 0.5 -- content weighs less next to an explicit (dis)agreement
  local TERM_FLIP = -1.5      -- a key term the target itself speaks of this negatively
  local RESERVATION = 1.0     -- a turn (maar) after approval, with nothing scored after it
  -- Nouns that name the text reacted to, wherever they stand (een eenzijdig stuk).
  local TEXT_WORDS = {artikel = true, auteur = true, schrijver = true, schrijfster = true,
    column = true, columnist = true, betoog = true, opiniestuk = true, journalist = true,
    stuk = "det", verhaal = "det", analyse = "det", bijdrage = "det", reactie = "det"}
  local ECHO_TYPES = {adj = true, noun = true, verb = true, mwe = true}
  -- Evaluations too common to be the same claim when two texts share them.
  local GENERIC = {goed = true, slecht = true, mooi = true, fijn = true, leuk = true,
    belangrijk = true, prima = true, sterk = true, zwak = true, lastig = true}
  local DETERMINER = {dit = true, het = true, uw = true, je = true, jouw = true, dat = true,
    deze = true, ["een"] = true}
  local PREFIX = 6 -- key terms match on a shared beginning of this many bytes

  -- The project's Dutch stopwords (scripts/lexicons/stopwords-nl.txt): not key terms.
  local stop_cache = nil
  local function stopwords()
    if stop_cache then return stop_cache end
    stop_cache = {}
    for line in M.data_lines("stopwords-nl.txt") do
      local w = line:match("^%s*([^#%s]+)")
      if w then stop_cache[w] = true end
    end
    return stop_cache
  end

  local function key(term) return term:sub(1, PREFIX) end

  -- What the engine needs to know about a target: its analysis, its thesis sign, its key
  -- terms with the target's own polarity toward each, and the names that refer to it.
  function Engine:target_profile(doc)
    self.profiles = self.profiles or {}
    local cached = self.profiles[doc.id]
    if cached then return cached end
    local A = self:analyze(doc.text, doc.handle)
    local stop = stopwords()
    local counts, pol, claims = {}, {}, {}
    local own = 0 -- the polarity of the sentences in the target's own voice
    for _, s in ipairs(A.sentences) do
      -- sentences that report others' views (volgens, vrezen, noemt) are not the target's
      local reported = false
      for i = s.first, s.last do if REPORTING[A.toks[i].norm] then reported = true end end
      if not reported then own = own + s.raw end
      -- the target's own evaluations, by lexicon entry: a reaction that repeats one agrees
      if not reported then
        for _, c in ipairs(s.cues) do
          if c.final ~= 0 then claims[c.entry] = (claims[c.entry] or 0) + c.final end
        end
      end
      local seen = {}
      for i = s.first, s.last do
        local t = A.toks[i]
        if t.kind == "word" and #t.norm >= 5 and not stop[t.norm] and not self.words[t.norm] then
          local k = key(t.norm)
          counts[k] = (counts[k] or 0) + 1
          if not seen[k] then
            seen[k] = true
            pol[k] = pol[k] or {sum = 0, n = 0}
            if not reported then pol[k].sum = pol[k].sum + s.raw; pol[k].n = pol[k].n + 1 end
          end
        end
      end
    end
    local terms = {}
    for k, n in pairs(counts) do
      local p = pol[k]
      terms[k] = {count = n, polarity = p.n > 0 and p.sum / p.n or 0}
    end
    -- the thesis: the title if it has a view, else the first sentence; critical targets
    -- (onaanvaardbaar, faalt) are agreed with by negative reactions
    local thesis = 0
    if doc.parent then
      -- a comment as target (for a reply): its own overall polarity is its position
      thesis = A.raw
    else
      if doc.title and doc.title ~= "" then thesis = self:analyze(doc.title).raw end
      -- a neutral title leaves the view to the body in its own voice: an article that
      -- goes on to say the rules "werken in de praktijk niet" is critical
      if thesis == 0 then thesis = own end
    end
    local names = {}
    if doc.author and doc.author ~= "" then
      for w in doc.author:gmatch("%S+") do
        local n = M.norm_word(w)
        if #n >= 3 then names[n] = true end
      end
    end
    local profile = {analysis = A, terms = terms, thesis = thesis, claims = claims,
      comment = doc.parent ~= nil,
      sign = thesis <= -1.5 and -1 or 1, names = names}
    self.profiles[doc.id] = profile
    return profile
  end

  -- The label from the weighted sides; mixedness from the sides as said (before contrast
  -- weighting), since "prima, maar te duur" holds both a clear yes and a clear no.
  local function label_of(splus, sminus, pplus, pminus)
    local net = splus - sminus
    local total = splus + sminus
    local score = round(squash(net))
    local strength = 1 - math.exp(-total / 2)
    local lo, hi = math.min(pplus, pminus), math.max(pplus, pminus)
    local stance, conf
    if lo >= MIXED_MIN and lo / hi >= MIXED_RATIO then
      stance, conf = "mixed", strength * (lo / hi)
    elseif score >= M.LABEL_THRESHOLD then
      stance, conf = "support", strength * (net / total)
    elseif score <= -M.LABEL_THRESHOLD then
      stance, conf = "oppose", strength * (-net / total)
    else
      stance, conf = "neutral", 1 - strength
    end
    return stance, score, round(conf)
  end

  -- Verbs of solving: negated, they reject a remedy (lost niets op, helpt niet, verbetert
  -- niks) rather than complain about the problem a critical target denounces.
  local REMEDY_VERBS = {oplossen = true, verhelpen = true, helpen = true, verbeteren = true,
    ["zoden aan de dijk"] = true}
  -- Words for complaining: said of a complaint, they wave it away.
  local DISMISSAL = {gezeur = true, gezanik = true, geklaag = true, gejammer = true,
    gezeik = true, zeuren = true, zeurpiet = true, janken = true, jammeren = true}
  local function has_mod(c, mod)
    for _, x in ipairs(c.mods) do if x == mod then return true end end
    return false
  end

  -- Words of the present that set the state of things against a change.
  -- ("het huidige pad is levensgevaarlijk": the present one, which the change replaces)
  local NOW = {nu = true, momenteel = true, tegenwoordig = true, huidige = true,
    huidig = true}

  -- "Met de kinderen fietsen is nu levensgevaarlijk": under an article that reports or
  -- proposes a change (not a critical one, not a comment), a complaint in a clause with
  -- "nu" (not "nu al", which foresees worse; not a clause-initial "nu", "now that")
  -- describes the state the change ends, and agrees with it. Only when the comment has
  -- no other complaint: "belachelijke maatregel, de wegen slibben nu dicht" blames the
  -- change for the present. Returns the set of cue positions read that way.
  function Engine:status_quo(R, P)
    local out = {}
    if P.comment or P.sign < 0 then return out end
    local toks = R.toks
    local clause_of, clause, now = {}, 1, {}
    for i = 1, #toks do
      if i > 1 and (toks[i].sent ~= toks[i - 1].sent or M.CLAUSE_BREAK[toks[i - 1].norm]) then
        clause = clause + 1
      end
      clause_of[i] = clause
      local w = toks[i].norm
      if NOW[w] and not (toks[i + 1] and toks[i + 1].norm == "al")
          and not (w == "nu" and (i == 1 or clause_of[i - 1] ~= clause)) then
        now[clause] = true
      end
    end
    local found = false
    for _, c in ipairs(R.cues) do
      if c.final < 0 then
        if now[clause_of[c.first]] and not c.rule_text:find("irony", 1, true) then
          out[c.first] = true
          found = true
        else
          return {}
        end
      end
    end
    return found and out or {}
  end

  -- The stance of analysis R toward target profile P: contributions with evidence.
  function Engine:stance_toward(R, P, no_markers)
    local contribs = {}
    local toks = R.toks
    R.marked = false
    if not no_markers then
      for _, m in ipairs(R.markers) do
        if m.class == "agree" or m.class == "disagree" then R.marked = true end
      end
    end
    local status_quo = self:status_quo(R, P)
    for _, s in ipairs(R.sentences) do
      local about, align, weight, why = "general", P.sign, W_GENERAL, "general"
      local marker_span = {}
      local from = #contribs + 1
      for _, m in ipairs(s.markers) do
        if (m.class == "agree" or m.class == "disagree") and not no_markers then
          for i = m.first, m.last do marker_span[i] = true end
          local turn = (m.turn or 1) * (m.factor or 1)
          contribs[#contribs + 1] = {weight = m.weight * turn, plain = m.weight,
            first = m.first, last = m.last,
            rule = (m.weight >= 0 and "agree-marker" or "disagree-marker") ..
              (m.negated and "+negation" or "") .. (turn < 1 and "+before-contrast" or
              turn > 1 and "+after-contrast" or "")}
        elseif m.class == "target_text" then
          about, align, weight, why = "text", 1, math.max(W_TEXT, m.weight), "about-the-text"
        elseif m.class == "target_subject" and about ~= "text" then
          about, weight, why = "subject", math.max(W_SUBJECT, m.weight), "about-the-subject"
        end
      end
      -- a noun naming the text (een eenzijdig stuk) or its author's name makes its clause
      -- about the text; the rest of the sentence keeps its own reference
      local text_clause = {}
      local clause, clause_of = 1, {}
      for i = s.first, s.last do
        clause_of[i] = clause
        if M.CLAUSE_BREAK[toks[i].norm] then clause = clause + 1 end
      end
      for i = s.first, s.last do
        local tw = TEXT_WORDS[toks[i].norm]
        if tw and (tw == true or (i > 1 and (DETERMINER[toks[i - 1].norm]
            or self.words[toks[i - 1].norm]))) then
          text_clause[clause_of[i]] = "about-the-text"
        elseif P.names[toks[i].norm] then
          text_clause[clause_of[i]] = "about-the-author"
        end
      end
      -- key terms shared with the target, aligned with the target's polarity toward them
      if about ~= "text" then
        local sum, n, names = 0, 0, {}
        for i = s.first, s.last do
          local t = toks[i]
          local term = t.kind == "word" and #t.norm >= 5 and not self.words[t.norm]
            and P.terms[key(t.norm)]
          if term then
            sum = sum + term.polarity
            n = n + 1
            if #names < 3 then names[#names + 1] = t.norm end
          end
        end
        if n > 0 then
          if about == "general" then
            about, weight, why = "terms", W_SUBJECT, "key-terms(" .. table.concat(names, ",") .. ")"
          end
          local avg = sum / n
          if avg <= TERM_FLIP then align = -1 elseif avg >= -TERM_FLIP then align = 1 end
        end
      end
      if about == "subject" then why = why .. (align < 0 and "(critical target)" or "") end
      if about == "general" and align < 0 then why = "general(critical target)" end
      -- the writer's polarity in this sentence, leaving out words inside agreement markers;
      -- a plain question asks rather than takes a side
      if s.plain_question then weight = 0 end
      for _, c in ipairs(s.cues) do
        if not marker_span[c.first] then
          local a, wt, wy = align, weight, why
          if about ~= "text" and text_clause[clause_of[c.first]] then
            a, wt, wy = 1, W_TEXT, text_clause[clause_of[c.first]]
          end
          -- the same evaluation the target makes in its own voice: agreement; the
          -- opposite (its word negated, or turned by irony): a clash
          -- (content words only: a shared helaas or 👍 says little)
          local claim = ECHO_TYPES[c.type] and not GENERIC[c.entry] and P.claims[c.entry]
          if claim and claim ~= 0 and c.final ~= 0 then
            local same = (claim > 0) == (c.final > 0)
            a, wt = (same and 1 or -1) * (c.final > 0 and 1 or -1), W_TEXT
            wy = same and "echoes-target" or "clashes-with-target"
          end
          -- praise under a critical target is not turned around when nothing ties it to
          -- the target's key terms: "goed dat dit eindelijk aandacht krijgt" applauds the
          -- criticism; the critical reading is kept for complaints, which echo it
          -- (not for a conceded word before a turn, nor toward a comment: a reply's praise
          -- under a complaint answers that complaint)
          if about == "general" and a < 0 and c.final > 0 and wy == "general(critical target)"
              and not P.comment and (c.turn or 1) >= 1 and (s.factor or 1) >= 1 then
            a = 1
            wy = "general(praise)"
          end
          -- "meer geld lost niks op": a negated verb of solving judges a remedy, not the
          -- problem, so under a critical target it is not a complaint that echoes it
          if about == "general" and a < 0 and c.final < 0 and wy == "general(critical target)"
              and REMEDY_VERBS[c.entry] and has_mod(c, "negation") then
            a = 1
            wy = "general(remedy rejected)"
          end
          -- "altijd hetzelfde gezeur": words for complaining dismiss the complaint, here the
          -- critical target's own, so they are not a complaint that echoes it
          if about == "general" and a < 0 and c.final < 0 and wy == "general(critical target)"
              and DISMISSAL[c.entry] then
            a = 1
            wy = "general(dismissal)"
          end
          if status_quo[c.first] and a > 0 and wy ~= "echoes-target" then
            a, wy = -1, wy .. "(status quo)"
          end
          -- applause and thumbs up are for the text itself
          if (c.type == "emoji" or c.type == "emoticon") and c.final > 0 then a = 1 end
          local w = c.final * wt * a * (R.marked and MARKED_CONTENT or 1)
          if w ~= 0 then
            contribs[#contribs + 1] = {weight = w, plain = w * c.plain / c.final,
              first = c.span_first, last = c.span_last or c.last, rule = c.rule_text .. ">" .. wy}
          end
        end
      end
      for _, x in ipairs(s.extra) do
        local w = x.final * (weight == 0 and W_GENERAL or weight) * align
          * (R.marked and MARKED_CONTENT or 1)
        contribs[#contribs + 1] = {weight = w, first = x.first, last = x.last,
          rule = x.rule .. ">" .. why}
      end
      self:reservation(s, contribs, from)
    end
    return contribs
  end

  -- "Leuk voor de jeugd, maar zet hem dan niet naast de woningen": approval, then a turn
  -- whose clause has no word the lexicon knows (a demand, a condition, a fact). The turn
  -- itself says that something is wrong: it counts as a reservation of RESERVATION
  -- against the approval, so the comment reads as mixed rather than as plain support.
  function Engine:reservation(s, contribs, from)
    for _, m in ipairs(s.markers) do
      if m.class == "contrast" and m.first > s.first then
        local before, after = 0, false
        for i = from, #contribs do
          local c = contribs[i]
          -- (an agreement marker before the turn acknowledges: "ik snap de zorgen, maar")
          local marker = c.rule:find("agree%-marker") ~= nil
          if c.first < m.first then
            if not marker then before = before + (c.plain or c.weight) end
          elseif c.first > m.last then after = true end
        end
        if before > 0 and not after then
          contribs[#contribs + 1] = {weight = -RESERVATION * m.weight, plain = -RESERVATION,
            first = m.first, last = m.last, rule = "reservation"}
        end
        return
      end
    end
  end

  -- "Klopt helemaal, en het zijn weer de zwakste leerlingen die ...": after an explicit
  -- (dis)agreement, content that no contrast or concession sets apart gives the reasons
  -- for it, whatever its own polarity; it counts in the marker's direction
  function Engine:follow_markers(R, contribs)
    if not R.marked then return end
    for _, m in ipairs(R.markers) do
      if m.class == "contrast" or m.class == "concession" then return end
    end
    local side = 0
    for _, c in ipairs(contribs) do
      if c.rule:find("^[a-z]*agree%-marker") then side = side + c.weight end
    end
    if side == 0 then return end
    local sign = side > 0 and 1 or -1
    for _, c in ipairs(contribs) do
      if not c.rule:find("^[a-z]*agree%-marker") and (c.weight > 0 and 1 or -1) ~= sign then
        c.weight, c.plain = -c.weight, c.plain and -c.plain
        c.rule = c.rule .. ">reason-for-marker"
      end
    end
  end

  local function sum_sides(contribs)
    local plus, minus, pplus, pminus = 0, 0, 0, 0
    for _, c in ipairs(contribs) do
      local p = c.plain or c.weight
      if c.weight > 0 then plus = plus + c.weight else minus = minus - c.weight end
      if p > 0 then pplus = pplus + p elseif p < 0 then pminus = pminus - p end
    end
    return plus, minus, pplus, pminus
  end

  local function evidence_of(R, contribs, extra)
    local ev = {}
    for _, c in ipairs(contribs) do
      ev[#ev + 1] = {text = R.text:sub(R.toks[c.first].start, R.toks[c.last].stop),
        weight = round(c.weight), rule = c.rule, first = c.first}
    end
    for _, q in ipairs(R.quotes) do
      ev[#ev + 1] = {text = R.text:sub(R.toks[q.first].start, R.toks[q.last].stop),
        weight = 0.0, rule = "quoted", first = q.first}
    end
    table.sort(ev, function(a, b)
      if a.first ~= b.first then return a.first < b.first end
      return a.rule < b.rule
    end)
    if extra then table.insert(ev, 1, extra) end
    return ev
  end

  -- The stance of document doc toward its parent (through a comment parent to the root).
  -- `get(id)` returns a document {id, text, parent, title, author} by id.
  function Engine:stance(doc, get, depth)
    self.stances = self.stances or {}
    local cached = self.stances[doc.id]
    if cached then return cached end
    depth = depth or 0
    local R = self:analyze(doc.text, doc.handle)
    local parent = doc.parent and get(doc.parent)
    local out = {id = doc.id, parent = doc.parent, polarity = R.polarity,
      polarity_label = R.label}
    if not parent then
      out.evidence = R.evidence
      self.stances[doc.id] = out
      return out
    end
    local P = self:target_profile(parent)
    local contribs = self:stance_toward(R, P)
    local grand = parent.parent and get(parent.parent)
    local via = nil
    if grand and depth < 20 then
      -- a reply: its stance toward the comment it answers, carried over by that comment's
      -- stance toward the article; when that comment takes no side, toward the article itself
      local ps = self:stance(parent, get, depth + 1)
      local pscore = ps.score or 0
      if math.abs(pscore) >= M.LABEL_THRESHOLD then
        local sign = pscore >= 0 and 1 or -1
        for _, c in ipairs(contribs) do
          c.weight = c.weight * sign
          if c.plain then c.plain = c.plain * sign end
          c.rule = c.rule .. (sign < 0 and ">via-opposing-parent" or ">via-supporting-parent")
        end
        via = {text = parent.id, weight = round(pscore), rule = "reply-to:" .. ps.stance,
          first = 0}
      else
        local root = grand
        while root.parent and get(root.parent) do root = get(root.parent) end
        -- (dis)agreement markers answer the comment, whose side is unknown: left out
        contribs = self:stance_toward(R, self:target_profile(root), true)
        via = {text = parent.id, weight = round(pscore), rule = "reply-to:" .. (ps.stance or
          "neutral") .. ">toward-root", first = 0}
      end
    end
    self:follow_markers(R, contribs)
    local plus, minus, pplus, pminus = sum_sides(contribs)
    out.stance, out.score, out.confidence = label_of(plus, minus, pplus, pminus)
    out.support, out.oppose = round(plus), round(minus)
    out.evidence = evidence_of(R, contribs, via)
    self.stances[doc.id] = out
    return out
  end

  function M.norm_word(w) return require("stance.match").norm(w):gsub("[^%w\128-\255]", "") end
end
