"""The style sheet of the HTML report: inline, screen and A4 print, no web fonts.

Class names are the hooks ``html.py`` writes: ``.grade``/``.bar`` coloured by score
band (good, fair, average, weak), ``ol.steps`` for the five-step checklist,
``li.finding`` by severity.
"""

CSS = """
:root { --good:#1b7f3b; --fair:#1f6fb2; --average:#b7791f; --weak:#c0392b; --none:#8a8a8a;
  --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", Georgia, serif; color: var(--ink);
  margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem;
  margin-top: 2.5rem; word-break: break-word; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.sub, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--bg); }
td.num, th.num, td.date { text-align: right; white-space: nowrap; }
td.date { text-align: left; }
.scorebox { display: flex; gap: 1.5rem; align-items: center; margin: .8rem 0; }
.score { font-size: 2.6rem; font-weight: bold; line-height: 1; }
.score small { font-size: 1rem; font-weight: normal; color: var(--muted); }
.grade { display: inline-block; padding: .2rem .7rem; border-radius: .3rem; color: #fff;
  font-weight: bold; font-size: 1.2rem; }
.grade.good, .bar.good { background: var(--good); fill: var(--good); }
.grade.fair, .bar.fair { background: var(--fair); fill: var(--fair); }
.grade.average, .bar.average { background: var(--average); fill: var(--average); }
.grade.weak, .bar.weak { background: var(--weak); fill: var(--weak); }
.bar.none { fill: var(--none); }
.chart { width: 100%; max-width: 46rem; height: auto; display: block; }
.chart text { font-family: inherit; font-size: 13px; fill: var(--ink); }
.chart .axis text { font-size: 11px; fill: var(--muted); }
.chart .grid { stroke: var(--line); stroke-width: 1; }
ol.steps { list-style: none; padding: 0; margin: .5rem 0; }
ol.steps > li { padding: .35rem .5rem; border-left: 4px solid var(--line); margin: .3rem 0;
  background: var(--bg); }
ol.steps li.done { border-color: var(--good); }
ol.steps li.partial { border-color: var(--average); }
ol.steps li.missing { border-color: var(--weak); }
.tick { display: inline-block; width: 1.4rem; font-weight: bold; }
li.done > .tick { color: var(--good); } li.partial > .tick { color: var(--average); }
li.missing > .tick { color: var(--weak); }
li.pending > .tick, li.unchecked > .tick { color: var(--none); }
ol.steps ul { margin: .2rem 0 0 1.4rem; padding: 0; list-style: none; font-size: .93rem; }
ul.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border: 1px solid var(--line); border-left: 4px solid var(--none);
  padding: .4rem .6rem; margin: .4rem 0; }
li.finding.error { border-left-color: var(--weak); }
li.finding.warning { border-left-color: var(--average); }
li.finding.info { border-left-color: var(--fair); }
.finding .meta { font-size: .85rem; color: var(--muted); }
.finding .msg { margin: .2rem 0; }
.finding blockquote { margin: .2rem 0 .2rem .8rem; color: var(--muted); font-style: italic; }
.finding .fix { margin: .2rem 0 0; }
.fix b { color: var(--good); }
.finding .rewrite { margin: .2rem 0 0; padding: .2rem .4rem; background: var(--bg); }
.rewrite b { color: var(--fair); }
.rewrite mark { background: #fff3bf; color: inherit; padding: 0 .1rem; }
.error-row td { color: var(--weak); }
.unreadable { border: 2px solid var(--weak); padding: .6rem; }
.none-cell { color: var(--weak); }
a { color: var(--fair); }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted);
  border-top: 1px solid var(--line); }
@media print {
  @page { size: A4; margin: 15mm 15mm 18mm; }
  body { max-width: none; padding: 0; font-size: 12pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  #summary ~ section.document, section.document ~ section.document { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  li.finding, tr, ol.steps > li, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""
