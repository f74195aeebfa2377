"""A finding's rewrite: its paragraph as it could read, the missing part a placeholder.

A rule names a rewriter in its pack (``rewrite: task_deadline``); the built-in ones
are in :mod:`nghiquyet.engine.rewriters`. A rewriter is a pure function of the words
a finding is about (a :class:`Source`: a task, a target, a sentence with «sơ kết»)
that returns those words with the missing part written in as a bracketed
placeholder in Vietnamese::

    «Công đoàn vận động các nguồn lực hỗ trợ học sinh khó khăn.»
    ✎ «Công đoàn vận động các nguồn lực hỗ trợ học sinh khó khăn, hoàn thành trước
       ngày [ngày/tháng/năm].»

or ``None`` when it cannot form one well (the owner is in another cell of a table,
the review is already placed in time). :func:`rewrite_finding` splices the result
into the paragraph and keeps it short: a long paragraph shows only the sentence
that changed, with «…» where text is left out. The rewrite is the draft's language,
Vietnamese, whatever the report's language is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .model import Facts, Mention
from .text import word_count

# A rewrite longer than this shows only the sentence (or clause) that changed.
REWRITE_MAX_CHARS = 300

# The placeholders rewriters write; reporters may set them apart (HTML marks them).
PERSON = "[họ tên]"
POST = "[chức vụ]"
DATE = "[ngày/tháng/năm]"
MONTH = "[tháng/năm]"
FIGURE = "[số] [đơn vị]"
FREQUENCY = "[hằng tuần/hằng tháng]"
REMEDY = "[biện pháp]"
PLACEHOLDERS = (PERSON, POST, DATE, MONTH, "[số]", "[đơn vị]", FREQUENCY, REMEDY)
PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS), re.IGNORECASE)


def placeholder_pieces(rewrite: str) -> list[tuple[str, bool]]:
    """``rewrite`` cut into (text, is a placeholder) pieces, for a reporter that sets
    the placeholders apart (HTML marks them)."""
    pieces, at = [], 0
    for m in PLACEHOLDER_RE.finditer(rewrite):
        if m.start() > at:
            pieces.append((rewrite[at : m.start()], False))
        pieces.append((m.group(), True))
        at = m.end()
    if at < len(rewrite):
        pieces.append((rewrite[at:], False))
    return pieces


@dataclass(frozen=True, slots=True)
class Source:
    """What a rewriter rewrites: the words a finding is about (a task's paragraph, a
    target's clause), their match key (same offsets), the finding's detail (the
    collective owner, the vague word), whether they sit in a table cell (where the
    owner and the deadline have columns of their own), and the analysis's mentions
    inside them, their offsets counted from the start of ``text``."""

    text: str
    key: str
    detail: str = ""
    in_table: bool = False
    mentions: tuple[Mention, ...] = ()

    @property
    def dated(self) -> bool:
        """Whether the words name a date (not a term such as «nhiệm kỳ 2025-2030»)."""
        return any(m.kind == "date" and m.unit != "term" for m in self.mentions)

    def opens_with(self, *kinds: str, at: int = 0) -> bool:
        """Whether a mention of one of ``kinds`` starts at ``at`` (a verb at the start)."""
        return any(m.kind in kinds and m.start == at for m in self.mentions)


@dataclass(frozen=True, slots=True)
class Rewriter:
    """A named rewriter: the function and what its rewrite adds, in both languages
    (for ``nghiquyet explain`` and docs/rules.md)."""

    function: Callable[[Source], str | None]
    meaning: dict[str, str]


# -- reading a paragraph -------------------------------------------------------

# A paragraph's own numbering or bullet ("2. ", "- ", "a) ", "II. "), kept in front
_LEAD = re.compile(
    r"^\s*(?:[-–•+*]\s*|\d{1,2}(?:\.\d{1,2})*\s*[.)/]\s*|[a-zđ]\s*[.)]\s+|[ivxlc]{1,5}\s*[.)]\s+)*"
)
# Where a sentence may end: . ! ? … with closing marks, then a space; it does when
# a capital, a digit or a bullet follows, and not after a bare number ("1. Chi ủy")
# nor an abbreviation ("TP. Huế").
_SENTENCE_END = re.compile(r"[.!?…][\"”»')]*\s+")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:\d{1,2}|[IVXLC]{1,5}|[a-zđ]|TP|Tp|ThS|TS|PGS|GS|BS|KS|ĐD|YS|Đ/c|đ/c|Q|P|St)$"
)
# A run-in label before the statement: «Về xây dựng Chi bộ.», «Đối với Chi đoàn:»
_RUN_IN = re.compile(r"(?:về|đối với)\s", re.IGNORECASE)
# What closes a sentence or a list item, left after an addition
_CLOSING = " \t.;:,!?…"


def lead_length(key: str) -> int:
    """How many characters of numbering or bullet open the paragraph."""
    return _LEAD.match(key).end()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, ends after their full stop."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip()
        following = text[m.end() : m.end() + 2].lstrip('"“«(')[:1]
        opens = following.isupper() or following.isdigit() or following in ("-", "–", "•")
        if not opens or not before.strip() or _ABBREVIATION.search(before):
            continue
        spans.append((start, len(text[: m.end()].rstrip())))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def content_end(text: str, end: int | None = None) -> int:
    """Where the words of ``text[:end]`` end, before its closing punctuation."""
    end = len(text) if end is None else end
    while end > 0 and text[end - 1] in _CLOSING:
        end -= 1
    return end


def main_sentence_end(text: str) -> int:
    """The end of the words of the first sentence that is no run-in label («Về xây
    dựng Chi bộ.», «Tuyên truyền.»): a task's or a target's statement; the last
    sentence's when every one is a label."""
    spans = sentence_spans(text)
    for start, end in spans:
        sentence = text[start:end]
        if word_count(sentence) >= 4 and not _RUN_IN.match(sentence[lead_length(sentence) :]):
            return content_end(text, end)
    return content_end(text, spans[-1][1] if spans else len(text))


def insert(text: str, at: int, words: str) -> str:
    """``words`` written into ``text`` at ``at``."""
    return text[:at] + words + text[at:]


def lower_first(text: str) -> str:
    """``text`` with its first word in lower case, unless it starts a name: «Các đoàn
    thể» → «các đoàn thể», but «Hội Nông dân», «THCS» and «Chi đoàn Khoa» stay."""
    words = text.split(maxsplit=2)
    if not words or not words[0][:1].isupper() or words[0].isupper() and len(words[0]) > 1:
        return text
    if len(words) > 1 and words[1][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """``text`` with its first letter (after an opening bracket) in upper case."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def find_words(key: str, words: str, start: int = 0) -> int:
    """Where ``words`` (a match key) stand in ``key`` as whole words; -1 if nowhere."""
    m = re.search(rf"(?<![^\W_]){re.escape(words)}(?![^\W_])", key[start:])
    return -1 if m is None else m.start() + start


# -- the finding's rewrite -----------------------------------------------------


def rewrite_finding(rewriter: Rewriter, facts: Facts, block: int, detail: str, part: str | None):
    """The rewrite of block ``block`` for a finding with ``detail`` about ``part`` of
    it (an item's words; the whole paragraph when None), or None: headings are not
    rewritten, and a rewriter may decline."""
    bf = facts.block(block)
    source_block = facts.document.blocks[block - 1]
    if bf.is_heading:
        return None
    text = source_block.text
    start = text.find(part) if part else 0
    if start < 0 or not part:
        start, part = 0, text
    end = start + len(part)
    inside = tuple(
        m.shifted(start) if start else m  # the whole paragraph: its mentions as they are
        for m in bf.mentions
        if start <= m.start and m.end <= end
    )
    source = Source(part, bf.key[start:end], detail, source_block.table is not None, inside)
    new = rewriter.function(source)
    if not new or new == part:
        return None
    return bounded(text, text[:start] + new + text[end:])


def bounded(old: str, new: str, limit: int = REWRITE_MAX_CHARS) -> str:
    """``new`` on one line; when longer than ``limit``, only the sentence that differs
    from ``old`` (or its clause, or the words around the change), «…» for the rest."""
    prefix = common_prefix(old, new)
    suffix = common_prefix(old[prefix:][::-1], new[prefix:][::-1])  # in what follows it
    start, end = prefix, len(new) - suffix
    if len(new) > limit:
        start, end = _window(new, start, end, limit)
    else:
        start, end = 0, len(new)
    piece = " ".join(new[start:end].split())
    return ("… " if start > 0 else "") + piece + (" …" if end < len(new) else "")


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` have in common from the start: halving
    the range with slices compared in C, not a character at a time in Python."""
    low, high = 0, min(len(a), len(b))  # a[:low] == b[:low]; the count is in [low, high]
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _window(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``; if too long, its clause between
    semicolons; if still too long, ``limit`` characters around it at word ends."""
    for spans in (sentence_spans(text), _clauses(text)):
        around = [(s, e) for s, e in spans if s <= end and e >= start]
        if around and around[-1][1] - around[0][0] <= limit:
            return around[0][0], around[-1][1]
    middle = (start + end) // 2
    left = max(0, min(middle - limit // 2, len(text) - limit))
    right = min(len(text), left + limit)
    while left > 0 and not text[left - 1].isspace():
        left += 1
    while right < len(text) and not text[right].isspace():
        right -= 1
    return left, max(right, left)


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each part of ``text`` between semicolons."""
    spans, start = [], 0
    for m in re.finditer(r";\s*", text):
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    return spans
