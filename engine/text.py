"""Text helpers shared by every step: NFC, tone-placement folding, excerpts.

Vietnamese allows two placements of the tone mark in the syllables "oa", "oe" and
"uy" ("hoà"/"hòa", "thuỷ"/"thủy"); both are correct and both appear in real drafts.
We never rewrite what the user wrote: we build a *match key* instead, a lower-cased
copy in which every such syllable uses one placement. The key has exactly the same
length as the text, so a match found in the key points at the same characters in
the text.
"""

from __future__ import annotations

import re
import unicodedata

# Tone mark on the first vowel (old style) -> on the second (new style).
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _toned(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


_FOLD: dict[str, str] = {}
for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
    for _tone in _TONES:
        _FOLD[_toned(_first, _tone) + _second] = _first + _toned(_second, _tone)

# Only a syllable-final pair moves its tone ("hòa" -> "hoà") and never after "q"
# ("quý" is qu + ý already). The pair comes first and "not after q" is asked behind
# it (three characters back: q and the pair): a pattern that opens with its
# alternatives lets re skip to the toned vowels they start with, which a leading
# lookbehind prevents (four times faster on a draft).
_FOLD_RE = re.compile(
    "(" + "|".join(sorted(_FOLD, key=len, reverse=True)) + r")(?<!q..)(?![^\W\d_])"
)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC, the one form every step works on."""
    return unicodedata.normalize("NFC", text)


def match_key(text: str) -> str:
    """Lower-case ``text`` and unify tone placement; same length as ``text``.

    >>> match_key("Thủy lợi HÒA BÌNH") == match_key("Thuỷ lợi Hoà Bình")
    True
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few exotic characters change length; keep offsets
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return _FOLD_RE.sub(lambda m: _FOLD[m.group(1)], lowered)


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 90) -> str:
    """A short single-line excerpt of ``text`` around ``[start, end)``."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    if end is None:  # no span: the start of the block is what identifies it
        return text[: width - 1].rstrip() + "…"
    mid = (start + end) // 2
    left = max(0, min(mid - width // 2, len(text) - width))
    piece = text[left : left + width]
    return ("…" if left > 0 else "") + piece + ("…" if left + width < len(text) else "")


class CuedPattern:
    """A pattern whose every match holds one of its ``cues``, tried only on a text
    that holds one: a substring test costs far less than a search over a sentence
    that ``re`` cannot skip through (a pattern opening with alternatives of words or a
    lookbehind). Keep the cues true to the pattern: the tests check every match of
    every block we hold for one."""

    def __init__(self, pattern: str, *cues: str):
        self.pattern, self.cues = re.compile(pattern), cues

    def search(self, text: str) -> re.Match[str] | None:
        for cue in self.cues:
            if cue in text:
                return self.pattern.search(text)
        return None


_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


# Marks that close or open a word ("đề,", "(2025);", "«Nhà"): stripped from a piece
# between blanks before it is tested whole; none is a letter or a digit.
_WORD_EDGES = ".,;:!?()[]{}\"'“”‘’«»…-–—/%*"


def word_count(text: str) -> int:
    """Number of syllables (Vietnamese words are written syllable by syllable): runs of
    letters and digits. A piece between blanks that is all letters and digits once its
    edge marks are stripped (``str.isalnum``, the pattern's own test) is one; only the
    others ("đ/c", "3-4") are searched."""
    count = 0
    for piece in text.split():
        if piece.isalnum():
            count += 1
        else:
            core = piece.strip(_WORD_EDGES)
            if core.isalnum():
                count += 1
            elif core:
                count += len(_WORD_RE.findall(core))
    return count


# A run-in heading ("**Tình hình.** Hợp tác xã ...") is a few words, not a sentence.
RUN_IN_MAX_WORDS = 12
