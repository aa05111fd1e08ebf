-- themes-nl: an example coding scheme for Dutch policy texts and the
-- reactions to them (tussen run codes --arg scheme=themes-nl.lua CORPUS).
-- Categories nest: a match in zorg/jeugd also counts for zorg. Entries are
-- rule patterns (scripts/README.md, tussen.rules): words match the
-- normalised form (case-insensitive), '*' is a wildcard, several words are
-- a phrase, stem:WORD matches every word with that Snowball stem.
-- Copy this file next to your corpus and adapt it: a scheme is data, the
-- words that mark a theme differ per policy field and per municipality.
return {
  bestuur = {
    "gemeente", "gemeenten", "gemeentelijk*", "gemeentebestuur*", "gemeenteraad*",
    "college", "wethouder*", "burgemeester*", "raadsle*", "raadsfractie*",
    "overheid", "overheden", "rijksoverheid", "provincie*", "kabinet", "minister*",
    "decentralisatie*", "bestuurlijk*", "bestuurskund*", "regie", "regierol",
    ambtenaren = {
      "ambtena*", "ambtelijk*", "beleidsmaker*", "beleidsmedewerker*",
      "ambtelijke organisatie", "ambtelijk apparaat",
    },
    beleid = {
      "beleid", "*beleid", "beleids*", "beleidstafel*", "regelgeving", "regels",
      "wet", "wetten", "wetgeving", "protocol*", "indicatie*", "targets",
      "blauwdruk*", "verantwoording", "planning & control*",
    },
    politiek = {
      "politiek", "politieke", "politici", "politicus", "lokale politiek",
      "verkiezing*", "partij", "partijen", "coalitie*", "oppositie",
    },
  },
  participatie = {
    "participatie*", "participeren", "meedoen", "meedenken", "meebeslissen",
    "inspraak", "burgerkracht", "burgerinitiatie*", "zelfredzaam*",
    "eigen kracht", "eigen regie", "loslaten", "overlaten aan",
    "beslissingsmacht", "co-creatie", "samenspraak",
    burgers = {
      "burger", "burgers", "bewoner*", "inwoner*", "buurtbewoner*",
      "wijkbewoner*", "vrijwilliger*", "mantelzorger*", "leefwereld",
    },
    samenleving = {
      "samenleving", "samenlevingen", "participatiesamenleving",
      "gemeenschap*", "gemeenschapszin", "civil society", "netwerk*",
    },
  },
  zorg = {
    "zorg", "zorgen", "*zorg", "zorgverlen*", "zorgaanbied*", "zorgvraag",
    "welzijn*", "welzijnszorg*", "zorgzaamheid", "hulpverlen*", "hulpvraag",
    "ondersteuning", "wmo", "sociaal domein", "sociale domein",
    jeugd = {
      "jeugd", "jeugdzorg", "jeugdhulp", "jeugdwerk*", "jongere", "jongeren",
      "kind", "kinderen", "gezin*", "ouders", "opvoed*", "tiener*",
    },
    ouderen = {
      "ouderen", "oudere", "senior*", "bejaard*", "verpleeghuis*",
      "thuiszorg", "ouderenzorg", "dementie",
    },
    gezondheid = {
      "gezondheid*", "gezond", "gezonde", "ggz", "huisarts*", "ziek*",
      "psychisch*", "verslav*", "eenzaam*", "preventie",
    },
  },
  professionals = {
    "professional*", "sociale professional*", "sociaal werk*", "welzijnswerk*",
    "tussenwerker*", "wijkteam*", "buurtteam*", "opbouwwerk*", "straatwerk*",
    "streetwise", "praktijkkennis", "uitvoeringspraktijk", "uitvoering",
    "vakmanschap", "professionele ruimte", "frontlijn*",
  },
  wonen = {
    "wonen", "woning", "woningen", "woningbouw*", "woningcorporatie*",
    "huur", "huurder*", "huurwoning*", "sociale huur*", "koopwoning*",
    "huisvesting", "dakloos*", "woningnood", "woningmarkt",
    buurt = {
      "wijk", "wijken", "wijkgericht*", "buurt", "buurten", "buurthuis*",
      "straat", "straten", "leefbaarheid", "openbare ruimte", "lokaal niveau",
    },
  },
  veiligheid = {
    "veiligheid", "veilig", "veilige", "onveilig*", "politie", "agent*",
    "wijkagent*", "handhav*", "boa", "boa's", "criminaliteit", "crimineel",
    "criminelen", "overlast", "inbraak", "inbraken", "geweld", "vandalisme",
    "ondermijning", "toezicht", "cameratoezicht",
  },
  werk = {
    "werk", "werkloos*", "werkloosheid", "baan", "banen", "arbeidsmarkt",
    "werkgever*", "werknemer*", "uitkering*", "bijstand", "re-integratie",
    "participatiewet", "armoede", "schuld", "schulden", "schuldhulp*",
    "inkomen*", "minima", "armoedebeleid",
  },
  onderwijs = {
    "onderwijs", "school", "scholen", "leerling*", "student*", "leraar",
    "leraren", "docent*", "opleiding*", "opgeleid", "getraind", "training*",
    "leren", "lerende", "scholing", "stage*",
  },
}
