-- Text for the argument engine: tokens with byte offsets, sentences, content-word stems and
-- overlap. Its own small tokenizer keeps the engine usable outside tussen; inside it, the
-- connectives themselves are matched by tussen.rules over the real tokenizer (arguments.lexicon).

local M = {}

local has_tussen, tussen = pcall(require, "tussen")
if not has_tussen then tussen = nil end

-- Lower-casing: Unicode-aware through tussen.text when present (ÉÉN, IJ), else ASCII.
local lower = (tussen and tussen.text and tussen.text.lower) or string.lower

-- Abbreviations whose final dot does not end a sentence (lower case).
local ABBREV = {}
for a in ([[bijv. bv. o.a. d.w.z. enz. etc. e.d. m.b.t. i.p.v. dhr. mevr. ca. nr. blz. jl. t.a.v.
  a.u.b. z.g.a.n. m.a.w. i.e. e.g. vs. evt. incl. excl. resp. mr. dr. ir. drs. prof. st. ong.
  o.m. t.o.v. n.a.v. v.s.]]):gmatch("%S+") do ABBREV[a] = true end

-- Multi-byte punctuation the byte-level scanner must not take for letters.
local UPUNCT = { "“", "”", "‘", "’", "„", "–", "—", "…", "«", "»", "•" }

-- Dutch function words left out of content-word overlap.
local STOP = {}
for w in ([[de het een en of maar want dus dat die dit deze wat wie waar wanneer hoe als dan
  om te in op aan bij met voor van naar uit over door tot tegen onder tussen zonder na sinds
  is zijn was waren wordt worden werd werden heeft hebben had hadden kan kunnen kon konden
  zal zullen zou zouden moet moeten mag mogen wil willen er hier daar niet geen ook nog al
  zo meer veel weinig heel erg wel toch nu ze zij hij het hem haar hun hen ik je jij u we wij
  mij me ons onze jullie men zich zelf eigen elk elke alle ander andere anderen dan ook
  omdat hoewel terwijl zodat doordat echter bovendien daarom daardoor immers namelijk
  worden gaan gaat ging komen komt kwam doen doet deed maken maakt laten laat zeggen zegt
  iets niets alles iemand niemand steeds vaak soms altijd nooit al alleen wat welke
  hebben heb hebt ben bent helaas echt gewoon vooral nogal juist zeker eigenlijk misschien
  wellicht natuurlijk zeer minder goed goede beter groot grote nieuw nieuwe kunnen]]):gmatch("%S+") do STOP[w] = true end

-- Words that cannot start the main clause after a fronted subordinate clause: Dutch puts the
-- finite verb first there (Omdat X, moet Y), so a comma followed by one of these is no boundary.
local NOT_VERB = {}
for w in ([[de het een dat die dit deze wat wie waar en of maar want ze zij hij we wij ik je
  jij u men er in op aan met voor van bij naar om te als zoals tot door over uit zo ook niet
  geen hun haar zijn mijn onze jullie]]):gmatch("%S+") do NOT_VERB[w] = true end

------------------------------------------------------------------------------------------------
-- Tokens and sentences
------------------------------------------------------------------------------------------------

local function upunct_at(s, i)
  for _, p in ipairs(UPUNCT) do
    if s:sub(i, i + #p - 1) == p then return p end
  end
  return nil
end

-- Splits text into word and punctuation tokens with byte offsets. A dot stays inside a word
-- only in abbreviations (d.w.z.); "betrekken.Zoals" is two words and a dot.
local function tokenize(text)
  local toks, i, n = {}, 1, #text
  while i <= n do
    local _, ws = text:find("^%s+", i)
    if ws then i = ws + 1 end
    if i > n then break end
    local c = text:sub(i, i)
    local up = upunct_at(text, i)
    if up then
      toks[#toks + 1] = { s = i, e = i + #up - 1, form = up, kind = "p" }
      i = i + #up
    elseif c:match("[%w\128-\255]") then
      local j = i
      while true do
        -- a run of letters, digits and multi-byte characters, cut before multi-byte
        -- punctuation inside it (all of it starts with byte 0xC2 or 0xE2)
        local _, e = text:find("^[%w\128-\255]+", j)
        if not e then break end
        local cut
        local k = text:find("[\194\226]", j)
        while k and k <= e do
          if upunct_at(text, k) then cut = k break end
          k = text:find("[\194\226]", k + 1)
        end
        if cut then j = cut break end
        j = e + 1
        local d = text:sub(j, j)
        local nextc = text:sub(j + 1, j + 1)
        if (d == "'" or d == "-") and nextc:match("[%w\128-\255]") and not upunct_at(text, j + 1) then
          j = j + 1
        elseif d == "." and nextc:match("%a") and j - i <= 3
            and not text:sub(i, j - 1):find("[^%w%.]") then
          j = j + 1 -- inside an abbreviation such as d.w.z.
        else
          break
        end
      end
      local form = text:sub(i, j - 1)
      -- a dotted abbreviation keeps its final dot
      if text:sub(j, j) == "." and (ABBREV[lower(form) .. "."] or form:find("%.")) then
        form = form .. "."
        j = j + 1
      end
      toks[#toks + 1] = { s = i, e = j - 1, form = form, kind = "w" }
      i = j
    else
      local j = i
      if c == "." then
        while text:sub(j + 1, j + 1) == "." do j = j + 1 end
      elseif c == "?" or c == "!" then
        while text:sub(j + 1, j + 1):match("[?!]") do j = j + 1 end
      elseif c == "," and text:sub(j + 1, j + 1) == "," then
        j = j + 1 -- the Dutch low quote ,,
      end
      toks[#toks + 1] = { s = i, e = j, form = text:sub(i, j), kind = "p" }
      i = j + 1
    end
  end
  for _, t in ipairs(toks) do t.low = lower(t.form) end
  return toks
end

-- Marks that open a quote or an aside, as strings ("“" is three bytes, a Lua character class
-- would match any character sharing one of them).
local OPENING_MARK = { ['"'] = true, ["'"] = true, ["“"] = true, ["‘"] = true, ["„"] = true,
  ["("] = true }

local function is_end_punct(form)
  return form:match("^[%.!?]+$") ~= nil or form == "…" or form == "?!"
end

-- Sentences of one paragraph: ends at . ! ? … before an upper-case letter, a digit, a quote or
-- the end; a line break ends a sentence when the line ends in punctuation or the next line
-- starts upper case (list items, a line per claim in comments).
local function split_sentences(text, base)
  local toks = tokenize(text)
  local sents, cur = {}, {}
  local function flush()
    if #cur > 0 then sents[#sents + 1] = cur end
    cur = {}
  end
  for k, t in ipairs(toks) do
    t.s, t.e = t.s + base, t.e + base
    cur[#cur + 1] = t
    local nxt = toks[k + 1]
    if nxt then
      local gap = text:sub(t.e - base + 1, nxt.s - 1)
      local first = nxt.form:sub(1, 1)
      local upper_next = first:match("[%u%d]") or nxt.kind == "p" and OPENING_MARK[nxt.form:sub(1, #"“")]
        or nxt.kind == "p" and OPENING_MARK[first]
        or first:match("[\195]") and nxt.form:match("^[\195][\128-\158]")
      if t.kind == "p" and is_end_punct(t.form) and (upper_next or gap:find("\n")) then
        flush()
      elseif gap:find("\n") and (t.form:match("^[:;]$") or upper_next) then
        flush()
      end
    end
  end
  flush()
  return sents
end

local CLAUSE_PUNCT = { [","] = true, [";"] = true, [":"] = true, ["-"] = true, ["–"] = true,
  ["—"] = true, ["("] = true }
local OPEN_PUNCT = { ['"'] = true, ["“"] = true, ["„"] = true, ["‘"] = true, ["'"] = true,
  [",,"] = true, ["("] = true, ["-"] = true, ["–"] = true }

-- Index of the first word of a sentence (skipping opening quotes and dashes).
local function first_word(sent)
  for i, t in ipairs(sent) do
    if not OPEN_PUNCT[t.form] then return i end
  end
  return 1
end

local function content_stems_of_toks(toks)
  local out = {}
  for _, t in ipairs(toks) do
    if t.kind == "w" and #t.low >= 4 and not STOP[t.low] and not t.low:find("^%d") then
      out[#out + 1] = t.low:sub(1, 6)
    end
  end
  return out
end

local function content_stems(text)
  local out = {}
  for _, t in ipairs(tokenize(text)) do
    if t.kind == "w" and #t.low >= 4 and not STOP[t.low] and not t.low:find("^%d") then
      -- a crude stem: the first six bytes; Dutch inflection and derivation mostly change the end
      out[#out + 1] = t.low:sub(1, 6)
    end
  end
  return out
end

-- Dice coefficient of two lists (multisets) of strings.
local function dice(a, b)
  local set, na, nb, common = {}, 0, 0, 0
  for _, x in ipairs(a) do set[x] = (set[x] or 0) + 1; na = na + 1 end
  for _, x in ipairs(b) do
    nb = nb + 1
    if set[x] and set[x] > 0 then common = common + 1; set[x] = set[x] - 1 end
  end
  if na + nb == 0 then return 0 end
  return 2 * common / (na + nb)
end

-- The sentences of a tussen.Doc from tussen's own tokenizer, as token lists in the engine's
-- form (byte offsets into doc.text; kind "p" for punctuation and symbols, else "w").
local function doc_sentences(handle)
  local out = {}
  for _, s in ipairs(handle:sentences()) do
    local toks = {}
    for _, t in ipairs(s.tokens) do
      toks[#toks + 1] = { s = t.start, e = t.stop, form = t.form, low = lower(t.form),
        kind = (t.kind == "punct" or t.kind == "symbol") and "p" or "w" }
    end
    if #toks > 0 then out[#out + 1] = toks end
  end
  return out
end

M.doc_sentences = doc_sentences
M.lower = lower
M.STOP = STOP
M.NOT_VERB = NOT_VERB
M.CLAUSE_PUNCT = CLAUSE_PUNCT
M.OPEN_PUNCT = OPEN_PUNCT
M.tokenize = tokenize
M.is_end_punct = is_end_punct
M.split_sentences = split_sentences
M.first_word = first_word
M.content_stems_of_toks = content_stems_of_toks
M.content_stems = content_stems
M.dice = dice

return M
