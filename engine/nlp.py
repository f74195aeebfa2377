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

import contextlib
import gc
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from .long_tokens import BoundedTokenizer, doc_text
from .model import Mention
from .numbers import (  # noqa: F401 (the finders are also reached through this module)
    DATE_PATTERNS,
    DURATION_UNITS,
    NOT_UNITS,
    TWO_SYLLABLE_UNITS,
    find_dates,
    find_numbers,
    may_hold_numbers,
)
from .people import find_persons  # persons: names with their address, rank or title
from .spacy_import import import_spacy
from .text import match_key
from .yamlio import load_yaml_cached

LEXICON_FOLDER = "lexicons"


def load_lexicon(extra: Iterable[dict[str, list[str]]] = ()) -> dict[str, list[str]]:
    """The built-in lexicon merged with extra categories/terms from rule packs."""
    merged: dict[str, list[str]] = {}
    folder = resources.files("nghiquyet.rules").joinpath(LEXICON_FOLDER)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            for category, terms in (load_yaml_cached(entry.read_text("utf-8")) or {}).items():
                merged.setdefault(category, []).extend(str(t) for t in terms)
    for addition in extra:
        for category, terms in addition.items():
            merged.setdefault(category, []).extend(str(t) for t in terms)
    return merged


# ---------------------------------------------------------------------------
# spaCy components


# Doc.user_data key of the mentions the built-in components emit with their spans:
# {group: (the SpanGroup written, [Mention, ...])}, read by :func:`emitted_mentions`.
MENTIONS_KEY = "nq_mentions"


def _spans(doc, items, claimed=()):
    """Spans of ``doc`` for (start, end, label, value, unit) character ranges, with
    ``value`` and ``unit`` set, each with its item; a range that cuts no token is
    dropped, and so is one that expands onto a span in ``claimed``: spaCy keeps an
    extension's value per character range, so it would overwrite that span's value
    (a date read as 5.0)."""
    taken = {(s.start_char, s.end_char) for s in claimed}
    found = []
    for item in items:
        start, end, label, value, unit = item
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and (span.start_char, span.end_char) not in taken:
            span._.value = value
            span._.unit = unit
            found.append((span, item))
    return found


def _emit(doc, group: str, spans: list, mentions: list[Mention]) -> None:
    """Write ``spans`` into ``doc.spans[group]`` and keep the mentions they stand for,
    so that the analysis does not read them back span by span."""
    doc.spans[group] = spans
    doc.user_data.setdefault(MENTIONS_KEY, {})[group] = (doc.spans[group], mentions)


def emitted_mentions(doc, group: str) -> list[Mention] | None:
    """The mentions a built-in component emitted with ``doc.spans[group]``; None when
    there are none, or when a later component replaced or resized that group (its
    spans are then read one by one)."""
    emitted = doc.user_data.get(MENTIONS_KEY)
    if not emitted or group not in emitted:
        return None
    spans, mentions = emitted[group]
    if doc.spans.data.get(group) is not spans or len(spans) != len(mentions):
        return None
    return mentions


def _emit_found(doc, group: str, found, mention) -> None:
    text = doc_text(doc)
    mentions = []
    for span, (_, _, label, value, unit) in found:
        start, end = span.start_char, span.end_char
        mentions.append(mention(text[start:end], start, end, label, value, unit))
    _emit(doc, group, [span for span, _ in found], mentions)


def _date(text, start, end, precision, value, unit) -> Mention:
    return Mention("date", text, start, end, value, precision)


def _number(text, start, end, kind, value, unit) -> Mention:
    return Mention(kind, text, start, end, str(value), unit)


def _person(text, start, end, label, name, unit) -> Mention:
    return Mention("person", text, start, end, name)


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
        text = doc_text(doc)
        key = doc.user_data["nq_key"] = match_key(text)  # reused by later stages
        if any(s in text for s in self.special_norms()):
            for token in doc:
                token.norm_ = key[token.idx : token.idx + len(token.text)]
            return doc
        self.fold_words(doc)
        return doc

    def fold_words(self, doc, orths=None) -> None:
        """Set the NORM of each word of ``doc`` on its lexeme: its match key. ``orths``
        is the Doc's ORTH column when the caller has read it already."""
        from spacy.attrs import ORTH

        vocab, folded = self.vocab, self.folded
        # the block's distinct words (a numpy array, read in C; Doc.count_by is slower)
        for orth in set((doc.to_array(ORTH) if orths is None else orths).tolist()):
            if orth not in folded:
                lexeme = vocab[orth]
                lexeme.norm_ = match_key(lexeme.orth_)
                folded.add(orth)


def _make_normalizer(nlp, name):
    """Fold case and tone placement into every token's NORM."""
    return _Normalizer(nlp)


def _numbers(doc):
    """Dates/deadlines into doc.spans["dates"]; % and quantities into ["numbers"]."""
    key = doc.user_data.get("nq_key") or match_key(doc_text(doc))
    if may_hold_numbers(key):
        dates = find_dates(key)
        found = _spans(doc, [(s, e, p, v, None) for s, e, v, p in dates])
        nums = find_numbers(key, [(s, e) for s, e, _, _ in dates])
        numbers = _spans(doc, nums, claimed=[span for span, _ in found])
    else:  # no digit and no date word: nothing to find
        found = numbers = []
    _emit_found(doc, "dates", found, _date)
    _emit_found(doc, "numbers", numbers, _number)
    return doc


def _people(doc):
    """Persons named with a title ("đồng chí", "đ/c", "ông", ...) into ["persons"]."""
    claimed = [*doc.spans.get("dates", []), *doc.spans.get("numbers", [])]
    persons = find_persons(doc_text(doc), doc.user_data.get("nq_key"))
    found = _spans(doc, [(s, e, "person", n, None) for s, e, n in persons], claimed)
    _emit_found(doc, "persons", found, _person)
    return doc


class _LexiconMatcher:
    """Every lexicon category matched at once, on the tone-folded NORM, into
    doc.spans["lexicon"] labelled by category."""

    def __init__(self, nlp, terms: dict[str, list[str]]):
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.labels: dict[int, str] = {}  # category by match id
        normalize = nlp.get_pipe("nq_normalizer")
        for category, words in terms.items():
            self.matcher.add(category, [normalize(nlp.make_doc(w)) for w in words])

    def __call__(self, doc):
        from spacy.tokens import Span

        text, labels = doc_text(doc), self.labels
        spans, mentions = [], []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            first, last = span.start_char, span.end_char
            words = text[first:last]
            label = labels.get(match_id) or labels.setdefault(match_id, span.label_)
            spans.append(span)
            mentions.append(Mention(label, words, first, last, words.lower()))
        _emit(doc, "lexicon", spans, mentions)
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
    with _collector_paused():
        return _assemble_pipeline(extra_lexicon, pm, config)


@contextlib.contextmanager
def _collector_paused():
    """No garbage collection while spaCy is imported and the pipeline built, and what
    exists then frozen out of later collections.

    Importing spaCy makes a few hundred thousand objects that live as long as the
    process, and the collector, prompted by every few hundred of them, walks them
    again and again: a few per cent of a cold start, for almost no garbage. Left
    in the youngest generation after the pause, they would all be walked by the next
    two collections (some 70 ms); frozen (``gc.freeze``), they never are. The price:
    garbage cycles that happen to exist at that moment stay for the process's life,
    once; a batch's ``gc.unfreeze`` (runner.py) gives everything back."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _assemble_pipeline(extra_lexicon, pm, config):
    spacy = import_spacy()  # without spaCy's command line: a third of its import time
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
