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
    pipes = dict(nlp.pipeline)
    joined = SEPARATOR.join(texts)
    doc = nlp.make_doc(joined)
    tokens = _Tokens(doc, pipes["sentencizer"].punct_chars)
    pipes["nq_normalizer"].fold_words(doc, tokens.orths)
    lexicon = pipes["nq_lexicon"]
    matches = sorted(lexicon.matcher(doc), key=lambda m: m[1])  # stable: ties keep order
    match_starts = [m[1] for m in matches]
    parses, offset = [], 0
    try:
        for text, key in zip(texts, block_keys(texts, joined), strict=True):
            first = bisect_left(tokens.starts, offset)
            last = bisect_left(tokens.starts, offset + len(text))
            found = matches[bisect_left(match_starts, first) : bisect_left(match_starts, last)]
            block = _Block(doc, text, key, offset, first, last)
            parses.append(block.parse(tokens, found, lexicon))
            offset += len(text) + len(SEPARATOR)
    except _NotAligned:
        return None
    return parses


def block_keys(texts: list[str], joined: str) -> list[str]:
    """The match key of each of ``texts``, cut from the key of ``joined`` (the texts
    joined with :data:`SEPARATOR`) when that is the same: lower-casing looks across
    no line break (only a final sigma looks around it, and stops at one) and the
    tone fold looks at the letters beside it only. A text whose lower case changes
    length gets the key of its own (match_key then lowers it a letter at a time)."""
    if len(joined.lower()) != len(joined):
        return [match_key(text) for text in texts]
    key, keys, offset = match_key(joined), [], 0
    for text in texts:
        keys.append(key[offset : offset + len(text)])
        offset += len(text) + len(SEPARATOR)
    return keys


class _Tokens:
    """The joined Doc's tokens as columns: where each starts and ends, and which open
    a sentence (:func:`sentence_opens`)."""

    def __init__(self, doc, punct_chars):
        from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH, SENT_START

        idx, length, orth, punct, marked = doc.to_array([IDX, LENGTH, ORTH, IS_PUNCT, SENT_START]).T
        self.starts: list[int] = idx.tolist()
        self.ends: list[int] = (idx + length).tolist()
        self.orths = orth  # for the normaliser: the columns do not depend on the norms
        self.opens = sentence_opens(doc.vocab, orth, punct, marked, punct_chars)


def sentence_opens(vocab, orth, punct, marked, punct_chars) -> list[int]:
    """The tokens that spaCy's sentencizer with ``punct_chars`` makes open a sentence,
    the first token aside, from a Doc's ORTH, IS_PUNCT and SENT_START columns. Its
    rule: a token neither punctuation nor one of the marks opens one when a mark
    stands between it and the last such token before it (or the start); a token the
    Doc already marks (the tokenizer marks the first token of each piece of an
    over-long run) keeps its mark. The sentencizer applies the rule token by token
    in Python; here it is read from the columns at once."""
    import numpy

    marks = numpy.array([vocab.strings[c] for c in punct_chars], dtype=orth.dtype)
    mark = numpy.isin(orth, marks)
    words = numpy.flatnonzero(~mark & (punct == 0))
    marks_before = (numpy.cumsum(mark) - mark)[words]  # marks before each such token
    since_last = marks_before - numpy.concatenate(([0], marks_before[:-1]))
    ruled = numpy.zeros(len(orth), dtype=bool)
    ruled[words[since_last > 0]] = True
    return numpy.flatnonzero((marked == 1) | (ruled & (marked == 0))).tolist()


class _Block:
    """One block of the joined Doc: its text, where it starts, its tokens."""

    def __init__(self, doc, text: str, key: str, offset: int, first: int, last: int):
        self.doc, self.text, self.key, self.offset = doc, text, key, offset
        self.first, self.last = first, last

    def parse(self, tokens: _Tokens, matches, lexicon) -> BlockParse:
        """The block's key, sentences and mentions."""
        mentions = self.numbers_and_persons()
        mentions += self.lexicon(tokens, matches, lexicon)
        mentions.sort(key=lambda m: (m.start, -m.end))
        return BlockParse(self.key, self.sentences(tokens), mentions)

    def sentences(self, tokens: _Tokens) -> list[tuple[int, int]]:
        """(start, end) of each sentence, as ``doc.sents`` of the block alone: its
        first token opens one, and so does each of the Doc's ``opens`` inside it."""
        first, last, offset, all_opens = self.first, self.last, self.offset, tokens.opens
        opens = [first, *all_opens[bisect_right(all_opens, first) : bisect_left(all_opens, last)]]
        starts, ends = tokens.starts, tokens.ends
        return [
            (starts[s] - offset, ends[e - 1] - offset)
            for s, e in zip(opens, [*opens[1:], last], strict=True)
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
        persons = self.aligned(find_persons(text, key), claimed)
        return [
            *(Mention("date", text[s:e], s, e, i[3], i[2]) for s, e, i in dates),
            *(Mention(i[2], text[s:e], s, e, str(i[3]), i[4]) for s, e, i in numbers),
            *(Mention("person", text[s:e], s, e, i[2]) for s, e, i in persons),
        ]

    def lexicon(self, tokens: _Tokens, matches, lexicon) -> list[Mention]:
        """The phrase matches inside the block, as ``nq_lexicon`` emits them."""
        text, offset, labels, out = self.text, self.offset, lexicon.labels, []
        strings = self.doc.vocab.strings
        for match_id, start, end in matches:
            if end > self.last:
                continue  # runs over the blank line: no block alone holds it
            first = tokens.starts[start] - offset
            last = tokens.ends[end - 1] - offset
            words = text[first:last]
            label = labels.get(match_id) or labels.setdefault(match_id, strings[match_id])
            out.append(Mention(label, words, first, last, words.lower()))
        return out
