# The argument map of the bundled corpus (scripts/arguments.lua): the outline a Dutch reader
# checks against the article, then argument errors and a user's own connectives and rules.

$ tussen run -q arguments corpus/streetwise
| # Argumentkaart
|
| ## artikel: Streetwise ambtenaren gezocht! (Toby Witte)
|
| **Hoofdclaim:** Dat vraagt om een tussenwerker: sociale professionals en ambtenaren die een ‘lerende’ houding kunnen innemen
|
| - **steunt** *(dat vraagt om)*: Wil de gemeentelijke transformatie slagen, dan moet de ambtelijke wereld zich meer vervlechten met de leefwereld van burgers
| - **steunt**: De participatiesamenleving zal vooral vorm moeten krijgen op lokaal niveau
| - **steunt**: De gedachte is dat gemeenschapszin, zelfredzaamheid en zorgzaamheid alleen dicht bij de bewoners in wijken, buurten en straten valt te organiseren en per definitie een lokaal karakter heeft
| - **steunt**: Het idee achter de decentralisaties is dat gemeenten dit effectiever en efficiënter, en vooral innovatiever kunnen aanpakken
|   - **steunt** *(omdat)*: zij hun inwoners kennen, weten wat bewoners nodig hebben en hoe ze zijn te activeren
|   - **reactie-2 steunt** *(belangrijk punt; gedeelde woorden)*: met de decentralisatie nog meer, een belangrijk punt
|     - **steunt**: Het over grenzen van disciplines kijken vergt echter veel van mensen die zich daar niet eerder mee bezig hielden
|       - **weerlegt** *(echter)*: Dit is al lange tijd
|     - **steunt**: Een breed sociaal, interdisciplinair opgeleide beleidsadviseur met ervaring in het sociaal domein kan hierin een verbindende rol spelen
|     - **steunt**: De verschillende talen behoeven toch vaak een vertaler
| - **steunt**: Samenwerken en samenhang tussen welzijnszorgsector en de gemeente zijn van belang om de participatie- en burgerkracht van bewoners te vergroten en te versterken
| - **steunt**: **§ Geen eenvoudige opgave voor de lokale politiek**
|   - **steunt**: het gemeentebestuur zich niet uitsluitend meer kan opstellen als extern orgaan boven de lokale samenleving, maar zich nadrukkelijk tot partner van de lokale samenleving behoort te ontwikkelen
|     - **steunt** *(dat betekent dat)*: Hier ligt een uitdagende en niet eenvoudige opgave voor de lokale politiek
|       - **steunt** *(want)*: het impliceert ook het delen van beslissingsmacht, het durven loslaten en overlaten aan bewoners en organisaties
|   - **steunt** *(sterker nog)*: je mag verwachten dat die overheid aansluit bij de vermogens en potenties die aanwezig zijn in de leefwereld van bewoners en bij sociale professionals
|   - **steunt**: Gemeenten en welzijnszorgorganisaties zijn daarbij afhankelijk van elkaar
|   - **steunt**: Het verbinden en vervlechten van beleid en praktijk vraagt om een ‘beleidslerende’ houding van zowel sociale professionals als van ambtenaren
|   - **steunt**: Gemeentelijk sociaal beleid en uitvoering behoren geen strikt gescheiden werelden te zijn
| - **steunt**: **§ Helaas mist een deel van de beleidsmakers praktijkkennis**
|   - **steunt**: achter de beleidstafels nogal eens normen en regels – targets  en blauwdrukken - worden voorgeschreven die in de uitvoeringspraktijk averechts uitpakken of niet haalbaar blijken te zijn
|     - **steunt** *(waardoor)*: Het ontbreekt helaas bij een deel van de beleidsmakers aan praktijkkennis en -inzichten
|     - **reactie-4 steunt** *(gedeelde woorden)*: we hebben hier te maken met (Cornelis) ‘regelsysteem logica’ die richting het ‘natuurlijk systeem’ en de ‘zelfsturende mens’ in toenemende mate faalt
|       - **steunt** *(kortom)*: het zou de auteur sieren ALLE professionals in de wijk bij beschreven proces te betrekken
|         - **steunt** *(zoals)*: wijkagenten, huisartsen, wijkverpleging, etc.
|       - **steunt** *(kortom)*: Je beperken tot professionals waar de gemeente (nu) over gaat is helpen het project te laten mislukken
|       - **steunt** *(kortom)*: Beschreven probleem is veel breder: Van zorgverzekeraars richting de eerstelijnszorg
|       - **steunt** *(kortom)*: Van de EU richting regio’s met specifieke wensen, achtergronden en wat nog meer
|       - **steunt** *(kortom)*: Het had een Brexit kunnen voorkomen
|       - **steunt** *(kortom)*: de voor de eerste lijn had het roer mogelijk niet om gehoeven
|       - **steunt** *(kortom)*: Als dat al gaat lukken
|       - **steunt**: Het is meer dan tijd daar werk van te maken
|   - **steunt**: Dat levert (on)nodige spanningen op
|     - **steunt** *(voor een deel komt dit doordat)*: de ambtenaren die veelal juridisch, bestuurskundig of bedrijfskundig zijn opgeleid, getraind en intern gesocialiseerd in het beheren en doorontwikkelen van door de overheid geregisseerde systemen om de samenleving draaiend te houden
|   - **steunt**: Het ambtelijk apparaat is gewend via managementslagen en planning & control-cycli processen te stroomlijnen en neigt snel tot het inrichten van indicatie- en categoriseringssystemen
|     - **valt aan** *(terwijl)*: de alledaagse werkelijkheid - aan de onderkant van de samenleving - er anders uitziet en weerbarstig is
|   - **steunt**: Daar is juist behoefte aan processen waarin sociale professionals de vrijheid, de ruimte, de autonomie en de verantwoordelijkheid krijgen en nemen voor de kwaliteit van hun uitvoeringspraktijk, aansluitend bij de leefwereld van de bewoners
|     - **valt aan** *(tegelijkertijd)*: mogen we ook vaststellen dat ook menig sociale professional doorgaans weinig benul heeft van het belang en de betekenis van de dynamiek van de lokale politiek en beleid
|   - **reactie-6 steunt** *(citaat)*: Ik lees “Helaas mist een deel van de beleidsmakers praktijkkennis”; vervang “een deel” met “99%”, dan kom je dichter bij de waarheid
| - **steunt**: **§ Sociale professionals en beleidsmakers moeten elkaar ruimte geven**
|   - **steunt**: Dat vraagt kennis, inzicht en benutting van elkaars expertise en netwerken
|     - **steunt** *(dat vraagt)*: Een belangrijk doel van de transformatie is de onderlinge samenwerking te versterken
|   - **steunt**: Het is idealiter een gezamenlijk proces van beleidsleren
|   - **steunt**: Beleidsleren is bij voorkeur niet een lineair leerproces ofwel informatieoverdracht tussen een gemeente en een maatschappelijke instelling maar gaat over gemeenschappelijke beeldvorming en leren in coalitieverband
|   - **steunt**: Dat vraagt van zowel ambtenaren als van sociale professionals een ander vakmanschap, namelijk die van tussenwerker
|     - **steunt** *(dat vraagt)*: sociale professionals en beleidsmakers elkaar de ruimte geven om in creatieve concurrentie een gevarieerd palet aan perspectieven, interventies en aanpakken in te brengen om bestaande praktijken en sociale beleidsprogramma’s te toetsen en te verbeteren
|       - **steunt** *(dit impliceert dat)*: Leren hoe de sociale ‘werkelijkheid’ in elkaar steekt is een gemeenschappelijk sociale activiteit, waarbij meerdere belanghebbenden elkaar moeten leren verstaan en begrijpen om zo tot een gezamenlijk gedragen denk- en handelingskader te komen
|       - **herformuleert** *(met andere woorden)*: ambtenaren moeten meer dan nu deel uitmaken van horizontale netwerken, ofwel ervaring in het veld
|       - **valt aan** *(terwijl)*: van sociale professionals meer deelname aan verticale netwerken mag worden verwacht, dat ze ervaring opdoen in het gemeentelijke apparaat
|   - **steunt**: Tussenwerkers zijn professionals met een zekere vrijheid om buiten de kokers en kaders van hun eigen organisaties te werken en elkaar te ontmoeten
| - **steunt**: **§ Streetwise T-shaped ambtenaren**
|   - **steunt**: deze kwalificaties behoren evenzeer op te gaan voor beleidsambtenaren
|     - **steunt** *(ook)*: zij moeten verbindingen leggen, innovatieve interdisciplinaire aanpakken toepassen, teamwerken, en in staat zijn de eigen vakkennis te integreren en toe te passen in andermans werkgebied
|       - **reactie-3 valt aan** *(gedeelde woorden)*: Mag je na een jarenlang beleid van aanstellingen van personeel met een flexibiliteit van een stalen schoenneus en een horizon van werkgeversloyaliteit ten faveure van de eigen baan en precies passend binnen de op dat moment geldende gecategoriseerde aanstellingsnormen verwachten dat zij belangen van Anderen (Levinas) kunnen dienen
|     - **weerlegt** *(maar)*: De sociale professional wordt verondersteld een T-shaped professional te zijn: een professional die naast specialistische competenties (verticale lijn van de T) vooral over generalistische kwaliteiten (de horizontale streep van de T) beschikt, en zich verplaatst in het referentiekader van andere professionals met diepe kennis van andere disciplines
|   - **steunt**: Er zijn streetwise T-shaped ambtenaren nodig die in en vanuit het gemeentehuis ontschot werken, het samenspel aangaan met het uitvoerende werkveld, zowel horizontaal als verticaal kunnen verbinden en sturen: inspelen op posities, verhoudingen en concrete situaties
|   - **steunt**: Stuurkracht vraagt een open en actief proces waarin de publieke werkvloer – de leefwereld van bewoners – centraal staat
|     - **reactie-1 steunt** *(gedeelde woorden)*: Betrek ook de jeugdartsen: t-shaped professionals van de publieke, preventie gezondheidszorg voor de jeugd
|       - **steunt**: Inhoudelijk deskundig over de gezonde jeugd in combinatie met beleidsmatige expertise, verbinden en versterken en veel ervaring in samenwerken in de wijk en het onderwijs
|       - **steunt**: Zij werken in de Publieke Gezondheidszorg in relatie met de gemeente en de leefwereld van ouders en kinderen
|       - **steunt**: Gezondheid van de jeugd wordt nog te vaak vergeten
| - **reactie-5 steunt** *(verwijst naar het stuk)*: Er is dus een basale cultuurverandering nodig om datgene te bereiken wat Toby Witte beschrijft
|   - **steunt**: er komt nogal wat op de locale professional af
|     - **weerlegt** *(maar)*: Een broodnodig appèl op de locale overheid om van rol te veranderen
|   - **steunt**: Wat naar mijn mening nogal onderbelicht blijft in alle veranderingen, is de psyche van de mens en deceffecten van het politieke bestel
|   - **steunt**: Locale bestuurders hebben een tijdshorizon van 4 jaar: 1 jaar wennen, 2 jaar besturen, 1 jaar campagne voeren
|   - **steunt**: Gechargeerd
|   - **steunt**: door de bank genomen een vuistregel die behoorlijk opgaat
|     - **weerlegt** *(maar)*: Wellicht
|   - **steunt**: moeten zaken vooral zo geregeld worden dat als er iets gebeurt, er vooral gezegd kan worden: het lag niet aan mij of aan ons
|     - **steunt** *(en dus)*: in die jaren wil je liefst goede dingen bereiken en niet te vaak de krant halen op een manier die je liever een ander ziet overkomen
|   - **steunt**: de locale overheid heel makkelijk, standaard in een verdedigende houding zit en de angst regeert
|     - **steunt** *(dit heeft tot gevolg dat)*: Deze schuldig/niet schuldig basishouding verziekt veel ontwikkelingen tot op het bot
|   - **steunt**: Dit verlamt datgene wat Toby Witte beschrijft
|     - **steunt** *(want)*: oh wee, wie heeft het nu gedaan als het fout gaat
|   - **steunt** *(dus)*: Dan is het toch veel makkelijker om een consultantsclub adviezen te laten geven
|     - **steunt** *(want)*: dan is er immers alles aan gedaan om er iets van te maken
|   - **steunt**: Een cultuur waarin ook de pers er niet als een aasgier opafduikt als blijkt dat dingen nog beter hadden kunnen worden bedacht en uitgevoerd
|   - **steunt**: Waarin de afrekencultuur verandert in ruimte voor groei
|   - **steunt**: Daar zijn mannen en vrouwen met moed voor nodig die met visie en daadkracht, de verbindingen leggen die nodig zijn om streetwise ambtenaren hun werk te laten doen
| - **reactie-7 steunt** *(verwijst naar het stuk)*: Dit artikel is pure promotie van mijn cv/profiel
|   - **steunt**: Dank daarvoor
|   - **steunt**: Veel gemeentes en detacheerders waren er de afgelopen maanden helaas nog niet aan toe om mensen als mij aan te durven nemen als puntje bij paaltje kwam
|   - **steunt**: Weldra zijn de integraal handelende en denkende praktijkprofessionals niet aan te slepen, als de lokale overheid een stukje zekerheid op wil geven

$ tussen run -q arguments --arg output=graph corpus/streetwise
! tussen: --arg output=graph: expected one of: outline, dot, aif, json
! Try 'tussen run --help'.
? 2

$ printf 'phrase\tsense\tdirection\tposition\tclause\nwant\treden\tmarked-supports-other\tclause\tmain\n' > $T/bad.tsv
> tussen run -q arguments --arg connectives=$T/bad.tsv corpus/streetwise 2>$T/err; echo "exit $?"; head -n 1 $T/err
| exit 1
| tussen: $T/bad.tsv:2: connective 'want': bad sense 'reden' (one of: addition, agree, claim, concession, conclusion, condition, contrast, disagree, example, objection, reason, reference, restatement, result, summary)

$ printf 'return {connectives = {}, regels = {}}\n' > $T/bad-rules.lua
> tussen run -q arguments --arg rules=$T/bad-rules.lua corpus/streetwise 2>$T/err; echo "exit $?"; head -n 1 $T/err
| exit 1
| tussen: $T/bad-rules.lua: unknown key 'regels' (expected connectives, rules)

$ cat > $T/rules.lua <<'LUA'
> -- A user's rules: "vervang X met Y" corrects the text it answers, so it counts as a contrast.
> return {
>   connectives = {
>     {phrase = "vervang", sense = "contrast", direction = "marked-attacks-other",
>      position = "clause", clause = "adv"},
>   },
> }
> LUA
> tussen run -q -f json arguments --arg rules=$T/rules.lua --arg output=json corpus/streetwise | grep -c '"marker": "vervang"'
| 2
