"""Legacy Vietnamese 8-bit text: TCVN3 (ABC) and VNI fonts, Windows-1258, and mojibake.

Before Unicode, Vietnamese drafts were typed in 8-bit fonts. The bytes are ordinary
Latin-1 code points; only the font draws them as Vietnamese letters. Opened with a
Unicode font (or read as text) they look like ``Céng hoµ x· héi`` (TCVN3) or
``Coäng hoøa xaõ hoäi`` (VNI). This module converts both back to NFC Unicode, tells
which legacy encoding a font name implies, and judges whether a text is plausible
Vietnamese, still garbled, or beyond repair.

Sources of the tables (transcribed by hand, not copied from a program):

* **TCVN3** is the VN3 set of TCVN 5712:1993 "Công nghệ thông tin — Bộ mã chuẩn 8-bit
  kí tự Việt dùng trong trao đổi thông tin", the code table of the ``.Vn…`` fonts
  (``.VnTime``, ``.VnArial``…). VN3 has precomposed lower-case letters with tones
  (``0xB5`` = "à", ``0xD6`` = "ệ") and the upper-case letters Ă Â Ê Ô Ơ Ư Đ without
  tone (``0xA1``–``0xA7``); upper-case letters *with* a tone do not exist in VN3, so
  titles use companion capital fonts (``.VnTimeH``, ``.VnArialH``) that draw the
  lower-case codes as capitals.
* **VNI** is the "VNI for Windows" table published by VNI Software with its
  ``VNI-…`` fonts (``VNI-Times``, ``VNI-Helve``…). A letter is a base letter followed
  by a modifier byte: tone (``ø`` huyền, ``ù`` sắc, ``û`` hỏi, ``õ`` ngã, ``ï`` nặng),
  circumflex (``â``), breve (``ê``), or circumflex/breve with a tone; ơ, ư, đ and the
  toned i are single bytes (``ô``, ``ö``, ``ñ``, ``ì í æ ó ò``), and ỵ is ``î``.
  Capitals use the upper-case forms of the same bytes.
* **Windows-1258** is read with Python's ``cp1258`` codec; its tones are combining
  marks, so the text is NFC-normalised afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The five tone marks in the order tables below use: huyền, hỏi, ngã, sắc, nặng.
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
BASE_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _toned(vowel: str, tone_index: int) -> str:
    """``vowel`` with tone ``tone_index`` (0 = no tone, 1..5 as in TONES), NFC."""
    if tone_index == 0:
        return vowel
    return unicodedata.normalize("NFC", vowel + TONES[tone_index - 1])


# ---------------------------------------------------------------------------
# TCVN3 (VN3 of TCVN 5712:1993). One row per vowel: the code of the bare letter,
# then huyền, hỏi, ngã, sắc, nặng. Plain ASCII letters stand for themselves.

_TCVN3_ROWS: dict[str, tuple[int | str, int, int, int, int, int]] = {
    "a": ("a", 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": ("e", 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": ("i", 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": ("o", 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": ("u", 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": ("y", 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_SINGLES = {
    0xAE: "đ",
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
}


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for vowel, codes in _TCVN3_ROWS.items():
        # row order: bare letter, then huyền, hỏi, ngã, sắc, nặng (the TONES order)
        for tone, code in enumerate(codes):
            if isinstance(code, int):
                table[chr(code)] = _toned(vowel, tone)
    for code, letter in _TCVN3_SINGLES.items():
        table[chr(code)] = letter
    return table


TCVN3_TO_UNICODE: dict[str, str] = _build_tcvn3()
UNICODE_TO_TCVN3: dict[str, str] = {v: k for k, v in TCVN3_TO_UNICODE.items()}
_TCVN3_TRANS = str.maketrans(TCVN3_TO_UNICODE)


def decode_tcvn3(text: str, caps: bool = False) -> str:
    """TCVN3 text (as Latin-1 code points) to NFC Unicode.

    ``caps`` is for the capital fonts (``.VnTimeH``) that draw every code as a capital.
    """
    out = _fold_private_use(text).translate(_TCVN3_TRANS)
    return unicodedata.normalize("NFC", out.upper() if caps else out)


def encode_tcvn3(text: str, caps: bool = False) -> str:
    """Unicode to TCVN3 code points: the inverse of :func:`decode_tcvn3`.

    Without ``caps``, upper-case letters with a tone cannot be written (VN3 has none)
    and raise ``ValueError``; with ``caps`` the text is written for a capital font.
    """
    text = unicodedata.normalize("NFC", text)
    if caps:
        text = text.lower()
    out = []
    for ch in text:
        if ch in UNICODE_TO_TCVN3:
            out.append(UNICODE_TO_TCVN3[ch])
        elif ch.isascii() or ch not in VIETNAMESE_LETTERS:
            out.append(ch)
        else:
            raise ValueError(f"{ch!r} has no TCVN3 (VN3) code; use a capital font (.VnTimeH)")
    return "".join(out)


# ---------------------------------------------------------------------------
# VNI for Windows. Modifier bytes follow a base letter; tone order as TONES.

_VNI_TONE = ("ø", "û", "õ", "ù", "ï")  # huyền, hỏi, ngã, sắc, nặng
_VNI_CIRC = ("â", "à", "å", "ã", "á", "ä")  # â then â + the five tones
_VNI_BREVE = ("ê", "è", "ú", "ü", "é", "ë")  # ă then ă + the five tones
_VNI_I = ("ì", "æ", "ó", "í", "ò")  # ì ỉ ĩ í ị are single bytes
_VNI_Y_NANG = "î"  # ỵ is a single byte
_VNI_SINGLE_BASE = {"ơ": "ô", "ư": "ö", "đ": "ñ"}


def _vni_lower() -> dict[str, str]:
    """Unicode lower-case letter -> its VNI byte sequence."""
    table: dict[str, str] = {"đ": "ñ"}
    for vowel in BASE_VOWELS:
        for tone in range(6):
            letter = _toned(vowel, tone)
            if vowel in ("a", "e", "o", "u", "y"):
                seq = vowel + ("" if tone == 0 else _VNI_TONE[tone - 1])
                if vowel == "y" and tone == 5:
                    seq = _VNI_Y_NANG
            elif vowel in ("â", "ê", "ô"):
                seq = {"â": "a", "ê": "e", "ô": "o"}[vowel] + _VNI_CIRC[tone]
            elif vowel == "ă":
                seq = "a" + _VNI_BREVE[tone]
            elif vowel == "i":
                seq = "i" if tone == 0 else _VNI_I[tone - 1]
            else:  # ơ, ư: a single base byte, then an ordinary tone byte
                seq = _VNI_SINGLE_BASE[vowel] + ("" if tone == 0 else _VNI_TONE[tone - 1])
            table[letter] = seq
    return table


UNICODE_TO_VNI: dict[str, str] = {}
for _letter, _seq in _vni_lower().items():
    UNICODE_TO_VNI[_letter] = _seq
    UNICODE_TO_VNI[_letter.upper()] = _seq.upper()
VNI_TO_UNICODE: dict[str, str] = {
    seq: letter for letter, seq in UNICODE_TO_VNI.items() if not seq.isascii()
}
# A capital base typed with a lower-case modifier (Caps Lock on, Shift off) still
# means the capital letter: accept both cases of the modifier, the base decides.
for _letter, _seq in list(UNICODE_TO_VNI.items()):
    if len(_seq) == 2 and not _seq[1].isascii():
        for _mod in (_seq[1].lower(), _seq[1].upper()):
            VNI_TO_UNICODE.setdefault(_seq[0] + _mod, _letter)
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)))


def decode_vni(text: str) -> str:
    """VNI text (as Latin-1 code points) to NFC Unicode."""
    out = _VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], _fold_private_use(text))
    return unicodedata.normalize("NFC", out)


def encode_vni(text: str) -> str:
    """Unicode to VNI code points: the inverse of :func:`decode_vni`."""
    return "".join(UNICODE_TO_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def _fold_private_use(text: str) -> str:
    # Word stores some 8-bit font text as U+F0xx (the "symbol font" range).
    if not any("\uf000" <= ch <= "\uf0ff" for ch in text):
        return text
    return "".join(chr(ord(ch) - 0xF000) if "\uf020" <= ch <= "\uf0ff" else ch for ch in text)


# ---------------------------------------------------------------------------
# Fonts

DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "cp1258": "Windows-1258"}


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a font implies: ``("tcvn3", caps)``, ``("vni", False)`` or None.

    TCVN3 fonts are named ``.Vn…`` (``.VnTime``; the capital fonts end in ``H``:
    ``.VnTimeH``, ``.VnArialH``); VNI fonts ``VNI-…`` (``VNI-Times``, ``VNI-Helve``).
    """
    if not font:
        return None
    name = font.strip()
    lower = name.lower()
    if lower.startswith(".vn"):
        return "tcvn3", name.endswith("H")
    if lower.startswith(("vni-", "vni ")):
        return "vni", False
    return None


def decode_font_text(text: str, font: str | None) -> tuple[str, str | None]:
    """Convert one run's text by its font; returns (text, encoding or None)."""
    kind = font_encoding(font)
    if kind is None:
        return text, None
    encoding, caps = kind
    if encoding == "tcvn3":
        return decode_tcvn3(text, caps), encoding
    return decode_vni(text), encoding


# ---------------------------------------------------------------------------
# Plausibility: is a text Vietnamese, garbled legacy text, or neither?


def _vietnamese_letters() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for vowel in BASE_VOWELS:
        for tone in range(6):
            letters.add(_toned(vowel, tone))
    return frozenset(letters | {ch.upper() for ch in letters})


VIETNAMESE_LETTERS: frozenset[str] = _vietnamese_letters()
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


@dataclass(slots=True)
class TextVerdict:
    """How a text reads: ``words`` with letters, of which ``garbled`` do not read as
    Vietnamese (legacy marks, stray Latin-1 letters, impossible syllables)."""

    words: int
    garbled: int

    @property
    def ratio(self) -> float:
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
_TONE_SET = frozenset(TONES)
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
    if sum(ch in _TONE_SET for ch in decomposed) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_SET))
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


def encode_cp1258(text: str) -> bytes:
    """Unicode to Windows-1258 the way Vietnamese editors wrote it: base letter, then
    the tone as a combining mark (used to build test files and by converters)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in _TONE_SET)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
        out += (base + tones).encode("cp1258")
    return bytes(out)


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
