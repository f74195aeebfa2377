"""Ceilings on how much text a draft may hold, checked while it is loaded.

A thematic resolution is 2–6 pages: some 50–300 paragraphs of at most a few thousand
characters, 10,000–40,000 characters in all, and a few small tables. The defaults
below are a hundred times that and more, so no real draft meets them, while a file
past them (a paragraph of a million characters, a table of 200,000 columns, 30 MB of
text packed into a small .docx) is refused before the analysis spends gigabytes on
it. Each is a config key; past one, the file gets code ``too_large`` and a message
that names the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# config key: (default, what it counts in Vietnamese, in English)
LIMITS = {
    # spaCy refuses a text over 1,000,000 characters (E088); one paragraph is a tenth
    "max_paragraph_chars": (100_000, "ký tự", "characters"),
    "max_paragraphs": (20_000, "đoạn", "paragraphs"),
    "max_table_cells": (50_000, "ô bảng", "table cells"),
    "max_total_chars": (2_000_000, "ký tự", "characters"),
}


@dataclass(frozen=True)
class TextLimits:
    """The ceilings of one run (see :data:`LIMITS` for the defaults)."""

    max_paragraph_chars: int = LIMITS["max_paragraph_chars"][0]
    max_paragraphs: int = LIMITS["max_paragraphs"][0]
    max_table_cells: int = LIMITS["max_table_cells"][0]
    max_total_chars: int = LIMITS["max_total_chars"][0]

    @classmethod
    def from_config(cls, config) -> TextLimits:
        """The limits ``config`` sets, the defaults for those it leaves out."""
        values = {key: getattr(config, key, None) for key in LIMITS}
        return cls(**{key: int(value) for key, value in values.items() if value})


def too_large(
    path: Path | str, key: str, found: int, limit: int, where: tuple[str, str] = ("", "")
) -> InputError:
    """The error for a draft past the limit ``key``: how much it holds (``where``, in
    Vietnamese and English, when it is one paragraph), and the limit."""
    _, vi, en = LIMITS[key]
    name = Path(path).name
    at_vi, at_en = (f"{place} " if place else "" for place in where)
    return InputError(
        "too_large",
        f"{name}: {at_vi}có {_vi(found)} {vi}, vượt giới hạn {_vi(limit)} ({key})",
        f"{name}: {at_en}holds {found:,} {en}, over the limit of {limit:,} ({key})",
    )


def _vi(number: int) -> str:
    """``number`` with Vietnamese thousands separators (1.000.000)."""
    return f"{number:,}".replace(",", ".")


class TextBudget:
    """Counts the blocks a loader reads against :class:`TextLimits` and raises
    ``too_large`` as soon as one is passed, before more is read."""

    def __init__(self, path: Path | str, limits: TextLimits):
        self.path = path
        self.limits = limits
        self.paragraphs = 0
        self.cells = 0
        self.chars = 0

    def text(self, total: int) -> None:
        """Check a whole text of ``total`` characters before it is split into blocks."""
        if total > self.limits.max_total_chars:
            raise too_large(self.path, "max_total_chars", total, self.limits.max_total_chars)

    def cell(self, count: int = 1) -> None:
        """Count ``count`` table cells, read or about to be, with text or without."""
        self.cells += count
        if self.cells > self.limits.max_table_cells:
            raise too_large(self.path, "max_table_cells", self.cells, self.limits.max_table_cells)

    def block(self, length: int) -> None:
        """Count one block of ``length`` characters."""
        self.paragraphs += 1
        self.chars += length
        if length > self.limits.max_paragraph_chars:
            where = (f"đoạn {self.paragraphs}", f"paragraph {self.paragraphs}")
            limit = self.limits.max_paragraph_chars
            raise too_large(self.path, "max_paragraph_chars", length, limit, where)
        if self.paragraphs > self.limits.max_paragraphs:
            raise too_large(
                self.path, "max_paragraphs", self.paragraphs, self.limits.max_paragraphs
            )
        self.text(self.chars)


def check_document(document, limits: TextLimits) -> None:
    """Check a loaded Document against ``limits`` (for loaders that did not count)."""
    budget = TextBudget(document.path, limits)
    for block in document.blocks:
        if block.table is not None:
            budget.cell()
        budget.block(len(block.text))
