# The HTML writer (--format html): one self-contained page. Widgets (bar
# chart, marked text, graph) from a script of our own, so the expected page
# does not move when the analyses are tuned. TUSSEN_DOT=none: the graph is
# shown as its outline whether or not Graphviz is installed here.

$ TUSSEN_DOT=none tussen run -q tests/data/html/widgets.lua --format html corpus/streetwise
| <!DOCTYPE html>
| <html lang="nl">
| <head>
| <meta charset="utf-8">
| <meta name="viewport" content="width=device-width, initial-scale=1">
| <meta name="generator" content="tussen">
| <title>Widgets &amp; &lt;tekens&gt;</title>
| <style>
| :root{color-scheme:light}
| body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1a1a1a;background:#fff}
| main{max-width:64rem;margin:0 auto;padding:1rem}
| h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.3rem;border-bottom:2px solid #1a1a1a;margin-top:2rem}h3{font-size:1.1rem}h4,h5,h6{font-size:1rem}
| dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dl.fields dt{font-weight:600}dl.fields dd{margin:0;overflow-wrap:anywhere}
| .table-wrap{overflow-x:auto;margin:.5rem 0 1rem;max-width:100%}
| table{border-collapse:collapse;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0;caption-side:top}
| th,td{border:1px solid #767676;padding:.25rem .5rem;vertical-align:top;text-align:left}thead th{background:#e8e8e8}tbody th{font-weight:normal;background:#f6f6f6}
| td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
| td.text{min-width:16rem;max-width:40rem}
| ul.in-cell{margin:0;padding-left:1rem}
| figure{margin:1rem 0}figcaption{font-weight:600}
| .chart>svg{width:100%;max-width:40rem;height:auto}
| .chart svg text{font:13px system-ui,'DejaVu Sans',sans-serif;fill:#1a1a1a}
| mark{color:inherit;padding:0 .1em;border-radius:2px}
| mark.pos{background:#d6e9ff;border-bottom:2px solid #0b4f8a}
| mark.neg{background:#ffe1d6;border-bottom:2px dashed #8a1f0b}
| mark.zero{background:#eee;border-bottom:2px dotted #555}
| mark sup{font-size:.7em;font-weight:700;margin-left:.1em}
| .graph{overflow:auto;max-height:80vh;border:1px solid #ccc}.graph svg{height:auto}
| .outline ul{padding-left:1.2rem}.outline li{margin:.2rem 0}
| pre{white-space:pre-wrap;overflow-wrap:anywhere}
| .legend{font-size:.9rem}
| @media (max-width:40rem){main{padding:.5rem}td.text{min-width:12rem}}
| @media print{.graph{max-height:none}}
| </style>
| </head>
| <body>
| <main>
| <h1>Widgets &amp; &lt;tekens&gt;</h1>
| <section aria-labelledby="s1">
| <h2 id="s1">rows</h2>
| <div class="table-wrap" role="region" aria-labelledby="t2" tabindex="0">
| <table>
| <caption id="t2">rows (2 rijen)</caption>
| <thead><tr><th scope="col">term</th><th scope="col" class="num">count</th><th scope="col" class="num">share</th><th scope="col">tags</th></tr></thead>
| <tbody>
| <tr><th scope="row">café</th><td class="num">3</td><td class="num">0.25</td><td class="text"><ul class="in-cell"><li>a</li><li>b</li></ul></td></tr>
| <tr><th scope="row">&lt;b&gt;</th><td class="num">12</td><td class="num">0.3333</td><td class="text"></td></tr>
| </tbody>
| </table>
| </div>
| </section>
| <section aria-labelledby="s3">
| <h2 id="s3">fields</h2>
| <dl class="fields">
| <dt>documents</dt><dd>2</dd>
| <dt>format</dt><dd>html</dd>
| </dl>
| </section>
| <figure class="chart">
| <figcaption id="c4">Keyness</figcaption>
| <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 74" width="480" height="74" role="img" aria-labelledby="c4">
| <defs><pattern id="c4p0" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1f4e79"/></pattern><pattern id="c4p1" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f6d0c4"/><path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#8a1f0b" stroke-width="2"/></pattern></defs>
| <g><text x="182" y="18" text-anchor="end">goed</text><rect x="311.5" y="6" width="112.5" height="16" fill="url(#c4p0)" stroke="#1a1a1a" stroke-width="1"/><text x="428.0" y="18">2.5</text></g>
| <g><text x="182" y="40" text-anchor="end">een heel erg lang woo…</text><rect x="311.5" y="28" width="45.0" height="16" fill="url(#c4p0)" stroke="#1a1a1a" stroke-width="1"/><text x="360.5" y="40">1</text></g>
| <g><text x="182" y="62" text-anchor="end">duur</text><rect x="244.0" y="50" width="67.5" height="16" fill="url(#c4p1)" stroke="#1a1a1a" stroke-width="1"/><text x="240.0" y="62" text-anchor="end">-1.5</text></g>
| <line x1="311.5" y1="0" x2="311.5" y2="74" stroke="#1a1a1a" stroke-width="1.5"/>
| </svg>
| <p class="legend"><svg width="16" height="12" aria-hidden="true"><rect width="16" height="12" fill="url(#c4p0)" stroke="#1a1a1a"/></svg> reacties &nbsp; <svg width="16" height="12" aria-hidden="true"><rect width="16" height="12" fill="url(#c4p1)" stroke="#1a1a1a"/></svg> artikel</p>
| <p class="legend">rechts: reacties</p>
| </figure>
| <p class="marked" lang="nl">Dit is &lt;echt&gt; <mark class="neg" title="&lt;quoted&gt;">een goed<sup>−0.5</sup></mark> <mark class="pos" title="lexicon">plan<sup>+1.5</sup></mark>, maar té <mark class="neg" title="lexicon">duur<sup>−2</sup></mark> &amp; &quot;traag&quot;.</p>
| <figure>
| <figcaption id="g5">Kaart</figcaption>
| <p class="legend">De kaart als lijst (Graphviz <code>dot</code> was niet beschikbaar om haar te tekenen).</p>
| <div class="outline" lang="nl">
| <h3>Kaart</h3>
| <p><strong>Hoofdclaim:</strong> a</p>
| <ul>
| <li><strong>steunt</strong> <em>(want)</em>: b<ul>
| <li>c</li>
| </ul>
| </li>
| <li>d</li>
| </ul>
| </div>
| </figure>
| </main>
| </body>
| </html>

# Text that a page would read as markup is escaped everywhere: cells, titles,
# attribute values. Nothing on the page is loaded from elsewhere.
$ TUSSEN_DOT=none tussen run -q tests/data/html/widgets.lua --format html corpus/streetwise | grep -c '<script\|src=\|href='
| 0
? 1

# The overview page: the same bytes each run, with every part present.
$ tussen run -q overview --format html corpus/streetwise > $T/a.html && tussen run -q overview --format html corpus/streetwise > $T/b.html && cmp $T/a.html $T/b.html && echo same
| same
$ grep -o '<h2 id="s[0-9]*">[^<]*' $T/a.html | sed 's/.*>//'
| Samenvatting
| Trefwoorden
| Standpunten
| Argumentkaart
| Trefwoorden in context
| Documenten
$ grep -c '<figure class="chart">' $T/a.html
| 4
# (how many cues are marked follows the stance lexicon: only that there are)
$ grep -o '<mark class="pos"' $T/a.html | head -1
| <mark class="pos"
$ grep -o '<mark class="neg"' $T/a.html | head -1
| <mark class="neg"
$ grep -c 'class="marked"' $T/a.html
| 8

# Without Graphviz the argument map is a nested outline.
$ TUSSEN_DOT=none tussen run -q overview --format html corpus/streetwise | grep -c 'class="outline"'
| 1
$ TUSSEN_DOT=/nonexistent/dot tussen run -q overview --format html corpus/streetwise | grep -c 'class="outline"'
| 1

# Any report renders as HTML; a report that returns one string (the
# argument outline) is shown preformatted.
$ tussen run -q arguments --format html corpus/streetwise | grep -c '^<pre>'
| 1
$ tussen run -q keywords --format html corpus/streetwise | grep -c '<table>'
| 6

# Overview's other formats are unchanged by the HTML page: no keywords.
$ tussen run -q overview --format json corpus/streetwise | grep -c 'keyness'
| 0
? 1

# csv-nl is the Dutch Excel CSV: a byte order mark, then ';' between fields.
$ tussen run -q overview --format csv-nl corpus/streetwise | head -c 40 | od -An -c | head -2
|  357 273 277   i   d   ;   k   i   n   d   ;   p   a   r   e   n
|    t   ;   t   i   t   l   e   ;   a   u   t   h   o   r   ;   s

# A corpus of one text, without reactions or groups to compare: the page
# still comes, with empty tables and charts said to be empty.
$ printf 'Dit is een tekst.\n' > $T/one.txt && tussen run -q overview --format html $T/one.txt | grep -c 'geen gegevens'
| 2

# --width takes a number of columns.
$ tussen run -q overview --width=wide corpus/streetwise
! tussen: --width takes a number of columns from 0 to 10000, not 'wide'
! Try 'tussen run --help'.
? 2
