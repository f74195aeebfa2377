"""What the .docx and .odt loaders share once a package is open (see
:mod:`nghiquyet.plugins.office_package`): list numbers, a paragraph's runs with legacy
fonts decoded and its style by majority, and the Document a word processor's file gives.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from nghiquyet.engine import legacy, legacy_codecs
from nghiquyet.engine.model import Block, Document
from nghiquyet.engine.text import RUN_IN_MAX_WORDS

# ---------------------------------------------------------------------------
# List numbers

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """``n`` in Roman numerals, upper case ("XIV")."""
    out = ""
    for value, letters in _ROMAN:
        times, n = divmod(n, value) if n > 0 else (0, n)
        out += letters * times  # one step per numeral, not per thousand
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` as a list label: Word's formats (decimal, upperRoman, lowerLetter, ...)."""
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


def office_document(
    path: Path,
    fmt: str,
    blocks: list[Block],
    fonts: Counter[str],
    legacy_runs: Counter[str],
    page_mm: tuple[int, int] | None,
) -> Document:
    """The Document a word processor's file gives: its blocks, the fonts it uses most,
    its page size, and a note for each legacy encoding whose runs were converted."""
    meta: dict = {"fonts": dict(fonts.most_common(5))}
    if page_mm:
        meta["page_mm"] = page_mm
    notes = [legacy.note(enc, count, where="font") for enc, count in sorted(legacy_runs.items())]
    if legacy_runs:
        meta["legacy_fonts"] = dict(legacy_runs)
    return Document(path=str(path), format=fmt, blocks=blocks, notes=notes, meta=meta)


# ---------------------------------------------------------------------------
# A paragraph's runs: legacy fonts decoded, style by majority of visible characters


@dataclass
class StyleProps:
    """Character and paragraph properties of a run or a style; None means "inherit"."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    font: str | None = None
    size: float | None = None
    align: str | None = None

    def over(self, base: StyleProps):
        """These properties, falling back to ``base`` wherever they are unset."""
        # once per run of every paragraph: a plain dict copy, not dataclasses.replace
        merged = object.__new__(type(self))
        values = dict(self.__dict__)
        for name, value in values.items():
            if value is None:
                values[name] = base.__dict__.get(name)
        merged.__dict__.update(values)
        return merged


class RunCollector:
    """Collects a paragraph's runs (text, font, bold, italic, underline, size) and gives
    its text and its style as most of its visible characters have it.

    Consecutive runs in the same legacy font are decoded together: VNI writes a toned
    letter as a base and a mark byte, and editors split runs wherever the formatting
    changes, even inside a word ("Nghò" with only "ò" in bold).
    """

    def __init__(self) -> None:
        # counts in plain dicts: a Counter costs more to make than a short paragraph
        # to read, and there is one collector per paragraph
        self.parts: list[str] = []
        self.legacy_runs: dict[str, int] = {}
        self.weights: dict[tuple[bool, bool, bool], int] = {}
        self.fonts: dict[str, int] = {}
        self.sizes: dict[float, int] = {}
        self._pending: list[str] = []
        self._pending_font: str | None = None
        # (text, emphasised) of each run, to find a run-in heading
        self._emphasis: list[tuple[str, bool]] = []

    def add(
        self,
        text: str,
        font: str | None = None,
        bold: bool | None = None,
        italic: bool | None = None,
        underline: bool | None = None,
        size: float | None = None,
    ) -> None:
        """Add one run: its text and the formatting it is drawn with."""
        if not text:
            return
        kind = legacy_codecs.font_encoding(font)
        if kind is None:
            self._flush()
            self.parts.append(text)
        else:
            if self._pending and legacy_codecs.font_encoding(self._pending_font) != kind:
                self._flush()
            self._pending.append(text)
            self._pending_font = font
        visible = len(text.strip())
        self._emphasis.append((text, bool(bold or italic)))
        if visible:
            key = (bool(bold), bool(italic), bool(underline))
            self.weights[key] = self.weights.get(key, 0) + visible
            if font:
                self.fonts[font] = self.fonts.get(font, 0) + visible
            if size:
                self.sizes[size] = self.sizes.get(size, 0) + visible

    def _flush(self) -> None:
        if self._pending:
            text, encoding = legacy_codecs.decode_font_text(
                "".join(self._pending), self._pending_font
            )
            if encoding:
                self.legacy_runs[encoding] = self.legacy_runs.get(encoding, 0) + len(self._pending)
            self.parts.append(text)
            self._pending.clear()

    def text(self) -> str:
        """The paragraph's text, runs joined, white space collapsed."""
        self._flush()
        return " ".join("".join(self.parts).split())

    def run_in(self) -> str | None:
        """The emphasised words that open the paragraph and end in "." or ":", when
        plain text follows ("**Tình hình.** Hợp tác xã có 64 thành viên ...")."""
        if len(self._emphasis) < 2:
            return None  # one run is all emphasised or all plain: no label before text
        plain = next((n for n, (_, emphasised) in enumerate(self._emphasis) if not emphasised), 0)
        if not plain:
            return None  # nothing emphasised first, or all of it: a heading, not a run-in
        label = " ".join("".join(text for text, _ in self._emphasis[:plain]).split())
        rest = "".join(text for text, _ in self._emphasis[plain:]).strip()
        if not rest or not label.endswith((".", ":")) and not rest.startswith((".", ":")):
            return None
        label = label if label.endswith((".", ":")) else label + rest[0]
        if self.legacy_runs:
            return None  # the label would still be in 8-bit codes
        return label if len(label.split()) <= RUN_IN_MAX_WORDS else None

    def block(
        self,
        index: int,
        text: str,
        kind: str,
        heading_level: int | None,
        align: str | None,
        cell: tuple[int, int, int] | None,
    ) -> Block:
        """The paragraph as a Block: its place, its alignment and its runs' style."""
        return Block(
            index=index,
            text=text,
            kind=kind,
            line=index,
            heading_level=heading_level,
            centered=align == "center",
            right_aligned=align in ("right", "end"),
            table=cell[0] if cell else None,
            row=cell[1] if cell else None,
            col=cell[2] if cell else None,
            run_in=self.run_in(),
            **self.style(),
        )

    def style(self) -> dict:
        """bold, italic, underline (true for most visible characters), font and size_pt
        (the most common), as keyword arguments of :class:`Block`."""
        total = bold = italic = underline = 0
        for (is_bold, is_italic, is_underlined), n in self.weights.items():
            total += n
            bold += n if is_bold else 0
            italic += n if is_italic else 0
            underline += n if is_underlined else 0
        total = total or 1
        return {
            "bold": bold / total > 0.5,
            "italic": italic / total > 0.5,
            "underline": underline / total > 0.5,
            "font": _most_common(self.fonts),
            "size_pt": _most_common(self.sizes),
        }


def _most_common(counts: dict):
    """The key with the highest count, the first seen at a tie (as
    ``Counter.most_common(1)``); None when there is none."""
    if len(counts) == 1:  # one run, or runs in one font: most paragraphs
        return next(iter(counts))
    return max(counts.items(), key=itemgetter(1))[0] if counts else None
