"""One spaCy ``Doc`` per draft, its blocks read as ranges of it.

Run block by block, the pipeline pays spaCy's fixed costs (a ``Doc``, its user data,
five component calls through ``Language.pipe``) once per paragraph: most of its time
on a draft of short paragraphs. Here the blocks are joined with a blank line into one
text, tokenized, normalised, split into sentences and phrase-matched once, and each
block reads its own tokens back. Dates, numbers and persons are found block by block
on the block's own text and key, as the components do.

What each block gets is what the pipeline run on the block alone gives (the tests
hold every block we have to it):

* spaCy's tokenizer splits at whitespace and reads each chunk alone, so a block's
  tokens are the same; the blank line between blocks is a token of its own.
* the sentencizer's state is reset by that token (neither punctuation nor one of its
  marks), so inside a block it opens the same sentences; a block's first token opens
  one, as in a Doc of its own.
* a phrase match is a run of the block's tokens, or crosses the blank line and is
  left out (no block alone could hold it).

Only the built-in pipeline is run this way, on blocks with no blank at either end and
no character that a tokenizer special case gives a norm of its own (spaCy's no-break
space); any other pipeline (a plugin's component reads one Doc per block), or any
such block, takes the pipeline block by block (:func:`parse_blocks`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from .long_tokens import BoundedTokenizer
from .model import Mention
from .numbers import find_dates, find_numbers, may_hold_numbers
from .people import find_persons
from .text import match_key

SEPARATOR = "\n\n"  # between blocks: a token of whitespace that opens no sentence
BUILT_IN = ("nq_normalizer", "sentencizer", "nq_numbers", "nq_people", "nq_lexicon")


class BlockParse(NamedTuple):
    """What the pipeline found in one block: its match key, its sentences as
    (start, end) character ranges, its mentions in text order."""

    key: str
    sentences: list[tuple[int, int]]
    mentions: list[Mention]


class _NotAligned(Exception):
    """A span of the joined Doc reaches out of its block: run block by block."""


def joinable(nlp, texts: list[str]) -> bool:
    """True when ``texts`` can be run as one Doc through ``nlp`` (see above)."""
    from spacy.pipeline import Sentencizer
    from spacy.tokenizer import Tokenizer

    from .nlp import _LexiconMatcher, _Normalizer, _numbers, _people

    if tuple(nlp.pipe_names) != BUILT_IN or not isinstance(nlp.tokenizer, BoundedTokenizer):
        return False
    pipes = dict(nlp.pipeline)
    built_in = (
        type(nlp.tokenizer.tokenizer) is Tokenizer
        and type(pipes["nq_normalizer"]) is _Normalizer
        and type(pipes["sentencizer"]) is Sentencizer
        and pipes["nq_numbers"] is _numbers
        and pipes["nq_people"] is _people
        and type(pipes["nq_lexicon"]) is _LexiconMatcher
    )
    if not built_in or not texts:
        return False
    special = pipes["nq_normalizer"].special_norms()
    return all(
        text and not text[0].isspace() and not text[-1].isspace() for text in texts
    ) and not any(s in text for text in texts for s in special)


def parse_draft(nlp, texts: list[str]) -> list[BlockParse] | None:
    """Each block's :class:`BlockParse` from one Doc of the whole draft, or None when
    the draft must be run block by block (:func:`joinable`)."""
    if not joinable(nlp, texts):
        return None
    from spacy.attrs import IDX, LENGTH

    pipes = dict(nlp.pipeline)
    doc = nlp.make_doc(SEPARATOR.join(texts))
    pipes["nq_normalizer"].fold_words(doc)
    opens = sentence_opens(doc, pipes["sentencizer"].punct_chars)
    columns = doc.to_array([IDX, LENGTH]).tolist()
    starts = [c[0] for c in columns]
    lexicon = pipes["nq_lexicon"]
    matches = sorted(lexicon.matcher(doc), key=lambda m: m[1])  # stable: ties keep order
    match_starts = [m[1] for m in matches]
    parses, offset = [], 0
    try:
        for text in texts:
            first = bisect_left(starts, offset)
            last = bisect_left(starts, offset + len(text))
            found = matches[bisect_left(match_starts, first) : bisect_left(match_starts, last)]
            block = _Block(doc, text, offset, first, last)
            parses.append(block.parse(columns, opens, found, lexicon))
            offset += len(text) + len(SEPARATOR)
    except _NotAligned:
        return None
    return parses


def sentence_opens(doc, punct_chars) -> list[int]:
    """The tokens of ``doc`` that spaCy's sentencizer with ``punct_chars`` makes open
    a sentence, the first token aside. Its rule: a token neither punctuation nor one
    of the marks opens one when a mark stands between it and the last such token
    before it (or the start); a token the Doc already marks (the tokenizer marks the
    first token of each piece of an over-long run) keeps its mark. The sentencizer
    applies the rule token by token in Python; here it is read from the Doc's
    columns at once."""
    import numpy
    from spacy.attrs import IS_PUNCT, ORTH, SENT_START

    orth, punct, marked = doc.to_array([ORTH, IS_PUNCT, SENT_START]).T
    marks = numpy.array([doc.vocab.strings[c] for c in punct_chars], dtype=orth.dtype)
    mark = numpy.isin(orth, marks)
    words = numpy.flatnonzero(~mark & (punct == 0))
    marks_before = (numpy.cumsum(mark) - mark)[words]  # marks before each such token
    since_last = marks_before - numpy.concatenate(([0], marks_before[:-1]))
    ruled = numpy.zeros(len(orth), dtype=bool)
    ruled[words[since_last > 0]] = True
    return numpy.flatnonzero((marked == 1) | (ruled & (marked == 0))).tolist()


class _Block:
    """One block of the joined Doc: its text, where it starts, its tokens."""

    def __init__(self, doc, text: str, offset: int, first: int, last: int):
        self.doc, self.text, self.offset = doc, text, offset
        self.first, self.last = first, last
        self.key = match_key(text)

    def parse(self, columns, opens, matches, lexicon) -> BlockParse:
        """The block's key, sentences and mentions."""
        mentions = self.numbers_and_persons()
        mentions += self.lexicon(columns, matches, lexicon)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return BlockParse(self.key, self.sentences(columns, opens), mentions)

    def sentences(self, columns, opens) -> list[tuple[int, int]]:
        """(start, end) of each sentence, as ``doc.sents`` of the block alone: its
        first token opens one, and so does each of ``opens`` inside it."""
        first, last, offset = self.first, self.last, self.offset
        opens = [first, *opens[bisect_right(opens, first) : bisect_left(opens, last)]]
        ends = [*opens[1:], last]
        return [
            (columns[s][0] - offset, columns[e - 1][0] + columns[e - 1][1] - offset)
            for s, e in zip(opens, ends, strict=True)
        ]

    def aligned(self, items, claimed=()) -> list[tuple[int, int, tuple]]:
        """(start, end, item) of each (start, end, ...) ``item`` widened to whole
        tokens, as the components' ``char_span(..., alignment_mode="expand")`` on the
        block's own Doc; a range in ``claimed`` is dropped, as there."""
        doc, offset, out = self.doc, self.offset, []
        for item in items:
            span = doc.char_span(offset + item[0], offset + item[1], alignment_mode="expand")
            if span is None or span.start < self.first or span.end > self.last:
                raise _NotAligned
            start, end = span.start_char - offset, span.end_char - offset
            if (start, end) not in claimed:
                out.append((start, end, item))
        return out

    def numbers_and_persons(self) -> list[Mention]:
        """Dates, numbers and persons, as ``nq_numbers`` and ``nq_people`` find them."""
        text, key = self.text, self.key
        dates = numbers = []
        if may_hold_numbers(key):
            found = find_dates(key)
            dates = self.aligned([(s, e, p, v) for s, e, v, p in found])
            taken = {(s, e) for s, e, _ in dates}
            numbers = self.aligned(find_numbers(key, [(s, e) for s, e, _, _ in found]), taken)
        claimed = {(s, e) for s, e, _ in (*dates, *numbers)}
        persons = self.aligned(find_persons(text), claimed)
        return [
            *(Mention("date", text[s:e], s, e, i[3], i[2]) for s, e, i in dates),
            *(Mention(i[2], text[s:e], s, e, str(i[3]), i[4]) for s, e, i in numbers),
            *(Mention("person", text[s:e], s, e, i[2]) for s, e, i in persons),
        ]

    def lexicon(self, columns, matches, lexicon) -> list[Mention]:
        """The phrase matches inside the block, as ``nq_lexicon`` emits them."""
        text, offset, labels, out = self.text, self.offset, lexicon.labels, []
        strings = self.doc.vocab.strings
        for match_id, start, end in matches:
            if end > self.last:
                continue  # runs over the blank line: no block alone holds it
            first = columns[start][0] - offset
            last = columns[end - 1][0] + columns[end - 1][1] - offset
            words = text[first:last]
            label = labels.get(match_id) or labels.setdefault(match_id, strings[match_id])
            out.append(Mention(label, words, first, last, words.lower()))
        return out
