"""``nghiquyet compare OLD NEW``: what a redraft improved, and what it broke.

Both drafts go through the same assessment; the comparison is made on the two
finished reports only (like a reporter, it never recomputes a score):

- ``delta.score`` and ``delta.criteria.<id>``: NEW minus OLD (``None`` where a side
  has no score);
- ``fixed``: findings of OLD that NEW no longer has; ``new``: findings of NEW that OLD
  did not have; ``remaining``: those in both (NEW's version).

A finding of OLD and one of NEW are "the same" when they have the same rule id and
the same paragraph, recognised by its excerpt normalised (case, tone placement,
numbering, punctuation and spacing ignored), since paragraph numbers shift when a
redraft adds or removes text. Findings left over after that exact pass are paired
when the rule is the same and the excerpts are nearly equal (a lightly edited
paragraph that still has the problem is not "fixed").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .model import DocumentReport, Finding
from .render import (
    SCHEMA_VERSION,
    criterion_name,
    document_dict,
    finding_dict,
    grade_label,
    label,
    number,
)
from .text import match_key, nfc

# How alike two excerpts of one rule must be to count as the same, edited paragraph.
SIMILAR = 0.8

_NUMBERING = re.compile(r"^\s*(?:[ivxlcdm]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/:-]\s+")
_NOT_WORD = re.compile(r"[^\w%]+")


@dataclass(slots=True)
class Comparison:
    """Two reports of the same draft, before and after a redraft."""

    before: DocumentReport
    after: DocumentReport
    fixed: list[Finding] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)

    @property
    def score_delta(self) -> float | None:
        if self.before.score is None or self.after.score is None:
            return None
        return round(self.after.score - self.before.score, 1)

    def criteria_delta(self) -> dict[str, float | None]:
        """Change of every criterion score, in the order of the NEW report."""
        old = {c.id: c.score for c in self.before.criteria}
        out: dict[str, float | None] = {}
        for c in self.after.criteria or self.before.criteria:
            was = old.get(c.id)
            now = c.score if self.after.criteria else None
            out[c.id] = None if was is None or now is None else round(now - was, 1)
        return out


def normalise(text: str) -> str:
    """An excerpt reduced to what identifies its paragraph across redrafts."""
    key = match_key(nfc(text)).replace("…", " ").strip()
    key = _NUMBERING.sub("", key)
    return " ".join(_NOT_WORD.sub(" ", key).split())


def finding_key(finding: Finding) -> tuple[str, str]:
    """``(rule id, normalised excerpt)``; a document-level finding has an empty excerpt."""
    return finding.rule_id, normalise(finding.location.excerpt) if finding.location else ""


def pair_keys(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> dict[int, int]:
    """Pair finding keys (:func:`finding_key`) of OLD and NEW: index in NEW -> index in
    OLD. First the same rule on the same normalised paragraph, each OLD key used once;
    then, for what is left, the same rule on a nearly equal one (at least
    :data:`SIMILAR` alike). ``nghiquyet baseline`` matches with this too."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, key in enumerate(old):
        by_key[key].append(i)
    pairs: dict[int, int] = {}
    unmatched: list[int] = []
    for j, key in enumerate(new):
        candidates = by_key.get(key)
        if candidates:
            pairs[j] = candidates.pop(0)
        else:
            unmatched.append(j)
    # Second pass: the same rule on a paragraph that was edited a little.
    taken = set(pairs.values())
    left_old = [i for i in range(len(old)) if i not in taken]
    for j in unmatched:
        rule, text = new[j]
        best, best_ratio = None, SIMILAR
        for i in left_old:
            if old[i][0] != rule or i in taken or not text or not old[i][1]:
                continue
            ratio = SequenceMatcher(None, text, old[i][1], autojunk=False).ratio()
            if ratio >= best_ratio:
                best, best_ratio = i, ratio
        if best is not None:
            taken.add(best)
            pairs[j] = best
    return pairs


def compare(before: DocumentReport, after: DocumentReport) -> Comparison:
    """Match the findings of ``before`` (OLD) and ``after`` (NEW)."""
    result = Comparison(before=before, after=after)
    pairs = pair_keys(
        [finding_key(f) for f in before.findings], [finding_key(f) for f in after.findings]
    )
    matched_old = set(pairs.values())
    result.fixed = [f for i, f in enumerate(before.findings) if i not in matched_old]
    result.new = [f for j, f in enumerate(after.findings) if j not in pairs]
    result.remaining = [after.findings[j] for j in sorted(pairs)]
    return result


def comparison_dict(cmp: Comparison, lang: str, tool_version: str = "") -> dict[str, Any]:
    """The JSON of ``compare --format json``; ``before``/``after`` are documents of the
    JSON report contract (schema version 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "nghiquyet", "version": tool_version},
        "before": document_dict(cmp.before, lang),
        "after": document_dict(cmp.after, lang),
        "delta": {"score": cmp.score_delta, "criteria": cmp.criteria_delta()},
        "fixed": [finding_dict(f, lang) for f in cmp.fixed],
        "new": [finding_dict(f, lang) for f in cmp.new],
        "remaining": [finding_dict(f, lang) for f in cmp.remaining],
    }


def render_text(cmp: Comparison, lang: str, color: bool = False) -> str:
    """The comparison for a person at a terminal; ``color`` paints what moved (fixed
    green, new red). Control characters from the drafts are spelled out, as in the
    text report, so a draft cannot drive the terminal."""
    from .color import paint
    from .display import escape_controls

    L = lambda vi, en: label(lang, vi, en)  # noqa: E731
    before, after = cmp.before, cmp.after
    out = [paint(f"{before.path} → {after.path}", "heading", color)]
    for side, doc in ((L("Bản cũ", "Old"), before), (L("Bản mới", "New"), after)):
        if doc.error is not None:
            unreadable = paint(L("KHÔNG ĐỌC ĐƯỢC", "UNREADABLE"), "error", color)
            out.append(f"  {side}: {unreadable}: {doc.error.message[lang]}")
    if before.error is not None or after.error is not None:
        return escape_controls("\n".join(out) + "\n", keep_colour=color)
    delta = number(cmp.score_delta, lang, signed=True)
    moved = "good" if (cmp.score_delta or 0) > 0 else "bad" if (cmp.score_delta or 0) < 0 else ""
    out.append(
        f"  {L('Điểm', 'Score')}: {number(before.score, lang)} → {number(after.score, lang)}"
        f" ({paint(delta, moved, color)})   {grade_label(before, lang)} → {grade_label(after, lang)}"
    )
    out.append("")
    old = {c.id: c.score for c in before.criteria}
    width = max((len(criterion_name(c.id, lang)) for c in after.criteria), default=10)
    out.append(
        f"  {L('Tiêu chí', 'Criterion'):<{width}}  {L('Trước', 'Before'):>6}  "
        f"{L('Sau', 'After'):>6}  {L('Thay đổi', 'Change'):>8}"
    )
    deltas = cmp.criteria_delta()
    for c in after.criteria:
        out.append(
            f"  {criterion_name(c.id, lang):<{width}}  {number(old.get(c.id), lang):>6}  "
            f"{number(c.score, lang):>6}  {number(deltas.get(c.id), lang, signed=True):>8}"
        )
    sections = (
        (L("Đã khắc phục", "Fixed"), cmp.fixed, "✓", "good"),
        (L("Phát hiện mới", "New findings"), cmp.new, "✗", "error"),
        (L("Còn lại", "Remaining"), cmp.remaining, "·", "dim"),
    )
    for title, findings, mark, style in sections:
        out.append("")
        out.append(f"  {paint(title, 'heading', color)} ({len(findings)}):")
        for f in findings:
            where = (
                f"{L('đoạn', 'para')} {f.location.block}"
                if f.location
                else L("toàn văn", "document")
            )
            out.append(f"    {paint(mark, style, color)} {f.rule_id} [{where}] {f.message[lang]}")
            if f.location and f.location.excerpt:
                out.append(f"        {paint(f'«{f.location.excerpt}»', 'dim', color)}")
    return escape_controls("\n".join(out) + "\n", keep_colour=color)
