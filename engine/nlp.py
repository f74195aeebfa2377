"""The spaCy pipeline: ``spacy.blank("xx")`` plus our own components.

spaCy's multi-language tokenizer splits Vietnamese into syllables with punctuation
apart, which is what phrase matching needs; no trained model is used (none exists
here, and nothing may be downloaded). Components, in order:

``nq_normalizer``  token.norm_ = lower-case with unified tone placement
``sentencizer``    spaCy's rule-based sentence splitter
``nq_numbers``     dates and deadlines (ISO values), percentages, quantities with units
``nq_people``      persons ("đồng chí"/"đ/c" + a Vietnamese name)
``nq_lexicon``     one PhraseMatcher over every lexicon category (roles, slogans, ...)

Each writes spans into ``doc.spans[...]`` with the value in ``span.label_`` or the
``span._.value``/``span._.unit`` extensions. The pipeline is built once per process.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .long_tokens import BoundedTokenizer, doc_text
from .people import find_persons  # persons: names with their address, rank or title
from .text import match_key
from .yamlio import load_yaml

LEXICON_FOLDER = "lexicons"


def load_lexicon(extra: Iterable[dict[str, list[str]]] = ()) -> dict[str, list[str]]:
    """The built-in lexicon merged with extra categories/terms from rule packs."""
    merged: dict[str, list[str]] = {}
    folder = resources.files("nghiquyet.rules").joinpath(LEXICON_FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            for category, terms in (load_yaml(entry.read_text("utf-8")) or {}).items():
                merged.setdefault(category, []).extend(str(t) for t in terms)
    for addition in extra:
        for category, terms in addition.items():
            merged.setdefault(category, []).extend(str(t) for t in terms)
    return merged


# ---------------------------------------------------------------------------
# numbers and dates (regular expressions over the match key, same offsets)

_D = r"(\d{1,2})"
_Y = r"((?:19|20)\d{2})"
_SEP = r"\s*[/.\-]\s*"
_SEASON_END = {"đông xuân": "Q2", "chiêm": "Q2", "hè thu": "Q3", "thu đông": "Q4", "mùa": "Q4"}
_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# (kind of value, pattern); earlier patterns claim their characters first.
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("day", rf"ngày\s+{_D}\s+tháng\s+{_D}\s+năm\s+{_Y}"),
        ("day", rf"(?<![\d/.\-]){_D}{_SEP}{_D}{_SEP}{_Y}(?![\d/])"),
        (
            "term",
            rf"(?:nhiệm kỳ|năm học|giai đoạn|mùa khô|mùa mưa|niên vụ)\s+{_Y}\s*[–\-—/]\s*{_Y}",
        ),
        ("quarter", rf"quý\s+(iv|i{{1,3}}|[1-4])\s*(?:/|-|năm|,)\s*(?:năm\s+)?{_Y}"),
        (
            "season",
            rf"vụ\s+(đông xuân|hè thu|thu đông|mùa|chiêm)\s+(?:năm\s+)?(?:{_Y}\s*[–\-—/]\s*)?{_Y}",
        ),
        ("half", rf"(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm\s*{_Y}?"),
        ("month", rf"tháng\s+{_D}\s*(?:/|-|năm)\s*{_Y}"),
        ("day_no_year", rf"(?:ngày|trước|hạn|đến|từ|vào)\s+{_D}\s*/\s*{_D}(?![\d/])"),
        ("day_no_year", rf"ngày\s+{_D}\s+tháng\s+{_D}(?!\s*năm)"),
        (
            "month_no_year",
            rf"(?:trong|vào|đầu|cuối|giữa|từ|đến|hết|trước)\s+tháng\s+{_D}(?![\d/\-]|\s*năm)",
        ),
        ("quarter_no_year", r"quý\s+(iv|i{1,3}|[1-4])(?![\w/])"),
        ("year", rf"(?:năm|cuối năm|hết năm|đến năm|trong năm)\s+{_Y}(?!\d)"),
    )
)

_PERCENT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*(%|phần trăm)")
_NUMBER_RE = re.compile(r"(?<![\w/.,\-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d%/\-]|\.\d)")
_FRACTION_RE = re.compile(r"(?<![\d/])(\d{1,5})\s*/\s*(\d{1,5})(?![\d/])\s+([^\W\d_]+)")
_UNIT_RE = re.compile(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+)?)")
# Two-syllable units that must stay together ("triệu đồng", not "triệu").
TWO_SYLLABLE_UNITS = {
    "triệu đồng",
    "tỷ đồng",
    "nghìn đồng",
    "ngàn đồng",
    "học sinh",
    "đảng viên",
    "hội viên",
    "đoàn viên",
    "lượt người",
    "ngày công",
    "gia đình",
    "con số",
    "cán bộ",
    "thành viên",
    "giáo viên",
    "công nhân",
    "hộ dân",
    "hộ gia",
    "tấn rác",
    "mét vuông",
    "buổi sinh",
}
# Words after a number that are no unit: "2025–2026 tại các tiểu khu" is no quantity
NOT_UNITS = {
    "năm",
    "tháng",
    "và",
    "hoặc",
    "là",
    "của",
    "trên",
    "so",
    "đến",
    "tại",
    "ở",
    "trong",
    "cho",
    "với",
    "từ",
    "theo",
    "về",
    "khi",
    "thì",
    "nhưng",
}
# "8 tuần", "2 ngày": a length of time, neither a quantity of the problem nor a date
DURATION_UNITS = {"tuần", "ngày", "giờ", "phút", "tiếng"}


def _iso_value(kind: str, groups: tuple[str | None, ...]) -> tuple[str, str]:
    """(ISO-like value, precision) of a date match; an unwritten year is "????".

    The analysis step fills "????" with the year of the document's date line.
    """
    g = groups
    if kind in ("day", "day_no_year"):
        year = g[2] if kind == "day" else "????"
        return f"{year}-{int(g[1]):02d}-{int(g[0]):02d}", "day"
    if kind in ("month", "month_no_year"):
        year = g[1] if kind == "month" else "????"
        return f"{year}-{int(g[0]):02d}", "month"
    if kind in ("quarter", "quarter_no_year"):
        year = g[1] if kind == "quarter" else "????"
        return f"{year}-Q{_ROMAN_Q[g[0]]}", "quarter"
    if kind == "season":  # the crop season's harvest quarter: "vụ Hè Thu 2026" -> Q3
        return f"{g[2]}-{_SEASON_END[g[0]]}", "quarter"
    if kind == "half":
        return f"{g[1] or '????'}-H{1 if g[0] == 'đầu' else 2}", "half"
    if kind == "term":
        return f"{g[0]}/{g[1]}", "term"
    return g[0] or "????", "year"


def _plausible(value: str, precision: str) -> bool:
    """Reject "31/13/2026" and the like: a wrong date is no deadline."""
    if precision == "day":
        _, month, day = value.split("-")
        year = 2024 if value.startswith("????") else int(value[:4])  # 2024 is leap
        try:
            datetime.date(year, int(month), int(day))
        except ValueError:
            return False
    elif precision == "month":
        return 1 <= int(value[-2:]) <= 12
    return True


class _Taken:
    """The characters of a key already claimed by a span, one byte each: asking whether
    a match is free costs its own length, never the number of spans found so far (a
    line of a million dates stays linear)."""

    def __init__(self, size: int):
        self._marks = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._marks.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._marks[start:end] = b"\x01" * (end - start)


def find_dates(key: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso value, precision) of every date or deadline in ``key``."""
    taken = _Taken(len(key))
    found = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(key):
            if not taken.free(m.start(), m.end()):
                continue
            value, precision = _iso_value(kind, m.groups())
            if not _plausible(value, precision):
                continue
            taken.take(m.start(), m.end())
            found.append((m.start(), m.end(), value, precision))
    return sorted(found)


def _to_float(number: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        return float(number.replace(".", ""))
    return float(number.replace(",", "."))


def find_numbers(
    key: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, float, str | None]]:
    """(start, end, kind, value, unit) of percentages and quantities outside ``taken``."""

    dates, spans = _Taken(len(key)), _Taken(len(key))
    for start, end in taken:
        dates.take(start, end)
        spans.take(start, end)
    # percentages and fractions give way to dates only; bare numbers to all three
    free = dates.free
    found = []
    for m in _PERCENT_RE.finditer(key):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), "percent", _to_float(m.group(1)), "%"))
            spans.take(m.start(), m.end())
    for m in _FRACTION_RE.finditer(key):
        # "4/4 điểm", "97/412 hộ": a count out of a total is a quantity
        if free(m.start(), m.end()) and m.group(3) not in NOT_UNITS:
            found.append((m.start(), m.end(), "quantity", _to_float(m.group(1)), m.group(3)))
            spans.take(m.start(), m.end())
    free = spans.free
    for m in _NUMBER_RE.finditer(key):
        if not free(m.start(), m.end()):
            continue
        # "1." or "2)" at the start of a block is numbering, not a quantity
        if m.start() == 0 and key[m.end() : m.end() + 1] in (".", ")"):
            continue
        unit_match = _UNIT_RE.match(key, m.end())
        if not unit_match:
            continue
        words = unit_match.group(1).split()
        unit = " ".join(words[:2]) if " ".join(words[:2]) in TWO_SYLLABLE_UNITS else words[0]
        if unit in NOT_UNITS:
            continue
        end = m.end() + unit_match.group(0).index(words[0]) + len(unit)
        if free(m.start(), end):
            kind = "duration" if unit in DURATION_UNITS else "quantity"
            found.append((m.start(), end, kind, _to_float(m.group(1)), unit))
    return found


# ---------------------------------------------------------------------------
# spaCy components


def _spans(doc, items, claimed=()):
    """Spans of ``doc`` for (start, end, label, value, unit) character ranges, with
    ``value`` and ``unit`` set; a range that cuts no token is dropped, and so is one
    that expands onto a span in ``claimed``: spaCy keeps an extension's value per
    character range, so it would overwrite that span's value (a date read as 5.0)."""
    taken = {(s.start_char, s.end_char) for s in claimed}
    spans = []
    for start, end, label, value, unit in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and (span.start_char, span.end_char) not in taken:
            span._.value = value
            span._.unit = unit
            spans.append(span)
    return spans


class _Normalizer:
    """Give every token a NORM that ignores case and tone placement: the match key's
    characters under the token (``key[token.idx : token.idx + len(token)]``).

    A token's NORM falls back to its lexeme's, and a word's key is the key of the
    text at its place (the fold looks only inside the syllable), so the norm is set
    once per distinct word of the vocabulary rather than token by token: a block
    costs a count of its words in C and a fold of the words never seen before. A
    tokenizer special case that sets a NORM of its own (spaCy's for a no-break space)
    would shadow the word's norm, so a text holding one is normalised token by token.
    """

    def __init__(self, nlp):
        self.vocab = nlp.vocab
        self.nlp = nlp
        self.folded: set[int] = set()  # orth ids whose lexeme norm is their key
        self._special: tuple[str, ...] | None = None

    def special_norms(self) -> tuple[str, ...]:
        """Texts of the tokens a tokenizer special case gives a NORM of its own."""
        if self._special is None:
            from spacy.attrs import NORM, ORTH

            tokenizer = getattr(self.nlp.tokenizer, "tokenizer", self.nlp.tokenizer)
            rules = getattr(tokenizer, "rules", None) or {}
            self._special = tuple(
                sorted({t[ORTH] for parts in rules.values() for t in parts if NORM in t})
            )
        return self._special

    def __call__(self, doc):
        from spacy.attrs import ORTH

        text = doc_text(doc)
        key = doc.user_data["nq_key"] = match_key(text)  # reused by later stages
        if any(s in text for s in self.special_norms()):
            for token in doc:
                token.norm_ = key[token.idx : token.idx + len(token.text)]
            return doc
        vocab, folded = self.vocab, self.folded
        for orth in doc.count_by(ORTH):
            if orth not in folded:
                lexeme = vocab[orth]
                lexeme.norm_ = match_key(lexeme.orth_)
                folded.add(orth)
        return doc


def _make_normalizer(nlp, name):
    """Fold case and tone placement into every token's NORM."""
    return _Normalizer(nlp)


def _numbers(doc):
    """Dates/deadlines into doc.spans["dates"]; % and quantities into ["numbers"]."""
    key = doc.user_data.get("nq_key") or match_key(doc_text(doc))
    dates = find_dates(key)
    doc.spans["dates"] = _spans(doc, [(s, e, p, v, None) for s, e, v, p in dates])
    nums = find_numbers(key, [(s, e) for s, e, _, _ in dates])
    doc.spans["numbers"] = _spans(doc, nums, claimed=doc.spans["dates"])
    return doc


def _people(doc):
    """Persons named with a title ("đồng chí", "đ/c", "ông", ...) into ["persons"]."""
    claimed = [*doc.spans.get("dates", []), *doc.spans.get("numbers", [])]
    doc.spans["persons"] = _spans(
        doc, [(s, e, "person", n, None) for s, e, n in find_persons(doc_text(doc))], claimed
    )
    return doc


class _LexiconMatcher:
    """Every lexicon category matched at once, on the tone-folded NORM, into
    doc.spans["lexicon"] labelled by category."""

    def __init__(self, nlp, terms: dict[str, list[str]]):
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        normalize = nlp.get_pipe("nq_normalizer")
        for category, words in terms.items():
            self.matcher.add(category, [normalize(nlp.make_doc(w)) for w in words])

    def __call__(self, doc):
        from spacy.tokens import Span

        doc.spans["lexicon"] = [
            Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)
        ]
        return doc


def _make_lexicon(nlp, name, terms):
    """Match every lexicon category at once (roles, slogans, vague times, ...)."""
    return _LexiconMatcher(nlp, terms)


def _register_components() -> None:
    """Register our components with spaCy, once per process. spaCy is imported here,
    when the first pipeline is built, never when the command line starts."""
    from spacy.language import Language
    from spacy.tokens import Span

    if Span.has_extension("value"):
        return
    Span.set_extension("value", default=None)
    Span.set_extension("unit", default=None)
    Language.factory("nq_normalizer", func=_make_normalizer)
    Language.component("nq_numbers", func=_numbers)
    Language.component("nq_people", func=_people)
    Language.factory("nq_lexicon", default_config={"terms": {}}, func=_make_lexicon)


_PIPELINES: dict[tuple, object] = {}


def build_pipeline(
    extra_lexicon: tuple[tuple[str, tuple[str, ...]], ...] = (), pm=None, config=None
):
    """Build the pipeline, once per process for each lexicon, plugin manager and config.

    ``extra_lexicon`` comes from rule packs; plugins of ``pm`` (the process-wide
    manager by default) may add components through ``prepare_nlp``, which receives
    ``config`` (the resolved :class:`~nghiquyet.engine.config.Config`, or None when
    the caller has none).
    """
    from .plugin_manager import get_plugin_manager

    pm = pm or get_plugin_manager()
    key = (extra_lexicon, pm, config.as_key() if config is not None else None)
    if key not in _PIPELINES:
        _PIPELINES[key] = _new_pipeline(extra_lexicon, pm, config)
    return _PIPELINES[key]


def _new_pipeline(extra_lexicon, pm, config):
    import spacy

    _register_components()
    nlp = spacy.blank("xx")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # no chunk of a million characters
    nlp.add_pipe("nq_normalizer")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", ":"]})
    nlp.add_pipe("nq_numbers")
    nlp.add_pipe("nq_people")
    extra = [{k: list(v) for k, v in extra_lexicon}] if extra_lexicon else []
    nlp.add_pipe("nq_lexicon", config={"terms": load_lexicon(extra)})
    pm.hook.prepare_nlp(nlp=nlp, config=config)
    return nlp


def lexicon_path() -> Path:
    """The folder of the built-in cue lexicon (rules/lexicons), installed or not."""
    return Path(str(resources.files("nghiquyet.rules").joinpath(LEXICON_FOLDER)))
