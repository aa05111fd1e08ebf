# The keywords report on the bundled corpus: every section in every format,
# the arguments that change what is counted, and the errors a user can make.
# Counts were checked against the text by hand (grep on the text fields):
# professionals 13, sociale 13, ambtenaren 8, T-shaped 3 + t-shaped 1.

$ tussen run -q keywords corpus/streetwise
| == summary ==
| documents: 8
| sentences: 80
| tokens:    1619
| counted:   1446
| types:     491
| by:        norm
| n:         1
| stopwords: on
| group:     kind
|
| == top_terms ==
| rank  term           form           count  docs  per_million      dp
| ----  -------------  -------------  -----  ----  -----------  ------
|    1  professionals  professionals     13     3      8990.32  0.3195
|    2  sociale        sociale           13     1      8990.32  0.4461
|    3  ambtenaren     ambtenaren         8     2       5532.5  0.3211
|    4  bewoners       bewoners           7     1      4840.94  0.4461
|    5  deel           deel               6     2      4149.38  0.4315
|    6  lokale         lokale             6     2      4149.38  0.4053
|    7  beleidsmakers  beleidsmakers      5     2      3457.81  0.4315
|    8  leefwereld     leefwereld         5     2      3457.81  0.4004
|    9  nodig          nodig              5     2      3457.81  0.4098
|   10  overheid       overheid           5     3      3457.81   0.369
|   11  professional   professional       5     2      3457.81  0.2559
|   12  vraagt         vraagt             5     1      3457.81  0.4461
|   13  beleid         beleid             4     2      2766.25  0.4129
|   14  ervaring       ervaring           4     3      2766.25  0.4136
|   15  gemeente       gemeente           4     3      2766.25  0.3734
|   16  geven          geven              4     3      2766.25   0.269
|   17  helaas         helaas             4     3      2766.25  0.4447
|   18  jaar           jaar               4     1      2766.25  0.8098
|   19  locale         locale             4     1      2766.25  0.8098
|   20  ruimte         ruimte             4     2      2766.25  0.2559
|
| == groups ==
| group    rank  term             count  docs  per_million
| -------  ----  ---------------  -----  ----  -----------
| article     1  sociale             13     1     16229.71
| article     2  professionals       10     1     12484.39
| article     3  ambtenaren           7     1      8739.08
| article     4  bewoners             7     1      8739.08
| article     5  lokale               5     1       6242.2
| article     6  vraagt               5     1       6242.2
| article     7  beleidsmakers        4     1      4993.76
| article     8  deel                 4     1      4993.76
| article     9  leefwereld           4     1      4993.76
| article    10  professional         4     1      4993.76
| article    11  samenleving          4     1      4993.76
| article    12  aanpakken            3     1      3745.32
| article    13  beleid               3     1      3745.32
| article    14  leren                3     1      3745.32
| article    15  netwerken            3     1      3745.32
| article    16  politiek             3     1      3745.32
| article    17  ruimte               3     1      3745.32
| article    18  t-shaped             3     1      3745.32
| article    19  apparaat             2     1      2496.88
| article    20  behoren              2     1      2496.88
| comment     1  jaar                 4     1      6201.55
| comment     2  locale               4     1      6201.55
| comment     3  jeugd                3     1      4651.16
| comment     4  maken                3     2      4651.16
| comment     5  nodig                3     1      4651.16
| comment     6  overheid             3     2      4651.16
| comment     7  professionals        3     2      4651.16
| comment     8  richting             3     1      4651.16
| comment     9  bereiken             2     1      3100.78
| comment    10  beschreven           2     1      3100.78
| comment    11  beschrijft           2     1      3100.78
| comment    12  deel                 2     1      3100.78
| comment    13  dingen               2     1      3100.78
| comment    14  ervaring             2     2      3100.78
| comment    15  gemeente             2     2      3100.78
| comment    16  geven                2     2      3100.78
| comment    17  gezondheidszorg      2     1      3100.78
| comment    18  helaas               2     2      3100.78
| comment    19  mens                 2     2      3100.78
| comment    20  mensen               2     2      3100.78
|
| == documents ==
| doc        rank  term                count
| ---------  ----  ------------------  -----
| artikel       1  sociale                13
| artikel       2  professionals          10
| artikel       3  ambtenaren              7
| artikel       4  bewoners                7
| artikel       5  lokale                  5
| reactie-1     1  jeugd                   3
| reactie-1     2  gezondheidszorg         2
| reactie-1     3  publieke                2
| reactie-1     4  beleidsmatige           1
| reactie-1     5  betrek                  1
| reactie-2     1  sociaal                 2
| reactie-2     2  behoeven                1
| reactie-2     3  belangrijk              1
| reactie-2     4  beleidsadviseur         1
| reactie-2     5  bezig                   1
| reactie-3     1  aanstellingen           1
| reactie-3     2  aanstellingsnormen      1
| reactie-3     3  baan                    1
| reactie-3     4  belangen                1
| reactie-3     5  beleid                  1
| reactie-4     1  richting                3
| reactie-4     2  beschreven              2
| reactie-4     3  maken                   2
| reactie-4     4  professionals           2
| reactie-4     5  achtergronden           1
| reactie-5     1  jaar                    4
| reactie-5     2  locale                  4
| reactie-5     3  nodig                   3
| reactie-5     4  bereiken                2
| reactie-5     5  beschrijft              2
| reactie-6     1  deel                    2
| reactie-6     2  beleidsmakers           1
| reactie-6     3  dichter                 1
| reactie-6     4  helaas                  1
| reactie-6     5  kom                     1
| reactie-7     1  afgelopen               1
| reactie-7     2  artikel                 1
| reactie-7     3  cv/profiel              1
| reactie-7     4  dank                    1
| reactie-7     5  denkende                1
|
| == keyness ==
| target   reference  term             freq  ref_freq  docs       g2        p  log_ratio  pct_diff
| -------  ---------  ---------------  ----  --------  ----  -------  -------  ---------  --------
| comment  article    jaar                4         0     1   6.4584    0.011     3.3125
| comment  article    locale              4         0     1   6.4584    0.011     3.3125
| comment  article    jeugd               3         0     1   4.8438   0.0277     2.8975
| comment  article    maken               3         0     2   4.8438   0.0277     2.8975
| comment  article    richting            3         0     1   4.8438   0.0277     2.8975
| comment  article    bereiken            2         0     1   3.2292   0.0723     2.3125
| comment  article    beschreven          2         0     1   3.2292   0.0723     2.3125
| comment  article    beschrijft          2         0     1   3.2292   0.0723     2.3125
| comment  article    dingen              2         0     1   3.2292   0.0723     2.3125
| comment  article    gezondheidszorg     2         0     1   3.2292   0.0723     2.3125
| comment  article    mens                2         0     2   3.2292   0.0723     2.3125
| comment  article    mensen              2         0     2   3.2292   0.0723     2.3125
| comment  article    rol                 2         0     2   3.2292   0.0723     2.3125
| comment  article    tijd                2         0     2   3.2292   0.0723     2.3125
| comment  article    toby                2         0     1   3.2292   0.0723     2.3125
| comment  article    werk                2         0     2   3.2292   0.0723     2.3125
| comment  article    wijk                2         0     2   3.2292   0.0723     2.3125
| comment  article    witte               2         0     1   3.2292   0.0723     2.3125
| comment  article    publieke            2         1     1   0.5915   0.4418     1.3125    148.37
| comment  article    sociaal             2         1     1   0.5915   0.4418     1.3125    148.37
| article  comment    sociale            13         0     1  15.3581  8.9e-05     4.3879
| article  comment    bewoners            7         0     1   8.2697    0.004     3.4949
| article  comment    vraagt              5         0     1    5.907   0.0151     3.0094
| article  comment    samenleving         4         0     1   4.7256   0.0297     2.6875
| article  comment    ambtenaren          7         1     1    3.856   0.0496     2.4949    463.67
| article  comment    aanpakken           3         0     1   3.5442   0.0598     2.2725
| article  comment    leren               3         0     1   3.5442   0.0598     2.2725
| article  comment    netwerken           3         0     1   3.5442   0.0598     2.2725
| article  comment    politiek            3         0     1   3.5442   0.0598     2.2725
| article  comment    professionals      10         3     1   2.6124    0.106     1.4245    168.41
| article  comment    apparaat            2         0     1   2.3628   0.1243     1.6875
| article  comment    behoren             2         0     1   2.3628   0.1243     1.6875
| article  comment    belang              2         0     1   2.3628   0.1243     1.6875
| article  comment    beleidsleren        2         0     1   2.3628   0.1243     1.6875
| article  comment    eenvoudige          2         0     1   2.3628   0.1243     1.6875
| article  comment    gemeentelijke       2         0     1   2.3628   0.1243     1.6875
| article  comment    gemeenten           2         0     1   2.3628   0.1243     1.6875
| article  comment    gezamenlijk         2         0     1   2.3628   0.1243     1.6875
| article  comment    horizontale         2         0     1   2.3628   0.1243     1.6875
| article  comment    impliceert          2         0     1   2.3628   0.1243     1.6875
|
| == collocations ==
| node           rank  collocate       freq  coll_freq  logdice      mi       ll
| -------------  ----  --------------  ----  ---------  -------  ------  -------
| professionals     1  sociale            8         13  13.2996   6.097  64.4979
| professionals     2  ruimte             3          4  12.4975  6.3824  24.5314
| professionals     3  ambtenaren         3          8  12.1926  5.3824  18.5008
| professionals     4  tussenwerker       2          2  12.0931  6.7974  19.1685
| professionals     5  vrijheid           2          2  12.0931  6.7974  19.1685
| sociale           1  professionals      8         13  13.2996   6.097  64.4979
| sociale           2  ambtenaren         4          8  12.6077  5.7974  28.0225
| sociale           3  steekt             2          1  12.1926  7.7974  19.1685
| sociale           4  t-shaped           2          4  11.9125  5.7974  13.6539
| sociale           5  beleidsmakers      2          5  11.8301  5.4755  12.4843
| ambtenaren        1  streetwise         3          3  13.1255  7.4979  32.4764
| ambtenaren        2  sociale            4         13  12.6077  5.7974  28.0225
| ambtenaren        3  t-shaped           2          4   12.415  6.4979   15.805
| ambtenaren        4  nodig              2          5  12.2996  6.1759  14.6284
| ambtenaren        5  deel               2          6  12.1926  5.9129  13.7287
| bewoners          1  leefwereld         3          5       13  6.9535  26.7817
| deel              1  praktijkkennis     4          3  13.8301  8.3279  47.4729
| deel              2  beleidsmakers      4          5  13.5406   7.591  42.4716
| deel              3  helaas             3          4   13.263  7.4979  30.2492
| deel              4  vervang            2          1  13.1926  8.9129  22.6927
| deel              5  mist               2          2       13  7.9129  22.6927
|
| == kwic ==
| keyword  doc        left                                      match   right
| -------  ---------  ----------------------------------------  ------  ---------------------------------------
| maken    reactie-4  Kortom; we hebben hier te                 maken   met (Cornelis) ‘regelsysteem
| maken    reactie-4  dan tijd daar werk van te                 maken   .
| maken    reactie-5  gedaan om er iets van te                  maken   . Er is dus een basale
| mens     reactie-4  systeem’ en de ‘zelfsturende              mens    ’ in toenemende mate faalt.
| mens     reactie-5  , is de psyche van de                     mens    en deceffecten van het politieke bestel
| mensen   reactie-2  disciplines kijken vergt echter veel van  mensen  die zich daar niet eerder mee
| mensen   reactie-7  helaas nog niet aan toe om                mensen  als mij aan te durven nemen

$ tussen run -q keywords --format json --arg top=3 --arg doc_top=1 --arg collocations=1 --arg kwic=1 --arg lines=2 corpus/streetwise
| {
|   "summary": {
|     "documents": 8,
|     "sentences": 80,
|     "tokens": 1619,
|     "counted": 1446,
|     "types": 491,
|     "by": "norm",
|     "n": 1,
|     "stopwords": "on",
|     "group": "kind"
|   },
|   "top_terms": [
|     {
|       "rank": 1,
|       "term": "professionals",
|       "form": "professionals",
|       "count": 13,
|       "docs": 3,
|       "per_million": 8990.32,
|       "dp": 0.3195
|     },
|     {
|       "rank": 2,
|       "term": "sociale",
|       "form": "sociale",
|       "count": 13,
|       "docs": 1,
|       "per_million": 8990.32,
|       "dp": 0.4461
|     },
|     {
|       "rank": 3,
|       "term": "ambtenaren",
|       "form": "ambtenaren",
|       "count": 8,
|       "docs": 2,
|       "per_million": 5532.5,
|       "dp": 0.3211
|     }
|   ],
|   "groups": [
|     {
|       "group": "article",
|       "rank": 1,
|       "term": "sociale",
|       "count": 13,
|       "docs": 1,
|       "per_million": 16229.71
|     },
|     {
|       "group": "article",
|       "rank": 2,
|       "term": "professionals",
|       "count": 10,
|       "docs": 1,
|       "per_million": 12484.39
|     },
|     {
|       "group": "article",
|       "rank": 3,
|       "term": "ambtenaren",
|       "count": 7,
|       "docs": 1,
|       "per_million": 8739.08
|     },
|     {
|       "group": "comment",
|       "rank": 1,
|       "term": "jaar",
|       "count": 4,
|       "docs": 1,
|       "per_million": 6201.55
|     },
|     {
|       "group": "comment",
|       "rank": 2,
|       "term": "locale",
|       "count": 4,
|       "docs": 1,
|       "per_million": 6201.55
|     },
|     {
|       "group": "comment",
|       "rank": 3,
|       "term": "jeugd",
|       "count": 3,
|       "docs": 1,
|       "per_million": 4651.16
|     }
|   ],
|   "documents": [
|     {
|       "doc": "artikel",
|       "rank": 1,
|       "term": "sociale",
|       "count": 13
|     },
|     {
|       "doc": "reactie-1",
|       "rank": 1,
|       "term": "jeugd",
|       "count": 3
|     },
|     {
|       "doc": "reactie-2",
|       "rank": 1,
|       "term": "sociaal",
|       "count": 2
|     },
|     {
|       "doc": "reactie-3",
|       "rank": 1,
|       "term": "aanstellingen",
|       "count": 1
|     },
|     {
|       "doc": "reactie-4",
|       "rank": 1,
|       "term": "richting",
|       "count": 3
|     },
|     {
|       "doc": "reactie-5",
|       "rank": 1,
|       "term": "jaar",
|       "count": 4
|     },
|     {
|       "doc": "reactie-6",
|       "rank": 1,
|       "term": "deel",
|       "count": 2
|     },
|     {
|       "doc": "reactie-7",
|       "rank": 1,
|       "term": "afgelopen",
|       "count": 1
|     }
|   ],
|   "keyness": [
|     {
|       "target": "comment",
|       "reference": "article",
|       "term": "jaar",
|       "freq": 4,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 6.4584,
|       "p": 0.011043,
|       "log_ratio": 3.3125,
|       "pct_diff": null
|     },
|     {
|       "target": "comment",
|       "reference": "article",
|       "term": "locale",
|       "freq": 4,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 6.4584,
|       "p": 0.011043,
|       "log_ratio": 3.3125,
|       "pct_diff": null
|     },
|     {
|       "target": "comment",
|       "reference": "article",
|       "term": "jeugd",
|       "freq": 3,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 4.8438,
|       "p": 0.027745,
|       "log_ratio": 2.8975,
|       "pct_diff": null
|     },
|     {
|       "target": "article",
|       "reference": "comment",
|       "term": "sociale",
|       "freq": 13,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 15.3581,
|       "p": 8.9e-05,
|       "log_ratio": 4.3879,
|       "pct_diff": null
|     },
|     {
|       "target": "article",
|       "reference": "comment",
|       "term": "bewoners",
|       "freq": 7,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 8.2697,
|       "p": 0.004031,
|       "log_ratio": 3.4949,
|       "pct_diff": null
|     },
|     {
|       "target": "article",
|       "reference": "comment",
|       "term": "vraagt",
|       "freq": 5,
|       "ref_freq": 0,
|       "docs": 1,
|       "g2": 5.907,
|       "p": 0.015081,
|       "log_ratio": 3.0094,
|       "pct_diff": null
|     }
|   ],
|   "collocations": [
|     {
|       "node": "professionals",
|       "rank": 1,
|       "collocate": "sociale",
|       "freq": 8,
|       "coll_freq": 13,
|       "logdice": 13.2996,
|       "mi": 6.097,
|       "ll": 64.4979
|     },
|     {
|       "node": "professionals",
|       "rank": 2,
|       "collocate": "ruimte",
|       "freq": 3,
|       "coll_freq": 4,
|       "logdice": 12.4975,
|       "mi": 6.3824,
|       "ll": 24.5314
|     },
|     {
|       "node": "professionals",
|       "rank": 3,
|       "collocate": "ambtenaren",
|       "freq": 3,
|       "coll_freq": 8,
|       "logdice": 12.1926,
|       "mi": 5.3824,
|       "ll": 18.5008
|     },
|     {
|       "node": "professionals",
|       "rank": 4,
|       "collocate": "tussenwerker",
|       "freq": 2,
|       "coll_freq": 2,
|       "logdice": 12.0931,
|       "mi": 6.7974,
|       "ll": 19.1685
|     },
|     {
|       "node": "professionals",
|       "rank": 5,
|       "collocate": "vrijheid",
|       "freq": 2,
|       "coll_freq": 2,
|       "logdice": 12.0931,
|       "mi": 6.7974,
|       "ll": 19.1685
|     }
|   ],
|   "kwic": [
|     {
|       "keyword": "jaar",
|       "doc": "reactie-5",
|       "left": "bestuurders hebben een tijdshorizon van 4",
|       "match": "jaar",
|       "right": ": 1 jaar wennen, 2"
|     },
|     {
|       "keyword": "jaar",
|       "doc": "reactie-5",
|       "left": "tijdshorizon van 4 jaar: 1",
|       "match": "jaar",
|       "right": "wennen, 2 jaar besturen,"
|     }
|   ]
| }

$ tussen run -q keywords --format csv --table keyness --arg top=5 corpus/streetwise
| target,reference,term,freq,ref_freq,docs,g2,p,log_ratio,pct_diff
| comment,article,jaar,4,0,1,6.4584,0.011043,3.3125,
| comment,article,locale,4,0,1,6.4584,0.011043,3.3125,
| comment,article,jeugd,3,0,1,4.8438,0.027745,2.8975,
| comment,article,maken,3,0,2,4.8438,0.027745,2.8975,
| comment,article,richting,3,0,1,4.8438,0.027745,2.8975,
| article,comment,sociale,13,0,1,15.3581,8.9e-05,4.3879,
| article,comment,bewoners,7,0,1,8.2697,0.004031,3.4949,
| article,comment,vraagt,5,0,1,5.907,0.015081,3.0094,
| article,comment,samenleving,4,0,1,4.7256,0.029717,2.6875,
| article,comment,ambtenaren,7,1,1,3.856,0.049568,2.4949,463.67

$ tussen run -q keywords --format md --arg by=stem --arg top=5 --arg doc_top=2 --arg collocations=2 --arg kwic=1 --arg lines=2 corpus/streetwise
| ## summary
|
| - documents: 8
| - sentences: 80
| - tokens: 1619
| - counted: 1446
| - types: 455
| - by: stem
| - n: 1
| - stopwords: on
| - group: kind
|
| ## top_terms
|
| | rank | term | form | count | docs | per_million | dp |
| | ---: | --- | --- | ---: | ---: | ---: | ---: |
| | 1 | professional | professionals | 18 | 4 | 12448.13 | 0.2639 |
| | 2 | social | sociale | 13 | 1 | 8990.32 | 0.4461 |
| | 3 | gemeent | gemeente | 9 | 3 | 6224.07 | 0.3195 |
| | 4 | ambtenar | ambtenaren | 8 | 2 | 5532.5 | 0.3211 |
| | 5 | lokal | lokale | 8 | 2 | 5532.5 | 0.4053 |
|
| ## groups
|
| | group | rank | term | count | docs | per_million |
| | --- | ---: | --- | ---: | ---: | ---: |
| | article | 1 | professional | 14 | 1 | 17478.15 |
| | article | 2 | social | 13 | 1 | 16229.71 |
| | article | 3 | ambtenar | 7 | 1 | 8739.08 |
| | article | 4 | bewoner | 7 | 1 | 8739.08 |
| | article | 5 | gemeent | 7 | 1 | 8739.08 |
| | comment | 1 | jar | 5 | 1 | 7751.94 |
| | comment | 2 | local | 4 | 1 | 6201.55 |
| | comment | 3 | professional | 4 | 3 | 6201.55 |
| | comment | 4 | jeugd | 3 | 1 | 4651.16 |
| | comment | 5 | mak | 3 | 2 | 4651.16 |
|
| ## documents
|
| | doc | rank | term | count |
| | --- | ---: | --- | ---: |
| | artikel | 1 | professional | 14 |
| | artikel | 2 | social | 13 |
| | reactie-1 | 1 | jeugd | 3 |
| | reactie-1 | 2 | gezond | 2 |
| | reactie-2 | 1 | sociaal | 2 |
| | reactie-2 | 2 | behoev | 1 |
| | reactie-3 | 1 | aanstell | 1 |
| | reactie-3 | 2 | aanstellingsnorm | 1 |
| | reactie-4 | 1 | richting | 3 |
| | reactie-4 | 2 | beschrev | 2 |
| | reactie-5 | 1 | jar | 5 |
| | reactie-5 | 2 | local | 4 |
| | reactie-6 | 1 | del | 2 |
| | reactie-6 | 2 | beleidsmaker | 1 |
| | reactie-7 | 1 | afgelop | 1 |
| | reactie-7 | 2 | artikel | 1 |
|
| ## keyness
|
| | target | reference | term | freq | ref_freq | docs | g2 | p | log_ratio | pct_diff |
| | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| | comment | article | jar | 5 | 0 | 1 | 8.0731 | 0.0045 | 3.6344 |  |
| | comment | article | local | 4 | 0 | 1 | 6.4584 | 0.011 | 3.3125 |  |
| | comment | article | jeugd | 3 | 0 | 1 | 4.8438 | 0.0277 | 2.8975 |  |
| | comment | article | mak | 3 | 0 | 2 | 4.8438 | 0.0277 | 2.8975 |  |
| | comment | article | richting | 3 | 0 | 1 | 4.8438 | 0.0277 | 2.8975 |  |
| | article | comment | social | 13 | 0 | 1 | 15.3581 | 8.9e-05 | 4.3879 |  |
| | article | comment | bewoner | 7 | 0 | 1 | 8.2697 | 0.004 | 3.4949 |  |
| | article | comment | vraagt | 5 | 0 | 1 | 5.907 | 0.0151 | 3.0094 |  |
| | article | comment | samenlev | 4 | 0 | 1 | 4.7256 | 0.0297 | 2.6875 |  |
| | article | comment | professional | 14 | 4 | 1 | 3.9285 | 0.0475 | 1.4949 | 181.84 |
|
| ## collocations
|
| | node | rank | collocate | freq | coll_freq | logdice | mi | ll |
| | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |
| | professional | 1 | social | 10 | 13 | 13.3677 | 5.9494 | 80.6677 |
| | professional | 2 | t-shaped | 5 | 4 | 12.8625 | 6.6499 | 45.3836 |
| | professional | 3 | ambtenar | 4 | 8 | 12.2996 | 5.3279 | 25.0294 |
| | professional | 4 | tussenwerker | 3 | 3 | 12.1926 | 6.3279 | 26.8412 |
| | professional | 5 | ruimt | 3 | 4 | 12.1255 | 5.9129 | 22.3635 |
| | social | 1 | professional | 10 | 18 | 13.3677 | 5.9494 | 80.6677 |
| | social | 2 | ambtenar | 4 | 8 | 12.6077 | 5.7974 | 28.0225 |
| | social | 3 | steekt | 2 | 1 | 12.1926 | 7.7974 | 19.1685 |
| | social | 4 | t-shaped | 2 | 4 | 11.9125 | 5.7974 | 13.6539 |
| | social | 5 | beleidsmaker | 2 | 5 | 11.8301 | 5.4755 | 12.4843 |
|
| ## kwic
|
| | keyword | doc | left | match | right |
| | --- | --- | --- | --- | --- |
| | mak | reactie-4 | Kortom; we hebben hier te | maken | met (Cornelis) ‘regelsysteem |
| | mak | reactie-4 | dan tijd daar werk van te | maken | . |

$ tussen run -q keywords --format csv --table top_terms --arg n=2 --arg top=6 corpus/streetwise
| rank,term,form,count,docs,per_million,dp
| 1,sociale professionals,sociale professionals,8,1,5532.5,
| 2,lokale politiek,lokale politiek,3,1,2074.69,
| 3,beleidsmakers praktijkkennis,beleidsmakers praktijkkennis,2,2,1383.13,
| 4,eenvoudige opgave,eenvoudige opgave,2,1,1383.13,
| 5,helaas mist,helaas mist,2,2,1383.13,
| 6,locale overheid,locale overheid,2,1,1383.13,

$ tussen run -q keywords --format csv --table top_terms --arg by=form --arg min=3 --arg top=8 --arg no_stopwords=true corpus/streetwise
| rank,term,form,count,docs,per_million,dp
| 1,de,de,80,8,55325.03,0.0964
| 2,en,en,70,6,48409.41,0.229
| 3,van,van,53,8,36652.84,0.1829
| 4,een,een,39,7,26970.95,0.1572
| 5,te,te,33,5,22821.58,0.1122
| 6,in,in,26,5,17980.64,0.1467
| 7,het,het,25,5,17289.07,0.1289
| 8,is,is,18,5,12448.13,0.1473

# Grouping by another field, and two groups named by the user.
$ tussen run -q keywords --format csv --table groups --arg group=id --arg top=2 corpus/streetwise
| group,rank,term,count,docs,per_million
| artikel,1,sociale,13,1,16229.71
| artikel,2,professionals,10,1,12484.39
| reactie-1,1,jeugd,3,1,45454.55
| reactie-1,2,gezondheidszorg,2,1,30303.03
| reactie-2,1,sociaal,2,1,33898.31
| reactie-4,1,richting,3,1,25641.03
| reactie-4,2,beschreven,2,1,17094.02
| reactie-5,1,jaar,4,1,14545.45
| reactie-5,2,locale,4,1,14545.45
| reactie-6,1,deel,2,1,95238.1

$ tussen run -q keywords --format csv --table keyness --arg group=id --arg target=reactie-5 --arg reference=artikel --arg top=4 corpus/streetwise
| target,reference,term,freq,ref_freq,docs,g2,p,log_ratio,pct_diff
| reactie-5,artikel,jaar,4,0,1,10.9139,0.000954,4.5424,
| reactie-5,artikel,locale,4,0,1,10.9139,0.000954,4.5424,
| reactie-5,artikel,bereiken,2,0,1,5.4569,0.019491,3.5424,
| reactie-5,artikel,beschrijft,2,0,1,5.4569,0.019491,3.5424,
| artikel,reactie-5,sociale,13,0,1,7.6738,0.005603,3.1581,
| artikel,reactie-5,professionals,10,0,1,5.9029,0.015116,2.7796,
| artikel,reactie-5,bewoners,7,0,1,4.132,0.042079,2.265,
| artikel,reactie-5,lokale,5,0,1,2.9514,0.085801,1.7796,

# Against a reference corpus.
$ tussen run -q keywords --format csv --table keyness --arg reference_corpus=tests/data/keywords/reference.jsonl --arg top=4 corpus/streetwise
| target,reference,term,freq,ref_freq,docs,g2,p,log_ratio,pct_diff
| corpus,tests/data/keywords/reference.jsonl,deel,6,0,2,0.5118,0.474381,-0.9356,
| corpus,tests/data/keywords/reference.jsonl,lokale,6,0,2,0.5118,0.474381,-0.9356,
| corpus,tests/data/keywords/reference.jsonl,beleidsmakers,5,0,2,0.4265,0.513731,-1.1986,
| corpus,tests/data/keywords/reference.jsonl,leefwereld,5,0,2,0.4265,0.513731,-1.1986,

# A user's extra stopwords.
$ printf '# mine\nprofessionals\nsociale\n' > $T/extra.txt
$ tussen run -q keywords --format csv --table top_terms --arg extra_stopwords=$T/extra.txt --arg top=3 corpus/streetwise
| rank,term,form,count,docs,per_million,dp
| 1,ambtenaren,ambtenaren,8,2,5532.5,0.3211
| 2,bewoners,bewoners,7,1,4840.94,0.4461
| 3,deel,deel,6,2,4149.38,0.4315

# Mistakes.
$ tussen run -q keywords --arg target=opinie --arg reference=article corpus/streetwise
! tussen: keywords: no group 'opinie' in field 'kind' (groups: article, comment)
! traceback:
!   scripts/keywords.lua:46: in upvalue 'pick_pair'
!   scripts/keywords.lua:258: in function 'run'
? 1

$ tussen run -q keywords --arg target=comment corpus/streetwise
! tussen: keywords: give both --arg target=GROUP and --arg reference=GROUP
! traceback:
!   scripts/keywords.lua:40: in upvalue 'pick_pair'
!   scripts/keywords.lua:258: in function 'run'
? 1

$ tussen run -q keywords --arg by=lemma corpus/streetwise
! tussen: --arg by=lemma: expected one of: form, norm, stem
! Try 'tussen run --help'.
? 2

$ tussen run -q keywords --arg stopwords=$T/none.txt corpus/streetwise
! tussen: --arg stopwords=$T/none.txt: cannot read '$T/none.txt': No such file or directory
! Try 'tussen run --help'.
? 2

$ tussen run -q keywords --arg top=-1 corpus/streetwise
! tussen: keywords: top must be 0 or more
! traceback:
!   scripts/keywords.lua:189: in function 'run'
? 1
