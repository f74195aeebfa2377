"""Legacy Vietnamese 8-bit text in a draft: is a text Vietnamese, garbled legacy text,
or neither; which encoding it was typed in; and the repair of a loaded Document.

Before Unicode, Vietnamese drafts were typed in 8-bit fonts (TCVN3 ``.VnTime``,
``VNI-Times``) or saved as Windows-1258. Read as Unicode they are mojibake
(``Céng hoµ x· héi``). A text is judged syllable by syllable against Vietnamese
spelling; a legacy decoding (the tables are in :mod:`nghiquyet.engine.legacy_codecs`)
is accepted only when it makes the text read. Rule NQ001 reports what is left.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .legacy_codecs import (
    DECODERS,
    NAMES,
    TCVN3_TO_UNICODE,
    TONE_SET,
    VIETNAMESE_LETTERS,
    VNI_TO_UNICODE,
    decode_tcvn3,
    decode_vni,
)

# ---------------------------------------------------------------------------
# Plausibility: is a text Vietnamese, garbled legacy text, or neither?


_VIET_DIACRITIC = frozenset(ch for ch in VIETNAMESE_LETTERS if not ch.isascii())
# Punctuation that may open or close a word in real text, stripped before judging.
_EDGE = "\"'“”‘’„«»‹›()[]{}<>.,;:!?…*–—-/\\|&%+=_#@~`^$€"
# Code points that legacy encodings produce and Vietnamese Unicode text never holds.
_MARKERS = frozenset(
    ch
    for ch in set(TCVN3_TO_UNICODE)
    | {c for k in VNI_TO_UNICODE for c in k}
    | set("ÅåÄäËëÏïÜüÆæØøÑñÎîÖöÛû")
    if ch not in VIETNAMESE_LETTERS and not ch.isascii()
)


@dataclass(frozen=True, slots=True)
class TextVerdict:
    """How a text reads: ``words`` with letters, of which ``garbled`` do not read as
    Vietnamese (legacy marks, stray Latin-1 letters, impossible syllables)."""

    words: int
    garbled: int

    @property
    def ratio(self) -> float:
        """The share of words that do not read (0 for a text without words)."""
        return self.garbled / self.words if self.words else 0.0


_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?"
# Vowel nuclei by what may follow them: nothing (they end in a glide, or are open
# diphthongs), an optional final consonant, or a required one ("tiên", never "tiê").
_OPEN = (
    "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu oai oay oao oeo iêu yêu uôi ươi ươu uây uyu "
    "ia ua ưa uya uơ"
)
_CLOSABLE = "a e ê i o ô ơ u ư y oa oe uê uy oo"
_NEEDS_CODA = "ă â iê yê uô ươ uyê oă uâ"


def _alternation(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_CODA = "(?:ch|ng|nh|[cmnpt])"
_SYLLABLE_RE = re.compile(
    f"{_ONSET}(?:(?:{_alternation(_OPEN)})|(?:{_alternation(_CLOSABLE)}){_CODA}?|(?:{_alternation(_NEEDS_CODA)}){_CODA})"
)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Legacy code points and cp1252 punctuation that mojibake produces inside words.
_ODD = frozenset("ƒˆ˜†‡‰•™‹›ŒœŠšŽžŸ")


# Pure functions of one word, called for every word of every block at load and again
# by rule NQ001: a draft repeats a few hundred syllables, so memoising them is cheap.
@lru_cache(maxsize=16384)
def _syllable_ok(piece: str) -> bool:
    """A word with Vietnamese diacritics must be one well-formed syllable."""
    if piece.isascii():
        return True
    if not (piece.islower() or piece.isupper() or (piece[0].isupper() and piece[1:].islower())):
        return False
    decomposed = unicodedata.normalize("NFD", piece.lower())
    if sum(ch in TONE_SET for ch in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_SET))
    return _SYLLABLE_RE.fullmatch(base) is not None


def _words(text: str):
    for token in text.split():
        word = token.strip(_EDGE)
        if word and any(ch.isalpha() or ch in _MARKERS for ch in word):
            yield word


@lru_cache(maxsize=16384)
def _garbled(word: str) -> bool:
    for ch in word:
        if ch.isascii() or ch in VIETNAMESE_LETTERS:
            continue
        if ch in _MARKERS or ch in _ODD or ("\x80" <= ch <= "\u024f" and ch.isalpha()):
            return True
        if unicodedata.category(ch) in ("Mn", "Co", "Cc"):
            return True
    return not all(_syllable_ok(p) for p in _LETTER_RUN.findall(word))


# A pure function of the text, asked of every block at load (to convert or refuse
# it) and again by rule NQ001: memoised, it runs once per block. The texts it holds
# are those of the last few drafts' blocks, alive in their Documents anyway.
@lru_cache(maxsize=4096)
def verdict(text: str) -> TextVerdict:
    """Count the words of ``text`` and those that do not read as Vietnamese."""
    words = garbled = 0
    for word in _words(text):
        words += 1
        garbled += _garbled(word)
    return TextVerdict(words, garbled)


def has_vietnamese(text: str) -> bool:
    """True when ``text`` carries at least one Vietnamese letter with a diacritic."""
    return any(ch in _VIET_DIACRITIC for ch in text)


def _unicode_only(text: str) -> bool:
    # ă đ ơ ư and the toned letters past U+00FF exist only in Unicode text: such a text
    # was not typed in a legacy 8-bit font, and decoding it again would corrupt it.
    return any(ch in _VIET_DIACRITIC and ord(ch) > 0xFF for ch in text)


# A block or document is "garbled" when this share of its words does not read.
GARBLED_RATIO = 0.15
# A legacy decoding is accepted when it leaves at most this share unreadable.
ACCEPT_RATIO = 0.05


def looks_garbled(text: str) -> bool:
    """True when ``text`` has too many words that do not read as Vietnamese (mojibake)."""
    v = verdict(text)
    return v.garbled >= 2 and v.ratio >= GARBLED_RATIO or (v.garbled >= 1 and v.ratio >= 0.5)


def guess_legacy(text: str) -> str | None:
    """Which legacy encoding ``text`` (read as Unicode) was typed in, if any.

    Returns ``"tcvn3"`` or ``"vni"`` when the text is garbled, holds no letter that
    only Unicode has, and that decoding makes it read as Vietnamese; None otherwise.
    Never guesses: both the garbling and the repair must be clear.
    """
    if _unicode_only(text) or not looks_garbled(text):
        return None
    before = verdict(text)
    best: tuple[float, str] | None = None
    for name, decode in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        after_text = decode(text)
        after = verdict(after_text)
        if (
            after.ratio <= ACCEPT_RATIO
            and after.garbled < before.garbled
            and has_vietnamese(after_text)
            and (best is None or after.ratio < best[0])
        ):
            best = (after.ratio, name)
    return best[1] if best else None


def decode_cp1258(data: bytes) -> str | None:
    """Windows-1258 bytes to NFC text, or None when the result is not plausibly Vietnamese."""
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    # a tone mark left over after NFC sat on no vowel: not Vietnamese
    if any(unicodedata.category(ch) == "Mn" for ch in text):
        return None
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text):
        return None
    v = verdict(text)
    if not has_vietnamese(text) or v.ratio > ACCEPT_RATIO:
        return None
    return text


def decode_legacy_bytes(data: bytes) -> tuple[str, str] | None:
    """Raw TCVN3 or VNI bytes (a .txt saved from an old editor) to (text, encoding)."""
    try:  # 8-bit fonts were used on Windows: punctuation sits where cp1252 puts it
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f" for ch in text):
        return None
    encoding = guess_legacy(text)
    if encoding is None:
        return None
    return DECODERS[encoding](text), encoding


def note(encoding: str, count: int, where: str = "font") -> dict[str, str]:
    """The report note that says text was converted from ``encoding``."""
    name = NAMES.get(encoding, encoding)
    if where == "font":
        return {
            "vi": f"Đã chuyển {count} đoạn chữ viết bằng phông {name} sang Unicode trước khi chấm.",
            "en": f"Converted {count} text runs in {name} fonts to Unicode before scoring.",
        }
    if where == "file":
        return {
            "vi": f"Tệp được lưu bằng bảng mã {name}; đã chuyển sang Unicode trước khi chấm.",
            "en": f"The file is encoded in {name}; converted to Unicode before scoring.",
        }
    return {
        "vi": f"Đã nhận ra {count} đoạn chữ mã {name} bị lỗi phông "
        "và chuyển sang Unicode trước khi chấm.",
        "en": f"Recognised {count} paragraphs of {name} mojibake "
        "and converted them to Unicode before scoring.",
    }


# ---------------------------------------------------------------------------
# Whole documents


def repair_blocks(texts: list[str]) -> tuple[list[str], str | None, int]:
    """Convert the legacy-encoded texts among ``texts``; returns (texts, encoding, count).

    The encoding is judged on all texts together (a heading of three words is too
    short to tell TCVN3 from VNI). When nearly the whole document is legacy text,
    every block that is not Unicode-only is converted (``Sè 05-NQ/CB`` reads fine
    but is TCVN3 for ``Số``); in a Unicode document with a pasted legacy paragraph,
    only the blocks that are garbled themselves are.
    """
    candidates = [i for i, t in enumerate(texts) if not _unicode_only(t)]
    garbled = [i for i in candidates if looks_garbled(texts[i])]
    if not garbled:
        return texts, None, 0
    encoding = guess_legacy("\n".join(texts[i] for i in garbled))
    if encoding is None:
        return texts, None, 0
    decode = DECODERS[encoding]
    total_words = sum(verdict(t).words for t in texts) or 1
    legacy_words = sum(verdict(texts[i]).words for i in candidates)
    mostly_legacy = legacy_words / total_words >= 0.9
    out = list(texts)
    count = 0
    for i in candidates:
        before = verdict(texts[i])
        if not mostly_legacy and not looks_garbled(texts[i]):
            continue
        converted = decode(texts[i])
        if converted != texts[i] and verdict(converted).garbled <= before.garbled:
            out[i] = converted
            count += 1
    return out, encoding, count


def repair_document(document) -> None:
    """Convert legacy-encoded blocks of a loaded Document in place, with a note;
    refuse (InputError ``legacy_encoding``) when too much of it still does not read.

    A draft never gets a normal-looking score computed on mojibake: what is left
    below the refusal threshold is reported by rule NQ001 (legacy-encoding-text).
    """
    from .errors import InputError

    texts = [b.text for b in document.blocks]
    repaired, encoding, count = repair_blocks(texts)
    if encoding and count:
        for block, text in zip(document.blocks, repaired, strict=True):
            block.text = text
        document.notes.append(note(encoding, count, where="text"))
        document.meta.setdefault("legacy_text", {})[encoding] = count
    words = garbled = 0
    for block in document.blocks:
        v = verdict(block.text)
        words += v.words
        garbled += v.garbled
    if words and garbled >= 3 and garbled / words >= GARBLED_RATIO:
        name = document.path.rsplit("/", 1)[-1]
        raise InputError(
            "legacy_encoding",
            f"{name}: {garbled}/{words} từ không đọc được "
            "(chữ bị lỗi phông hoặc bảng mã cũ không nhận ra); hãy chuyển văn bản sang Unicode "
            "(ví dụ bằng Unikey, Ctrl+Shift+F6) rồi kiểm tra lại",
            f"{name}: {garbled} of {words} words do not read as Vietnamese "
            "(a legacy font or encoding that could not be recognised); "
            "convert the text to Unicode (e.g. Unikey's converter) and retry",
        )


# ---------------------------------------------------------------------------
# Rule type ``legacy_text`` (rule NQ001 in rules/meta.yaml)


def check_legacy_text(facts, rule):
    """One check per block: fails when the block still reads as mojibake (a legacy
    font or encoding left unconverted); the detail names the likely encoding."""
    from .rules import Hit, Outcome

    blocks = facts.document.blocks
    hits = []
    for block in blocks:
        if looks_garbled(block.text):
            encoding = guess_legacy(block.text)
            hits.append(Hit(block.index, NAMES.get(encoding, "?") if encoding else "?"))
    return Outcome(len(blocks) - len(hits), len(blocks), hits)
