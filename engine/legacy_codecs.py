"""The code tables of legacy Vietnamese 8-bit text: TCVN3 (ABC) and VNI fonts, and
Windows-1258 as Vietnamese editors wrote it.

Before Unicode, Vietnamese drafts were typed in 8-bit fonts. The bytes are ordinary
Latin-1 code points; only the font draws them as Vietnamese letters. Opened with a
Unicode font (or read as text) they look like ``Céng hoµ x· héi`` (TCVN3) or
``Coäng hoøa xaõ hoäi`` (VNI). This module converts both to NFC Unicode and back, and
tells which legacy encoding a font name implies. Whether a text *needs* converting
(is it garbled? in which encoding?) is judged in :mod:`nghiquyet.engine.legacy`.

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

# The five tone marks in the order tables below use: huyền, hỏi, ngã, sắc, nặng.
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TONE_SET = frozenset(TONES)
BASE_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _toned(vowel: str, tone_index: int) -> str:
    """``vowel`` with tone ``tone_index`` (0 = no tone, 1..5 as in TONES), NFC."""
    if tone_index == 0:
        return vowel
    return unicodedata.normalize("NFC", vowel + TONES[tone_index - 1])


def _vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet, both cases, with each tone."""
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for vowel in BASE_VOWELS:
        for tone in range(6):
            letters.add(_toned(vowel, tone))
    return frozenset(letters | {ch.upper() for ch in letters})


VIETNAMESE_LETTERS: frozenset[str] = _vietnamese_letters()


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
# Windows-1258


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
        tones = "".join(c for c in decomposed if c in TONE_SET)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_SET))
        out += (base + tones).encode("cp1258")
    return bytes(out)
