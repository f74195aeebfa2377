"""Word's styles and list numbering: what a paragraph inherits (font, emphasis, size,
alignment, outline level) through ``basedOn``, and the automatic number Word draws
before it ("1.", "a)", "II.").
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .office import StyleProps, format_number
from .office_package import (
    Limits,
    charge_part,
    parse_part,
    read_part_bytes,
    stored_entry_digest,
)
from .office_values import MAX_LIST_START, MAX_STYLE_DEPTH, WORD_LIST_LEVELS, lenient_int

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's outline levels run 0-8 for headings; 9 marks body text.
BODY_TEXT_OUTLINE = 9
# Word draws text from 1 to 1638 points, in half-points in w:sz.
MAX_HALF_POINTS = 3276


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """``el.find(tag)`` for a plain tag: its first child with that tag, or None. lxml's
    ``find`` reads its argument as a path in Python, ``iterchildren`` filters in C:
    asked a few times for every paragraph and run, this is a third of their reading."""
    return next(el.iterchildren(tag), None)


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


@dataclass
class RunStyle(StyleProps):
    """Word's run properties, plus a paragraph style's outline level and name."""

    outline: int | None = None
    name: str = ""

    def merged(self, base: RunStyle) -> RunStyle:
        """These properties over ``base``'s, keeping the nearest style's name."""
        merged = self.over(base)
        merged.name = self.name or base.name
        return merged

    def heading_level(self) -> int | None:
        """The heading level of a paragraph in this style: "Heading N" is N, "Title" 1,
        otherwise its outline level (0-based in Word) plus one; None for body text."""
        name = self.name.lower()
        number = name.removeprefix("heading").strip()
        if name.startswith("heading") and number.isdigit():
            return int(number)
        if name == "title":
            return 1
        if self.outline is not None and self.outline < BODY_TEXT_OUTLINE:
            return self.outline + 1
        return None


_BOLD, _ITALIC, _UNDERLINE, _FONTS, _SIZE = (W + t for t in ("b", "i", "u", "rFonts", "sz"))
_NUM_PR, _NUM_ID, _ILVL = W + "numPr", W + "numId", W + "ilvl"
_RUN_TAGS = frozenset((_BOLD, _ITALIC, _UNDERLINE, _FONTS, _SIZE))
# Resolved run properties kept per Styles (per distinct styles.xml): a draft has a
# handful of distinct runs, a hostile one may have many, so the memo is bounded.
MAX_RESOLVED_RUNS = 4096


def run_props(rpr: etree._Element | None) -> RunStyle:
    """The properties a ``w:rPr`` sets; the others stay None (inherited)."""
    style = RunStyle()
    if rpr is None:
        return style
    found: dict = {}  # the first child of each tag, as rpr.find(tag) gives: one pass
    for child in rpr:
        tag = child.tag
        if tag in _RUN_TAGS and tag not in found:
            found[tag] = child
    if not found:
        return style
    style.bold = _on(found.get(_BOLD))
    style.italic = _on(found.get(_ITALIC))
    u = found.get(_UNDERLINE)
    if u is not None:
        style.underline = u.get(W + "val", "single") != "none"
    fonts = found.get(_FONTS)
    if fonts is not None:
        style.font = fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or fonts.get(W + "cs")
    sz = found.get(_SIZE)
    if sz is not None:
        half_points = lenient_int(sz.get(W + "val"), None, 2, MAX_HALF_POINTS)
        style.size = half_points / 2 if half_points else None
    return style


class Styles:
    """Paragraph styles with basedOn inheritance resolved, plus document defaults."""

    def __init__(self, root: etree._Element | None):
        self.raw: dict[str, tuple[RunStyle, str | None]] = {}
        self.default = RunStyle()
        self.default_paragraph: str | None = None
        self._cache: dict[str, RunStyle] = {}
        self._runs: dict[tuple, RunStyle] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        if root is None:
            return
        rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default = run_props(rpr)
        for st in root.iter(W + "style"):
            sid = st.get(W + "styleId")
            if not sid:
                continue
            props = run_props(st.find(W + "rPr"))
            name = st.find(W + "name")
            props.name = (name.get(W + "val") if name is not None else sid) or sid
            ppr = st.find(W + "pPr")
            if ppr is not None:
                jc = ppr.find(W + "jc")
                props.align = jc.get(W + "val") if jc is not None else None
                ol = ppr.find(W + "outlineLvl")
                if ol is not None:
                    props.outline = lenient_int(ol.get(W + "val"), None, 0, BODY_TEXT_OUTLINE)
                num = ppr.find(W + "numPr")
                if num is not None:
                    # "List Number"/"List Bullet" number through the style, not the paragraph
                    num_id, ilvl = num.find(W + "numId"), num.find(W + "ilvl")
                    self.numbering[sid] = (
                        num_id.get(W + "val", "0") if num_id is not None else "0",
                        _level(ilvl),
                    )
            based = st.find(W + "basedOn")
            self.raw[sid] = (props, based.get(W + "val") if based is not None else None)
            if st.get(W + "default") in ("1", "true") and st.get(W + "type") == "paragraph":
                self.default_paragraph = sid

    def numbering_of(self, sid: str | None, depth: int = 0) -> tuple[str, int] | None:
        """(numId, level) a paragraph style numbers with, following basedOn."""
        if not sid or depth > 20 or sid not in self.raw:
            return None
        return self.numbering.get(sid) or self.numbering_of(self.raw[sid][1], depth + 1)

    def run(self, sid: str | None, own: RunStyle) -> RunStyle:
        """A run's properties ``own`` over those of its paragraph's style ``sid`` and
        the document defaults; resolved once per style and distinct run properties."""
        key = (sid, own.bold, own.italic, own.underline, own.font, own.size)
        resolved = self._runs.get(key)
        if resolved is None:
            resolved = own.merged(self.get(sid)).merged(self.default)
            if len(self._runs) < MAX_RESOLVED_RUNS:
                self._runs[key] = resolved
        return resolved

    def get(self, sid: str | None) -> RunStyle:
        """Style ``sid`` with everything it inherits (the default paragraph style
        for None)."""
        sid = sid or self.default_paragraph
        if not sid or sid not in self.raw:
            return self.default
        if sid not in self._cache:
            # the basedOn chain up to a resolved style, walked without recursion and
            # cut at a cycle or at MAX_STYLE_DEPTH (the cut end inherits the defaults)
            chain: list[str] = []
            current: str | None = sid
            while (
                current in self.raw
                and current not in self._cache
                and current not in chain
                and len(chain) < MAX_STYLE_DEPTH
            ):
                chain.append(current)
                current = self.raw[current][1]
            base = self._cache.get(current, self.default) if current else self.default
            for style_id in reversed(chain):
                base = self.raw[style_id][0].merged(base)
                self._cache[style_id] = base
        return self._cache[sid]


def _level(ilvl: etree._Element | None) -> int:
    """The list level a ``w:ilvl`` gives (0-8), 0 when it is absent or unreadable."""
    return 0 if ilvl is None else lenient_int(ilvl.get(W + "val"), 0, 0, WORD_LIST_LEVELS - 1)


class Numbering:
    """Renders Word's automatic list numbers ("1.", "a)", "II.") as the user sees them."""

    def __init__(self, root: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(W + "lvl"):
                ilvl = lenient_int(lvl.get(W + "ilvl"), 0, 0, WORD_LIST_LEVELS - 1)
                start = lvl.find(W + "start")
                fmt = lvl.find(W + "numFmt")
                text = lvl.find(W + "lvlText")
                levels[ilvl] = (
                    lenient_int(start.get(W + "val"), 1, 0, MAX_LIST_START)
                    if start is not None
                    else 1,
                    fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(W + "val", "") if text is not None else "",
                )
            self.levels[abstract.get(W + "abstractNumId", "")] = levels
        for num in root.iter(W + "num"):
            aid = num.find(W + "abstractNumId")
            if aid is not None:
                self.num_to_abstract[num.get(W + "numId", "")] = aid.get(W + "val", "")

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """Return (label, is_bullet) for the next item of list ``num_id`` at ``ilvl``."""
        levels = self.levels.get(self.num_to_abstract.get(num_id, ""), {})
        if ilvl not in levels:
            return "", False
        start, fmt, text = levels[ilvl]
        if fmt == "bullet" or fmt == "none":
            return "", fmt == "bullet"
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        label = text
        for lvl in range(ilvl, -1, -1):
            if f"%{lvl + 1}" in label:
                lstart, lfmt, _ = levels.get(lvl, (1, "decimal", ""))
                label = label.replace(f"%{lvl + 1}", format_number(counters.get(lvl, lstart), lfmt))
        return label, False

    def paragraph_label(
        self, ppr: etree._Element | None, inherited: tuple[str, int] | None
    ) -> tuple[str, bool]:
        """(label, is_list_item) for a paragraph with properties ``ppr``, numbered by
        its own ``w:numPr`` or else by its style's (``inherited``: numId, level). A
        list item without a label is a bullet, or a number Word draws as nothing."""
        numbered = inherited
        num = first_child(ppr, _NUM_PR) if ppr is not None else None
        if num is not None:
            num_id, ilvl = first_child(num, _NUM_ID), first_child(num, _ILVL)
            numbered = (
                num_id.get(W + "val", "0") if num_id is not None else (numbered or ("0", 0))[0],
                _level(ilvl),
            )
        if not numbered or numbered[0] == "0":  # numId 0 switches numbering off
            return "", False
        label, bullet = self.label(*numbered)
        return label, bullet or not label


# Parsed styles (with the size they inflated to) by the digest of the stored entry,
# and by the hash of their bytes. Drafts made from one template (a province's form,
# python-docx's default) share styles.xml, and resolving ~160 styles costs more than
# reading the whole text of a short draft; the stored entry's digest (a few kB of
# compressed bytes) finds them without inflating the 350 kB part at all, and a
# template saved by another writer is still found by its bytes.
_STYLES_CACHE: dict[bytes, tuple[Styles, int]] = {}
_STYLES_CACHE_SIZE = 64
STYLES_PART = "word/styles.xml"


def _remember(key: bytes, entry: tuple[Styles, int]) -> None:
    if key not in _STYLES_CACHE and len(_STYLES_CACHE) >= _STYLES_CACHE_SIZE:
        _STYLES_CACHE.pop(next(iter(_STYLES_CACHE)))
    _STYLES_CACHE[key] = entry


def styles_of(package: zipfile.ZipFile, path: Path, limits: Limits | None) -> Styles:
    """The package's styles, parsed once per distinct styles.xml. A part stored as
    one read before is not inflated again, but counts against ``limits`` the same."""
    try:
        info = package.getinfo(STYLES_PART)
    except KeyError:
        return Styles(None)
    stored = stored_entry_digest(package, info)
    if stored is not None and stored in _STYLES_CACHE:
        styles, size = _STYLES_CACHE[stored]
        charge_part(package, STYLES_PART, path, limits, size)
        return styles
    raw = read_part_bytes(package, STYLES_PART, path, limits)
    if raw is None:
        return Styles(None)
    key = b"bytes:" + hashlib.blake2b(raw, digest_size=16).digest()
    entry = _STYLES_CACHE.get(key) or (Styles(parse_part(raw, STYLES_PART, path)), len(raw))
    _remember(key, entry)
    if stored is not None:
        _remember(stored, entry)
    return entry[0]
