"""A review as one self-contained web page: no external asset, every text escaped.

The page the web form shows and ``nghiquyet review --format html`` writes: the two
files, the coverage, then a table of targets and a table of tasks, each row with its
status and the sentence of the report that shows it.
"""

from __future__ import annotations

from html import escape

from .. import __version__
from ..messages import t
from .model import Review, TargetReview, TaskReview
from .render import columns, middle_cells, sections, share_text, status_name, summary_lines

CSS = """
:root { --good:#1b7f3b; --warn:#b7791f; --bad:#c0392b; --info:#1f6fb2; --none:#8a8a8a;
  --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", Georgia, serif; color: var(--ink);
  margin: 0 auto; max-width: 64rem; padding: 1.5rem; line-height: 1.45; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2rem; }
.muted, .where { color: var(--muted); font-size: .9rem; }
ul.summary { padding-left: 1.2rem; }
.meter { height: .8rem; background: var(--bg); border: 1px solid var(--line); max-width: 30rem; }
.meter span { display: block; height: 100%; background: var(--good); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg); }
.status { display: inline-block; padding: .1rem .5rem; border-radius: .3rem; color: #fff;
  font-weight: bold; white-space: nowrap; font-size: .85rem; }
.met, .done { background: var(--good); } .in_progress { background: var(--warn); }
.not_met { background: var(--bad); } .reported { background: var(--info); }
.not_reported { background: var(--none); }
blockquote { margin: 0; font-style: italic; }
footer { margin-top: 2.5rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); }
@media print { body { max-width: none; padding: 0; font-size: 12pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; } thead { display: table-header-group; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _status(status: str, lang: str, task: bool = False) -> str:
    return f'<span class="status {_e(status)}">{_e(status_name(status, lang, task))}</span>'


def _said(item: TargetReview | TaskReview, lang: str) -> str:
    if item.evidence is None:
        return f'<span class="muted">{_e(t("the report does not speak of it", lang))}</span>'
    where = t("para {block}", lang, block=item.evidence.block)
    return f'<blockquote>{_e(item.evidence.sentence)}</blockquote><span class="where">{_e(where)}</span>'


def _row(item: TargetReview | TaskReview, lang: str, task: bool) -> str:
    where = t("para {block}", lang, block=item.block)
    cells = "".join(f"<td>{_e(c)}</td>" for c in middle_cells(item, lang))
    return (
        f"<tr><td>{_e(item.text)}<br><span class='where'>{_e(where)}</span></td>{cells}"
        f"<td>{_status(item.status, lang, task)}</td><td>{_said(item, lang)}</td></tr>"
    )


def _section(anchor: str, title: str, items: list, lang: str, task: bool) -> str:
    """One part of the page: its heading and its table (or a line saying there is none)."""
    if not items:
        body = f'<p class="muted">{_e(t("none in the resolution", lang))}</p>'
    else:
        head = "".join(f"<th>{_e(h)}</th>" for h in columns(lang, task))
        rows = "".join(_row(item, lang, task) for item in items)
        body = f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return f'<section id="{anchor}"><h2>{_e(title)}</h2>{body}</section>'


def render_html(review: Review, lang: str) -> str:
    """The whole page, as text."""
    title = t("Progress report held against the resolution", lang)
    share = review.reported_share or 0.0
    summary = "".join(f"<li>{_e(line)}</li>" for line in summary_lines(review, lang))
    parts = "\n".join(
        _section(anchor, heading, items, lang, task)
        for anchor, (heading, items, task) in zip(
            ("targets", "tasks"), sections(review, lang), strict=True
        )
    )
    note = t(
        "The statuses are read automatically from the wording of the report; check each "
        "against the sentence shown.",
        lang,
    )
    return f"""<!DOCTYPE html>
<html lang="{_e(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title><style>{CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<p>{_e(t("Resolution: {path}", lang, path=review.resolution))}<br>
{_e(t("Report: {path}", lang, path=review.report))}</p>
<section id="coverage"><div class="meter" title="{_e(share_text(review, lang))}">\
<span style="width:{share * 100:.0f}%"></span></div><ul class="summary">{summary}</ul></section>
{parts}
<footer><p>{_e(note)}</p>
<p>nghiquyet {_e(__version__)}</p></footer>
</body>
</html>
"""
