# The stance report: one row per reaction (stance, score, confidence, the strongest cues),
# the polarity of documents without a parent, the distribution; JSON with every cue; a
# user's rule file through --arg rules=FILE, and the errors a bad one gets.
# The seven streetwise comments are a sanity check of the output, not of the accuracy
# (tests/data/stance/ and the stance_cases_* tests measure that).

$ tussen run -q stance corpus/streetwise
| == documents ==
| id         parent   stance   score  confidence  polarity  label     evidence
| ---------  -------  -------  -----  ----------  --------  --------  --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
| artikel                                             0.99  positive  slagen (+2.00 lexicon); effectiever (+2.00 lexicon); averechts uitpakken (-3.00 phrase)
| reactie-1  artikel  support   0.86        0.66      0.76            deskundig (+2.40 lexicon>key-terms(beleidsmatige,expertise,verbinden)); gezonde (+1.20 lexicon>key-terms(beleidsmatige,expertise,verbinden)); versterken (+1.50 lexicon>echoes-target)
| reactie-2  artikel  support   0.89        0.91      0.85            een belangrijk punt (+2.40 phrase+after-contrast+before-contrast>key-terms(decentralisatie)); verbindende (+2.40 lexicon>key-terms(sociaal,interdisciplinair,opgeleide))
| reactie-3  artikel  oppose   -0.44        0.45     -0.38            Mag je (-1.20 rhetorical-question>key-terms(beleid,horizon,werkgeversloyaliteit))
| reactie-4  artikel  mixed     0.62        0.73     -0.78            mislukken (-2.40 lexicon>about-the-subject); lukken (+1.23 lexicon+before-contrast>general); faalt (+3.12 lexicon+after-contrast>key-terms(regelsysteem))
| reactie-5  artikel  mixed    -0.54        0.95     -0.03            verziekt (-2.40 lexicon>key-terms(ontwikkelingen)); angst (-2.40 lexicon>key-terms(overheid,houding)); verlamt (-3.00 lexicon>about-the-author)
| reactie-6  artikel  neutral      0           1         0            “Helaas mist een deel van de beleidsmakers praktijkkennis” (+0.00 quoted); “een deel” (+0.00 quoted)
| reactie-7  artikel  mixed    -0.31        0.58         0            Dank (+1.60 lexicon>general); helaas (-2.40 lexicon>key-terms(gemeentes,durven,nemen))
|
| == summary ==
| reactions:        7
| support:          2
| oppose:           1
| mixed:            3
| neutral:          1
| unparented:       1
| positive:         1
| negative:         0
| polarity_neutral: 0

$ tussen run -q -f json stance --arg evidence=2 corpus/streetwise
| {
|   "documents": [
|     {
|       "id": "artikel",
|       "parent": null,
|       "stance": null,
|       "score": null,
|       "confidence": null,
|       "polarity": 0.99,
|       "label": "positive",
|       "evidence": [
|         {
|           "text": "slagen",
|           "weight": 2,
|           "rule": "lexicon"
|         },
|         {
|           "text": "averechts uitpakken",
|           "weight": -3,
|           "rule": "phrase"
|         }
|       ]
|     },
|     {
|       "id": "reactie-1",
|       "parent": "artikel",
|       "stance": "support",
|       "score": 0.86,
|       "confidence": 0.66,
|       "polarity": 0.76,
|       "label": null,
|       "evidence": [
|         {
|           "text": "deskundig",
|           "weight": 2.4,
|           "rule": "lexicon>key-terms(beleidsmatige,expertise,verbinden)"
|         },
|         {
|           "text": "versterken",
|           "weight": 1.5,
|           "rule": "lexicon>echoes-target"
|         }
|       ]
|     },
|     {
|       "id": "reactie-2",
|       "parent": "artikel",
|       "stance": "support",
|       "score": 0.89,
|       "confidence": 0.91,
|       "polarity": 0.85,
|       "label": null,
|       "evidence": [
|         {
|           "text": "een belangrijk punt",
|           "weight": 2.4,
|           "rule": "phrase+after-contrast+before-contrast>key-terms(decentralisatie)"
|         },
|         {
|           "text": "verbindende",
|           "weight": 2.4,
|           "rule": "lexicon>key-terms(sociaal,interdisciplinair,opgeleide)"
|         }
|       ]
|     },
|     {
|       "id": "reactie-3",
|       "parent": "artikel",
|       "stance": "oppose",
|       "score": -0.44,
|       "confidence": 0.45,
|       "polarity": -0.38,
|       "label": null,
|       "evidence": [
|         {
|           "text": "Mag je",
|           "weight": -1.2,
|           "rule": "rhetorical-question>key-terms(beleid,horizon,werkgeversloyaliteit)"
|         }
|       ]
|     },
|     {
|       "id": "reactie-4",
|       "parent": "artikel",
|       "stance": "mixed",
|       "score": 0.62,
|       "confidence": 0.73,
|       "polarity": -0.78,
|       "label": null,
|       "evidence": [
|         {
|           "text": "mislukken",
|           "weight": -2.4,
|           "rule": "lexicon>about-the-subject"
|         },
|         {
|           "text": "faalt",
|           "weight": 3.12,
|           "rule": "lexicon+after-contrast>key-terms(regelsysteem)"
|         }
|       ]
|     },
|     {
|       "id": "reactie-5",
|       "parent": "artikel",
|       "stance": "mixed",
|       "score": -0.54,
|       "confidence": 0.95,
|       "polarity": -0.03,
|       "label": null,
|       "evidence": [
|         {
|           "text": "verziekt",
|           "weight": -2.4,
|           "rule": "lexicon>key-terms(ontwikkelingen)"
|         },
|         {
|           "text": "verlamt",
|           "weight": -3,
|           "rule": "lexicon>about-the-author"
|         }
|       ]
|     },
|     {
|       "id": "reactie-6",
|       "parent": "artikel",
|       "stance": "neutral",
|       "score": 0,
|       "confidence": 1,
|       "polarity": 0,
|       "label": null,
|       "evidence": [
|         {
|           "text": "“Helaas mist een deel van de beleidsmakers praktijkkennis”",
|           "weight": 0,
|           "rule": "quoted"
|         },
|         {
|           "text": "“een deel”",
|           "weight": 0,
|           "rule": "quoted"
|         }
|       ]
|     },
|     {
|       "id": "reactie-7",
|       "parent": "artikel",
|       "stance": "mixed",
|       "score": -0.31,
|       "confidence": 0.58,
|       "polarity": 0,
|       "label": null,
|       "evidence": [
|         {
|           "text": "Dank",
|           "weight": 1.6,
|           "rule": "lexicon>general"
|         },
|         {
|           "text": "helaas",
|           "weight": -2.4,
|           "rule": "lexicon>key-terms(gemeentes,durven,nemen)"
|         }
|       ]
|     }
|   ],
|   "summary": {
|     "reactions": 7,
|     "support": 2,
|     "oppose": 1,
|     "mixed": 3,
|     "neutral": 1,
|     "unparented": 1,
|     "positive": 1,
|     "negative": 0,
|     "polarity_neutral": 0
|   }
| }

# A user's rule file: a new word, an overridden strength, a phrase rule in the tussen.rules
# syntax, a marker and a target reference.
$ cat > $T/debat.jsonl <<'JSON'
> {"id": "a", "kind": "article", "text": "De gemeente wil een knip in de Laan van Nieuw-Oost."}
> {"id": "c1", "parent": "a", "kind": "comment", "text": "Zeker weten, een knip in de wijk is een zegen."}
> {"id": "c2", "parent": "a", "kind": "comment", "text": "Weer zo'n verkeersinfarct in wording."}
> JSON
> cat > $T/rules.lua <<'LUA'
> return {
>   polarity = {{"zegen", 3, "noun"}, {"knip", 1, "noun"}},
>   rules = {{name = "infarct", pattern = "verkeersinfarct|verkeersinfarcten", weight = -3},
>            {name = "knip", pattern = "knip in de (wijk|straat|laan)", weight = 2}},
>   markers = {{"zeker weten", "agree", 2, "start"}},
>   targets = {{"de knip", kind = "subject"}},
> }
> LUA
> tussen run -q stance --arg rules=$T/rules.lua --arg evidence=0 $T/debat.jsonl
| == documents ==
| id  parent  stance   score  confidence  polarity  label     evidence
| --  ------  -------  -----  ----------  --------  --------  --------------------------------------------------------------------------------------------------------
| a                                           0.63  positive  knip in de Laan (+2.00 rule)
| c1  a       support   0.83        0.83      0.85            Zeker weten (+2.00 agree-marker); knip in de wijk (+0.80 rule>general); een zegen (+0.80 phrase>general)
| c2  a       oppose    -0.7         0.7     -0.77            verkeersinfarct (-2.40 rule>general)
|
| == summary ==
| reactions:        2
| support:          1
| oppose:           1
| mixed:            0
| neutral:          0
| unparented:       1
| positive:         1
| negative:         0
| polarity_neutral: 0

# Mistakes in a rule file are reported with the file and line, or the entry and position
# (exit status 1; only the message is kept here, the traceback below it names library lines).
$ printf 'return {polarity = {{"x", 2, "adj"}\n' > $T/broken.lua
> tussen run -q stance --arg rules=$T/broken.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/broken.lua:2: '}' expected (to close '{' at line 1) near <eof>
$ printf 'return {rules = {{name = "open", pattern = "(niet|geen"}}}\n' > $T/badpattern.lua
> tussen run -q stance --arg rules=$T/badpattern.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/badpattern.lua: rules[1]: rule 'open': position 11: expected ')' to close the group opened at 1
$ printf 'return {markers = {{"tja", "sigh", 1}}}\n' > $T/badclass.lua
> tussen run -q stance --arg rules=$T/badclass.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/badclass.lua: markers[1]: unknown marker class 'sigh' (agree, disagree, negator, booster, dampener, contrast, concession, irony, rhetorical, target_text, target_subject)
$ printf 'return {polarity = {{"top", "veel"}}, lexicon = {}}\n' > $T/badkey.lua
> tussen run -q stance --arg rules=$T/badkey.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/badkey.lua: unknown key 'lexicon' (a rule file has polarity, markers, rules and targets)
$ printf 'return {polarity = {{"top", "veel"}}}\n' > $T/badstrength.lua
> tussen run -q stance --arg rules=$T/badstrength.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/badstrength.lua: polarity[1]: the strength of 'top' must be a number
$ printf 'return 42\n' > $T/notatable.lua
> tussen run -q stance --arg rules=$T/notatable.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 1
| tussen: $T/notatable.lua: a rule file returns a table {polarity = ..., markers = ..., rules = ..., targets = ...}, not number
$ tussen run -q stance --arg rules=$T/missing.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -1 $T/err
| exit 2
| tussen: --arg rules=$T/missing.lua: cannot read '$T/missing.lua': No such file or directory
