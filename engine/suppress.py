"""Findings accepted in the draft itself: ``nghiquyet: bỏ qua NQ601``.

A drafter who has weighed a finding and keeps the paragraph as it is says so where
the paragraph is, as linters let a line carry its own ``noqa``:

- Markdown: an HTML comment on the line above the paragraph,
  ``<!-- nghiquyet: bỏ qua NQ601 -->``;
- Word: a comment anchored on the paragraph whose text starts
  ``nghiquyet: bỏ qua NQ601``.

``ignore`` may stand for ``bỏ qua``; several ids (or id prefixes such as ``NQ6``)
are separated by commas or spaces, and whatever follows them is the reason, for the
people who read the draft. The loaders find such comments (:func:`is_directive`) and
hand them over as :class:`Suppression`; this module reads the rule ids and moves the
findings of those rules on that paragraph from ``findings`` to ``suppressed``.

The score is left as it is: it is the score of the whole draft. A comment accepts a
finding, it does not make the paragraph meet the guidance, and a draft should not
raise its own score by commenting on itself; to stop scoring a rule, ``ignore`` it
in the config.
"""

from __future__ import annotations

import re

from .model import DocumentReport, Suppression
from .text import match_key, nfc

_DIRECTIVE = re.compile(r"^\s*nghiquyet\s*:\s*(?:bỏ\s+qua|ignore)\b(?P<rest>.*)$", re.DOTALL)
# the ids open the rest: "NQ601, NQ602 vì ..." -> NQ601, NQ602
_IDS = re.compile(r"(?:[\s,;]*nq\d{1,3}\b)+")


def _key(text: str) -> str:
    return match_key(nfc(text))


def is_directive(text: str) -> bool:
    """Whether a comment's text is a suppression ("nghiquyet: bỏ qua ...", any case)."""
    return _DIRECTIVE.match(_key(text)) is not None


def directive_rules(text: str) -> list[str]:
    """The rule ids (or prefixes) a directive names, upper-cased, in order; empty when
    it names none."""
    found = _DIRECTIVE.match(_key(text))
    if found is None:
        return []
    head = _IDS.match(found.group("rest"))
    return re.findall(r"NQ\d{1,3}", head.group(0).upper()) if head else []


def _note(vi: str, en: str) -> dict[str, str]:
    return {"vi": vi, "en": en}


def apply_suppressions(
    report: DocumentReport, suppressions: list[Suppression], ruleset
) -> DocumentReport:
    """Move the findings the draft's own comments accept into ``report.suppressed``.

    A directive that names no rule id, or an id no loaded rule has, gets a note in
    the report, so a typo never silently suppresses nothing. The scores are untouched.
    """
    accepted: dict[int, set[str]] = {}
    for s in suppressions:
        shown = " ".join(s.text.split())
        tokens = directive_rules(s.text)
        if not tokens:
            report.notes.append(
                _note(
                    f"Ghi chú «{shown}» ở đoạn {s.block} không nêu mã quy tắc nào (như NQ601).",
                    f"The comment «{shown}» on paragraph {s.block} names no rule id (such as NQ601).",
                )
            )
        for token in tokens:
            rules = ruleset.by_token(token)
            if not rules:
                report.notes.append(
                    _note(
                        f"Ghi chú bỏ qua ở đoạn {s.block}: không có quy tắc {token}.",
                        f"The suppression on paragraph {s.block}: there is no rule {token}.",
                    )
                )
            accepted.setdefault(s.block, set()).update(r.id for r in rules)
    if not accepted:
        return report
    kept = []
    for finding in report.findings:
        block = finding.location.block if finding.location else None
        if finding.rule_id in accepted.get(block, ()):
            report.suppressed.append(finding)
        else:
            kept.append(finding)
    report.findings = kept
    return report
