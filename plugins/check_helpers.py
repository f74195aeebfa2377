"""What several built-in rule types share: the parts a rule looks at, its sentences,
and the names a finding quotes."""

from __future__ import annotations

from nghiquyet.engine.model import BlockFacts, Facts
from nghiquyet.engine.rules import Rule

ALL_SECTIONS = None


def sections_of(rule: Rule) -> set[str] | None:
    """The parts ``params.sections`` names; ``None`` (every part) when unset or empty."""
    value = rule.params.get("sections")
    return set(value) if value else ALL_SECTIONS


def blocks_in(facts: Facts, sections: set[str] | None) -> list[BlockFacts]:
    """The blocks of ``sections`` (every block for ``None``)."""
    return [b for b in facts.blocks if sections is None or b.section in sections]


def first_block(facts: Facts, sections: set[str] | None) -> int | None:
    """The first block of ``sections``, where a finding about the part points."""
    for bf in facts.blocks:
        if sections is not None and bf.section in sections:
            return bf.index
    return None


def sentences(facts: Facts, sections: set[str] | None):
    """(block, start, end, mentions inside) for every sentence of ``sections``."""
    for bf in blocks_in(facts, sections):
        for s, e in bf.sentences:
            yield bf, s, e, [m for m in bf.mentions if m.start >= s and m.end <= e]


def outside(mentions, kinds: set[str]) -> list:
    """``mentions`` but those inside a mention of ``kinds``: the words of a stock
    formula ("có cả khách quan và chủ quan") say nothing of their own."""
    masks = [(m.start, m.end) for m in mentions if m.kind in kinds]
    if not masks:
        return list(mentions)
    return [
        m
        for m in mentions
        if m.kind in kinds or not any(s <= m.start and m.end <= e for s, e in masks)
    ]


def labelled(rule: Rule, names: list[str]) -> dict[str, str]:
    """Names joined for a message, through ``params.labels`` (a string or {vi, en})."""
    labels = rule.params.get("labels") or {}
    out = {}
    for lang in ("vi", "en"):
        parts = []
        for name in names:
            label = labels.get(name, name)
            parts.append(
                label.get(lang, label.get("vi", name)) if isinstance(label, dict) else label
            )
        out[lang] = ", ".join(parts)
    return out


def first_place(facts: Facts, candidates: str | list[str]) -> int | None:
    """The block of the first candidate the draft has: a signal's block, or
    ``section:<kind>`` for that part's heading (or its first block)."""
    for name in [candidates] if isinstance(candidates, str) else candidates:
        if name.startswith("section:"):
            kind = name.split(":", 1)[1]
            place = next(
                (
                    s.heading_block or (s.blocks or [None])[0]
                    for s in facts.sections
                    if s.kind == kind
                ),
                None,
            )
        else:
            place = facts.signals.get(name)
        if isinstance(place, int) and not isinstance(place, bool):
            return place
    return None
