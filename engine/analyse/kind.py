"""What kind of document this is, before anything is scored.

The criteria are those of a thematic resolution (nghị quyết chuyên đề). A congress
or monthly resolution is scored with a note that the criteria apply to it only in
part; a report, a plan or another kind of document, text typed without Vietnamese
diacritics, and text that is not Vietnamese at all are not scored (the runner
refuses them with ``not_a_resolution`` or ``no_diacritics`` unless ``--force``).

:func:`read_kind` is a pure function of the blocks' text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import DocumentError
from ..text import match_key

# Below this many words a text is too short to judge its language (a two-line English
# note is past it; a task line of a Vietnamese draft is not).
LANGUAGE_MIN_WORDS = 20
# Vietnamese prose puts a diacritic on well over a third of its syllables; typed
# without them (or in another language), on almost none.
DIACRITIC_MIN_SHARE = 0.08
# Typed without diacritics, the commonest Vietnamese syllables still make up this
# share of the words; in English they are rare.
PLAIN_SYLLABLE_MIN_SHARE = 0.2
# A Vietnamese text this long that never names a resolution, a cell or the Party is
# about something else.
MARKERS_MIN_WORDS = 150
# The document's kind is named on one of its first lines.
TITLE_SCAN_BLOCKS = 20
TITLE_MAX_WORDS = 16

_BASE_LETTERS = set("abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"[^\W\d_]+")
# The commonest syllables of resolutions as typed without diacritics
_PLAIN_WORDS = (
    "chi bo dang vien nghi quyet thuc hien cua va cac nhung trong duoc cho voi nam thang "
    "ngay xa thon ho nguoi viec nay mot khong co la de tai theo tren nhan dan cong tac "
    "lanh dao muc tieu giai phap nhiem vu kiem tra so ket tong dong phu trach"
)
_PLAIN_SYLLABLES = set(_PLAIN_WORDS.split())
# Document kinds named by their title line (Hướng dẫn 36 calls them "tên loại")
_KIND_TITLE = re.compile(
    r"^(nghị quyết|báo cáo|kế hoạch|chương trình|quyết định|tờ trình|biên bản|thông báo"
    r"|hướng dẫn|công văn|đề án|quy chế)\b"
)
# "NGHỊ QUYẾT ĐẠI HỘI CHI BỘ ...", or the title's next line "ĐẠI HỘI CHI BỘ ... LẦN
# THỨ XII, NHIỆM KỲ 2025–2027"; a topic "về thực hiện Nghị quyết Đại hội ..." is not one
_CONGRESS_TITLE = re.compile(r"^nghị quyết\s+(?:của\s+)?đại hội")
_CONGRESS_LINE = re.compile(r"^đại hội|đại hội\b.*\bnhiệm kỳ")
# "NGHỊ QUYẾT tháng 3/2027", "... lãnh đạo thực hiện nhiệm vụ tháng 3"
_MONTHLY = re.compile(r"^nghị quyết\s+(?:chi bộ\s+)?tháng\s+\d|nhiệm vụ tháng\s+\d")
_MARKERS = ("nghị quyết", "chi bộ", "đảng")

NAMES = {
    "báo cáo": ("báo cáo", "report"),
    "kế hoạch": ("kế hoạch", "plan"),
    "chương trình": ("chương trình", "programme"),
    "quyết định": ("quyết định", "decision"),
    "tờ trình": ("tờ trình", "submission"),
    "biên bản": ("biên bản", "minutes"),
    "thông báo": ("thông báo", "notice"),
    "hướng dẫn": ("hướng dẫn", "guidance"),
    "công văn": ("công văn", "official letter"),
    "đề án": ("đề án", "scheme"),
    "quy chế": ("quy chế", "regulation"),
}


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """``kind`` is "thematic", "congress" or "monthly" (scored), or "other_kind",
    "no_diacritics" or "not_vietnamese" (refused); ``title`` is the kind's name as
    the document writes it ("báo cáo"), for the message."""

    kind: str
    title: str | None = None

    @property
    def scored(self) -> bool:
        return self.kind in ("thematic", "congress", "monthly")


def read_kind(texts: Sequence[str]) -> DocumentKind:
    """The kind of the document whose blocks hold ``texts``."""
    words, marked, settled = _read_words(texts[:400])
    if (
        not settled
        and len(words) >= LANGUAGE_MIN_WORDS
        and marked < DIACRITIC_MIN_SHARE * len(words)
    ):
        plain = sum(1 for w in words if w.lower() in _PLAIN_SYLLABLES) / len(words)
        return DocumentKind(
            "no_diacritics" if plain >= PLAIN_SYLLABLE_MIN_SHARE else "not_vietnamese"
        )
    title = _title_kind(texts)
    if title is not None and title[0] != "nghị quyết":
        return DocumentKind("other_kind", title[0])
    if title is not None:
        heading, following = title[1], title[2]
        if _CONGRESS_TITLE.match(heading) or (
            not following.startswith("về") and _CONGRESS_LINE.search(following)
        ):
            return DocumentKind("congress", "nghị quyết đại hội")
        if _MONTHLY.search(f"{heading} {following}"):
            return DocumentKind("monthly", "nghị quyết tháng")
        return DocumentKind("thematic", "nghị quyết")
    whole = match_key(" ".join(texts[:400]))
    if len(words) >= MARKERS_MIN_WORDS and not any(m in whole for m in _MARKERS):
        return DocumentKind("other_kind")
    return DocumentKind("thematic")


def _read_words(texts: Sequence[str]) -> tuple[list[str], int, bool]:
    """(the words read, how many of them carry a diacritic, settled). Reading stops
    early, settled, once the share of marked words is at least DIACRITIC_MIN_SHARE
    whatever the texts left hold and MARKERS_MIN_WORDS words are read: all that
    :func:`read_kind` asks of the words then. A Vietnamese draft settles within about
    its first third (a text of n characters holds at most (n + 1) // 2 words)."""
    left = sum(map(len, texts)) + len(texts)  # twice the most words the rest can hold
    words: list[str] = []
    marked = 0
    for text in texts:
        found = _WORD.findall(text)
        words += found
        marked += sum(map(_marked, found))
        left -= len(text) + 1
        if len(words) >= MARKERS_MIN_WORDS and marked >= DIACRITIC_MIN_SHARE * (
            len(words) + left / 2
        ):
            return words, marked, True
    return words, marked, False


@functools.lru_cache(maxsize=8192)
def _marked(word: str) -> bool:
    # per distinct word: a draft repeats a few hundred syllables
    return any(c.lower() not in _BASE_LETTERS for c in word)


def _title_kind(texts: Sequence[str]) -> tuple[str, str, str] | None:
    """(kind named by the title line, the title line, the line after it), if any."""
    for i, text in enumerate(texts[:TITLE_SCAN_BLOCKS]):
        key = match_key(unicodedata.normalize("NFC", text)).strip(" *#")
        if len(key.split()) > TITLE_MAX_WORDS:
            continue
        found = _KIND_TITLE.match(key)
        if found:
            following = match_key(texts[i + 1]).strip(" *#") if i + 1 < len(texts) else ""
            return found.group(1), key, following
    return None


def kind_error(kind: DocumentKind, path: str) -> DocumentError | None:
    """Why a document of ``kind`` is not scored, or None when it is."""
    if kind.kind == "no_diacritics":
        return DocumentError(
            "no_diacritics",
            {
                "vi": f"{path}: văn bản gõ không dấu, không chấm được; hãy gõ lại tiếng Việt có "
                "dấu (Unicode), hoặc dùng --force để vẫn chấm",
                "en": f"{path}: the text is typed without Vietnamese diacritics and cannot be "
                "scored; retype it with diacritics (Unicode), or use --force to score it anyway",
            },
        )
    if kind.kind == "not_vietnamese":
        return DocumentError(
            "not_a_resolution",
            {
                "vi": f"{path}: không phải văn bản tiếng Việt, nên không phải một dự thảo nghị "
                "quyết để chấm (dùng --force để vẫn chấm)",
                "en": f"{path}: not Vietnamese text, so not a draft resolution to score "
                "(use --force to score it anyway)",
            },
        )
    if kind.kind == "other_kind":
        return DocumentError("not_a_resolution", _other_kind_message(kind.title, path))
    return None


def _other_kind_message(title: str | None, path: str) -> dict[str, str]:
    if title is None:
        return {
            "vi": f"{path}: không thấy đây là một nghị quyết (không nhắc đến nghị quyết, chi bộ "
            "hay Đảng); dùng --force để vẫn chấm",
            "en": f"{path}: this does not read as a resolution (it never names a resolution, a "
            "party cell or the Party); use --force to score it anyway",
        }
    vi, en = NAMES[title]
    message = {
        "vi": f"{path}: đây là {vi}, không phải nghị quyết chuyên đề; các tiêu chí của công cụ "
        "dành cho nghị quyết chuyên đề (dùng --force để vẫn chấm)",
        "en": f"{path}: this is a {en}, not a thematic resolution, which is what the criteria "
        "are for (use --force to score it anyway)",
    }
    if title == "báo cáo":
        message["vi"] += (
            ". Báo cáo sơ kết, tổng kết là để đánh giá việc thực hiện một nghị quyết: hãy "
            "đối chiếu nó với chính nghị quyết chuyên đề đó"
        )
        message["en"] += (
            ". A progress report (sơ kết, tổng kết) reviews how a resolution was carried "
            "out: hold it against that resolution"
        )
    return message


def kind_note(kind: DocumentKind) -> dict[str, str] | None:
    """The note that opens the report of a document scored though it is not a thematic
    resolution."""
    if kind.kind == "congress":
        return {
            "vi": "Đây là nghị quyết đại hội chi bộ: các tiêu chí của nghị quyết chuyên đề chỉ "
            "áp dụng một phần.",
            "en": "This is a party-cell congress resolution: the criteria of a thematic "
            "resolution apply to it only in part.",
        }
    if kind.kind == "monthly":
        return {
            "vi": "Đây là nghị quyết tháng: các tiêu chí của nghị quyết chuyên đề chỉ áp dụng "
            "một phần.",
            "en": "This is a monthly resolution: the criteria of a thematic resolution apply to "
            "it only in part.",
        }
    if not kind.scored:
        return {
            "vi": "Văn bản này không phải nghị quyết chuyên đề; vẫn chấm theo yêu cầu (--force).",
            "en": "This text is not a thematic resolution; scored as asked (--force).",
        }
    return None
