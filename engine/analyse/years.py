"""Dates written without a year ("trước ngày 30/4") take the document's year."""

from __future__ import annotations

from dataclasses import replace

from ..model import BlockFacts

UNKNOWN_YEAR = "????"  # what the date finder writes for a date without its year


def with_years(blocks: list[BlockFacts], year: int | None) -> list[BlockFacts]:
    """``blocks`` with every date of unknown year set in ``year`` (unchanged without one)."""
    if not year:
        return blocks
    return [
        replace(bf, mentions=[_dated(m, year) for m in bf.mentions])
        if any(_unknown(m) for m in bf.mentions)
        else bf
        for bf in blocks
    ]


def _unknown(mention) -> bool:
    return mention.kind == "date" and bool(mention.value) and mention.value.startswith(UNKNOWN_YEAR)


def _dated(mention, year: int):
    if not _unknown(mention):
        return mention
    return replace(mention, value=str(year) + mention.value[len(UNKNOWN_YEAR) :])
