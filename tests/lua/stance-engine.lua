-- The stance engine, heuristic by heuristic: each check is a Dutch sentence whose score
-- must move the way the rule says, and the evidence must name the rule that fired.
local t = require("testing")
local stance = require("stance")
local lexicon = require("stance.lexicon")

local engine = stance.new()
local n = 0

local function pol(text) return engine:analyze(text).raw end

-- The rules of all cues of a text, joined, to look for one.
local function rules(text)
  local out = {}
  for _, e in ipairs(engine:analyze(text).evidence) do out[#out + 1] = e.rule end
  return table.concat(out, " ")
end

local function check(cond, what)
  n = n + 1
  if not cond then error(what, 2) end
end

local function has(text, rule)
  check(rules(text):find(rule, 1, true), ("'%s' should fire %s; got: %s"):format(text, rule,
    rules(text)))
end

return {
  description = "API test: the stance engine, one heuristic at a time",
  run = function()
    -- word forms: adjectives, verbs, separable verbs, nouns
    local forms = table.concat(lexicon.adj_forms("groot"), " ")
    t.eq(forms, "groot grote groter grotere grootst grootste", "adjective forms")
    t.eq(table.concat(lexicon.adj_forms("lief"), " "), "lief lieve liever lievere liefst liefste")
    t.eq(lexicon.adj_e("dik"), "dikke")
    t.eq(lexicon.adj_e("aardig"), "aardige", "unstressed -ig does not double")
    t.eq(lexicon.adj_e("boos"), "boze")
    t.eq(table.concat(lexicon.verb_forms("falen"), " "), "falen faal faalt faalde faalden gefaald gefaalde")
    t.eq(lexicon.verb_stem("verhuizen"), "verhuis")
    t.eq(select(1, lexicon.verb_stem("stoppen")), "stop")
    n = n + 8

    -- lexicon words in their inflected forms
    check(pol("Dit is het slechtste voorstel.") < 0, "slechtste is a form of slecht")
    check(pol("Het project faalde.") < 0, "faalde is a form of falen")
    check(pol("De aanpak is mislukt.") < 0, "mislukt")
    check(pol("Een uitstekende buurtaanpak.") > 0, "uitstekende")
    check(pol("De gemeente kijkt al jaren weg.") < 0, "kijkt ... weg: a separable verb")
    has("De gemeente kijkt al jaren weg.", "verb")
    check(pol("Ze hebben weggekeken.") < 0, "weggekeken")

    -- forms that belong to other words do not score
    check(pol("Hij wijst op de cijfers.") == 0, "wijst is wijzen, not wijs")
    check(pol("Dat was twee jaar geleden, de leden stemden toen.") == 0, "geleden, leden")
    check(pol("Ze laat de kinderen na school buiten spelen.") == 0, "laat ... na is not nalaten")
    check(pol("Over vier jaar weten we meer.") == 0, "vier is a number")
    check(pol("De prijzen stijgen.") == 0, "prijzen are prices")

    -- negation, its scope and double negation
    check(pol("Het plan is goed.") > 0 and pol("Het plan is niet goed.") < 0, "niet goed")
    has("Het plan is niet goed.", "negation")
    check(pol("Dat is geen goed idee.") < 0, "geen goed idee")
    check(pol("Het plan deugt niet.") < 0, "a clause-final niet reaches back to the verb")
    check(pol("Het eten is niet slecht.") > 0, "niet slecht is mildly positive")
    check(pol("Een niet onverstandig besluit.") > 0, "niet on-: litotes")
    has("Een niet onverstandig besluit.", "niet-on")
    check(pol("Een niet onverstandig besluit.") < pol("Een verstandig besluit."),
      "litotes is weaker than the plain word")
    check(pol("Het faalde omdat niemand kwam.") < 0, "niemand in the next clause does not negate")
    check(pol("Het valt helemaal niet tegen.") > 0, "a negator inside a split verb negates it")
    check(pol("Dit lost niets op.") < 0, "lost niets op")
    check(pol("Dit lost het op.") > 0, "lost ... op")
    check(pol("Het lost de drukte in de binnenstad echt niet op.") < 0,
      "a separable verb across a long middle field, negated")
    check(pol("Weer geen bus vandaag 😡") < 0, "a negator does not turn an emoji around")
    check(pol("Dit geeft minder ongelukken.") > 0, "minder turns the next word around")
    check(pol("Minder huiswerk is prima.") > 0, "but only the next word")
    check(pol("Het is niet alleen duur, maar ook slecht.") < pol("Het is slecht."),
      "niet alleen ... maar ook adds up, it neither negates nor turns")

    -- boosters and dampeners
    check(pol("Het is zeer slecht.") < pol("Het is slecht."), "zeer boosts")
    has("Het is zeer slecht.", "booster")
    check(pol("Het is een beetje slecht.") > pol("Het is slecht."), "een beetje dampens")
    has("Het is een beetje slecht.", "dampener")
    check(pol("De huur is belachelijk hoog.") < 0, "belachelijk hoog complains about a degree")
    has("De huur is belachelijk hoog.", "degree")
    check(pol("Het was verschrikkelijk slecht.") < pol("Het was slecht."),
      "a polarity word before a cue boosts it")

    -- a praising adjective inside a complaint describes what is lost
    check(pol("Wat zonde van dat mooie park.") == pol("Wat zonde van dat park."),
      "mooie describes the park that is lost")
    has("Wat zonde van dat mooie park.", "attributive")
    check(pol("Een mooie oplossing.") > 0, "without a complaint it still praises")

    -- contrast and concession
    check(pol("Het idee is mooi, maar de uitvoering is een puinhoop.") < 0, "maar: after weighs more")
    check(pol("De start was rommelig, maar het resultaat is prachtig.") > 0, "maar the other way")
    has("Het idee is mooi, maar de uitvoering is een puinhoop.", "after-contrast")
    check(pol("Hoewel de bedoeling goed is, pakt de regeling averechts uit.") < 0, "hoewel concedes")
    has("Hoewel de bedoeling goed is, pakt de regeling averechts uit.", "concession")
    check(pol("Het was duur. Toch is het resultaat prachtig.") > 0, "Toch at the start turns")

    -- rhetorical questions, plain questions
    check(pol("Hoe kan het dat niemand dit zag?") < 0, "hoe kan het ...?")
    has("Hoe kan het dat niemand dit zag?", "rhetorical-question")
    check(pol("Hoe laat begint de avond?") == 0, "a plain question is neutral")
    check(pol("En hoe bellen ze hun ouders als er iets is?") < 0, "en + a question word objects")
    check(pol("Hoe bellen ze hun ouders als er iets is?") == 0, "without en it asks")
    check(pol("Minder lawaai, daar kan toch niemand tegen zijn?") > 0,
      "a question that assumes agreement")
    check(math.abs(pol("Is dit een goed plan?")) < math.abs(pol("Dit is een goed plan.")),
      "a plain question weakens its cues")

    -- irony
    check(pol("Ja hoor, weer een fantastisch plan.") < 0, "ja hoor turns praise around")
    has("Ja hoor, weer een fantastisch plan.", "irony")
    check(pol("Alsof de gemeente ooit luistert.") < 0, "alsof")
    check(pol("Succes ermee 🙄") < 0, "eye roll")

    -- irony without a cue: praise ending in "weer", or "lekker" + praise, amid complaints
    check(pol("Wat een prachtige oplossing weer. De bus rijdt niet meer en parkeren is onbetaalbaar.")
      < pol("De bus rijdt niet meer en parkeren is onbetaalbaar."), "praise ending in weer turns")
    has("Wat een prachtige oplossing weer. De bus rijdt niet meer en parkeren is onbetaalbaar.",
      "irony")
    check(pol("Wat een prachtige oplossing weer.") > 0, "without the complaint it is praise")
    check(pol("Lekker duurzaam. Alles wordt duurder en niemand wint erbij, een drama.") <
      pol("Alles wordt duurder en niemand wint erbij, een drama."), "lekker + praise turns")
    check(pol("Lekker rustig hier. Het is prachtig.") > 0, "lekker amid praise stays praise")
    check(pol("Lekker duurzaam, straks dumpt iedereen zijn afval in het bos.") < 0,
      "the burst is the first clause; the complaint may follow in the same sentence")
    check(pol("Ze dumpt het afval in het bos.") < 0 and pol("Afval gedumpt.") < 0, "dumpen")

    -- a harm that is prevented or reduced is weakly positive
    check(pol("Dat voorkomt onnodige verwijzingen.") > 0, "voorkomt + a harm")
    has("Dat voorkomt onnodige verwijzingen.", "prevented")
    check(pol("Camera's om overlast tegen te gaan.") > 0, "om ... tegen te gaan")
    check(pol("Dat voorkomt onnodige verwijzingen.") < -pol("Onnodige verwijzingen."),
      "weaker than the harm itself")
    check(pol("Onnodige verwijzingen, dat voorkomt niemand.") < 0,
      "a clause break ends its reach")

    -- capitals and exclamation marks
    check(pol("Dit is SCHANDALIG.") < pol("Dit is schandalig."), "capitals boost a cue")
    has("Dit is SCHANDALIG.", "capitals")
    check(pol("Dit is schandalig!!!") < pol("Dit is schandalig."), "exclamation marks boost")
    has("Dit is schandalig!!!", "exclamation")
    check(pol("Dit is schandalig!!!!!!") == pol("Dit is schandalig!!!"), "at most three count")

    -- emoji and emoticons
    check(pol("Nieuw fietspad 👍") > 0 and pol("Nieuw fietspad 👍🏽") > 0, "thumbs up, any skin")
    check(pol("Weer file :(") < 0, "emoticon")
    check(pol("Heerlijk :D") > pol("Heerlijk"), "emoticon adds")
    check(pol("Weer een nieuw parkeerbeleid #schande") < 0, "a hashtag judges like its word")
    has("Weer een nieuw parkeerbeleid #schande", "hashtag")

    -- quoted text is not the writer's voice
    check(pol('Hij schreef "dit is een schandalig en waardeloos plan" in de krant.') == 0,
      "a quotation does not count")
    has('Hij schreef "dit is een schandalig en waardeloos plan" in de krant.', "quoted")

    -- multi-word expressions through the rule matcher, with gaps for verb-second order
    check(pol("Dit is een stap in de goede richting.") > 0, "een stap in de goede richting")
    check(pol("Daarmee slaat de minister de plank volledig mis.") < 0, "slaat ... de plank ... mis")
    check(pol("Sterker nog, het is er.") == 0, "sterker nog is a discourse marker")
    check(pol("Eerst de bank weg, toen de supermarkt en nu de bus.") < 0, "a list of losses")

    -- stance: a small corpus in memory
    local docs = {
      a = {id = "a", text = "De gemeente wil meer fietspaden aanleggen in het centrum."},
      c1 = {id = "c1", parent = "a", text = "Helemaal mee eens, goed plan."},
      c2 = {id = "c2", parent = "a", text = "Belachelijk plan, zonde van het geld."},
      c3 = {id = "c3", parent = "a", text = "Fietspaden zijn prima, maar dit is veel te duur en slecht uitgewerkt."},
      r1 = {id = "r1", parent = "c2", text = "Onzin, het is juist hard nodig."},
      r2 = {id = "r2", parent = "c2", text = "Klopt, het is weggegooid geld."},
      c4 = {id = "c4", parent = "a", text = "Om hoe laat begint de inspraakavond?"},
    }
    local function get(id) return docs[id] end
    local function st(id) return engine:stance(docs[id], get) end
    t.eq(st("a").stance, nil, "a document without a parent has no stance")
    check(type(st("a").polarity) == "number", "but a polarity")
    t.eq(st("c1").stance, "support")
    t.eq(st("c2").stance, "oppose")
    t.eq(st("c3").stance, "mixed")
    t.eq(st("r1").stance, "support", "disagreeing with an opponent supports")
    t.eq(st("r2").stance, "oppose", "agreeing with an opponent opposes")
    t.eq(st("c4").stance, "neutral")
    docs.c5 = {id = "c5", parent = "a", text = "Precies, het wordt tijd."}
    docs.c6 = {id = "c6", parent = "a", text = "Het past precies in de straat."}
    t.eq(engine:analyze(docs.c5.text).markers[1].class, "agree", "Precies, ... agrees")
    t.eq(#engine:analyze(docs.c6.text).markers, 0, "precies inside a clause does not")
    n = n + 2
    local via = st("r1").evidence[1]
    t.eq(via.rule, "reply-to:oppose", "a reply's evidence names the comment it answers")
    check(st("c1").confidence > 0 and st("c1").confidence <= 1, "confidence in (0, 1]")
    n = n + 8

    -- a critical article: the thesis comes from the body when the title has no view;
    -- complaints agree with it, praise of the criticism is not turned into opposition
    docs.k = {id = "k", title = "Ambtenaren en de praktijk", text = "Regels worden achter een " ..
      "bureau bedacht en werken in de praktijk niet. Dat is een schande."}
    docs.k1 = {id = "k1", parent = "k", text = "De bureaucratie verlamt alles."}
    docs.k2 = {id = "k2", parent = "k", text = "Goed dat dit eindelijk aandacht krijgt."}
    docs.k3 = {id = "k3", parent = "k1", text = "Fijn voor jou, maar bij ons werkt het prima."}
    check(engine:target_profile(docs.k).sign < 0, "a critical body makes a critical target")
    t.eq(st("k1").stance, "support", "a complaint agrees with a critical article")
    t.eq(st("k2").stance, "support", "praise of the criticism supports it")
    t.eq(st("k3").stance, "oppose", "fijn voor jou dismisses the comment it answers")
    -- "het huidige ...": like "nu", the present state a proposed change ends
    docs.h9 = {id = "h9", parent = "a", text = "Ik fiets er elke dag en de huidige route is levensgevaarlijk."}
    t.eq(st("h9").stance, "support", "a complaint about the present state under a proposal")
    n = n + 1
    -- "Juist, ..." right after the writer's own question answers it, agreeing with no one
    docs.h10 = {id = "h10", parent = "a", text = "En wie gaat dat betalen? Juist, de bewoners."}
    check(st("h10").stance == "oppose", "a self-answer is no agreement")
    local function st_rules(id)
      local out = {}
      for _, e in ipairs(st(id).evidence) do out[#out + 1] = e.rule end
      return table.concat(out, " ")
    end
    check(not st_rules("h10"):find("agree-marker", 1, true), "no agree-marker")
    check(st_rules("c5"):find("agree-marker", 1, true), "but Precies, opening a comment is one")
    t.eq(st("c5").stance, "support", "Precies, opening a comment still agrees")
    n = n + 1
    -- words for complaining wave the critical article's complaint away
    docs.k5 = {id = "k5", parent = "k", text = "Altijd hetzelfde gezeur."}
    t.eq(st("k5").stance, "oppose", "gezeur dismisses the criticism")
    n = n + 1
    -- "Eens dat ..., maar ...": the diagnosis shared, the remedy doubted
    docs.h11 = {id = "h11", parent = "a", text = "Eens dat er iets moet gebeuren, maar dit plan is veel te duur."}
    t.eq(st("h11").stance, "mixed", "agreement with a that-clause, then a turn")
    n = n + 1
    -- rejecting the remedy is no complaint that echoes the criticism
    docs.k4 = {id = "k4", parent = "k", text = "Meer geld lost niets op."}
    t.eq(st("k4").stance, "oppose", "a negated verb of solving rejects a remedy")
    check(rules(docs.k4.text):find("negation", 1, true), "its cue is the negated verb")
    n = n + 1
    docs.c7 = {id = "c7", parent = "a", text = "Klopt helemaal, en de auto's staan nu overal in de weg."}
    t.eq(st("c7").stance, "support", "content after an agreement gives its reasons")
    docs.c8 = {id = "c8", parent = "a", text = "Mee eens, maar het is veel te duur en slecht geregeld."}
    check(st("c8").stance ~= "support", "unless a contrast sets it apart")
    -- approval, then a turn with nothing the lexicon knows: a reservation
    docs.c12 = {id = "c12", parent = "a", text = "Leuk plan, maar zet ze dan niet naast de school."}
    t.eq(st("c12").stance, "mixed", "maar after approval reserves")
    docs.c13 = {id = "c13", parent = "a", text = "Ik snap de zorgen, maar dit moet gewoon gebeuren."}
    check(st("c13").stance ~= "mixed", "an acknowledgement before maar is no approval")
    docs.c14 = {id = "c14", parent = "a", text = "Leuk plan, maar het is veel te duur."}
    local kinds = {}
    for _, e in ipairs(st("c14").evidence) do kinds[#kinds + 1] = e.rule end
    check(not table.concat(kinds, " "):find("reservation"), "a scored turn needs no reservation")
    n = n + 1

    -- a complaint about the present ("nu") under a proposal describes what it ends
    docs.c9 = {id = "c9", parent = "a", text = "In het centrum fietsen is nu levensgevaarlijk."}
    t.eq(st("c9").stance, "support", "the state the change ends")
    docs.c10 = {id = "c10", parent = "a", text = "In het centrum fietsen is nu al levensgevaarlijk."}
    t.eq(st("c10").stance, "oppose", "nu al foresees worse")
    docs.c11 = {id = "c11", parent = "a", text = "Slecht plan, het centrum loopt nu helemaal vast."}
    t.eq(st("c11").stance, "oppose", "with another complaint, the change is blamed for it")
    n = n + 1

    -- extending from Lua: new entries, overrides, phrase rules, markers, targets
    local e2 = stance.new()
    check(e2:analyze("Dat is een typisch gevalletje prutswerk.").raw < 0, "prutswerk is known")
    e2:extend({
      polarity = {{"doorbraakje", 2, "noun"}, {"prutswerk", 1, "noun"}},
      rules = {{name = "verkeersinfarct", pattern = "(verkeers|verkeer)infarct", weight = -3},
               {name = "knip", pattern = "knip in de (wijk|straat)", weight = 2}},
      markers = {{"zeker weten", "agree", 2, "start"}},
      targets = {{"de verkeerswethouder", kind = "subject"}},
    })
    check(e2:analyze("Een echt doorbraakje.").raw > 0, "an added noun")
    check(e2:analyze("Prutswerk.").raw > 0, "an overridden strength")
    check(e2:analyze("Een knip in de wijk.").raw > 0, "a phrase rule in the rules syntax")
    local r = e2:analyze("Zeker weten, een knip in de straat.")
    check(#r.markers >= 1 and r.markers[1].class == "agree", "an added marker")
    t.raises(function() e2:extend({markers = {{"x", "nonsense", 1}}}, "mine.lua") end,
      "mine.lua: markers%[1%]: unknown marker class 'nonsense'")
    t.raises(function() e2:extend({rules = {{pattern = "(a|b"}}}, "mine.lua") end,
      "mine.lua: rules%[1%]: .*expected '%)'")
    t.raises(function() e2:extend({polarity = {{"x", "veel"}}}, "mine.lua") end,
      "polarity%[1%]: the strength of 'x' must be a number")
    t.raises(function() e2:extend({lexicon = {}}, "mine.lua") end, "unknown key 'lexicon'")
    n = n + 1

    -- rhetorical questions by form: toch inside, a verb-first question to "you"; the form
    -- counts against, and its cues are asserted, not halved
    has("Dat is toch niet te geloven?", "rhetorical-form")
    has("Dan neem je toch de trein?", "rhetorical-form")
    has("Heb je het stuk wel gelezen?", "rhetorical-form")
    check(pol("Heb je het stuk wel gelezen?") < 0, "a verb-first question to you is a reproach")
    check(pol("Ben je helemaal gek geworden?") < pol("Is hij helemaal gek geworden?"),
      "the cues of a rhetorical question are not halved like a plain question's")
    check(not rules("Hoe laat gaat het zwembad open?"):find("rhetorical", 1, true),
      "a plain question is no reproach")
    check(not rules("Toch?"):find("rhetorical-form", 1, true), "Toch? opening is a tag")
    has("Wie heeft die cijfers geteld dan?", "rhetorical-form")
    check(not rules("Hoe laat is het dan open?"):find("rhetorical", 1, true),
      "a question with dan that wie does not open still asks")
    -- comparison: what follows "dan" after a comparative judges the foil, turned around
    has("Beter dan de vorige regeling, die deed helemaal niks.", "comparison-foil")
    check(pol("Beter dan de vorige regeling, die deed helemaal niks.") > 0,
      "a target better than a failed foil is good")
    check(pol("Slechter dan de vorige regeling, die was tenminste goed.") < 0,
      "a target worse than a good foil is bad")
    check(not rules("Het is goed dat ze komen, dan weten we meer."):find("comparison", 1, true),
      "dan after a plain adjective opens no foil")

    -- goedkoper: cheaper than the foil is good, "het kan veel goedkoper" is not
    check(pol("Veel goedkoper dan een nieuwe weg.") > 0, "goedkoper dan")
    check(pol("Het kan veel goedkoper.") < 0, "kan veel goedkoper: it costs too much now")
    check(pol("Eerst de bibliotheek, nu het zwembad.") < 0, "eerst ..., nu: a list of losses")
    -- idioms of comment sections: a sneering gift, money better spent, the world did not end
    check(pol("Weer een cadeautje voor de rijken.") < 0, "cadeautje voor de ...")
    check(pol("Een mooi cadeautje.") > 0, "a cadeautje on its own is a gift")
    check(pol("Had dat geld maar in de zorg gestoken.") < 0, "had dat geld maar ...")
    check(pol("Bij ons mag het al jaren en de wereld is niet vergaan.") > 0, "de wereld is niet vergaan")
    -- "die hoor je niet klagen": others manage, the complaint is unfounded
    check(pol("Een leraar verdient hetzelfde en die hoor je niet klagen.") < 0, "hoor je niet klagen")
    check(pol("Ik zal niet klagen.") > 0, "niet klagen on its own is content")
    -- lekker as a particle ("laat ze het lekker zelf uitzoeken") is no praise
    check(pol("Laat ze het lekker zelf uitzoeken.") == 0, "lekker zelf is a particle")
    check(pol("Lekker weer vandaag.") > 0, "lekker on its own is")
    -- "straks": a consequence foretold counts against, unless praised; a bare verdict of
    -- praise right after it is ironic
    has("Straks is de bakker op de hoek ook weg.", "foreboding")
    check(pol("Straks is de bakker op de hoek ook weg.") < 0, "straks foretells a loss")
    check(pol("Straks kunnen de kinderen weer veilig buiten spelen.") > 0, "unless it is praised")
    check(not rules("Tot straks, ik kom eraan."):find("foreboding", 1, true), "tot straks")
    check(pol("Dus straks sta ik elke dag een uur in de file. Geweldig.") < 0,
      "praise after a foretold burden is ironic")
    check(pol("Ik sta elke dag een uur in de file. Geweldig.") > 0, "but not without straks")
    -- a wish of success to "you" under a plan is a sarcastic one
    check(pol("Succes met je boodschappen op de fiets in de regen.") < 0, "succes met je ...")
    check(pol("Het plan is een succes.") > 0, "succes on its own is praise")
    -- "had ... eerder gemoeten": good, only late; the gap takes the time phrase
    check(pol("Had vijf jaar eerder gemoeten.") > 0, "had ... eerder gemoeten")
    check(pol("Dit had tien jaar geleden al moeten gebeuren.") > 0, "had ... al moeten gebeuren")

    -- determinism: the same text, the same evidence
    local a1 = engine:analyze("Niet slecht, maar ook niet geweldig!! 👍")
    local a2 = engine:analyze("Niet slecht, maar ook niet geweldig!! 👍")
    t.eq(#a1.evidence, #a2.evidence)
    for i, e in ipairs(a1.evidence) do
      t.eq(e.text .. e.weight .. e.rule, a2.evidence[i].text .. a2.evidence[i].weight ..
        a2.evidence[i].rule)
    end
    n = n + 1
    return {checks = n}
  end,
}
