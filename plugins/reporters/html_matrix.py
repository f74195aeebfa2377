"""The batch page's drafts × criteria table, sortable by any column without a script.

The page runs no script (its Content-Security-Policy forbids one, and a page opened
from an e-mail or a file share may not run one anyway), so the sorting is CSS: the
table is a grid whose cells are placed by ``order``, each row carries its rank in
every column as custom properties (``--a3`` ascending, ``--d3`` descending, worked
out here from the report's values), and a radio button per column and direction,
chosen by clicking the arrows in the header, says which rank orders the rows. Before
any is chosen the rows stand in the page's order, best score first. Drafts that have
no score are in the summary table above, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from nghiquyet.engine.criteria import CRITERIA, GRADES
from nghiquyet.engine.model import DocumentReport
from nghiquyet.engine.render import criterion_name, grade_label, label, number, stage_name

# what sorts a column: a draft's value, or None (then last either way)
Key = Callable[[DocumentReport], object]
GRADE_RANK = {names["vi"]: n for n, (_floor, names) in enumerate(reversed(GRADES))}

CSS = """
.matrix-wrap { overflow-x: auto; position: relative; }
.matrix-wrap .sort-key { position: absolute; opacity: 0; width: 1px; height: 1px;
  margin: 0; pointer-events: none; }
table.matrix { display: grid; grid-template-columns: minmax(9rem, 2.2fr)
  repeat(var(--columns), minmax(3.4rem, 1fr)); font-size: .8rem; }
table.matrix { border: solid var(--line); border-width: 1px 0 0 1px; }
table.matrix thead, table.matrix tbody, table.matrix tr { display: contents; }
table.matrix th, table.matrix td { border-width: 0 1px 1px 0; }
table.matrix th { order: -1; display: flex; flex-direction: column;
  justify-content: space-between; gap: .2rem; }
table.matrix td { word-break: break-word; }
table.matrix td.num { text-align: right; }
table.matrix .sort { white-space: nowrap; font-weight: normal; }
table.matrix .sort label { cursor: pointer; padding: 0 .2rem; color: var(--muted);
  user-select: none; }
table.matrix td.good { background: #d8f0de; } table.matrix td.fair { background: #dbe9f6; }
table.matrix td.average { background: #f8ecd2; } table.matrix td.weak { background: #f6d6d2; }
@media print { .matrix-wrap { overflow: visible; } table.matrix .sort { display: none; } }
"""


def columns(lang: str) -> list[tuple[str, Key, Callable[[DocumentReport], str], bool]]:
    """The table's columns: header, sort key, cell text, and whether it is a score
    (coloured, right-aligned)."""
    score_of = {
        c.id: (lambda d, cid=c.id: next((x.score for x in d.criteria if x.id == cid), None))
        for c in CRITERIA
    }
    cols = [
        (label(lang, "Dự thảo", "Draft"), lambda d: d.path.casefold(), lambda d: d.path, False),
        (label(lang, "Điểm", "Score"), lambda d: d.score, lambda d: number(d.score, lang), True),
        (label(lang, "Xếp loại", "Grade"), lambda d: GRADE_RANK.get(d.grade or ""), lambda d: grade_label(d, lang), False),
        (label(lang, "Giai đoạn", "Stage"), lambda d: d.stage or "", lambda d: stage_name(d.stage, lang), False),
    ]  # fmt: skip
    for c in CRITERIA:
        key = score_of[c.id]
        cols.append((criterion_name(c.id, lang), key, lambda d, k=key: number(k(d), lang), True))
    return cols


def ranks(docs: list[DocumentReport], key: Key) -> tuple[list[int], list[int]]:
    """Each draft's place (1-based) when the column is sorted ascending and descending;
    drafts without a value come last both ways, ties keep the page's order."""
    valued = [n for n, d in enumerate(docs) if key(d) is not None]
    missing = [n for n, d in enumerate(docs) if key(d) is None]
    up = sorted(valued, key=lambda n: key(docs[n]))
    down = sorted(valued, key=lambda n: key(docs[n]), reverse=True)
    place_up = {n: p for p, n in enumerate(up + missing, start=1)}
    place_down = {n: p for p, n in enumerate(down + missing, start=1)}
    return [place_up[n] for n in range(len(docs))], [place_down[n] for n in range(len(docs))]


def _header(n: int, name: str, lang: str) -> str:
    up = escape(label(lang, f"Xếp «{name}» tăng dần", f"Sort by «{name}», ascending"))
    down = escape(label(lang, f"Xếp «{name}» giảm dần", f"Sort by «{name}», descending"))
    return (
        f'<th scope="col"><span>{escape(name)}</span><span class="sort">'
        f'<label for="sort-{n}-a" title="{up}">▲</label>'
        f'<label for="sort-{n}-d" title="{down}">▼</label></span></th>'
    )


def sort_css(count: int = 4 + len(CRITERIA)) -> str:
    """The style of the table, with the rules that order the rows by the chosen
    column and direction and show which arrow is chosen."""
    rules = [CSS]
    for n in range(count):
        for way in ("a", "d"):
            key = f"#sort-{n}-{way}:checked ~ table.matrix"
            rules.append(f"{key} td {{ order: var(--{way}{n}); }}")
            rules.append(
                f'{key} label[for="sort-{n}-{way}"] {{ color: var(--ink); font-weight: bold; }}'
            )
            rules.append(
                f'#sort-{n}-{way}:focus-visible ~ table.matrix label[for="sort-{n}-{way}"] {{ outline: 2px solid var(--fair); }}'
            )
    return "\n".join(rules)  # fmt: skip


def criteria_matrix(docs: list[tuple[str, DocumentReport]], lang: str) -> str:
    """The sortable table of the scored drafts, given as (anchor, report)."""
    from .html import band

    # best first, as the summary table above
    scored = sorted(
        ((a, d) for a, d in docs if d.error is None), key=lambda p: (-(p[1].score or 0), p[1].path)
    )
    if not scored:
        return ""
    cols = columns(lang)
    places = [ranks([d for _a, d in scored], key) for _name, key, _text, _score in cols]
    name = escape(label(lang, "Xếp theo cột", "Sort by column"))
    out = [f'<div class="matrix-wrap" role="region" aria-label="{name}">']
    for n in range(len(cols)):
        for way in ("a", "d"):
            out.append(
                f'<input type="radio" class="sort-key" name="matrix-sort" id="sort-{n}-{way}">'
            )
    out.append(f'<table class="matrix" style="--columns: {len(cols) - 1}"><thead><tr>')
    out += [_header(n, col[0], lang) for n, col in enumerate(cols)]
    out.append("</tr></thead><tbody>")
    for row, (_anchor, d) in enumerate(scored):
        order = ";".join(
            f"--a{n}:{up[row]};--d{n}:{down[row]}" for n, (up, down) in enumerate(places)
        )
        cells = [f"<td>{escape(d.path)}</td>"]  # the summary above links each draft
        for _name, key, text, is_score in cols[1:]:
            value = key(d) if is_score else None
            cls = f' class="num {band(value)}"' if is_score else ""
            cells.append(f"<td{cls}>{escape(text(d))}</td>")
        out.append(f'<tr style="{order}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)
