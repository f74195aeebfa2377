"""Which sentences of a report speak of a target or a task: the content words they share.

Vietnamese writes a word syllable by syllable ("phân loại", "thu gom"), so a text is
read as syllables, and a pair of neighbouring syllables stands for a word. Both sides
are folded to letters without diacritics, so the two tone placements ("hoà"/"hòa"),
a slip of a tone mark and a report typed without diacritics all meet; pairs keep that
folding from mixing words up ("hộ dân" and "họ dân" fold alike, but rarely both occur).
Function words and the wording every resolution shares (stop words) are left out, and
a syllable or pair that most sentences of the report hold weighs less than a rare one
(inverse document frequency), so "rác" in a report about rubbish decides nothing and
"thu phí" decides much.

An item matches a sentence when the sentence holds one of its pairs that is not
everywhere (:data:`SPECIFIC_SHARE`), and either :data:`MIN_SHARE` of the item's weight or
pairs of it weighing :data:`STRONG` (a long task told in a short sentence that shares
two rare words: "kiểm tra, giám sát"). An item often says several things
("sửa hương ước, họp thôn trước ngày 30/4; nộp hồ sơ trước ngày 31/3") that a report
tells in different sentences, so each of its parts between commas and semicolons that
says enough alone (:data:`PIECE_MIN_PAIRS`) is matched too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import match_key
from .brackets import split_outside

# What a sentence must hold of an item's weight to speak of it, or else of its words
# of two syllables in weight (a long item told in a short sentence: two rare words)
MIN_SHARE = 0.3
STRONG = 14.0
# A word (a pair) is not found everywhere when at most this share of the sentences
# and paragraphs hold it, or at most this many: a match needs one such word
SPECIFIC_SHARE = 0.15
SPECIFIC_COUNT = 3
# A pair (a word of two syllables) weighs this many syllables.
PAIR_WEIGHT = 2.0
# Of the sentences an item or a part matches, those this much weaker than its best
# one are left out.
REACH = 0.75
# A sentence goes to the items that match it best: an item keeps it when it holds at
# least this share of what the best item for it holds.
COMPETE = 0.5
# Words around an item (a task's owner) help find it, at this weight.
CONTEXT_WEIGHT = 0.25
# A part of an item is matched alone when it holds this many words of two syllables.
PIECE_MIN_PAIRS = 2
_PIECE_END = re.compile(r"[,;:.](?=\s)")

# Function words, words every resolution and report uses whatever it is about, and
# the words of progress (which say how far, not what): compared with their diacritics
_STOP_WORDS = (
    "và của các cho với trong tại là được có không chưa còn đã sẽ đang này đó một những "
    "việc từ theo để khi nên do vì như thì mà vào lên đến về trên dưới hơn rất cũng "
    "trước ngày tháng năm hết sau nay đầu cuối mỗi hằng ít nhất tối thiểu đa quá trở "
    "xuống đạt bằng ở nhằm phấn đấu đề tiếp tục tăng cường đẩy mạnh toàn thể "
    "mới rồi cùng cả tất bị qua nào gì kết quả thực hiện nghị quyết số "
    "hoàn thành xong tất đủ"
)
_SYLLABLE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char)[:1].lower()
    return base if len(base) == 1 else char


def fold(text: str) -> str:
    """``text`` lower-cased without diacritics, one character for one ("Hòa" -> "hoa")."""
    return "".join(_fold_char(c) for c in text)


STOP = frozenset(match_key(w) for w in _STOP_WORDS.split())


@dataclass(slots=True)
class Terms:
    """The content of a text: its syllables and pairs, each with where it occurs."""

    syllables: dict[str, list[int]] = field(default_factory=dict)
    pairs: dict[str, list[int]] = field(default_factory=dict)


def terms_of(text: str) -> Terms:
    """The content syllables and pairs of ``text``, with their offsets in it; a pair
    never spans punctuation ("kiểm tra, giám sát" holds no pair "tra giám")."""
    key, folded = match_key(text), fold(text)
    # a stop word is known by its diacritics ("bị" is one, "bí" is not); a term by its
    # folded letters
    found = [
        (folded[m.start() : m.end()], m.start(), m.end(), m.group() in STOP)
        for m in _SYLLABLE.finditer(key)
    ]
    out = Terms()
    for i, (word, start, end, stop) in enumerate(found):
        if stop:
            continue
        if len(word) > 1:  # a one-letter syllable ("ủ") counts only in a pair ("ủ phân")
            out.syllables.setdefault(word, []).append(start)
        following = found[i + 1] if i + 1 < len(found) else None
        if following and not following[3] and not folded[end : following[1]].strip():
            out.pairs.setdefault(f"{word} {following[0]}", []).append(start)
    return out


@dataclass(slots=True)
class Match:
    """A sentence that speaks of an item: how much of the item it holds, and where."""

    share: float
    index: int  # the sentence's place in the index
    anchors: list[int]  # offsets in the sentence of the shared syllables
    words: frozenset[str] = frozenset()  # the item's pairs the sentence holds


class Index:
    """The sentences of a report, ready to be matched (their terms and weights).

    A term's weight comes from how many of the report's sentences and of the
    ``background`` paragraphs (the resolution's) hold it: "chi bộ" is in most
    paragraphs of a resolution, so a report sentence that shares only that says little.
    """

    def __init__(self, texts: list[str], background: list[str] = ()):
        self.terms = [terms_of(text) for text in texts]
        counts: Counter[str] = Counter()
        for terms in [*self.terms, *(terms_of(text) for text in background)]:
            counts.update(terms.syllables.keys())
            counts.update(terms.pairs.keys())
        self._size = len(texts) + len(background)
        self._counts = counts
        # the sentences that hold each pair: a match needs one, so only those are read
        self._holding: dict[str, list[int]] = {}
        for index, terms in enumerate(self.terms):
            for pair in terms.pairs:
                self._holding.setdefault(pair, []).append(index)

    def weight(self, term: str) -> float:
        """Inverse document frequency: a term most sentences hold weighs little."""
        return math.log((self._size + 1) / (self._counts.get(term, 0) + 1)) + 1

    def specific(self, term: str) -> bool:
        """Whether ``term`` is not found everywhere (:data:`SPECIFIC_SHARE`)."""
        count = self._counts.get(term, 0)
        return count <= max(SPECIFIC_COUNT, self._size * SPECIFIC_SHARE)

    def matches(self, text: str, context: str = "") -> list[Match]:
        """The sentences that speak of ``text`` or of one of its parts (``context``:
        words around it that help, at :data:`CONTEXT_WEIGHT`), best first."""
        parts = pieces(text)
        found = [self.matches_whole(text, context)]
        found += [self.matches_whole(p, context) for p in parts if len(parts) > 1]
        best: dict[int, Match] = {}
        for matches in found:
            for m in matches:
                if m.share < matches[0].share * REACH:
                    break
                if m.index not in best or best[m.index].share < m.share:
                    best[m.index] = m
        return sorted(best.values(), key=lambda m: (-m.share, m.index))

    def matches_whole(self, text: str, context: str = "") -> list[Match]:
        """The sentences that speak of ``text`` as a whole, best first."""
        own, around = terms_of(text), terms_of(context)
        wanted = self._wanted(own, 1.0)
        total = sum(wanted.values())  # context found is a bonus, context missing no loss
        for term, weight in self._wanted(around, CONTEXT_WEIGHT).items():
            wanted.setdefault(term, weight)
        # a sentence must hold a word of the item itself that is not found everywhere
        # ("chi bộ" is): only the sentences holding one are read
        words_here = [self._holding.get(p, []) for p in own.pairs if self.specific(p)]
        if not total or not words_here:
            return []
        found = []
        for index in sorted(set().union(*words_here)):
            terms = self.terms[index]
            held = [t for t in wanted if t in terms.pairs or t in terms.syllables]
            words = [wanted[t] for t in held if t in own.pairs]
            share = min(1.0, sum(wanted[t] for t in held) / total)
            if share >= MIN_SHARE or sum(words) >= STRONG:
                anchors = [p for t in held for p in terms.pairs.get(t, terms.syllables.get(t, []))]
                pairs = frozenset(t for t in held if t in own.pairs)
                found.append(Match(share, index, sorted(anchors), pairs))
        return sorted(found, key=lambda m: (-m.share, m.index))

    def _wanted(self, terms: Terms, factor: float) -> dict[str, float]:
        wanted = {t: self.weight(t) * factor for t in terms.syllables}
        wanted.update({t: self.weight(t) * PAIR_WEIGHT * factor for t in terms.pairs})
        return wanted


def pieces(text: str) -> list[str]:
    """The parts of ``text`` between commas, semicolons and full stops (outside
    brackets) that say enough to be matched alone."""
    parts = split_outside(text, _PIECE_END)
    return [p for p in parts if len(terms_of(p).pairs) >= PIECE_MIN_PAIRS]


def compete(found: list[list[Match]]) -> list[list[Match]]:
    """Each item's matches (``found``, one list per item) less the sentences another
    item matches much better by the same words (:data:`COMPETE`): "412/412 hộ đã đăng
    ký thu gom rác" is the registration target's, not the task's that also says "thu
    gom phế liệu". A sentence that tells two things ("hương ước được quan tâm; kiểm
    tra, giám sát được duy trì") stays with both items."""
    best: dict[int, Match] = {}
    for matches in found:
        for m in matches:
            if m.index not in best or best[m.index].share < m.share:
                best[m.index] = m

    def kept(m: Match) -> bool:
        winner = best[m.index]
        return m.share >= winner.share * COMPETE or not m.words <= winner.words

    return [[m for m in matches if kept(m)] for matches in found]
